using GovStatsValidation.Cli;
using GovStatsValidation.CrossReport;
using GovStatsValidation.Json;
using GovStatsValidation.Readers.Pipeline;
using GovStatsValidation.Reliability.Tests.Support;

namespace GovStatsValidation.Reliability.Tests.Hardening;

/// <summary>
/// Issue 14, cases 13, 18, 21 and 25: cross-report checks inside the batch's error boundary, impossible years, copies of one
/// report, and the library never opening a path taken from report data.
/// </summary>
public class CrossReportHardeningTests
{
    private static Reporting.CheckRun CheckFolder(TempDir dir)
    {
        var files = Directory.GetFiles(dir.Path).Order(StringComparer.Ordinal).ToList();
        var pipeline = ReportPipelines.Create(new GovStatsValidationOptions { Language = "en" }, new ReportReadingOptions { RelativeTo = Environment.CurrentDirectory });
        return CheckPipeline.ToRun(pipeline.CheckAsync(new ReportInputs(files, [])).GetAwaiter().GetResult());
    }

    // Case 13: year -2147483648 overflowed in the cross-report checker, outside the per-file error handling: no report at all.
    [Test]
    public void Check_YearMinValueInABatch_EveryReportCheckedNoCrash()
    {
        using var dir = new TempDir();
        dir.Write("a-good.json", Samples.Json2021(year: 2022));
        dir.Write("b-good.json", Samples.Json2021(year: 2021));
        dir.Write("c-hostile.json", Samples.Json2021(year: int.MinValue));
        var run = CheckFolder(dir);
        Assert.Multiple(() =>
        {
            Assert.That(run.Results.Select(r => Path.GetFileName(r.Report.Source)), Is.EqualTo(new[] { "a-good.json", "b-good.json", "c-hostile.json" }));
            Assert.That(run.CrossReport, Is.Not.Null);
            Assert.That(run.CrossReport!.Any(c => c.Finding.Message.En.Contains("year unknown: comparisons not made: the report year of", StringComparison.Ordinal)), Is.True);
            Assert.That(run.CrossReport!.Select(c => c.Finding.Message.En), Has.None.Contains("-2147483648"), "an impossible year is not shown");
            Assert.That(run.InputErrors, Is.Empty);
        });
    }

    // Case 25: a report of year 0 got "no -1 report of …".
    [Test]
    public void Check_YearZero_SaysTheYearIsUnknownNotMinusOne()
    {
        using var dir = new TempDir();
        dir.Write("a.json", Samples.Json2021(year: 2022));
        dir.Write("template.json", Samples.Json2021(year: 0));
        var messages = CheckFolder(dir).CrossReport!.SelectMany(c => new[] { c.Finding.Message.En, c.Finding.Message.Zh }).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(messages, Has.Some.Contains("the report year of 示例县人民政府 is not known: year-over-year rules not checked"));
            Assert.That(messages, Has.Some.Contains("示例县人民政府 报告的年度不明，"));
            Assert.That(messages, Has.None.Contains("-1").And.None.Contains("（0）").And.None.Contains("(0)").And.None.Contains(" 0 "));
        });
    }

    // Case 21: 1,000 copies of one report gave 501,500 findings, 1.1 GB of JSON and 4.7 GB of memory.
    [Test]
    public void Check_ThousandCopiesOfOneReport_ComparedOnceOneNote()
    {
        using var dir = new TempDir();
        var json = Samples.Json2021(year: 2022);
        for (var i = 0; i < 1000; i++)
        {
            dir.Write($"copy-{i:D4}.json", json);
        }

        var run = CheckFolder(dir);
        var duplicates = run.CrossReport!.Where(c => c.Finding.RuleId == CrossReportChecker.DuplicateRule).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.Results, Has.Count.EqualTo(1000), "every copy is still checked on its own");
            Assert.That(duplicates, Has.Count.EqualTo(1));
            Assert.That(duplicates[0].Sources, Has.Count.EqualTo(1000), "the note lists every copy");
            Assert.That(duplicates[0].Finding.Message.En, Does.StartWith("1000 copies of the 2022 report of 示例县人民政府"));
            Assert.That(run.CrossReport!, Has.Count.LessThan(10), "findings do not grow with the square of the copies");
        });
    }

    [Test]
    public void Check_TwoReportsSameAgencyYearDifferentFigures_BothCompared()
    {
        // Not copies: different figures for one agency and year stay two reports (the duplicate note is for identical ones).
        using var dir = new TempDir();
        dir.Write("a.json", Samples.Json2021(year: 2022));
        dir.Write("b.json", Samples.Json2021("\"review[total]\": 4", year: 2022));
        var run = CheckFolder(dir);
        Assert.That(run.CrossReport!.Where(c => c.Finding.RuleId == CrossReportChecker.DuplicateRule), Is.Empty);
    }

    // Case 18: source.file in a report JSON decided which file the cross-report checker opened, and a sentence of it was quoted.
    [Test]
    public void Library_SourceFileInReportJson_NeverOpened()
    {
        using var dir = new TempDir();
        const string Secret = "2017年全市共收到信息公开申请224件。";
        var secret = dir.Write("secret/notes.txt", Secret);
        var city = ReportJson.Read(
            "{ \"formatVersion\": 1, \"agency\": { \"name\": \"桐乡市人民政府\", \"level\": \"county\" }, \"year\": 2017, \"schema\": \"pre2019\", " +
            "\"cells\": { \"requests.received\": 224 }, \"source\": { \"file\": " + Newtonsoft.Json.JsonConvert.ToString(secret) + " } }", "city.json");
        var department = ReportJson.Read(
            "{ \"formatVersion\": 1, \"agency\": { \"name\": \"桐乡市综合行政执法局\", \"level\": \"department\" }, \"year\": 2017, \"schema\": \"pre2019\", " +
            "\"cells\": { \"requests.received\": 230 } }", "department.json");
        Assert.That(city.Source, Is.EqualTo(secret), "the report carries the path as data");

        var findings = new CrossReportChecker().Check([city, department]);
        var everything = string.Join("\n", findings.Select(f => $"{f.Finding.RuleId} {f.Finding.Message.En} {f.Finding.Message.Zh} {f.Finding.Quote}"));
        Assert.Multiple(() =>
        {
            Assert.That(new CrossReportOptions().TextProvider(city), Is.Null, "the default reads no file");
            Assert.That(everything, Does.Not.Contain("全市共收到"), "nothing of the file is quoted");
            Assert.That(findings.Select(f => f.Finding.RuleId), Does.Not.Contain("cross.parent-not-below"), "the file's words did not decide the comparison");
        });
    }
}
