using GovStatsValidation.Json;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using NUnit.Framework;
using static GovStatsValidation.CrossReport.Tests.TestSupport;

namespace GovStatsValidation.CrossReport.Tests.Rules;

/// <summary>
/// cross.cumulative (rules/cross/previous-year.cross.json): in the two-column pre-2019 table, 历年累计(t) = 历年累计(t−1) +
/// 本年度(t). Fixtures: tests/data/variants/two-column-*.json.
/// </summary>
[TestFixture]
public sealed class CumulativeRuleTests
{
    private static readonly CrossReportChecker Checker = new(new CrossReportOptions { TextProvider = _ => null });

    private static AnnualReport Fixture(string name) => ReportJson.ReadFile(Path.Combine(RepoRoot, "tests", "data", "variants", name));

    [Test]
    public void Check_CumulativeFollowsLastYear_NoWarningAndEveryRowCompared()
    {
        var findings = Checker.Check([Fixture("two-column-2013.json"), Fixture("two-column-2014.json")]);

        Assert.Multiple(() =>
        {
            Assert.That(findings.AtLeast(Severity.Warning), Is.Empty, string.Join("\n", findings.Select(f => f.Finding)));
            Assert.That(findings.Rule("cross.cumulative"), Is.Empty, "every row balanced, none not applicable");
        });
    }

    [Test]
    public void Check_CumulativeShortOfLastYearPlusThisYear_WarnsPerRowWithTheFormula()
    {
        var findings = Checker.Check([Fixture("two-column-2014.json"), Fixture("two-column-2015-cumulative-short.json")]);

        var warnings = findings.Rule("cross.cumulative").AtLeast(Severity.Warning);
        Assert.That(warnings.Select(f => f.Finding.Instance), Is.EquivalentTo(new[] { "row=active.total", "row=active.channels.website" }));
        var total = warnings.Single(f => f.Finding.Instance == "row=active.total").Finding;
        Assert.Multiple(() =>
        {
            Assert.That(total.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(total.Formula, Is.EqualTo("81000 ≠ 78967 + 3000 (= 81967)"));
            Assert.That(total.Actual, Is.EqualTo(81000m));
            Assert.That(total.Expected, Is.EqualTo(81967m));
            Assert.That(total.Cells.Select(c => c.Id.Value), Is.EqualTo(new[] { "active.total", "active.total[cumulative]", "prev.active.total[cumulative]" }));
            Assert.That(total.Message.Zh, Does.Contain("相差 -967"));
        });
    }

    [Test]
    public void Check_PreviousReportInNationalForm_NotApplicableSayingWhy()
    {
        var national2013 = Report("示例综合实验区管委会", 2013, Schemas.SchemaVersion.Pre2019, ("active.total", 2210), ("active.channels.website", 2180), ("active.channels.gazette", 30));

        var findings = Checker.Check([national2013, Fixture("two-column-2014.json")]);

        var info = findings.Rule("cross.cumulative");
        Assert.That(info, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(info[0].Finding.Severity, Is.EqualTo(Severity.Info));
            Assert.That(info[0].Finding.Instance, Is.EqualTo("not-applicable"));
            Assert.That(info[0].Finding.Message.En, Does.Contain("the other report is printed in the national form and has no active.total[cumulative]"));
        });
    }

    [Test]
    public void Check_TwoNationalReports_CumulativeRuleNotRunAtAll()
    {
        var findings = Checker.Check([
            Report("示例县人民政府", 2015, Schemas.SchemaVersion.Pre2019, ("active.total", 10)),
            Report("示例县人民政府", 2016, Schemas.SchemaVersion.Pre2019, ("active.total", 12))]);

        Assert.That(findings.Rule("cross.cumulative"), Is.Empty);
    }
}
