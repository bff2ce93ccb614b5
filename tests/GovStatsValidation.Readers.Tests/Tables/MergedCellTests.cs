using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Tables;

/// <summary>Value cells merged across columns, as real pages and Word files print them (invented figures).</summary>
public class MergedCellTests
{
    private const string Head = "<html><head><meta charset=\"utf-8\"><title>某县某局2023年政府信息公开工作年度报告</title></head><body>\n<p>二、主动公开政府信息情况</p>\n";

    private static string Cell(ReportExtraction r, string id) => r.FindCell(id)?.RawText ?? "<absent>";

    [Test]
    public void Read_HtmlValueWithColspanOverUnusedColumns_ReadOnceForItsColumn()
    {
        var html = Head + "<table>\n"
            + "<tr><td colspan=\"4\">第二十条第（一）项</td></tr>\n"
            + "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>\n"
            + "<tr><td>行政规范性文件</td><td>5</td><td>5</td><td>5</td></tr>\n"
            + "<tr><td colspan=\"4\">第二十条第（五）项</td></tr>\n"
            + "<tr><td>信息内容</td><td colspan=\"3\">本年处理决定数量</td></tr>\n"
            + "<tr><td>行政许可</td><td colspan=\"3\">11,398</td></tr>\n"
            + "<tr><td colspan=\"4\">第二十条第（八）项</td></tr>\n"
            + "<tr><td>信息内容</td><td colspan=\"3\">本年收费金额（单位：万元）</td></tr>\n"
            + "<tr><td>行政事业性收费</td><td colspan=\"3\">2396.5127</td></tr>\n"
            + "</table></body></html>";
        var r = TestPaths.Reader().ReadText(html);
        Assert.Multiple(() =>
        {
            Assert.That(Cell(r, "art20_5.licensing[decisions]"), Is.EqualTo("11,398"));
            Assert.That(Cell(r, "art20_8.admin_fees[amount]"), Is.EqualTo("2396.5127"));
            // Equal values in separate cells are three values, not one merged cell.
            Assert.That(new[] { "issued", "repealed", "in_force" }.Select(c => Cell(r, $"art20_1.normative_docs[{c}]")), Is.EqualTo(new[] { "5", "5", "5" }));
            Assert.That(r.Diagnostics.Select(d => d.Code), Does.Not.Contain("row-values-mismatch"));
        });
    }

    [Test]
    public void Read_HtmlPlaceholderMergedOverAllColumns_OnePerColumn()
    {
        // A county without rule-making power prints one —— across the three columns of 规章.
        var html = Head + "<table>\n"
            + "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>\n"
            + "<tr><td>规章</td><td colspan=\"3\">——</td></tr>\n"
            + "<tr><td>行政规范性文件</td><td>2</td><td>1</td><td>9</td></tr>\n"
            + "</table></body></html>";
        var r = TestPaths.Reader().ReadText(html);
        Assert.That(new[] { "issued", "repealed", "in_force" }.Select(c => Cell(r, $"art20_1.regulations[{c}]")), Is.EqualTo(new[] { "——", "——", "——" }));
    }

    [Test]
    public void Read_HtmlCellTextOnTheLineAfterItsTd_LineOfTheText()
    {
        // Word "save as web page": <td ...> on one line, <p><span>value</span></p> on the next.
        var html = Head + "<table>\n"
            + "<tr>\n<td width=60>\n<p class=MsoNormal><span>信息内容</span></p>\n</td>\n<td width=60>\n<p class=MsoNormal><span>本年处理决定数量</span></p>\n</td>\n</tr>\n"
            + "<tr>\n<td width=60>\n<p class=MsoNormal><span>行政处罚</span></p>\n</td>\n<td width=60>\n<p class=MsoNormal><span lang=EN-US>412</span></p>\n</td>\n</tr>\n"
            + "<tr>\n<td width=60>\n<p class=MsoNormal><span>行政强制</span></p>\n</td>\n<td width=60>\n<p class=MsoNormal><span lang=EN-US>&nbsp;</span></p>\n</td>\n</tr>\n"
            + "</table></body></html>";
        var r = new ReportReader(new ReportReaderOptions { SchemaDirectory = TestPaths.SchemaDirectory, SchemaId = "2021" }).ReadText(html);
        Assert.Multiple(() =>
        {
            Assert.That(r.FindCell("art20_6.penalty[decisions]")?.Line, Is.EqualTo(17), "line of 412");
            Assert.That(r.FindCell("art20_6.coercion[decisions]")?.RawText, Is.EqualTo(""));
            Assert.That(r.FindCell("art20_6.coercion[decisions]")?.Line, Is.EqualTo(24), "a blank cell: the line of its <td>");
        });
    }

    [Test]
    public void Read_DocxValueWithGridSpan_ReadOnceForItsColumn()
    {
        static TableCell C(string text, int span = 1)
        {
            var props = new TableCellProperties();
            if (span > 1)
            {
                props.Append(new GridSpan { Val = span });
            }

            return new TableCell(props, new Paragraph(new Run(new Text(text))));
        }

        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            doc.AddMainDocumentPart().Document = new Document(new Body(
                new Paragraph(new Run(new Text("某县某局2020年政府信息公开工作年度报告"))),
                new Table(
                    new TableRow(C("第二十条第（八）项", 4)),
                    new TableRow(C("信息内容"), C("上一年项目数量"), C("本年增/减", 2)),
                    new TableRow(C("行政事业性收费"), C("4"), C("-1", 2)),
                    new TableRow(C("第二十条第（九）项", 4)),
                    new TableRow(C("信息内容"), C("采购项目数量"), C("采购总金额", 2)),
                    new TableRow(C("政府集中采购"), C("6"), C("128.60", 2)))));
        }

        var r = TestPaths.Reader().Read(ms.ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(Cell(r, "art20_8.admin_fees[change]"), Is.EqualTo("-1"));
            Assert.That(Cell(r, "art20_9.central_procurement[amount]"), Is.EqualTo("128.60"));
            Assert.That(r.FindCell("art20_9.central_procurement[amount]")?.Line, Is.EqualTo(7));
        });
    }
}
