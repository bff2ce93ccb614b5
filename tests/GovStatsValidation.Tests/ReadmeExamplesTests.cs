using GovStatsValidation.Checking;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;
using Microsoft.Extensions.DependencyInjection;

namespace GovStatsValidation.Tests;

/// <summary>The code shown in README.md, kept compiling and true.</summary>
public sealed class ReadmeExamplesTests
{
    [Test]
    public void UsingTheLibrary_ReadmeSnippet_FindsThePartsIdentityBroken()
    {
        // README "Using the library"
        var services = new ServiceCollection().AddGovStatsValidation(o => o.Language = "en").BuildServiceProvider();
        var checker = services.GetRequiredService<IReportChecker>();

        var report = new AnnualReport { Agency = new Agency("示例县人民政府"), Year = 2016, Schema = SchemaVersion.Pre2019 };
        report.Cells[Pre2019Cells.RequestsReceived] = 224m;
        report.Cells[Pre2019Cells.RequestsReceivedInPerson] = 18m;

        var lines = checker.Check(report).Findings.Select(f => $"{f.Severity} {f.RuleId}: {f.Message.En} [{f.Formula}]").ToList();

        // Only in-person is printed among the parts (the others are absent), so the parts identity is not applicable;
        // the missing table parts do not produce a false sum error.
        Assert.That(lines, Has.None.Contains("pre2019.parts-sum"));
        report.Cells[Pre2019Cells.RequestsReceivedFax] = 0m;
        report.Cells[Pre2019Cells.RequestsReceivedOnline] = 131m;
        report.Cells[Pre2019Cells.RequestsReceivedLetter] = 70m;
        var finding = checker.Check(report).Findings.Single(f => f.RuleId == "pre2019.parts-sum");
        Assert.That(finding.Formula, Is.EqualTo("224 ≠ 18 + 0 + 131 + 70 (= 219)"));
        Assert.That(finding.Message.En, Does.Contain("difference 5"));
    }
}
