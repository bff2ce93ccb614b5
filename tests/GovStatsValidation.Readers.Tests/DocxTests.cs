using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests;

public class DocxTests
{
    private static TableCell Cell(string text, int span = 1, MergedCellValues? vmerge = null)
    {
        var props = new TableCellProperties();
        if (span > 1)
        {
            props.Append(new GridSpan { Val = span });
        }

        if (vmerge is { } v)
        {
            props.Append(new VerticalMerge { Val = v });
        }

        return new TableCell(props, new Paragraph(new Run(new Text(text))));
    }

    private static byte[] BuildDocx()
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var table = new Table(
                new TableRow(Cell("信息内容"), Cell("本年制发件数"), Cell("本年废止件数"), Cell("现行有效件数")),
                new TableRow(Cell("规章"), Cell("1"), Cell("0"), Cell("4")),
                new TableRow(Cell("行政规范性文件"), Cell("6"), Cell("2"), Cell("30")));
            var apps = new Table(
                new TableRow(Cell("一、本年新收政府信息公开申请数量", 3), Cell("7"), Cell("0"), Cell("0"), Cell("0"), Cell("0"), Cell("0"), Cell("7")),
                new TableRow(Cell("三、本年度办理结果", 1, MergedCellValues.Restart), Cell("（一）予以公开", 2), Cell("3"), Cell("0"), Cell("0"), Cell("0"), Cell("0"), Cell("0"), Cell("3")),
                new TableRow(Cell("", 1, MergedCellValues.Continue), Cell("（三）不予公开"), Cell("1.属于国家秘密"), Cell("1"), Cell(""), Cell(""), Cell(""), Cell(""), Cell(""), Cell("1")));
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("某县某局2023年政府信息公开工作年度报告"))),
                new Paragraph(new Run(new Text("二、主动公开政府信息情况"))),
                table,
                new Paragraph(new Run(new Text("三、收到和处理政府信息公开申请情况"))),
                apps));
        }

        return ms.ToArray();
    }

    [Test]
    public void Read_DocxWithMergedCells_ExpandedAndMapped()
    {
        var r = TestPaths.Reader().Read(BuildDocx());
        Assert.Multiple(() =>
        {
            Assert.That(r.Kind, Is.EqualTo(DocumentKind.Docx));
            Assert.That(r.Schema?.Value, Is.EqualTo("2021"));
            Assert.That(r.Tables.Select(t => t.Layout), Is.All.EqualTo(TableLayout.Word));
            Assert.That(r.FindCell("art20_1.normative_docs[in_force]")?.RawText, Is.EqualTo("30"));
            Assert.That(r.FindCell("requests.new[total]")?.RawText, Is.EqualTo("7"));
            Assert.That(r.FindCell("result.granted[natural_person]")?.RawText, Is.EqualTo("3"));
            Assert.That(r.FindCell("result.withheld.state_secret[total]")?.RawText, Is.EqualTo("1"));
            Assert.That(r.Tables[1].Rows[2].Cells[0].Text, Is.EqualTo("三、本年度办理结果"));
            Assert.That(r.Year?.Value, Is.EqualTo(2023));
            Assert.That(r.Agency?.Value, Is.EqualTo("某县某局"));
            Assert.That(r.Sections.Select(s => s.Number), Is.EqualTo(new[] { 2, 3 }));
        });
    }

    [Test]
    public void Read_TemplateDocx_AllCellsOfTheFormat()
    {
        var r = TestPaths.Reader().ReadFile(TestPaths.Shared("corpus/template_2021_format.docx"));
        Assert.That(r.Schema?.Value, Is.EqualTo("2021"));
        // 10 cells of 第二十条 tables + 25 application rows × 7 + 15 review/litigation.
        Assert.That(r.Cells, Has.Count.EqualTo(200));
        Assert.That(r.Sections.Select(s => s.Number), Is.EqualTo(new[] { 1, 2, 3, 4, 5, 6 }));
    }
}
