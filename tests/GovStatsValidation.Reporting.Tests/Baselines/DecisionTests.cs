using GovStatsValidation.Reporting.Baselines;
using NUnit.Framework;

namespace GovStatsValidation.Reporting.Tests.Baselines;

/// <summary>Review decisions in the baseline format (issue 15): accepted hides, confirmed and false alarm stay shown and marked.</summary>
public sealed class DecisionTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static List<BaselineEntry> ThreeDecisions(CheckRun run)
    {
        var entries = Baseline.FromRun(run, "", "张三", Today.AddDays(30)).Entries.Take(3).ToList();
        Assert.That(entries, Has.Count.EqualTo(3), "the examples have at least three findings");
        entries[0] = entries[0] with { Decision = BaselineDecision.Accepted, Comment = "已知" };
        entries[1] = entries[1] with { Decision = BaselineDecision.Confirmed, Comment = "确有错误" };
        entries[2] = entries[2] with { Decision = BaselineDecision.FalseAlarm, Comment = "读取有误" };
        return entries;
    }

    [Test]
    public void Apply_Decisions_HidesOnlyAcceptedAndMarksConfirmedAndFalseAlarm()
    {
        var run = ExampleRuns.Examples;
        var entries = ThreeDecisions(run);
        var before = run.Results.Sum(r => r.Findings.Count);

        var after = new Baseline(entries).Apply(run, Today);

        Assert.Multiple(() =>
        {
            Assert.That(after.Results.Sum(r => r.Findings.Count), Is.EqualTo(before - 1));
            Assert.That(after.Baseline!.Accepted, Is.EqualTo(1));
            Assert.That(after.Baseline.StateOf(entries[1].Fingerprint), Is.EqualTo(BaselineState.Confirmed));
            Assert.That(after.Baseline.StateOf(entries[2].Fingerprint), Is.EqualTo(BaselineState.FalseAlarm));
            Assert.That(after.Baseline.IsFalseAlarm(entries[2].Fingerprint), Is.True);
            Assert.That(after.Baseline.EntryOf(entries[1].Fingerprint)!.Comment, Is.EqualTo("确有错误"));
            Assert.That(after.Baseline.Stale, Is.Empty);
        });
    }

    [Test]
    public void Render_Decisions_EveryTextFormatShowsTheDecisionAndComment()
    {
        var run = ExampleRuns.Examples;
        var after = new Baseline(ThreeDecisions(run)).Apply(run, Today);

        var text = new TextRenderer().RenderToString(after);
        var json = new JsonRenderer().RenderToString(after);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("[已确认（张三：确有错误）]"));
            Assert.That(text, Does.Contain("[误报（张三：读取有误）]"));
            Assert.That(json, Does.Contain("\"baselineState\": \"false-alarm\"").And.Contain("\"decision\": \"confirmed\""));
        });
    }

    [Test]
    public void Parse_DecisionAndComment_RoundTrip()
    {
        var baseline = new Baseline(ThreeDecisions(ExampleRuns.Examples));

        var parsed = Baseline.Parse(baseline.ToJson());

        Assert.That(parsed.Entries, Is.EqualTo(baseline.Entries));
        Assert.That(baseline.ToJson(), Does.Contain("\"decision\": \"false-alarm\""));
    }

    [Test]
    public void Parse_WithoutDecision_MeansAccepted()
    {
        var parsed = Baseline.Parse("""{"version":1,"entries":[{"fingerprint":"abc","rule":"r","agency":"a","year":2020,"expires":"2030-01-01"}]}""");

        Assert.That(parsed.Entries.Single().Decision, Is.EqualTo(BaselineDecision.Accepted));
    }

    [Test]
    public void Parse_UnknownDecisionOrCommentNotText_ListsBothWithLines()
    {
        var error = Assert.Throws<GovStatsValidationException>(() => Baseline.Parse("""
            {"version":1,"entries":[
              {"fingerprint":"abc","rule":"r","agency":"a","year":2020,"expires":"2030-01-01","decision":"maybe"},
              {"fingerprint":"def","rule":"r","agency":"a","year":2020,"expires":"2030-01-01","comment":3}
            ]}
            """));

        Assert.That(error!.Message, Does.Contain("(2,").And.Contain("'decision' must be").And.Contain("(3,").And.Contain("'comment' must be a string"));
    }
}
