using System.Text;
using GovStatsValidation.Checking;
using GovStatsValidation.CrossReport;
using GovStatsValidation.Findings;
using GovStatsValidation.Json;
using GovStatsValidation.Model;
using GovStatsValidation.Readers.Narrative;
using GovStatsValidation.Readers.Pipeline;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Pipeline;

/// <summary>The library entry point: what <c>govstats check</c> does, registered as an integrator registers it.</summary>
[TestFixture]
public sealed class ReportPipelineTests
{
    private static ServiceProvider Services(Action<ReportReadingOptions>? reading = null, bool cross = true)
    {
        var services = new ServiceCollection().AddGovStatsValidation(o => o.Language = "en").AddReaders(reading);
        if (cross)
        {
            services.AddCrossReport();
        }

        return services.BuildServiceProvider();
    }

    private static string Examples => Path.Combine(TestPaths.RepoRoot, "tests", "data", "examples");

    [Test]
    public async Task CheckFileAsync_SeedText_ReadAsPublishedReportNotAsJson()
    {
        var seed = TestPaths.Shared("seeds/002_e99a8cc1a0651ffc.txt");
        using var services = Services();
        var result = await services.GetRequiredService<IReportPipeline>().CheckFileAsync(seed);
        Assert.Multiple(() =>
        {
            Assert.That(result.Report.Input?.Format, Is.EqualTo("text"));
            Assert.That(result.Report.Year, Is.EqualTo(2017));
            Assert.That(result.Report.Cells.Count(c => c.Value.Number is not null), Is.GreaterThan(10));
            Assert.That(result.Report.Claims, Is.Not.Empty, "narrative figures are read in the library path");
            Assert.That(result.Findings.Select(f => f.RuleId), Does.Contain("narrative.figure.table"));
        });
    }

    [Test]
    public async Task CheckStreamAsync_SameBytesAsFile_SameFindings()
    {
        var seed = TestPaths.Shared("seeds/003_1a63cabe0a2d3b9a.txt");
        using var services = Services();
        var pipeline = services.GetRequiredService<IReportPipeline>();
        var fromFile = await pipeline.CheckFileAsync(seed);
        await using var stream = new MemoryStream(await File.ReadAllBytesAsync(seed));
        var fromStream = await pipeline.CheckStreamAsync(stream, seed);
        Assert.That(fromStream.Findings.Select(Key), Is.EqualTo(fromFile.Findings.Select(Key)).And.Not.Empty);
    }

    [Test]
    public async Task CheckStreamAsync_ExtractedJsonWithClaims_NarrativeFindingsAsForTheText()
    {
        // The JSON `govstats extract` writes keeps the narrative claims; checked through the library it must get the
        // same narrative warning as the text (it used to get none: the library ran no narrative checks).
        var seed = TestPaths.Shared("seeds/002_e99a8cc1a0651ffc.txt");
        using var services = Services();
        var pipeline = services.GetRequiredService<IReportPipeline>();
        var fromText = await pipeline.CheckFileAsync(seed);
        var json = ReportJson.Write(fromText.Report);
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var fromJson = await pipeline.CheckStreamAsync(stream, "seed-002.json");
        Assert.Multiple(() =>
        {
            Assert.That(fromJson.Report.Input?.Format, Is.EqualTo("text"), "the JSON keeps how the text was read");
            Assert.That(fromJson.Findings.Where(f => f.RuleId.StartsWith("narrative.", StringComparison.Ordinal)).Select(Key),
                Is.EqualTo(fromText.Findings.Where(f => f.RuleId.StartsWith("narrative.", StringComparison.Ordinal)).Select(Key)).And.Not.Empty);
        });
    }

    [Test]
    public async Task CheckAsync_ExamplesFolder_DeterministicWhateverTheParallelism()
    {
        using var one = Services(o => o.MaxDegreeOfParallelism = 1);
        using var four = Services(o => o.MaxDegreeOfParallelism = 4);
        var a = await one.GetRequiredService<IReportPipeline>().CheckAsync([Examples]);
        var b = await four.GetRequiredService<IReportPipeline>().CheckAsync([Examples]);
        Assert.Multiple(() =>
        {
            Assert.That(a.Results.Select(r => r.Report.Source), Is.Ordered.Using((IComparer<string?>)StringComparer.Ordinal));
            Assert.That(b.Results.SelectMany(r => r.Findings.Select(f => $"{r.Report.Source} {Key(f)}")),
                Is.EqualTo(a.Results.SelectMany(r => r.Findings.Select(f => $"{r.Report.Source} {Key(f)}"))).And.Not.Empty);
            Assert.That(b.CrossReport!.Select(c => $"{c.Subject} {Key(c.Finding)}"), Is.EqualTo(a.CrossReport!.Select(c => $"{c.Subject} {Key(c.Finding)}")));
        });
    }

    [Test]
    public async Task CheckAsync_FolderOfSeveralReports_CrossReportFindingsAndJurisdictions()
    {
        using var services = Services();
        var result = await services.GetRequiredService<IReportPipeline>().CheckAsync([Examples]);
        Assert.Multiple(() =>
        {
            Assert.That(result.Results, Has.Count.EqualTo(Directory.GetFiles(Examples, "*.json").Length));
            Assert.That(result.CrossReport, Is.Not.Null.And.Not.Empty);
            Assert.That(result.Jurisdictions!.SelectMany(j => j.Reports).ToList(), Has.Count.EqualTo(result.Results.Count));
        });
    }

    [Test]
    public async Task CheckAsync_LastYearsReportInTheSet_LocalizationUsesItsCarriedForwardFigure()
    {
        // This year's 上年结转 of one column typed 20 for 2; last year's report, in the same folder, carried forward 2.
        var dir = Directory.CreateTempSubdirectory("govstats-pipeline-");
        try
        {
            var thisYear = ReportBuilder.Clean2021().Set("requests.carried_over[org.commercial]", 20).Build();
            var lastYear = ReportBuilder.Clean2021().Year(thisYear.Year - 1).Set("requests.carry_forward[org.commercial]", 2).Build();
            var thisPath = Path.Combine(dir.FullName, "this.json");
            await File.WriteAllTextAsync(thisPath, ReportJson.Write(thisYear));
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "last.json"), ReportJson.Write(lastYear));
            using var services = Services();
            var pipeline = services.GetRequiredService<IReportPipeline>();

            var alone = await pipeline.CheckFileAsync(thisPath);
            var inSet = (await pipeline.CheckAsync([dir.FullName])).Results.Single(r => r.Report.Year == thisYear.Year);

            static IEnumerable<string> Evidence(ReportCheckResult r) => r.Localization!.Errors.SelectMany(e => e.Cells).SelectMany(c => c.Evidence).Select(e => e.Kind);
            Assert.Multiple(() =>
            {
                Assert.That(Evidence(alone), Does.Not.Contain("previous-year-supports-correction"));
                Assert.That(Evidence(inSet), Does.Contain("previous-year-supports-correction"));
                Assert.That(inSet.Localization!.Errors.Single().Cells.Single().Proposed, Is.EqualTo(2m));
            });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public async Task CheckAsync_YearOverYearMismatch_SuspectFromTheReportWhoseOwnTableBlamesIt()
    {
        // Last year's 结转下年度 of one column typed with a digit added breaks last year's own table, which localizes it; the
        // year-over-year finding of that column points at it with that correction, not at this year's cell.
        var dir = Directory.CreateTempSubdirectory("govstats-pipeline-");
        try
        {
            var thisYear = ReportBuilder.Clean2021().Build();
            var lastYear = ReportBuilder.Clean2021().Year(thisYear.Year - 1).Build();
            var typed = new CellId("requests.carry_forward[org.commercial]");
            var original = lastYear.Cells[typed].Number!.Value;
            lastYear.Cells[typed] = CellValue.Of(original * 10 + 1);
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "this.json"), ReportJson.Write(thisYear));
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "last.json"), ReportJson.Write(lastYear));
            using var services = Services();

            var cross = (await services.GetRequiredService<IReportPipeline>().CheckAsync([dir.FullName])).CrossReport!
                .Where(c => c.Finding.RuleId == "cross.carry-over" && c.Finding.Cells.Any(x => x.Id.Value == "prev." + typed.Value)).ToList();

            var suspect = cross.Single().Finding.Suspect!;
            Assert.Multiple(() =>
            {
                Assert.That(suspect.Cell.Value, Is.EqualTo("prev." + typed.Value));
                Assert.That(suspect.CorrectedValue, Is.EqualTo(original));
                Assert.That(suspect.IsAmbiguous, Is.False);
            });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public async Task CheckAsync_YearOverYearMismatchBothTablesBalance_AmbiguousBetweenTheTwoYears()
    {
        var dir = Directory.CreateTempSubdirectory("govstats-pipeline-");
        try
        {
            var thisYear = ReportBuilder.Clean2021().Build();
            var lastYear = ReportBuilder.Clean2021().Year(thisYear.Year - 1).Build();
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "this.json"), ReportJson.Write(thisYear));
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "last.json"), ReportJson.Write(lastYear));
            using var services = Services();

            var failing = (await services.GetRequiredService<IReportPipeline>().CheckAsync([dir.FullName])).CrossReport!
                .Where(c => c.Finding.RuleId == "cross.carry-over").Select(c => c.Finding).ToList();

            Assert.That(failing, Is.Not.Empty, "the clean report's carried-over row differs from its own carried-forward row");
            Assert.Multiple(() =>
            {
                foreach (var f in failing)
                {
                    Assert.That(f.Suspect, Is.Not.Null, f.Formula);
                    Assert.That(f.Suspect!.Cell.Value, Does.StartWith("requests.carried_over["));
                    Assert.That(f.Suspect.CorrectedValue, Is.EqualTo(f.Expected));
                    Assert.That(f.Suspect.Alternatives.Single().Cell.Value, Does.StartWith("prev.requests.carry_forward["));
                    Assert.That(f.Suspect.Alternatives.Single().CorrectedValue, Is.EqualTo(f.Actual));
                }
            });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public async Task CheckAsync_ReportPublishedAsHtml_ItsProseTakesPartInTheSharedFacts()
    {
        // Seeds 000 and 003 state the same figures (3650, 9648, 1488); here 003 is given as an HTML page.
        var seeds = TestPaths.Shared("seeds");
        var dir = Directory.CreateTempSubdirectory("govstats-pipeline-");
        try
        {
            File.Copy(Directory.GetFiles(seeds, "000_*.txt").Single(), Path.Combine(dir.FullName, "000.txt"));
            var lines = await File.ReadAllLinesAsync(Directory.GetFiles(seeds, "003_*.txt").Single());
            var html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + System.Net.WebUtility.HtmlEncode(lines[0]) + "</title></head><body>\n"
                + string.Join("\n", lines.Select(l => "<p>" + System.Net.WebUtility.HtmlEncode(l) + "</p>")) + "\n</body></html>";
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "003.html"), html);
            using var services = Services();

            var result = await services.GetRequiredService<IReportPipeline>().CheckAsync([dir.FullName]);

            var shared = string.Join("\n", result.CrossReport!.Where(c => c.Finding.RuleId.Contains("shared-fact", StringComparison.Ordinal)).Select(c => c.Finding.Message.En));
            Assert.That(shared, Does.Contain("3650").And.Contain("9648").And.Contain("1488"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public async Task CheckAsync_WithoutAddCrossReport_NoCrossReportRun()
    {
        using var services = Services(cross: false);
        var result = await services.GetRequiredService<IReportPipeline>().CheckAsync([Examples]);
        Assert.That(result.CrossReport, Is.Null);
    }

    [Test]
    public async Task CheckAsync_UnreadableAndMissingInputs_ReportedAndOthersChecked()
    {
        var dir = Directory.CreateTempSubdirectory("govstats-pipeline-");
        try
        {
            File.Copy(Path.Combine(Examples, "seed-002-jiangbei-2017.json"), Path.Combine(dir.FullName, "a.json"));
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "b.json"), "{ \"year\": ");
            using var services = Services();
            var result = await services.GetRequiredService<IReportPipeline>().CheckAsync([dir.FullName, Path.Combine(dir.FullName, "nope.txt")]);
            Assert.Multiple(() =>
            {
                Assert.That(result.Results.Select(r => Path.GetFileName(r.Report.Source)), Is.EqualTo(new[] { "a.json" }));
                Assert.That(result.InputErrors.Select(e => Path.GetFileName(e.Source)), Is.EqualTo(new[] { "b.json", "nope.txt" }));
                Assert.That(result.InputErrors[1].Message, Is.EqualTo("no such file or folder"));
            });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void CheckAsync_CancelledToken_Throws()
    {
        using var services = Services();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.That(async () => await services.GetRequiredService<IReportPipeline>().CheckAsync([Examples], null, cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void AddReaders_CalledTwice_EachFindingSourceOnce()
    {
        using var services = new ServiceCollection().AddGovStatsValidation().AddReaders().AddReaders().AddCrossReport().AddCrossReport().BuildServiceProvider();
        var sources = services.GetServices<IFindingSource>().Select(s => s.GetType()).ToList();
        Assert.That(sources, Is.EquivalentTo(new[] { typeof(NarrativeFindingSource), typeof(StructureFindingSource) }));
    }

    [Test]
    public void Options_ConfiguredThroughMicrosoftExtensionsOptions_UsedByCheckerAndCrossReport()
    {
        var services = new ServiceCollection();
        services.Configure<GovStatsValidationOptions>(o => o.MinimumSeverity = Severity.Warning);
        services.Configure<ReportReadingOptions>(o => o.MaxDegreeOfParallelism = 3);
        using var provider = services.AddGovStatsValidation().AddReaders().AddCrossReport().BuildServiceProvider();
        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<GovStatsValidationOptions>(), Is.SameAs(provider.GetRequiredService<IOptions<GovStatsValidationOptions>>().Value));
            Assert.That(provider.GetRequiredService<GovStatsValidationOptions>().MinimumSeverity, Is.EqualTo(Severity.Warning));
            Assert.That(provider.GetRequiredService<IOptions<ReportReadingOptions>>().Value.MaxDegreeOfParallelism, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task CheckAsync_MinimumSeverityWarning_NoInfoFindingsAnywhere()
    {
        using var services = new ServiceCollection().AddGovStatsValidation(o => o.MinimumSeverity = Severity.Warning).AddReaders().AddCrossReport().BuildServiceProvider();
        var result = await services.GetRequiredService<IReportPipeline>().CheckAsync([Examples]);
        Assert.Multiple(() =>
        {
            Assert.That(result.Results.SelectMany(r => r.Findings).Select(f => f.Severity), Has.None.EqualTo(Severity.Info));
            Assert.That(result.CrossReport!.Select(c => c.Finding.Severity), Has.None.EqualTo(Severity.Info));
        });
    }

    [Test]
    public async Task Create_WithoutContainer_SameFindingsAsRegistered()
    {
        using var services = Services();
        var registered = await services.GetRequiredService<IReportPipeline>().CheckAsync([Examples]);
        var created = await ReportPipelines.Create(new GovStatsValidationOptions { Language = "en" }).CheckAsync([Examples]);
        Assert.That(created.Results.SelectMany(r => r.Findings).Select(Key), Is.EqualTo(registered.Results.SelectMany(r => r.Findings).Select(Key)).And.Not.Empty);
    }

    private static string Key(Finding f) => $"{f.Severity} {f.RuleId} [{f.Instance}] {f.Line}: {f.Message.En}";
}
