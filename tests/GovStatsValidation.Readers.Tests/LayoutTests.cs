using System.Text;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests;

/// <summary>Each layout on small synthetic texts (invented figures).</summary>
public class LayoutTests
{
    private static ReportExtraction Read(string text) => TestPaths.Reader().ReadText(text);

    private static string Cell(ReportExtraction r, string id) => r.FindCell(id)?.RawText ?? "<absent>";

    [Test]
    public void Read_CellPerLineTabIndented_LabelUnitValue()
    {
        var text = string.Join("\n",
            "某某局2016年政府信息公开年度报告", "", "\t统\u3000计\u3000指\u3000标", "\t单位", "\t统计数", "",
            "\t一、主动公开情况", "\t——", "\t", "",
            "\t\u3000\u3000（一）主动公开政府信息数", "\u3000\u3000（不同渠道和方式公开相同信息计1条）", "\t条", "\t41", "",
            "\t\u3000\u3000\u3000其中：主动公开规范性文件数", "\t条", "\t2", "",
            "\t四、行政复议数量", "\t件", "\t3", "",
            "\t\u3000\u3000（二）被依法纠错数", "\t件", "\t1", "",
            "\t五、行政诉讼数量", "\t件", "\t2", "",
            "\t\u3000\u3000（二）被依法纠错数", "\t件", "\t0", "",
            "\t（四）政府信息公开专项经费（不包括用于政府公报编辑管理及", "", "政府网站建设维护等方面的经费）", "\t万元", "\t1.5");
        var r = Read(text);
        Assert.Multiple(() =>
        {
            Assert.That(r.Schema?.Value, Is.EqualTo("pre2019"));
            Assert.That(r.Tables.Single().Layout, Is.EqualTo(TableLayout.CellPerLine));
            Assert.That(r.FindCell("active.total"), Is.EqualTo(new ExtractedCell("active.total", "41", 14, null)).Using<ExtractedCell>((a, b) => a.CellId == b.CellId && a.RawText == b.RawText && a.Line == b.Line));
            Assert.That(r.FindCell("active.total")!.Unit, Is.EqualTo("条"));
            Assert.That(Cell(r, "active.normative_docs_published"), Is.EqualTo("2"));
            Assert.That(Cell(r, "review.corrected"), Is.EqualTo("1"));
            Assert.That(Cell(r, "litigation.corrected"), Is.EqualTo("0"));
            Assert.That(Cell(r, "org.budget"), Is.EqualTo("1.5"));
            Assert.That(r.Year?.Value, Is.EqualTo(2016));
        });
    }

    [Test]
    public void Read_CellPerLineBlankSeparatedUnitMissing_ValuesRead()
    {
        var text = string.Join("\n",
            "统 计 指 标", "", "单位", "", "统计数", "", "一、主动公开情况", "", "——", "", "",
            "\u00A0 (一)主动公开政府信息数", "\u00A0\u00A0\u00A0(不同渠道和方式公开相同信息计1条)", "", "120", "",
            "     1.政府公报公开政府信息数", "", "7", "", "三、依申请公开情况", "", "——", "", "",
            "\u00A0 (一)收到申请数", "", "9", "", "     4.不同意公开答复数", "", "2", "",
            "      危及国家安全、公共安全、经济安全和社会", "\u00A0\u00A0\u00A0\u00A0稳定", "", "1", "",
            "七、依申请公开信息收取的费用", "", "万元", "", "0");
        var r = Read(text);
        Assert.Multiple(() =>
        {
            Assert.That(Cell(r, "active.total"), Is.EqualTo("120"));
            Assert.That(r.FindCell("active.total")!.Line, Is.EqualTo(15));
            Assert.That(Cell(r, "active.channels.gazette"), Is.EqualTo("7"));
            Assert.That(Cell(r, "requests.received"), Is.EqualTo("9"));
            Assert.That(Cell(r, "requests.replies.refused.security_stability"), Is.EqualTo("1"));
            Assert.That(r.FindCell("fees.total")!.Unit, Is.EqualTo("万元"));
        });
    }

    [Test]
    public void Read_TabSeparatedShortRows_FirstAndTotalKept()
    {
        var text = string.Join("\n",
            "二、主动公开政府信息情况", "",
            "第二十条第（一）项\t\t\t", "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量", "规章\t0\t0\t0", "规范性文件\t3\t3\t9",
            "第二十条第（八）项\t\t\t", "信息内容\t上一年项目数量\t本年增/减\t", "行政事业性收费\t4\t-1\t", "",
            "三、收到和处理政府信息公开申请情况", "",
            "\t申请人情况\t\t\t\t\t\t\t", "\t自然人\t法人或其他组织\t\t\t\t\t总计\t",
            "一、本年新收政府信息公开申请数量\t5\t\t\t\t\t\t5\t",
            "三、本年受理结果\t(一) 予以公开\t4\t\t\t\t\t4\t",
            "\t(三) 不予公开\t1. 属于国家秘密\t\t\t\t\t\t",
            "\t(六) 其他处理\t1\t\t2\t\t\t3\t",
            "四、结转下年度继续办理\t\t\t\t\t\t\t1\t");
        var r = Read(text);
        Assert.Multiple(() =>
        {
            Assert.That(r.Schema?.Value, Is.EqualTo("2019"));
            Assert.That(r.Tables.Select(t => t.Layout), Is.All.EqualTo(TableLayout.TabSeparated));
            Assert.That(Cell(r, "art20_1.normative_docs[published_total]"), Is.EqualTo("9"));
            Assert.That(Cell(r, "art20_8.admin_fees[change]"), Is.EqualTo("-1"));
            Assert.That(Cell(r, "requests.new[natural_person]"), Is.EqualTo("5"));
            Assert.That(r.FindCell("requests.new[natural_person]")!.Line, Is.EqualTo(15));
            Assert.That(Cell(r, "requests.new[total]"), Is.EqualTo("5"));
            Assert.That(Cell(r, "result.granted[natural_person]"), Is.EqualTo("4"));
            Assert.That(Cell(r, "result.granted[org.commercial]"), Is.EqualTo(""));
            Assert.That(Cell(r, "result.granted[total]"), Is.EqualTo("4"));
            Assert.That(Cell(r, "result.withheld.state_secret[total]"), Is.EqualTo(""));
            // A short row whose middle cells are not blank cannot be placed safely.
            Assert.That(Cell(r, "result.other[total]"), Is.EqualTo("<absent>"));
            Assert.That(r.Diagnostics.Any(d => d.Code == "row-values-mismatch" && d.Line == 18), Is.True);
            Assert.That(Cell(r, "requests.carry_forward[total]"), Is.EqualTo("1"));
        });
    }

    [Test]
    public void Read_SpaceAlignedPdfLayout_WrappedLabelsAndPageNumbers()
    {
        var text = string.Join("\n",
            "     三、收到和处理政府信息公开申请情况",
            "                         申请人情况",
            "一、本年新收政府信息公开申请数量        10       1      0      0      0     0    11",
            "",
            "      （一）予以公开                     6       1      0      0      0     0     7",
            "      （二）部分公开（区分处理的，只计这一情",
            "                                        2       0      0      0      0     0     2",
            "      形，不计其他情形）",
            "三、",
            "本            1.属于国家秘密             1       0      0      0      0     0     1",
            "年",
            "                                          -4-",
            "               5.要求行政机关确认或重新出",
            "                                        1       0      0      0      0     0     1",
            "               具已获取信息",
            "     （七）总计                          10       1      0      0      0     0    11",
            "",
            "     四、政府信息公开行政复议、行政诉讼情况",
            "行政复议                          行政诉讼",
            "结果   结果    其他结    尚未",
            "1   2    3    0    6   0    0        0        0        0   0   0     0    0       0",
            "     五、存在的主要问题及改进情况",
            "第二十条 第（五）项",
            "信息内容          本年处理决定数量",
            "行政许可          1,234");
        var r = Read(text + "\n本年制发件数\n");
        Assert.Multiple(() =>
        {
            Assert.That(r.Schema?.Value, Is.EqualTo("2021"));
            Assert.That(r.Tables.Select(t => t.Layout), Is.All.EqualTo(TableLayout.SpaceAligned));
            Assert.That(Cell(r, "requests.new[total]"), Is.EqualTo("11"));
            Assert.That(Cell(r, "result.partial[natural_person]"), Is.EqualTo("2"));
            Assert.That(r.FindCell("result.partial[natural_person]")!.Line, Is.EqualTo(7));
            Assert.That(Cell(r, "result.withheld.state_secret[total]"), Is.EqualTo("1"));
            Assert.That(Cell(r, "result.not_processed.confirm_reissue[natural_person]"), Is.EqualTo("1"));
            Assert.That(Cell(r, "result.total[total]"), Is.EqualTo("11"));
            Assert.That(Cell(r, "review[total]"), Is.EqualTo("6"));
            Assert.That(Cell(r, "litigation.after_review[total]"), Is.EqualTo("0"));
            Assert.That(Cell(r, "art20_5.licensing[decisions]"), Is.EqualTo("1,234"));
            Assert.That(r.Sections.Select(s => s.Number), Is.EqualTo(new[] { 3, 4, 5 }));
        });
    }

    [Test]
    public void Read_MangledMarkdown_DetachedRowsDiagnosedNotGuessed()
    {
        var text = string.Join("\n",
            "本年制发件数",
            "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
            "|---|---|---|---|",
            "| 规章 | 1 | 0 | 5 |",
            "| 行政规范性文件 | 2 | 7 |",
            "| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |  |",
            "| 三、 | （一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
            "| 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
            "|---|---|---|---|---|---|---|",
            "（二）部分公开（区分处理的，只",
            "| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 |  |");
        var r = Read(text);
        Assert.Multiple(() =>
        {
            Assert.That(r.Tables.Single().Layout, Is.EqualTo(TableLayout.Markdown));
            Assert.That(Cell(r, "art20_1.regulations[in_force]"), Is.EqualTo("5"));
            Assert.That(Cell(r, "art20_1.normative_docs[issued]"), Is.EqualTo("<absent>"));
            Assert.That(Cell(r, "requests.new[total]"), Is.EqualTo("3"));
            Assert.That(Cell(r, "result.granted[total]"), Is.EqualTo("2"));
            Assert.That(Cell(r, "result.partial[total]"), Is.EqualTo("<absent>"));
            Assert.That(Cell(r, "requests.carry_forward[total]"), Is.EqualTo(""));
            Assert.That(r.Diagnostics.Select(d => d.Code), Does.Contain("table-mangled"));
            Assert.That(r.Diagnostics.Any(d => d.Code == "detached-values" && d.Line == 8), Is.True);
            Assert.That(r.Diagnostics.Any(d => d.Code == "row-values-mismatch" && d.Line == 5), Is.True);
        });
    }

    [Test]
    public void Read_HtmlInTxt_SniffedAndSpansExpanded()
    {
        var html = """
            <html><head><title>某市某局2022年政府信息公开工作年度报告</title></head><body>
            <p>某市某局2022年政府信息公开工作年度报告</p>
            <p>一、总体情况</p><p>本年制发件数</p>
            <p>三、收到和处理政府信息公开申请情况</p>
            <table>
            <tr><td colspan="3" rowspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
            <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
            <tr><td>x</td><td>x</td><td>x</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
            <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>8</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>9</td></tr>
            <tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>6</td></tr>
            <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>1</td><td></td><td></td><td></td><td></td><td></td><td>1</td></tr>
            <tr><td>2.其他法律行政法规禁止公开</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
            </table></body></html>
            """;
        var r = TestPaths.Reader().Read(Encoding.UTF8.GetBytes(html));
        Assert.Multiple(() =>
        {
            Assert.That(r.Kind, Is.EqualTo(DocumentKind.Html));
            Assert.That(r.Tables.Single().Layout, Is.EqualTo(TableLayout.Html));
            Assert.That(Cell(r, "requests.new[natural_person]"), Is.EqualTo("8"));
            Assert.That(Cell(r, "requests.new[total]"), Is.EqualTo("9"));
            Assert.That(Cell(r, "result.granted[org.commercial]"), Is.EqualTo("1"));
            Assert.That(Cell(r, "result.withheld.state_secret[org.commercial]"), Is.EqualTo(""));
            Assert.That(Cell(r, "result.withheld.law_prohibited[total]"), Is.EqualTo("0"));
            Assert.That(r.FindCell("requests.new[total]")!.Line, Is.EqualTo(9));
            Assert.That(r.Year?.Value, Is.EqualTo(2022));
            Assert.That(r.Agency?.Value, Is.EqualTo("某市某局"));
            Assert.That(r.Sections.Select(s => s.Number), Is.EqualTo(new[] { 1, 3 }));
        });
    }

    [Test]
    public void Read_BinaryBytes_ClearError()
    {
        var bytes = new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x00, 0x00, 0xFF, 0x01 };
        Assert.Throws<ReportReadException>(() => TestPaths.Reader().Read(bytes));
    }

    [Test]
    public void Read_ZipWithoutWordDocument_ClearError()
    {
        using var ms = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("a.txt").Open());
            w.Write("x");
        }

        var ex = Assert.Throws<ReportReadException>(() => TestPaths.Reader().Read(ms.ToArray()));
        Assert.That(ex!.Message, Does.Contain("word/document.xml"));
    }
}
