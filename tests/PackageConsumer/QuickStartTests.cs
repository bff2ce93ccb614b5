using GovStatsValidation;
using GovStatsValidation.Checking;
using GovStatsValidation.Json;
using GovStatsValidation.NUnit;
using GovStatsValidation.Rules;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace ReportPipeline.Tests;

/// <summary>
/// The quick start's behaviour through the packed packages, with exact assertions (the documents' own C# blocks are built
/// and run as they stand by <see cref="DocSnippets.DocsSnippetTests"/>).
/// </summary>
[TestFixture]
public sealed class QuickStartTests
{
    [Test]
    public void PackageConsumer_QuickStart_ChecksAReport()
    {
        var path = PipelineServices.Example("seed-004-tongxiang-enforcement-2020.json");
        var output = new StringWriter();
        var standardOut = Console.Out;
        Console.SetOut(output);
        try
        {
            using var services = new ServiceCollection()
                .AddGovStatsValidation(options =>
                {
                    options.Language = "en";
                    options.SeverityOverrides["2019.applications.result-total-blank"] = Severity.Error;
                    options.DisabledRules.Add("2019.applications.flow-with-computed-total");
                })
                .BuildServiceProvider();
            var checker = services.GetRequiredService<IReportChecker>();
            var result = checker.Check(ReportJson.ReadFile(path));
            foreach (var finding in result.Findings)
            {
                Console.WriteLine(finding);
            }
        }
        finally
        {
            Console.SetOut(standardOut);
        }

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(3));
        Assert.That(lines.Count(l => l.StartsWith("error 2019.applications.result-total-blank: ", StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(lines, Has.One.StartsWith("error 2019.table.missing: "));
    }

    [Test]
    public void AnnualReport_2016_IsConsistent()
    {
        var report = ReportJson.ReadFile(PipelineServices.Example("synthetic-clean-pre2019-2016.json"));

        Assert.That(report, Reports.AreConsistent);
        Assert.That(report, Reports.HaveNoFindingsAtOrAbove(Severity.Warning));
        Assert.That(report, Reports.HaveFinding("pre2019.channels.cover").On("active.total"));
        Snapshots.MatchFindings(new ReportChecker().Check(report));
    }
}
