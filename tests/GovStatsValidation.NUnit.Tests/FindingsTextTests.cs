using System.Globalization;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.TestUtils;
using NUnit.Framework;

namespace GovStatsValidation.NUnit.Tests;

[TestFixture]
public sealed class FindingsTextTests
{
    [Test]
    public void Format_BrokenReport_HasHeaderAndOneBlockPerFinding()
    {
        var text = FindingsText.Format(new ReportChecker().Check(ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build()));
        var lines = text.Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("report: 示例市交通运输局 2023 (2021)"));
            Assert.That(lines[1], Is.EqualTo("findings: 2 error(s), 0 warning(s), 0 info"));
            Assert.That(lines.Count(l => l.StartsWith("error ", StringComparison.Ordinal)), Is.EqualTo(2));
            Assert.That(lines, Does.Contain("    requests.new[total] = 160"));
            Assert.That(lines, Does.Contain("  suspect: requests.new[total] (corrected 159)"));
            Assert.That(text, Does.Not.EndWith("\n"));
        });
    }

    [Test]
    public void Format_AnyInputOrder_SameText()
    {
        var findings = new ReportChecker().Check(ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build()).Findings;

        Assert.That(FindingsText.Format(findings.Reverse()), Is.EqualTo(FindingsText.Format(findings)));
    }

    [Test]
    [SetCulture("de-DE")]
    public void Format_GermanCulture_NumbersInvariantWithoutTrailingZeros()
    {
        var finding = ReportsTests.MakeFinding("x.rule", Severity.Warning) with { Expected = 236.4875m, Actual = 5.000m };

        var text = FindingsText.Format([finding]);

        Assert.That(CultureInfo.CurrentCulture.Name, Is.EqualTo("de-DE"));
        Assert.That(text, Does.Contain("  expected: 236.4875\n  actual: 5\n  difference: -231.4875"));
    }

    [Test]
    public void Format_SourcePath_IsNotIncluded()
    {
        var report = ReportBuilder.Clean2021().Build();
        report.Source = "/some/where/report.json";

        Assert.That(FindingsText.Format(new ReportCheckResult(report, [])), Is.EqualTo("report: 示例市交通运输局 2023 (2021)\nfindings: 0 error(s), 0 warning(s), 0 info"));
    }

    [Test]
    public void Format_CellStates_ShowDisplayAndRaw()
    {
        var finding = ReportsTests.MakeFinding("x.rule", Severity.Info) with
        {
            Cells =
            [
                new FindingCell("a", "a", CellState.Blank, null, null, 3),
                new FindingCell("b", "b", CellState.Unreadable, null, "约100", null),
            ],
        };

        var text = FindingsText.Format([finding]);

        Assert.That(text, Does.Contain("    a = (blank) (line 3)\n    b = 约100"));
    }
}
