using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Checking;

/// <summary>The hand-read examples of tests/data/examples give exactly the findings their tables call for.</summary>
[TestFixture]
public sealed class ExamplesCheckTests
{
    private static ReportCheckResult Check(string file) => RuleHarness.BuiltIn.Check(ReportBuilder.FromExample(file).Build());

    private static IEnumerable<Finding> Serious(ReportCheckResult result) => result.Findings.Where(f => f.Severity >= Severity.Warning);

    [Test]
    public void Check_Seed003_NoErrorOrWarning()
    {
        Assert.That(Serious(Check("seed-003-tongxiang-2017.json")), Is.Empty);
    }

    [Test]
    public void Check_Seed002_ChannelComparisonAndNormativeDocsInfoOnly()
    {
        var findings = Check("seed-002-jiangbei-2017.json").Findings;
        Assert.That(findings.Select(f => (f.RuleId, f.Severity)), Is.EquivalentTo(new[]
        {
            ("pre2019.channels.cover", Severity.Info),
            ("pre2019.normative-docs.more-published", Severity.Info),
        }));
        var channels = findings.Single(f => f.RuleId == "pre2019.channels.cover");
        var docs = findings.Single(f => f.RuleId == "pre2019.normative-docs.more-published");
        Assert.Multiple(() =>
        {
            Assert.That(channels.Passed, Is.True);
            Assert.That(channels.Expected, Is.EqualTo(803));
            Assert.That(channels.Actual, Is.EqualTo(973));
            Assert.That(channels.Formula, Is.EqualTo("0 + 793 + 10 + 10 + 160 (= 973) ≥ 803"));
            Assert.That(docs.Actual, Is.EqualTo(1), "published");
            Assert.That(docs.Expected, Is.EqualTo(0), "issued");
            Assert.That(docs.Cells.Select(c => c.Id.Value), Is.EqualTo(new[] { "active.normative_docs_published", "active.normative_docs_issued" }));
        });
    }

    [Test]
    public void Check_Seed004_BlankSeventhTotalWarningAndMissingReviewTableError()
    {
        var result = Check("seed-004-tongxiang-enforcement-2020.json");
        var errors = result.Findings.Where(f => f.Severity == Severity.Error).ToList();
        var warnings = result.Findings.Where(f => f.Severity == Severity.Warning).ToList();
        Assert.That(errors.Select(f => (f.RuleId, f.Instance)), Is.EqualTo(new[] { ("2019.table.missing", "row=review_litigation") }));
        Assert.That(warnings.Select(f => f.RuleId), Has.All.EqualTo("2019.applications.result-total-blank"));
        var total = warnings.Single(f => f.Instance == "col=total");
        Assert.Multiple(() =>
        {
            Assert.That(total.Expected, Is.EqualTo(2), "the (七)总计 computed from the outcomes");
            Assert.That(total.Suspect?.Cell.Value, Is.EqualTo("result.total[total]"));
            Assert.That(total.Message.Zh, Is.EqualTo("总计列：（七）总计未填写，各办理结果之和为 2"));
            Assert.That(warnings.Select(f => f.Instance), Is.EquivalentTo(new[] { "col=natural_person", "col=total" }), "only the columns with outcomes");
        });
    }

    [TestCase(ReportBuilder.CleanPre2019File)]
    [TestCase(ReportBuilder.Clean2021File)]
    public void Check_SyntheticCleanReport_NoErrorOrWarning(string file)
    {
        Assert.That(Serious(Check(file)), Is.Empty);
    }

    [TestCase(SchemaVersion.Pre2019)]
    [TestCase(SchemaVersion.Format2019)]
    [TestCase(SchemaVersion.Format2021)]
    public void Check_CleanBuilderReport_NoErrorOrWarning(SchemaVersion schema)
    {
        var result = RuleHarness.BuiltIn.Check(ReportBuilder.Clean(schema).Build());
        Assert.That(Serious(result), Is.Empty);
    }

    [Test]
    public void Check_CheckedTwice_SameFindingsInSameOrder()
    {
        var report = ReportBuilder.FromExample("seed-004-tongxiang-enforcement-2020.json").Build();
        var first = RuleHarness.BuiltIn.Check(report).Findings.Select(f => f.ToString()).ToList();
        var second = new ReportChecker().Check(report).Findings.Select(f => f.ToString()).ToList();
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Check_Findings_SortedBySeverityThenRuleThenInstance()
    {
        var report = ReportBuilder.FromExample("seed-004-tongxiang-enforcement-2020.json").Build();
        var findings = RuleHarness.BuiltIn.Check(report).Findings;
        var expected = findings.OrderBy(f => f.Line ?? int.MaxValue).ThenByDescending(f => f.Severity)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Instance, StringComparer.Ordinal).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(findings, Has.Count.GreaterThanOrEqualTo(5));
            Assert.That(findings, Is.EqualTo(expected));
        });
    }

    [Test]
    public void Compare_ShuffledFindings_SortBackToCheckOrder()
    {
        var report = ReportBuilder.CleanPre2019().Set("review.total", 7).Printed("training.meetings", "见附件").Set("org.budget", -1).Build();
        var findings = RuleHarness.BuiltIn.Check(report).Findings;
        var shuffled = findings.OrderBy(_ => Random.Shared.Next()).ToList();
        shuffled.Sort(FindingOrder.Instance);
        Assert.That(shuffled, Is.EqualTo(findings));
    }

    [Test]
    public void Compare_LinesAndSeverities_ErrorsFirstThenWarningsThenInfoEachByLine()
    {
        Finding F(string id, Severity s, int? line) => new() { RuleId = id, Severity = s, Title = new("t", "t"), Message = new("m", "m"), Line = line };
        var list = new List<Finding> { F("b", Severity.Info, null), F("a", Severity.Info, 3), F("c", Severity.Error, null), F("d", Severity.Warning, 3), F("a", Severity.Error, 1) };
        list.Sort(FindingOrder.Instance);
        Assert.That(list.Select(f => $"{f.Line}:{f.RuleId}"), Is.EqualTo(new[] { "1:a", ":c", "3:d", "3:a", ":b" }));
    }
}
