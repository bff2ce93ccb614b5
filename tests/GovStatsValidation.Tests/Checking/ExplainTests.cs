using GovStatsValidation.Checking;
using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Checking;

[TestFixture]
public sealed class ExplainTests
{
    [TestCase(SchemaVersion.Pre2019)]
    [TestCase(SchemaVersion.Format2019)]
    [TestCase(SchemaVersion.Format2021)]
    public void Explain_CleanReport_ListsEveryCompiledRuleInstance(SchemaVersion schema)
    {
        var evaluations = RuleHarness.BuiltIn.Explain(ReportBuilder.Clean(schema).Build());
        var compiled = RuleCatalog.BuiltIn.For(schema).Rules;
        Assert.Multiple(() =>
        {
            Assert.That(evaluations, Has.Count.EqualTo(RuleCatalog.BuiltIn.InstanceCount(schema)));
            Assert.That(evaluations.Select(e => (e.RuleId, e.Instance)), Is.EqualTo(compiled.Select(r => (r.Definition.Id, r.InstanceKey))));
            Assert.That(evaluations.Where(e => e.Outcome == RuleOutcome.Failed), Is.Empty);
        });
    }

    [Test]
    public void Explain_ChangedReport_GivesPassFailAndNotApplicableWithReasonsAndFormulas()
    {
        var report = ReportBuilder.CleanPre2019().Set("review.total", 7).Blank("litigation.total").Build();
        var evaluations = RuleHarness.BuiltIn.Explain(report);
        var review = evaluations.Single(e => e.RuleId == "pre2019.parts-sum" && e.Instance == "row=review.total");
        var litigation = evaluations.Single(e => e.RuleId == "pre2019.parts-sum" && e.Instance == "row=litigation.total");
        var received = evaluations.Single(e => e.RuleId == "pre2019.parts-sum" && e.Instance == "row=requests.received");
        Assert.Multiple(() =>
        {
            Assert.That(review.Outcome, Is.EqualTo(RuleOutcome.Failed));
            Assert.That(review.Formula, Is.EqualTo("7 ≠ 4 + 1 + 1 (= 6)"));
            Assert.That(review.Expression, Is.EqualTo("review.total == sum(children(review.total))"));
            Assert.That(litigation.Outcome, Is.EqualTo(RuleOutcome.NotApplicable));
            Assert.That(litigation.Reason, Is.EqualTo("litigation.total is not reported (blank)"));
            Assert.That(litigation.Formula, Is.Null);
            Assert.That(received.Outcome, Is.EqualTo(RuleOutcome.Passed));
            Assert.That(received.Formula, Is.EqualTo("157 = 41 + 2 + 89 + 25 (= 157)"));
        });
    }

    [Test]
    public void Explain_AbsentChannels_WhenFalseReason()
    {
        var builder = ReportBuilder.CleanPre2019();
        foreach (var id in new[] { "gazette", "website", "weibo", "wechat", "other" })
        {
            builder.Absent("active.channels." + id);
        }

        var evaluation = RuleHarness.BuiltIn.Single(builder.Build(), "pre2019.channels.cover");
        Assert.Multiple(() =>
        {
            Assert.That(evaluation.Outcome, Is.EqualTo(RuleOutcome.NotApplicable));
            Assert.That(evaluation.Reason, Is.EqualTo("when (reported(active.channels)) is false"));
        });
    }
}
