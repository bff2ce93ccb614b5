using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using NUnit.Framework;
using static GovStatsValidation.CrossReport.Tests.TestSupport;

namespace GovStatsValidation.CrossReport.Tests.Rules;

/// <summary>A section that repeats last year's text word for word (issue 12): warning for part 五, pass and fail.</summary>
[TestFixture]
public sealed class CoverageRuleTests
{
    private static readonly CrossReportChecker Checker = new(new CrossReportOptions { TextProvider = _ => null });

    [Test]
    public void Check_ProblemsSectionRepeatsLastYearWordForWord_Warning()
    {
        const string text = "一是政府信息公开工作的规范化水平仍需提高，二是依申请公开答复的质量有待提升。下一步将加强培训，完善工作机制，提高答复质量。";
        var findings = Checker.Check([WithSection(2022, text), WithSection(2023, text.Replace("，", "， ", StringComparison.Ordinal))]);
        var repeated = findings.Rule("cross.section.repeated-text");
        Assert.Multiple(() =>
        {
            Assert.That(repeated, Has.Count.EqualTo(1));
            Assert.That(repeated[0].Finding.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(repeated[0].Subject.Year, Is.EqualTo(2023));
        });
    }

    [Test]
    public void Check_ProblemsSectionChangedOrShort_NoFinding()
    {
        const string text = "一是政府信息公开工作的规范化水平仍需提高，二是依申请公开答复的质量有待提升。下一步将加强培训，完善工作机制，提高答复质量。";
        var changed = Checker.Check([WithSection(2022, text), WithSection(2023, text.Replace("培训", "学习", StringComparison.Ordinal))]);
        var shortText = Checker.Check([WithSection(2022, "无。"), WithSection(2023, "无。")]);
        Assert.That(changed.Rule("cross.section.repeated-text").Concat(shortText.Rule("cross.section.repeated-text")), Is.Empty);
    }

    private static AnnualReport WithSection(int year, string text)
    {
        var report = Report("某县人民政府办公室", year, SchemaVersion.Format2021, ("art20_6.penalty[decisions]", 3));
        report.Sections.Add(new ReportSection("五", "存在的主要问题及改进情况", 40, "problems") { Text = text });
        return report;
    }
}
