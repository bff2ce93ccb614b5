using System.Text;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Tables;

/// <summary>
/// Rows of a PDF (or its <c>pdftotext -layout</c> text) whose blank cells print nothing: the numbers are placed in the
/// columns their positions fall in, taken from the rows around that print every column, or from the header of column
/// labels; where the positions do not decide, the row stays unread (invented figures, text laid out as -layout does).
/// </summary>
public class PositionedRowTests
{
    private const string Title = "青山县教育局2022年度政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t2\n\n三、收到和处理政府信息公开申请情况\n\n";

    private static readonly int[] Centres = [44, 52, 60, 68, 76, 84, 92];

    private static string Cell(ReportExtraction r, string id) => r.FindCell(id)?.RawText ?? "<absent>";

    private static string[] Row(ReportExtraction r, string row) =>
        new[] { "natural_person", "org.commercial", "org.research", "org.social_welfare", "org.legal_service", "org.other", "total" }.Select(c => Cell(r, $"{row}[{c}]")).ToArray();

    /// <summary>A label and the values centred on <paramref name="centres"/> (an empty value prints nothing).</summary>
    private static string Line(string label, string[] values, int[]? centres = null)
    {
        var sb = new StringBuilder(label);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].Length == 0)
            {
                continue;
            }

            var at = (centres ?? Centres)[i] - (values[i].Length / 2);
            sb.Append(' ', Math.Max(2, at - sb.Length)).Append(values[i]);
        }

        return sb.ToString();
    }

    [Test]
    public void Read_SpaceAlignedRowWithBlankCells_PlacedByTheColumnsOfTheRowsAround()
    {
        var text = Title + string.Join("\n",
            Line("一、本年新收政府信息公开申请数量", ["21", "3", "0", "0", "0", "0", "24"]),
            Line("二、上年结转政府信息公开申请数量", ["2", "", "1", "", "", "", "3"]),
            Line("    （一）予以公开", ["10", "1", "0", "0", "0", "0", "11"]),
            Line("    （二）部分公开（区分处理的，只计这一情形，不计其他情形）", ["", "", "", "", "", "", "0"]),
            Line("    （七）总计", ["23", "3", "1", "0", "0", "0", "27"])) + "\n";
        var r = TestPaths.Reader().ReadText(text);
        Assert.Multiple(() =>
        {
            Assert.That(Row(r, "requests.carried_over"), Is.EqualTo(new[] { "2", "", "1", "", "", "", "3" }));
            Assert.That(Row(r, "result.partial"), Is.EqualTo(new[] { "", "", "", "", "", "", "0" }));
            Assert.That(Row(r, "requests.new"), Is.EqualTo(new[] { "21", "3", "0", "0", "0", "0", "24" }));
            Assert.That(r.FindCell("requests.carried_over[org.research]")!.Reason, Does.Contain("placed by their positions"));
        });
    }

    [Test]
    public void Read_SpaceAlignedRowWhoseRowsAroundDisagree_NotReadRatherThanGuessed()
    {
        // The row above prints its columns 8 characters further right than the row below (a page break, another grid):
        // the short row's numbers cannot be placed safely.
        int[] shifted = [52, 60, 68, 76, 84, 92, 100];
        var text = Title + string.Join("\n",
            Line("一、本年新收政府信息公开申请数量", ["21", "3", "0", "0", "0", "0", "24"], shifted),
            Line("二、上年结转政府信息公开申请数量", ["2", "", "1", "", "", "", "3"]),
            Line("    （一）予以公开", ["10", "1", "0", "0", "0", "0", "11"])) + "\n";
        var r = TestPaths.Reader().ReadText(text);
        Assert.Multiple(() =>
        {
            Assert.That(r.Cells.Where(c => c.CellId.StartsWith("requests.carried_over[", StringComparison.Ordinal) && c.RawText.Length > 0), Is.Empty);
            Assert.That(Row(r, "result.granted"), Is.EqualTo(new[] { "10", "1", "0", "0", "0", "0", "11" }));
        });
    }

    [Test]
    public void Read_SpaceAlignedNumberBetweenTwoColumns_NotPlaced()
    {
        // A number midway between two columns' centres falls in neither: the row is not read.
        var text = Title + string.Join("\n",
            Line("一、本年新收政府信息公开申请数量", ["21", "3", "0", "0", "0", "0", "24"]),
            Line("二、上年结转政府信息公开申请数量", ["2", "1", "3"], [44, 56, 92]),
            Line("    （一）予以公开", ["10", "1", "0", "0", "0", "0", "11"])) + "\n";
        var r = TestPaths.Reader().ReadText(text);
        Assert.That(r.Cells.Where(c => c.CellId.StartsWith("requests.carried_over[", StringComparison.Ordinal) && c.RawText.Length > 0), Is.Empty);
    }

    [Test]
    public void Read_ReviewValuesWithBlankCellsUnderTheirHeader_PlacedByTheHeaderLabels()
    {
        // The review table prints its fifteen column labels, then one row of numbers; a blank cell prints nothing.
        var centres = Enumerable.Range(0, 15).Select(i => 10 + (i * 10)).ToArray();
        var labels = new[] { "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" };
        var header = new StringBuilder();
        for (var i = 0; i < 15; i++)
        {
            var label = labels[i % 5];
            header.Append(' ', Math.Max(2, centres[i] - (label.Length / 2) - header.Length)).Append(label);
        }

        var text = Title.Replace("三、收到和处理政府信息公开申请情况\n\n", "", StringComparison.Ordinal) + "四、政府信息公开行政复议、行政诉讼情况\n\n"
            + "            行政复议                                         行政诉讼\n"
            + "                                            未经复议直接起诉                复议后起诉\n"
            + header + "\n"
            + Line("", ["1", "", "", "", "1", "2", "0", "", "1", "3", "", "", "", "", "0"], centres) + "\n\n五、存在的主要问题及改进情况\n\n无。\n";
        var r = TestPaths.Reader().ReadText(text);
        Assert.Multiple(() =>
        {
            Assert.That(new[] { "upheld", "corrected", "other", "pending", "total" }.Select(c => Cell(r, $"review[{c}]")), Is.EqualTo(new[] { "1", "", "", "", "1" }));
            Assert.That(new[] { "upheld", "corrected", "other", "pending", "total" }.Select(c => Cell(r, $"litigation.direct[{c}]")), Is.EqualTo(new[] { "2", "0", "", "1", "3" }));
            Assert.That(Cell(r, "litigation.after_review[total]"), Is.EqualTo("0"));
            Assert.That(Cell(r, "litigation.after_review[upheld]"), Is.EqualTo(""));
        });
    }

    [Test]
    public void Read_LabelUnitValueRowWithBlankValue_ReadAsBlank()
    {
        // A pre-2019 table in -layout text: the fees row prints its label and unit, and nothing in the value column.
        var text = "青山县教育局2016年政府信息公开工作年度报告\n\n统计指标                                        单位      统计数\n"
            + "一、主动公开情况                                  ——\n"
            + "  （一）主动公开政府信息数                        条        53\n"
            + "四、行政复议数量                                  件        0\n"
            + "六、依申请公开信息收取的费用                      万元\n"
            + "七、机构建设和保障经费情况                        ——\n"
            + "  （一）政府信息公开工作专门机构数                个        1\n";
        var r = TestPaths.Reader().ReadText(text);
        Assert.Multiple(() =>
        {
            Assert.That(Cell(r, "fees.total"), Is.EqualTo(""));
            Assert.That(Cell(r, "active.total"), Is.EqualTo("53"));
            Assert.That(Cell(r, "org.dedicated_units"), Is.EqualTo("1"));
        });
    }
}
