using GovStatsValidation.Findings;
using GovStatsValidation.Rules;
using GovStatsValidation.TestUtils;
using NUnit.Framework;
using static GovStatsValidation.NUnit.Tests.ReportsTests;

namespace GovStatsValidation.NUnit.Tests;

[TestFixture]
public sealed class HaveFindingConstraintTests
{
    private const string RowTotal = "2021.applications.row-total";

    [Test]
    public void HaveFinding_On_CellOfFinding_Passes() =>
        Assert.That(ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build(), Reports.HaveFinding(RowTotal).On("requests.new[total]").On("requests.new[org.other]"));

    [Test]
    public void HaveFinding_On_SuspectCell_Passes()
    {
        var finding = MakeFinding("x.rule", Severity.Error, "a[total]") with
        {
            Suspect = new Suspect("b[total]", new LocalizedText("可疑", "suspect")),
        };

        Assert.That(new[] { finding }, Reports.HaveFinding("x.rule").On("b[total]"));
    }

    [Test]
    public void HaveFinding_On_OtherCell_FailsListingFindingsOfTheRule()
    {
        var report = ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build();

        var e = Assert.Throws<AssertionException>(() => Assert.That(report, Reports.HaveFinding(RowTotal).On("result.total[total]")));

        Assert.That(e!.Message, Does.Contain("Expected: a finding of rule 2021.applications.row-total on result.total[total]"));
        Assert.That(e.Message, Does.Contain("Findings of rule 2021.applications.row-total:"));
        Assert.That(e.Message, Does.Contain("error 2021.applications.row-total [row=requests.new]"));
        Assert.That(e.Message, Does.Not.Contain("2021.applications.flow"), "only the rule's findings are listed");
    }

    [Test]
    public void HaveFinding_UnknownRule_FailsListingAllFindings()
    {
        var findings = new[] { MakeFinding("x.one", Severity.Warning, "a"), MakeFinding("x.two", Severity.Info) };

        var message = Message(Reports.HaveFinding("x.three").ApplyTo(findings));

        Assert.That(message, Does.Contain("No finding of rule x.three; the findings were:"));
        Assert.That(message, Does.Contain("warning x.one: x.one 的消息"));
        Assert.That(message, Does.Contain("cells: a=1"));
        Assert.That(message, Does.Contain("info x.two: x.two 的消息"));
    }

    [Test]
    public void HaveFinding_WithSeverity_MatchesExactSeverityOnly()
    {
        var findings = new[] { MakeFinding("x.rule", Severity.Warning, "a") };

        Assert.That(findings, Reports.HaveFinding("x.rule").WithSeverity(Severity.Warning));
        var result = Reports.HaveFinding("x.rule").On("a").WithSeverity(Severity.Error).ApplyTo(findings);
        Assert.That(result.IsSuccess, Is.False);
        Assert.That(result.Description, Is.EqualTo("a finding of rule x.rule on a with severity error"));
    }

    [Test]
    public void HaveFinding_Negated_NoSuchFinding_Passes() =>
        Assert.That(ReportBuilder.Clean2021().Build(), !Reports.HaveFinding(RowTotal));

    [TestCase("")]
    [TestCase(" ")]
    public void HaveFinding_BlankRuleId_Throws(string ruleId) =>
        Assert.Throws<ArgumentException>(() => Reports.HaveFinding(ruleId));
}
