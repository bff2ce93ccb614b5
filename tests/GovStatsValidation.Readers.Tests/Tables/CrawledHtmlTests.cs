using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Tables;

/// <summary>
/// Saved and crawled pages (invented figures, the markup as government sites serve it): a number split across inline
/// elements is one number, a block boundary inside a cell separates, and a row-spanning cell printed again in a row its
/// span covers (Word repeats it when the table breaks across pages) does not shift the row's columns.
/// </summary>
public class CrawledHtmlTests
{
    private const string Head = "<html><head><meta charset=\"utf-8\"><title>某县某局2023年政府信息公开工作年度报告</title></head><body>\n"
        + "<p>二、主动公开政府信息情况</p>\n<table>\n<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>\n"
        + "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>\n</table>\n<p>三、收到和处理政府信息公开申请情况</p>\n";

    private const string ApplicantHeader =
        "<tr><td rowspan=\"3\" colspan=\"3\"></td><td colspan=\"7\">申请人情况</td></tr>\n"
        + "<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>\n"
        + "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>\n";

    private static string Cell(ReportExtraction r, string id) => r.FindCell(id)?.RawText ?? "<absent>";

    private static string[] Row(ReportExtraction r, string row) =>
        new[] { "natural_person", "org.commercial", "org.research", "org.social_welfare", "org.legal_service", "org.other", "total" }.Select(c => Cell(r, $"{row}[{c}]")).ToArray();

    private static string Tds(params string[] cells) => string.Concat(cells.Select(c => $"<td>{c}</td>"));

    [Test]
    public void Read_NumberSplitAcrossInlineElements_OneNumber()
    {
        var html = Head + "<table>\n" + ApplicantHeader
            + "<tr><td colspan=\"3\"><span>一、本年新收</span><span>政府信息公开申请数量</span></td>"
            + Tds("78<span>967</span>", "<b>1</b>2", "0", "0", "0", "0", "<font>789</font><span>79</span>") + "</tr>\n"
            + "</table>\n</body></html>";
        var r = TestPaths.Reader().ReadText(html);
        Assert.That(Row(r, "requests.new"), Is.EqualTo(new[] { "78967", "12", "0", "0", "0", "0", "78979" }));
    }

    [Test]
    public void Read_BlockBoundaryInsideACell_NeverJoinsTwoNumbers()
    {
        // Two paragraphs in one cell are two tokens: "12 34" is not a number (unreadable text), never 1234.
        var html = Head + "<table>\n" + ApplicantHeader
            + "<tr><td colspan=\"3\"><p>一、本年新收</p><p>政府信息公开申请数量</p></td>"
            + Tds("<p>12</p><p>34</p>", "0", "0", "0", "0", "0", "<div>46</div>") + "</tr>\n"
            + "</table>\n</body></html>";
        var r = TestPaths.Reader().ReadText(html);
        Assert.Multiple(() =>
        {
            Assert.That(Cell(r, "requests.new[natural_person]"), Is.EqualTo("12 34"));
            Assert.That(Model.CellValue.Parse(Cell(r, "requests.new[natural_person]")).State, Is.EqualTo(Model.CellState.Unreadable));
            Assert.That(Cell(r, "requests.new[total]"), Is.EqualTo("46"), "the label's two paragraphs still name the row");
        });
    }

    [Test]
    public void Read_RowspanCellRepeatedInARowItSpans_ColumnsNotShifted()
    {
        // 三、本年度办理结果 spans the result rows (rowspan 4); the page breaks after two of them and Word prints the cell
        // again, with its span, at the top of the next page's rows.
        var html = Head + "<table>\n" + ApplicantHeader
            + "<tr><td colspan=\"3\">一、本年新收政府信息公开申请数量</td>" + Tds("9", "1", "0", "0", "0", "0", "10") + "</tr>\n"
            + "<tr><td rowspan=\"4\">三、本年度办理结果</td><td colspan=\"2\">（一）予以公开</td>" + Tds("5", "1", "0", "0", "0", "0", "6") + "</tr>\n"
            + "<tr><td colspan=\"2\">（二）部分公开</td>" + Tds("2", "0", "0", "0", "0", "0", "2") + "</tr>\n"
            + "<tr><td rowspan=\"4\">三、本年度办理结果</td><td rowspan=\"2\">（三）不予公开</td><td>1.属于国家秘密</td>" + Tds("1", "0", "0", "0", "0", "0", "1") + "</tr>\n"
            + "<tr><td>2.其他法律行政法规禁止公开</td>" + Tds("", "", "", "", "", "", "") + "</tr>\n"
            + "<tr><td colspan=\"2\">（七）总计</td>" + Tds("8", "1", "0", "0", "0", "0", "9") + "</tr>\n"
            + "<tr><td colspan=\"3\">四、结转下年度继续办理</td>" + Tds("1", "0", "0", "0", "0", "0", "1") + "</tr>\n"
            + "</table>\n</body></html>";
        var r = TestPaths.Reader().ReadText(html);
        var grid = r.Tables.Single(t => t.Rows.Any(row => row.Cells.Any(c => c.Text == "1.属于国家秘密")));
        var secret = grid.Rows.Single(row => row.Cells.Any(c => c.Text == "1.属于国家秘密"));
        Assert.Multiple(() =>
        {
            Assert.That(grid.Rows.Select(row => row.Cells.Count).Distinct(), Is.EqualTo(new[] { 10 }), "the grid keeps its ten columns");
            Assert.That(secret.Cells.Select(c => c.Text), Is.EqualTo(new[] { "三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "1", "0", "0", "0", "0", "0", "1" }));
            Assert.That(Row(r, "result.granted"), Is.EqualTo(new[] { "5", "1", "0", "0", "0", "0", "6" }));
            Assert.That(Row(r, "result.withheld.state_secret"), Is.EqualTo(new[] { "1", "0", "0", "0", "0", "0", "1" }));
            Assert.That(Row(r, "result.withheld.law_prohibited"), Is.EqualTo(new[] { "", "", "", "", "", "", "" }));
            Assert.That(Row(r, "result.total"), Is.EqualTo(new[] { "8", "1", "0", "0", "0", "0", "9" }));
            Assert.That(Row(r, "requests.carry_forward"), Is.EqualTo(new[] { "1", "0", "0", "0", "0", "0", "1" }));
        });
    }

    [Test]
    public void Read_Pingtan2019PageWithRepeatedRowspan_ApplicationTableAsIndexSays()
    {
        // ../shared/corpus/INDEX.md: the page prints 三、本年度办理结果 twice (rowspan 10 each); the grid must still come
        // out right: 新收 23/0/0/0/0/0/23, 予以公开 7, 部分公开 1, (七)总计 23.
        var r = TestPaths.Reader().ReadFile(TestPaths.Shared("corpus/pingtan/pingtan_zone_2019.html"));
        Assert.Multiple(() =>
        {
            Assert.That(Row(r, "requests.new"), Is.EqualTo(new[] { "23", "0", "0", "0", "0", "0", "23" }));
            Assert.That(Cell(r, "result.granted[total]"), Is.EqualTo("7"));
            Assert.That(Cell(r, "result.partial[total]"), Is.EqualTo("1"));
            Assert.That(Row(r, "result.total"), Is.EqualTo(new[] { "23", "0", "0", "0", "0", "0", "23" }));
        });
    }
}
