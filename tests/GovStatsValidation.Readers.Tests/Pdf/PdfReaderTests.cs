using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Json;
using GovStatsValidation.Readers.Narrative;
using GovStatsValidation.Readers.Pdf;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Pdf;

/// <summary>The real PDFs of ../shared/corpus/pdf read natively, against their <c>pdftotext -layout</c> conversions.</summary>
public sealed class PdfReaderTests
{
    private static readonly ReportChecker Checker = new(null, [new NarrativeFindingSource(), new StructureFindingSource()]);

    private static PublishedReportReader Published() => new() { Enrichers = { new NarrativeReader().Enrich } };

    /// <summary>A finding without its line (the PDF's reconstructed text numbers lines differently from the layout text).</summary>
    private static string Key(Finding f) =>
        $"{f.Severity.ToString().ToLowerInvariant()} {f.RuleId} {f.Expected}/{f.Actual} [{string.Join(", ", f.Cells.Select(c => $"{c.Id}={c.Value}"))}]";

    [TestCase("huaian_2024")]
    [TestCase("hongze_2023")]
    [TestCase("hongze_2024")]
    public void Read_RealPdf_SameCellsAsLayoutText(string name)
    {
        var reader = TestPaths.Reader();
        var pdf = reader.ReadFile(TestPaths.Shared($"corpus/pdf/{name}.pdf"));
        var layout = reader.ReadFile(TestPaths.Shared($"corpus/pdf/{name}.layout.txt"));
        Assert.Multiple(() =>
        {
            Assert.That(pdf.Kind, Is.EqualTo(DocumentKind.Pdf));
            Assert.That(layout.Cells, Has.Count.GreaterThan(100));
            Assert.That(pdf.Schema?.Value, Is.EqualTo(layout.Schema?.Value));
            Assert.That(pdf.Year?.Value, Is.EqualTo(layout.Year?.Value));
            Assert.That(pdf.Agency?.Value, Is.EqualTo(layout.Agency?.Value));
            Assert.That(pdf.Cells.Select(c => $"{c.CellId}={c.RawText}"), Is.EquivalentTo(layout.Cells.Select(c => $"{c.CellId}={c.RawText}")));
            // The 2021 format's six numbered sections, in order (the layout text also takes the vertical row label
            // 三、本年度办理结果 for a heading; the PDF's positions do not).
            Assert.That(pdf.Sections.Select(s => s.Number), Is.EqualTo(new[] { 1, 2, 3, 4, 5, 6 }));
        });
    }

    [TestCase("huaian_2024")]
    [TestCase("hongze_2023")]
    [TestCase("hongze_2024")]
    public void Check_RealPdf_SameFindingsAsLayoutText(string name)
    {
        var pdf = Checker.Check(Published().Read(TestPaths.Shared($"corpus/pdf/{name}.pdf"))).Findings;
        var layout = Checker.Check(Published().Read(TestPaths.Shared($"corpus/pdf/{name}.layout.txt"))).Findings;
        // Structure findings rest on headings, which the layout text gets wrong here (a vertical row label read as a
        // heading); table, narrative and input findings must be the same.
        static bool Compared(Finding f) => !f.RuleId.StartsWith("structure.", StringComparison.Ordinal);
        Assert.That(pdf.Where(Compared).Select(Key), Is.EquivalentTo(layout.Where(Compared).Select(Key)));
        Assert.That(pdf.Where(f => f.RuleId.StartsWith("structure.", StringComparison.Ordinal) && f.Severity >= Severity.Warning).Select(Key), Is.Empty);
    }

    [Test]
    public void Check_Hongze2023Pdf_ExactlyItsTwoRealErrors()
    {
        var findings = Checker.Check(Published().Read(TestPaths.Shared("corpus/pdf/hongze_2023.pdf"))).Findings;
        var errors = findings.Where(f => f.Severity == Severity.Error).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => $"{e.RuleId} {e.Suspect?.Cell} {e.Expected}/{e.Actual}"), Is.EquivalentTo(new[]
            {
                "2021.review-litigation.parts review[total] 11/0",
                "2021.review-litigation.parts litigation.after_review[total] 5/0",
            }));
            Assert.That(findings.Where(f => f.Severity == Severity.Warning), Is.Empty);
        });
    }

    [TestCase("huaian_2024")]
    [TestCase("hongze_2024")]
    public void Check_BalancedRealPdf_NoError(string name)
    {
        var findings = Checker.Check(Published().Read(TestPaths.Shared($"corpus/pdf/{name}.pdf"))).Findings;
        Assert.That(findings.Where(f => f.Severity == Severity.Error).Select(Key), Is.Empty);
    }

    [TestCase("synthetic-beijing_2023.pdf")]
    [TestCase("synthetic-guangzhou_2023.pdf")]
    [TestCase("synthetic-shanghai_2023.pdf")]
    public void Read_PdfWithGarbledText_InputErrorSayingSo(string name)
    {
        var path = TestPaths.Shared($"corpus/pdf/{name}");
        var e = Assert.Throws<ReportLoadException>(() => Published().Read(path));
        Assert.That(e!.Message, Does.Contain("without a usable text layer").And.Contain(name));
    }

    [TestCase("suqian-compare_2023vs2024.pdf", "side by side")]
    [TestCase("suqian-compare_2023vs2024.layout.txt", "side by side")]
    [TestCase("suqian-compare_2023vs2024.raw.txt", "2 report years")]
    public void Read_ComparisonPrintout_NotTakenForOneReport(string name, string reason)
    {
        var path = TestPaths.Shared($"corpus/pdf/{name}");
        var e = Assert.Throws<ReportLoadException>(() => Published().Read(path));
        Assert.That(e!.Message, Does.Contain("not one annual report").And.Contain(reason));
    }

    [Test]
    public void Read_RealPdf_PageNumbersRemovedAndWordsPositioned()
    {
        var layer = PdfTextLayer.Read(File.ReadAllBytes(TestPaths.Shared("corpus/pdf/hongze_2023.pdf")));
        Assert.Multiple(() =>
        {
            Assert.That(layer.PageCount, Is.EqualTo(5));
            Assert.That(layer.Text.OriginalLines.Select(l => l.Trim()), Has.None.Matches(@"^-\d+-$"));
            Assert.That(layer.Notes, Has.Some.Contains("page number"));
            var word = layer.Words.First(w => w.Text.Contains("本年新收", StringComparison.Ordinal));
            Assert.That(word.Page, Is.EqualTo(3));
            Assert.That(layer.Locate(word.Line, word.Column), Is.EqualTo((word.Page, Math.Round(word.X, 1), Math.Round(word.Y, 1))));
        });
    }

    [Test]
    public void Read_RealPdf_EveryCellKeepsPageAndCoordinatesThroughJson()
    {
        var report = Published().Read(TestPaths.Shared("corpus/pdf/hongze_2023.pdf"));
        var total = report.Cells[new CellId("review[total]")].Location;
        var again = ReportJson.Read(ReportJson.Write(report), "again.json");
        var finding = Checker.Check(report).Findings.First(f => f.RuleId == "2021.review-litigation.parts");
        Assert.Multiple(() =>
        {
            Assert.That(report.Cells.Select(c => c.Value.Location).All(l => l is { Page: >= 1, X: > 0, Y: > 0 }), Is.True);
            Assert.That(total?.Page, Is.EqualTo(4), "the 复议/诉讼 table is on page 4");
            Assert.That(total?.ToString(), Does.Contain("(page 4, x "));
            Assert.That(again.Cells[new CellId("review[total]")].Location, Is.EqualTo(total));
            Assert.That(finding.Cells.Select(c => c.Page).Distinct(), Is.EqualTo(new int?[] { 4 }));
        });
    }

    [Test]
    public void Read_NotAPdf_IsPdfFalse()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PdfTextLayer.IsPdf("%PDF-1.7\n"u8), Is.True);
            Assert.That(PdfTextLayer.IsPdf("一、总体情况 %PDF"u8), Is.False);
            Assert.That(PdfTextLayer.IsPdf(""u8), Is.False);
        });
    }

    [Test]
    public void Read_CorruptPdf_ReadError()
    {
        var e = Assert.Throws<ReportReadException>(() => TestPaths.Reader().Read("%PDF-1.4\n1 0 obj garbage"u8.ToArray()));
        Assert.That(e!.Message, Does.StartWith("PDF"));
    }
}
