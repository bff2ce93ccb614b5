using System.Text;
using GovStatsValidation.Readers.Pipeline;
using GovStatsValidation.Rules;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Tables;

/// <summary>
/// Issue 11: a 2021-format application table printed as several small tables under headers that do not name its columns
/// (generic 数据1…, or a row of other labels over the applicant columns) reads by the format's labels and column count; a
/// report cut to its application and review tables reads them too. Synthetic reports (<see cref="SplitTableReport"/>).
/// </summary>
public sealed class SplitTableTests
{
    private static readonly IReportPipeline Pipeline = ReportPipelines.Create(runCrossReport: false);

    private static readonly string[] Layouts = ["md", "txt", "html", "docx"];

    public static IEnumerable<TestCaseData> Cases() =>
        from layout in Layouts
        from header in Enum.GetValues<SplitHeader>()
        select new TestCaseData(layout, header).SetArgDisplayNames(layout, header.ToString());

    private static byte[] Render(SplitTableReport report, string layout) => layout switch
    {
        "md" => Encoding.UTF8.GetBytes(report.Markdown()),
        "txt" => Encoding.UTF8.GetBytes(report.SpaceAligned()),
        "html" => Encoding.UTF8.GetBytes(report.Html()),
        "docx" => report.Docx(),
        _ => throw new ArgumentOutOfRangeException(nameof(layout)),
    };

    /// <summary>Every expected cell that was not read as printed: "id: expected ≠ read".</summary>
    private static List<string> Misread(ReportExtraction read, IReadOnlyDictionary<string, string> expected) =>
        expected.Where(e => read.FindCell(e.Key)?.RawText != e.Value)
            .Select(e => $"{e.Key}: {e.Value} ≠ {read.FindCell(e.Key)?.RawText ?? "(not read)"}")
            .ToList();

    private static ReportExtraction Read(byte[] bytes, string? schema = null) =>
        new ReportReader(new ReportReaderOptions { SchemaDirectory = TestPaths.SchemaDirectory, SchemaId = schema }).Read(bytes);

    private static async Task<List<string>> ErrorsAndWarnings(byte[] bytes, string layout, Schemas.SchemaVersion? schema = null)
    {
        var pipeline = schema is null ? Pipeline : ReportPipelines.Create(reading: new ReportReadingOptions { Schema = schema }, runCrossReport: false);
        using var stream = new MemoryStream(bytes);
        var result = await pipeline.CheckStreamAsync(stream, $"split.{layout}");
        return result.Findings.Where(f => f.Severity >= Severity.Warning).Select(f => $"{f.Severity} {f.RuleId}: {f.Message}").ToList();
    }

    [TestCaseSource(nameof(Cases))]
    public void Read_ApplicationTableSplitUnderHeadersThatLie_EveryCellRead(string layout, SplitHeader header)
    {
        var report = SplitTableReport.Full(header);

        var read = Read(Render(report, layout));

        Assert.Multiple(() =>
        {
            Assert.That(read.Schema?.Value, Is.EqualTo("2021"));
            Assert.That(report.TableCells, Has.Count.EqualTo((25 * 7) + 15), "25 application rows of 7 columns, 3 review rows of 5");
            Assert.That(Misread(read, report.TableCells), Is.Empty, "application and review tables");
            Assert.That(Misread(read, report.Article20Cells), Is.Empty, "第二十条 tables");
            Assert.That(read.Sections.Select(s => s.Numeral), Is.EqualTo(new[] { "一", "二", "三", "四", "五", "六" }));
        });
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Check_ApplicationTableSplitUnderHeadersThatLie_NoErrorOrWarning(string layout, SplitHeader header)
    {
        var findings = await ErrorsAndWarnings(Render(SplitTableReport.Full(header), layout), layout);

        Assert.That(findings, Is.Empty);
    }

    [TestCaseSource(nameof(Cases))]
    public void Read_ReportCutToApplicationAndReviewTables_EveryCellRead(string layout, SplitHeader header)
    {
        var report = SplitTableReport.Cut(header);
        var bytes = Render(report, layout);

        var detected = Read(bytes);
        var forced = Read(bytes, "2021");

        Assert.Multiple(() =>
        {
            Assert.That(report.Article20Cells, Is.Empty);
            Assert.That(detected.Schema?.Value, Is.EqualTo("2021"), "the format of the report year: no 第二十条 column labels to detect it by");
            Assert.That(Misread(detected, report.TableCells), Is.Empty, "format taken from the year");
            Assert.That(Misread(forced, report.TableCells), Is.Empty, "format named by the caller");
            Assert.That(detected.Cells.Where(c => c.CellId.StartsWith("art20", StringComparison.Ordinal)), Is.Empty);
        });
    }

    [TestCaseSource(nameof(Cases))]
    public void Read_CutReportWithoutTitle_ReadWhenTheFormatIsNamed(string layout, SplitHeader header)
    {
        var report = SplitTableReport.Cut(header, title: false);
        var bytes = Render(report, layout);

        var detected = Read(bytes);
        var forced = Read(bytes, "2021");

        Assert.Multiple(() =>
        {
            // No year and no column labels: the format is not guessed from row labels (a JSON file listing them is no report).
            Assert.That(detected.Schema, Is.Null);
            Assert.That(detected.Cells, Is.Empty);
            Assert.That(Misread(forced, report.TableCells), Is.Empty, "format named by the caller");
        });
    }

    [TestCase("md", null)]
    [TestCase("md", Schemas.SchemaVersion.Format2021)]
    [TestCase("txt", null)]
    [TestCase("txt", Schemas.SchemaVersion.Format2021)]
    [TestCase("html", null)]
    [TestCase("docx", Schemas.SchemaVersion.Format2021)]
    public async Task Check_ReportCutToApplicationAndReviewTables_OnlyTheAbsentPartsReported(string layout, Schemas.SchemaVersion? schema)
    {
        var findings = await ErrorsAndWarnings(Render(SplitTableReport.Cut(SplitHeader.Lying), layout), layout, schema);

        // The 第二十条 tables and sections 一、二、五、六 are genuinely absent (neither heading nor labels); nothing is said
        // about the application and review tables, which are present and balance.
        Assert.That(findings.Select(f => f[..f.IndexOf(':', StringComparison.Ordinal)]), Is.EquivalentTo(new[]
        {
            "Error 2021.article20.missing",
            "Warning structure.section.heading-missing", "Warning structure.section.heading-missing",
            "Warning structure.section.heading-missing", "Warning structure.section.heading-missing",
        }), string.Join("\n", findings));
    }
}
