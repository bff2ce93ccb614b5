using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Schema;

/// <summary>
/// Reader bugs the round-trip property (tests/GovStatsValidation.Synthetic.Tests/RoundTrip) found, each as the small
/// counterexample it shrank to (invented figures): the reading that must come out, or "not read", never a wrong value.
/// </summary>
public sealed class RoundTripRegressionTests
{
    private static ReportExtraction Read(string text) => TestPaths.Reader().ReadText(text);

    private static string Cell(ReportExtraction r, string id) => r.FindCell(id)?.RawText ?? "<absent>";

    private static bool Unread(ReportExtraction r, string id) => r.Unread.Any(u => u.CellIds.Contains(id));

    private const string Modern2021Title = "青山县教育局2022年度政府信息公开工作年度报告\n\n";

    private const string Article20Head2021 = "二、主动公开政府信息情况\n\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t2\n\n";

    private const string Modern2019Title = "青山县教育局2020年度政府信息公开工作年度报告\n\n";

    [Test]
    public void Read_GluedPre2019LabelSharedByReviewAndLitigation_EachRowFromItsOwnPlace()
    {
        // 被依法纠错数 and 其他情形数 name a row under 行政复议 and one under 行政诉讼: the second occurrence is the litigation row.
        var r = Read("青山县教育局2016年政府信息公开工作年度报告\n\n统计指标单位统计数一、主动公开情况——（一）主动公开政府信息数条53"
            + "三、行政复议数量件3（一）维持具体行政行为数件1（二）被依法纠错数件1（三）其他情形数件1"
            + "四、行政诉讼数量件7（一）维持具体行政行为或者驳回原告诉讼请求数件4（二）被依法纠错数件2（三）其他情形数件1五、举报投诉数量件0\n");
        Assert.Multiple(() =>
        {
            Assert.That(Cell(r, "review.corrected"), Is.EqualTo("1"));
            Assert.That(Cell(r, "litigation.total"), Is.EqualTo("7"));
            Assert.That(Cell(r, "litigation.corrected"), Is.EqualTo("2"));
            Assert.That(Cell(r, "litigation.other"), Is.EqualTo("1"));
        });
    }

    [Test]
    public void Read_GluedValueBeforeItemNumbering_ReadAndMarkedReconstructed()
    {
        // 条1 | 2.政府网站…: the value's digit and the next label's numbering ran together; the value is a cut.
        var r = Read("青山县教育局2016年政府信息公开工作年度报告\n\n统计指标单位统计数一、主动公开情况——（一）主动公开政府信息数条53"
            + "（二）通过不同渠道和方式公开政府信息的情况——1.政府公报公开政府信息数条12.政府网站公开政府信息数条343.其他方式公开政府信息数条18"
            + "三、行政复议数量件0四、行政诉讼数量件0\n");
        Assert.Multiple(() =>
        {
            Assert.That(Cell(r, "active.channels.gazette"), Is.EqualTo("1"));
            Assert.That(r.FindCell("active.channels.gazette")!.Reconstructed, Is.True);
            Assert.That(Cell(r, "active.channels.website"), Is.EqualTo("34"));
            Assert.That(Cell(r, "active.total"), Is.EqualTo("53"));
            Assert.That(r.FindCell("active.total")!.Reconstructed, Is.False, "53 touches only text");
        });
    }

    [Test]
    public void Read_MarkdownMergedLabelCellsPrintedEmpty_ValuesAreTheLastCells()
    {
        // A PDF-to-markdown table has no spans: the label merged over three columns leaves two empty cells before the values.
        var r = Read(Modern2021Title + Article20Head2021 + "三、收到和处理政府信息公开申请情况\n\n"
            + "|  |  |  | 申请人情况 |  |  |  |  |  |  |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
            + "|  |  |  | 自然人 | 法人或其他组织 |  |  |  |  | 总计 |\n"
            + "|  |  |  |  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |  |\n"
            + "| 一、本年新收政府信息公开申请数量 |  |  | 446 | 2 | 0 | 0 | 0 | 0 | 448 |\n"
            + "| 三、本年度办理结果 | (一) 予以公开 |  |  | 1 | 0 | 0 | 0 | 0 | 1 |\n"
            + "|  | (七) 总计 |  | 465 | 0 | 0 | 0 | 0 | 0 | 465 |\n");
        Assert.Multiple(() =>
        {
            Assert.That(Cell(r, "requests.new[natural_person]"), Is.EqualTo("446"));
            Assert.That(Cell(r, "requests.new[total]"), Is.EqualTo("448"));
            Assert.That(Cell(r, "result.granted[natural_person]"), Is.EqualTo(""), "a blank first value is kept");
            Assert.That(Cell(r, "result.granted[org.commercial]"), Is.EqualTo("1"));
            Assert.That(Cell(r, "result.total[total]"), Is.EqualTo("465"));
        });
    }

    [Test]
    public void Read_GluedLabelNumberedWithSpace_NumberingGivenBackToTheLabel()
    {
        // 3|0|0|0|0|0|3 then "2. 其他法律…": the 2 is the next label's numbering even with a space after its dot.
        var r = Read(Modern2021Title + Article20Head2021 + "三、收到和处理政府信息公开申请情况\n"
            + "一、本年新收政府信息公开申请数量8000008三、本年度办理结果(三) 不予公开1. 属于国家秘密30000032. 其他法律行政法规禁止公开50000053. 危及“三安全一稳定”0000000\n");
        Assert.Multiple(() =>
        {
            Assert.That(Cell(r, "result.withheld.state_secret[natural_person]"), Is.EqualTo("3"));
            Assert.That(Cell(r, "result.withheld.state_secret[total]"), Is.EqualTo("3"));
            Assert.That(Cell(r, "result.withheld.law_prohibited[total]"), Is.EqualTo("5"));
        });
    }

    [Test]
    public void Read_CaptionAndLabelButNoReadableNumber_CellsNotReadNeverMissing()
    {
        // 行政事业性收费270-265: the signed change ran into the count and neither reads as a number; the table is printed.
        var r = Read(Modern2019Title + "二、主动公开政府信息情况\n第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章102规范性文件3412"
            + "第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费270-265第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购34544.2\n");
        Assert.Multiple(() =>
        {
            Assert.That(r.FindCell("art20_8.admin_fees[prev_items]"), Is.Null);
            Assert.That(Unread(r, "art20_8.admin_fees[prev_items]"), Is.True);
            Assert.That(Unread(r, "art20_8.admin_fees[change]"), Is.True);
        });
    }

    [Test]
    public void Read_CellPerLineWithBlankCells_EachLineACellInColumnOrder()
    {
        // Text copied cell by cell out of a table: an indented empty line is a blank cell, an empty line ends the row.
        var lines = new List<string> { Modern2021Title.TrimEnd('\n'), "", "二、主动公开政府信息情况", "", "第二十条第（一）项", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "规章\t1\t0\t2", "",
            "三、收到和处理政府信息公开申请情况", "" };
        void Row(string label, params string[] cells)
        {
            lines.Add("\t" + label);
            lines.AddRange(cells.Select(c => "\t" + c));
            lines.Add("");
        }

        Row("一、本年新收政府信息公开申请数量", "", "", "", "", "", "", "0");
        Row("二、上年结转政府信息公开申请数量", "5", "", "1", "", "", "", "6");
        lines.AddRange(["\t三、本年度办理结果", "\t(一) 予以公开"]);
        lines.AddRange(new[] { "3", "", "", "", "", "", "3" }.Select(c => "\t" + c));
        lines.Add("");
        lines.AddRange(["\t", "\t(二) 部分公开", "\t2", "\t", "\t1", "\t", "\t", "\t", "\t3", ""]);
        lines.AddRange(["\t", "\t", "\t(七) 总计", "\t5", "\t", "\t1", "\t", "\t", "\t", "\t6", ""]);
        Row("四、结转下年度继续办理", "", "", "", "", "", "", "0");
        lines.AddRange(["四、政府信息公开行政复议、行政诉讼情况", "", "\t行政复议", "\t行政诉讼", "", "\t", "\t未经复议直接起诉", "\t复议后起诉", ""]);
        foreach (var _ in Enumerable.Range(0, 3))
        {
            lines.AddRange(["\t结果维持", "\t结果纠正", "\t其他结果", "\t尚未审结", "\t总计"]);
        }

        lines.Add("");
        lines.AddRange(new[] { "1", "", "", "", "1", "", "", "", "", "", "", "2", "", "", "2" }.Select(c => "\t" + c));
        lines.AddRange(["", "五、存在的主要问题及改进情况", "", "无。"]);
        var r = Read(string.Join("\n", lines));
        Assert.Multiple(() =>
        {
            Assert.That(Cell(r, "requests.new[natural_person]"), Is.EqualTo(""));
            Assert.That(Cell(r, "requests.new[total]"), Is.EqualTo("0"));
            Assert.That(Cell(r, "requests.carried_over[org.research]"), Is.EqualTo("1"));
            Assert.That(Cell(r, "requests.carried_over[org.commercial]"), Is.EqualTo(""));
            Assert.That(Cell(r, "result.partial[org.research]"), Is.EqualTo("1"));
            Assert.That(Cell(r, "result.total[total]"), Is.EqualTo("6"));
            Assert.That(Cell(r, "review[upheld]"), Is.EqualTo("1"));
            Assert.That(Cell(r, "review[total]"), Is.EqualTo("1"));
            Assert.That(Cell(r, "litigation.after_review[corrected]"), Is.EqualTo("2"));
            Assert.That(Cell(r, "litigation.after_review[other]"), Is.EqualTo(""));
            Assert.That(Cell(r, "litigation.after_review[total]"), Is.EqualTo("2"));
        });
    }

    [Test]
    public void Read_GluedDigitsWhereBlankCellsPrintNothing_NoCutIsTrusted()
    {
        // 规章 0 | blank | 0 prints "00"; 规范性文件 0 | 1 | 11 prints "0111". Joined, 000111 cuts only as 0|0|0|1|1|1, which
        // is wrong: a row with fewer digits than columns shows that blank cells print nothing here, so no cut is used.
        var r = Read(Modern2021Title + "二、主动公开政府信息情况\n第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章00行政规范性文件0111"
            + "第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购0\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量8000008二、上年结转政府信息公开申请数量0000000\n");
        Assert.Multiple(() =>
        {
            Assert.That(r.Cells.Where(c => c.CellId.StartsWith("art20_1.", StringComparison.Ordinal)), Is.Empty);
            Assert.That(Unread(r, "art20_1.normative_docs[in_force]"), Is.True);
            Assert.That(r.FindCell("requests.new[total]"), Is.Null, "8000008 cuts uniquely, but not where blanks vanish");
            Assert.That(r.Unread.Any(u => u.Reason.Contains("blank cells print nothing", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public void Read_GluedRunsCutAcrossARowLabel_NotRead()
    {
        // 行政许可 27|0|447 glued; 其他对外管理服务事项 24-140 reads as no number: the one cut of 270447 into six cells
        // would run the first row's digits into the second row, whose label stands after them.
        var r = Read(Modern2019Title + "二、主动公开政府信息情况\n第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可270447其他对外管理服务事项24-140"
            + "第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚3+11\n");
        Assert.Multiple(() =>
        {
            Assert.That(r.Cells.Where(c => c.CellId.StartsWith("art20_5.", StringComparison.Ordinal) && c.RawText is "2" or "7" or "0" or "4"), Is.Empty);
            Assert.That(r.FindCell("art20_5.other_services[prev_items]"), Is.Null);
            Assert.That(Unread(r, "art20_5.other_services[prev_items]"), Is.True);
        });
    }

    [Test]
    public void Read_SignedValueAloneOnALine_IsAValueNotAPageNumber()
    {
        var r = Read(Modern2019Title + "二、主动公开政府信息情况\n\n\t第二十条第（八）项\n\n\t信息内容\n\t上一年项目数量\n\t本年增/减\n\n\t行政事业性收费\n\t4\n\t-3\n\n"
            + "\t第二十条第（九）项\n\n\t信息内容\n\t采购项目数量\n\t采购总金额\n\n\t政府集中采购\n\t2\n\t10.5\n\n");
        Assert.Multiple(() =>
        {
            Assert.That(Cell(r, "art20_8.admin_fees[prev_items]"), Is.EqualTo("4"));
            Assert.That(Cell(r, "art20_8.admin_fees[change]"), Is.EqualTo("-3"));
            Assert.That(Readers.Tables.TextTableExtractor.IsPageNumber("-3-"), Is.True);
            Assert.That(Readers.Tables.TextTableExtractor.IsPageNumber("第3页"), Is.True);
        });
    }
}
