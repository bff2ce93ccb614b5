using System.Text;
using GovStatsValidation.Readers.Measurement;
using GovStatsValidation.TestUtils;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Measurement;

/// <summary>
/// The extraction measurement (<c>govstats reading</c>, <c>docs/reading.md</c>): counts on our synthetic fixtures, the
/// committed document regenerated from <c>../shared</c>, and 100% read on every real file whose cells a person can separate.
/// </summary>
public sealed class ReadingMeasurementTests
{
    /// <summary>The command line shown in docs/reading.md (run from the repository root).</summary>
    private const string DocCommand = "govstats reading ../shared/seeds ../shared/corpus --out docs/reading.md";

    private static IReadOnlyList<FileReading>? _shared;

    private static IReadOnlyList<FileReading> SharedReadings()
    {
        var seeds = GovStatsValidation.TestUtils.TestPaths.RequireShared("seeds");
        var corpus = GovStatsValidation.TestUtils.TestPaths.RequireShared("corpus");
        return _shared ??= ReadingMeasurement.MeasureAll([seeds, corpus], RepoPaths.Root).Files;
    }

    [TestCase("2019-market-regulation-2020.txt")]
    [TestCase("2021-county-government-2022.html")]
    [TestCase("pre2019-county-office-2017.html")]
    [TestCase("2021-transport-bureau-2023.docx")]
    public void Measure_SyntheticFixture_PrintedAndBlankAsTypedByHand(string fixture)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "data", "fixtures", fixture);
        var expected = (JObject)JObject.Parse(File.ReadAllText(Path.ChangeExtension(path, null) + ".expected.json"))["cells"]!;
        var blank = expected.Properties().Count(p => p.Value is JObject o && (string?)o["state"] == "blank");

        var reading = ReadingMeasurement.Measure(path, fixture);

        Assert.That(reading.NotAReport, Is.Null);
        Assert.That(reading.Printed, Is.EqualTo(expected.Count - blank), "every cell typed by hand with content is printed");
        Assert.That(reading.Blank, Is.EqualTo(blank));
        Assert.That(reading.Read, Is.EqualTo(reading.Printed));
        Assert.That(reading.Unread, Is.Empty);
        Assert.That(reading.FullyRead, Is.True);
    }

    [Test]
    public void Measure_TextThatIsNoReport_ListedWithWhatHappened()
    {
        var reading = ReadingMeasurement.Measure(Encoding.UTF8.GetBytes("会议纪要\n今天讨论了三件事。\n"), "notes.txt");

        Assert.That(reading.NotAReport, Does.Contain("neither a report year"));
        Assert.That(reading.FullyRead, Is.False);
        Assert.That(ReadingMeasurement.ToMarkdown([reading], "govstats reading notes.txt"), Does.Contain("- notes.txt (text): input error: neither a report year"));
    }

    [Test]
    public void Measure_RowWhoseDigitsRanTogetherAmbiguously_UnreadWithTheCandidates()
    {
        // A 2021 第二十条（一） table on one line whose 规范性文件 digits cannot be cut uniquely (7|71|3…, 77|1|3…): the
        // row is printed, not read, and the reason lists the cuts; the 规章 row next to it is read.
        var text = "某县人民政府2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
            + "第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件77132470\n";

        var reading = ReadingMeasurement.Measure(Encoding.UTF8.GetBytes(text), "glued.txt");

        Assert.That(reading.Unread.Select(u => u.CellId), Is.EquivalentTo(new[]
        {
            "art20_1.normative_docs[issued]", "art20_1.normative_docs[repealed]", "art20_1.normative_docs[in_force]",
        }));
        Assert.That(reading.Unread.Select(u => u.Reason).Distinct().Single(), Does.Contain("77132470").And.Contain("several ways"));
        Assert.That(reading.Read, Is.EqualTo(3), "the 规章 row");
        Assert.That(reading.Printed, Is.EqualTo(6));
        var markdown = ReadingMeasurement.ToMarkdown([reading], "govstats reading glued.txt");
        Assert.That(markdown, Does.Contain("`art20_1.normative_docs[issued, repealed, in_force]` — row art20_1.normative_docs: the digits '77132470'"));
        Assert.That(markdown, Does.Contain("| glued.txt | text | 2021 |").And.Contain("| 3 / 6 | 50.0% |"));
    }

    [Test]
    public void ToMarkdown_EveryRealReportUnderShared_MatchesCommittedDocsReading()
    {
        var markdown = ReadingMeasurement.ToMarkdown(SharedReadings(), DocCommand);
        var committedPath = Path.Combine(RepoPaths.Root, "docs", "reading.md");
        var committed = File.Exists(committedPath) ? File.ReadAllText(committedPath).ReplaceLineEndings("\n") : "";

        if (committed != markdown)
        {
            Assert.Fail($"docs/reading.md is out of date; regenerate it from the repository root with `dotnet run --project src/GovStatsValidation.Cli -- reading ../shared/seeds ../shared/corpus --out docs/reading.md`\n{Snapshot.Diff(committed, markdown)}");
        }
    }

    /// <summary>
    /// 100% on every real report whose cells a person can separate: every cell not read must be one the text itself
    /// leaves undecided (digits that ran together and can be cut in several ways), except in markdown printouts whose
    /// conversion tool shifted rows and detached labels from their numbers (../shared/corpus/INDEX.md: "where the tables
    /// are too mangled to read safely, say so rather than guess"); there every cell not read must carry its reason.
    /// </summary>
    [Test]
    public void Measure_EveryRealReportWithSeparableCells_ReadsEveryPrintedCell()
    {
        var readings = SharedReadings().Where(f => f.NotAReport is null).ToList();
        Assert.That(readings, Has.Count.GreaterThanOrEqualTo(20));
        var failures = new List<string>();
        foreach (var f in readings)
        {
            var mangledMarkdown = f.Layout.StartsWith("markdown table", StringComparison.Ordinal);
            foreach (var u in f.Unread)
            {
                if (u.Reason.Contains("no reader gave this cell", StringComparison.Ordinal)
                    || (!mangledMarkdown && !u.Reason.Contains("in several ways", StringComparison.Ordinal)))
                {
                    failures.Add($"{f.File}: {u.CellId} (line {u.Line}): {u.Reason}");
                }
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Measure_RealFilesThatAreNoReport_ListedNotCounted()
    {
        var readings = SharedReadings();
        var fakes = readings.Where(f => f.File.Contains("/synthetic-", StringComparison.Ordinal)).ToList();
        var comparison = readings.Where(f => f.File.Contains("compare", StringComparison.Ordinal)).ToList();

        Assert.That(fakes, Is.Not.Empty);
        Assert.That(fakes.Select(f => f.NotAReport), Has.All.Contains("without a usable text layer"));
        Assert.That(comparison, Is.Not.Empty);
        Assert.That(comparison.Select(f => f.NotAReport), Has.All.Contains("not one annual report"));
    }
}
