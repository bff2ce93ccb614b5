using GovStatsValidation.Checking;
using GovStatsValidation.Json;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Rules;

/// <summary>
/// The pre-2019 rules over the two-column variant: every identity holds in the 本年度 column (plain cell ids) and in the
/// 历年累计 column (<c>ROW[cumulative]</c>). Fixtures: tests/data/variants/.
/// </summary>
[TestFixture]
public sealed class TwoColumnVariantTests
{
    [Test]
    public void Check_BalancedTwoColumnReport_NoWarningOrError()
    {
        var report = ReportJson.ReadFile(RepoPaths.Variant("two-column-2014.json"));

        var result = RuleHarness.BuiltIn.Check(report);

        Assert.That(result.Findings.Where(f => f.Severity >= Severity.Warning).Select(f => $"{f.RuleId} {f.Message.En}"), Is.Empty);
    }

    [Test]
    public void Explain_BalancedTwoColumnReport_PartsSumPassesInBothColumns()
    {
        var report = ReportJson.ReadFile(RepoPaths.Variant("two-column-2014.json"));

        var current = RuleHarness.BuiltIn.Single(report, "pre2019.parts-sum", "row=requests.received");
        var cumulative = RuleHarness.BuiltIn.Single(report, "pre2019.parts-sum", "row=requests.received,column=cumulative");

        Assert.Multiple(() =>
        {
            Assert.That(current.Outcome, Is.EqualTo(RuleOutcome.Passed));
            Assert.That(current.Formula, Is.EqualTo("1 = 0 + 1 + 0 (= 1)"));
            Assert.That(cumulative.Outcome, Is.EqualTo(RuleOutcome.Passed));
            Assert.That(cumulative.Formula, Is.EqualTo("1 = 0 + 1 + 0 (= 1)"));
        });
    }

    [Test]
    public void Check_CumulativeTotalAboveItsParts_OneErrorOnTheCumulativeColumn()
    {
        var report = ReportJson.ReadFile(RepoPaths.Variant("two-column-2014-cumulative-parts.json"));

        var errors = RuleHarness.BuiltIn.Check(report).Findings.Where(f => f.Severity == Severity.Error).ToList();

        Assert.That(errors, Has.Count.EqualTo(1));
        var finding = errors[0];
        Assert.Multiple(() =>
        {
            Assert.That(finding.RuleId, Is.EqualTo("pre2019.parts-sum"));
            Assert.That(finding.Instance, Is.EqualTo("row=requests.received,column=cumulative"));
            Assert.That(finding.Formula, Is.EqualTo("2 ≠ 0 + 1 + 0 (= 1)"));
            Assert.That(finding.Cells.Select(c => c.Id.Value), Is.EqualTo(new[]
            {
                "requests.received[cumulative]", "requests.received.in_person[cumulative]", "requests.received.letter_fax[cumulative]", "requests.received.online[cumulative]",
            }));
            Assert.That(finding.Message.Zh, Does.StartWith("【历年累计栏】"));
            Assert.That(finding.Message.En, Does.StartWith("[cumulative column] "));
        });
    }

    [Test]
    public void Check_NationalReport_NoInstanceOverAColumnItDoesNotPrint()
    {
        var report = ReportBuilder.CleanPre2019().Build();

        var evaluations = RuleHarness.BuiltIn.Explain(report);

        Assert.Multiple(() =>
        {
            Assert.That(evaluations.Where(e => e.Instance.Contains("column=", StringComparison.Ordinal)), Is.Empty);
            Assert.That(evaluations, Has.Count.EqualTo(RuleCatalog.BuiltIn.InstanceCount(SchemaVersion.Pre2019)));
        });
    }

    [Test]
    public void Check_TwoColumnReportWithoutCumulativeFigures_TwinRulesNotApplicable()
    {
        var report = ReportJson.ReadFile(RepoPaths.Variant("two-column-2014.json"));
        foreach (var id in report.Cells.Select(c => c.Key).Where(id => id.Column == "cumulative").ToList())
        {
            report.Cells.Remove(id);
        }

        var twins = RuleHarness.BuiltIn.Explain(report).Where(e => e.Instance.Contains("column=cumulative", StringComparison.Ordinal)).ToList();

        Assert.That(twins, Is.Not.Empty);
        Assert.That(twins.Select(e => e.Outcome).Distinct(), Is.EqualTo(new[] { RuleOutcome.NotApplicable }));
    }
}
