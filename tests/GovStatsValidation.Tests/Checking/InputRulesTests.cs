using GovStatsValidation.Model;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Checking;

/// <summary>Findings about the input itself: a table printed but not read.</summary>
[TestFixture]
public sealed class InputRulesTests
{
    private static Findings.Finding UnreadFinding()
    {
        var unread = ReportBuilder.Clean2021().Build();
        unread.Tables.Add(new TableSeen("review_litigation", 578)
        {
            Unread = "the label of litigation.after_review (line 616) stands between the numbers of one row",
            UnreadCells = 15,
        });
        return RuleHarness.BuiltIn.Findings(unread, "input.table.unread").Single();
    }

    [Test]
    public void Check_TablePrintedButNotRead_WarningNamesTableLineAndCount()
    {
        var finding = UnreadFinding();

        Assert.Multiple(() =>
        {
            Assert.That(finding.Severity, Is.EqualTo(GovStatsValidation.Rules.Severity.Warning));
            Assert.That(finding.Line, Is.EqualTo(578));
            Assert.That(finding.Message.Zh, Does.StartWith("表格“政府信息公开行政复议、行政诉讼情况”（第 578 行起）有 15 个单元格"));
            Assert.That(finding.Message.En, Does.StartWith("table “Administrative review and litigation” (from line 578): 15 cell(s)"));
            Assert.That(finding.Message.En, Does.EndWith("the label of litigation.after_review (line 616) stands between the numbers of one row"));
        });
    }

    [Test]
    public void Check_TablePrintedButNotRead_NoEnglishInTheChineseMessageNoChineseInTheEnglish()
    {
        var finding = UnreadFinding();

        Assert.That(finding.Message.Zh, Does.Not.Match("[A-Za-z]{2,}"));
        Assert.That(finding.Message.En, Does.Not.Match(@"\p{IsCJKUnifiedIdeographs}"));
    }
}
