using GovStatsValidation.CrossReport;
using GovStatsValidation.CrossReport.Agencies;
using GovStatsValidation.Model;
using GovStatsValidation.Readers.Corrections;
using GovStatsValidation.Readers.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Corrections;

/// <summary>Corrections applied in the library's reading path (issue 15), and the corrections file format.</summary>
[TestFixture]
public sealed class CorrectionSetTests
{
    private static string Review(params string[] parts) => Path.Combine([TestPaths.RepoRoot, "tests", "data", "review", .. parts]);

    private static string Education => Review("reports", "shiyi-education-2023.json");

    private static CorrectionSet OneCorrection(string? sha256, string published = "113") => new(
    [
        new CorrectionEntry
        {
            Source = "tests/data/review/reports/shiyi-education-2023.json", Agency = "示例市教育局", Year = 2023, Sha256 = sha256,
            Cell = new Schemas.CellId("requests.new[natural_person]"), Published = published, Value = 118, Reason = "原文为118", By = "李四",
        },
    ]);

    [Test]
    public async Task CheckAsync_CorrectionsOption_AppliedAtReadingAndReported()
    {
        var corrections = OneCorrection(CorrectionSet.HashFile(Education));
        using var services = new ServiceCollection().AddGovStatsValidation().AddReaders(o => o.Corrections = corrections).AddCrossReport().BuildServiceProvider();

        var result = await services.GetRequiredService<IReportPipeline>().CheckAsync([Review("reports")]);

        var education = result.Results.Single(r => r.Report.Agency.Name == "示例市教育局");
        Assert.Multiple(() =>
        {
            Assert.That(education.Report.Cells[new Schemas.CellId("requests.new[natural_person]")].Number, Is.EqualTo(118m));
            Assert.That(education.Report.Corrections.Single().Status, Is.EqualTo(CorrectionStatus.Applied));
            Assert.That(education.Findings.Select(f => f.RuleId), Does.Contain("input.corrected").And.Not.Contain("2021.applications.row-total"));
            Assert.That(result.Results.Where(r => r != education).SelectMany(r => r.Report.Corrections), Is.Empty, "only the report the correction names");
            Assert.That(corrections.Unmatched, Is.Empty);
        });
    }

    [Test]
    public async Task LoadAsync_FileChanged_NotAppliedAndSaysSo()
    {
        var corrections = OneCorrection(new string('a', 64));
        var loader = ReportPipelines.CreateLoader(new ReportReadingOptions { Corrections = corrections });

        var report = await loader.LoadAsync(Education);

        Assert.Multiple(() =>
        {
            Assert.That(report.Cells[new Schemas.CellId("requests.new[natural_person]")].Number, Is.EqualTo(113m), "not applied");
            Assert.That(report.Corrections.Single().Status, Is.EqualTo(CorrectionStatus.ReportChanged));
            Assert.That(report.Corrections.Single().Found, Is.EqualTo(CorrectionSet.HashFile(Education)));
            Assert.That(new Checking.ReportChecker().Check(report).Findings.Single(f => f.RuleId == "input.correction.not-applied").Message.En,
                Does.Contain("the report file changed"));
        });
    }

    [Test]
    public async Task LoadAsync_CellPrintsAnotherValue_NotApplied()
    {
        var report = await ReportPipelines.CreateLoader(new ReportReadingOptions { Corrections = OneCorrection(null, published: "117") }).LoadAsync(Education);

        Assert.That(report.Corrections.Single().Status, Is.EqualTo(CorrectionStatus.CellChanged));
        Assert.That(report.Corrections.Single().Found, Is.EqualTo("113"));
    }

    [Test]
    public void ToJsonThenParse_RoundTrips()
    {
        var set = OneCorrection(new string('b', 64));

        Assert.That(CorrectionSet.Parse(set.ToJson()).Entries, Is.EqualTo(set.Entries));
    }

    [Test]
    public void Parse_BadEntries_EveryProblemWithItsLine()
    {
        var error = Assert.Throws<GovStatsValidationException>(() => CorrectionSet.Parse("""
            {"version":1,"corrections":[
              {"agency":"a","year":"2023","cell":"x","published":"1","value":2,"reason":"r","by":"b"},
              {"agency":"a","year":2023,"cell":"x","published":1,"value":"2","reason":"","by":"b","sha256":"zz","extra":1}
            ]}
            """));

        Assert.That(error!.Message, Does.Contain("(2,").And.Contain("'year' must be").And.Contain("(3,").And.Contain("'published' must be a string")
            .And.Contain("'value' must be a number").And.Contain("'reason' must be").And.Contain("'sha256' must be").And.Contain("unknown property 'extra'"));
    }

    [Test]
    public void Parse_TrailingGarbageOrDuplicateKeys_Rejected()
    {
        Assert.Throws<GovStatsValidationException>(() => CorrectionSet.Parse("""{"version":1,"corrections":[]} x"""));
        Assert.Throws<GovStatsValidationException>(() => CorrectionSet.Parse("""{"version":1,"version":1,"corrections":[]}"""));
    }

    [Test]
    public async Task CheckAsync_AgencyMapExpectsBodies_CoverageListsWhoHasNotReported()
    {
        var map = AgencyMap.Load(Review("shiyi.agencies.json"));
        using var services = new ServiceCollection().AddGovStatsValidation().AddReaders().AddCrossReport(o => o.AgencyMap = map).BuildServiceProvider();

        var result = await services.GetRequiredService<IReportPipeline>().CheckAsync([Review("reports", "shiyi-transport-2023.json")]);

        var coverage = result.Coverage!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(coverage.FromAgencyFile, Is.True);
            Assert.That(coverage.Missing.Select(m => $"{m.Body} {m.Year}"), Has.Member("示例市卫生健康委员会 2023").And.Member("示例市交通局 2022"),
                "one report is enough to ask who has not reported");
            Assert.That(coverage.Missing.Select(m => m.Body + " " + m.Year), Has.No.Member("示例市交通局 2023"), "示例市交通局 is an alias of the body that reported");
        });
    }
}
