using System.Text;
using GovStatsValidation.TestUtils;
using static GovStatsValidation.Reliability.Tests.Catalogue.CatalogueCase;

namespace GovStatsValidation.Reliability.Tests.Catalogue;

/// <summary>
/// Text made to be slow for pattern matching (about 1 MB each): the reader must finish and give the pinned outcome.
/// The suite's own time bound catches a hang; timings are measured by the fuzz run, not asserted here.
/// </summary>
public class SlowTextCatalogueTests
{
    private const int Size = 1 << 20;

    private static string Repeat(string unit, int length = Size)
    {
        var sb = new StringBuilder(length + unit.Length);
        while (sb.Length < length)
        {
            sb.Append(unit);
        }

        return sb.ToString();
    }

    [Test]
    public void Check_DottedNumberRun_Finishes() => Snapshot.Match(Check("dots.txt", "2020年政府信息公开工作年度报告\n" + Repeat("1.")));

    [Test]
    public void Check_FullWidthParenthesesRun_Finishes() => Snapshot.Match(Check("parens.txt", "2020年政府信息公开工作年度报告\n" + Repeat("（")));

    [Test]
    public void Check_LongDigitRun_Finishes() => Snapshot.Match(Check("digits.txt", "2020年政府信息公开工作年度报告\n" + Repeat("1234567890")));

    [Test]
    public void Check_DigitRunsWithSeparators_Finishes() => Snapshot.Match(Check("separators.txt", "2020年政府信息公开工作年度报告\n" + Repeat("1,234,56,7 ")));

    [Test]
    public void Check_ManyShortNumberLines_Finishes() => Snapshot.Match(Check("lines.txt", "2020年政府信息公开工作年度报告\n" + Repeat("1\n")));

    [Test]
    public void Check_ManyHeadingLines_Finishes() => Snapshot.Match(Check("headings.txt", "2020年政府信息公开工作年度报告\n" + Repeat("一、\n（一）\n")));

    [Test]
    public void Check_MarkdownPipeRun_Finishes() => Snapshot.Match(Check("pipes.md", "2020年政府信息公开工作年度报告\n" + Repeat("| 1 ")));

    [Test]
    public void Check_TabsAndSpacesRun_Finishes() => Snapshot.Match(Check("tabs.txt", "2020年政府信息公开工作年度报告\n" + Repeat("\t 1 \t")));

    [Test]
    public void Check_RepeatedLabelsOnOneLine_Finishes() => Snapshot.Match(Check("labels.txt", "2020年政府信息公开工作年度报告\n" + Repeat("本年新收政府信息公开申请数量 1 ")));

    [Test]
    public void Check_RepeatedTitleYears_Finishes() => Snapshot.Match(Check("years.txt", Repeat("2020年度2021年")));

    [Test]
    public void Check_NestedHtmlTags_Finishes() => Snapshot.Match(Check("nested.html", "<html><body>" + Repeat("<div><table><tr><td>") + "</body></html>"));
}
