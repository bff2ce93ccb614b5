using GovStatsValidation.Checking;
using GovStatsValidation.Rules;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Rules.Language;

/// <summary>How a compiled rule reads cells and decides: missing-value policy, requires, tolerance, when, emit, fixed-point numbers.</summary>
[TestFixture]
public sealed class RuleEvaluationTests
{
    private const string ReviewParts = "\"expression\": \"review.total == review.upheld + review.corrected + review.other\"";

    private static RuleEvaluation Evaluate(string ruleBody, ReportBuilder report) =>
        RuleHarness.With(RuleHarness.OneRule(ruleBody)).Single(report.Build(), "test.rule");

    // review.total 6 = upheld 4 + corrected 1 + other 1 in the clean pre2019 report.

    [Test]
    public void Evaluate_BlankPartDefaultPolicy_ReadsZero()
    {
        var e = Evaluate(ReviewParts, ReportBuilder.CleanPre2019().Blank("review.other").Set("review.total", 5));
        Assert.Multiple(() =>
        {
            Assert.That(e.Outcome, Is.EqualTo(RuleOutcome.Passed));
            Assert.That(e.Formula, Is.EqualTo("5 = 4 + 1 + blank (as 0) (= 5)"));
        });
    }

    [Test]
    public void Evaluate_PlaceholderPartDefaultPolicy_ReadsZero()
    {
        var e = Evaluate(ReviewParts, ReportBuilder.CleanPre2019().Printed("review.other", "——").Set("review.total", 5));
        Assert.Multiple(() =>
        {
            Assert.That(e.Outcome, Is.EqualTo(RuleOutcome.Passed));
            Assert.That(e.Formula, Is.EqualTo("5 = 4 + 1 + placeholder (as 0) (= 5)"));
        });
    }

    [Test]
    public void Evaluate_AbsentPartDefaultPolicy_NotApplicable()
    {
        var e = Evaluate(ReviewParts, ReportBuilder.CleanPre2019().Absent("review.other").Set("review.total", 99));
        Assert.Multiple(() =>
        {
            Assert.That(e.Outcome, Is.EqualTo(RuleOutcome.NotApplicable));
            Assert.That(e.Reason, Is.EqualTo("review.other is absent"));
        });
    }

    [Test]
    public void Evaluate_UnreadablePartDefaultPolicy_NotApplicable()
    {
        var e = Evaluate(ReviewParts, ReportBuilder.CleanPre2019().Printed("review.other", "见附件").Set("review.total", 99));
        Assert.Multiple(() =>
        {
            Assert.That(e.Outcome, Is.EqualTo(RuleOutcome.NotApplicable));
            Assert.That(e.Reason, Is.EqualTo("review.other is unreadable"));
        });
    }

    [Test]
    public void Evaluate_BlankPartPolicyMissing_NotApplicable()
    {
        var e = Evaluate(ReviewParts + ", \"missing\": { \"blank\": \"missing\" }", ReportBuilder.CleanPre2019().Blank("review.other").Set("review.total", 99));
        Assert.That(e.Outcome, Is.EqualTo(RuleOutcome.NotApplicable));
    }

    [Test]
    public void Evaluate_PlaceholderPolicyMissing_NotApplicable()
    {
        var e = Evaluate(ReviewParts + ", \"missing\": { \"placeholder\": \"missing\" }", ReportBuilder.CleanPre2019().Printed("review.other", "/").Set("review.total", 99));
        Assert.That(e.Outcome, Is.EqualTo(RuleOutcome.NotApplicable));
    }

    [Test]
    public void Evaluate_AbsentPolicyZero_ReadsZeroAndFails()
    {
        var e = Evaluate(ReviewParts + ", \"missing\": { \"absent\": \"zero\" }", ReportBuilder.CleanPre2019().Absent("review.other"));
        Assert.Multiple(() =>
        {
            Assert.That(e.Outcome, Is.EqualTo(RuleOutcome.Failed));
            Assert.That(e.Formula, Is.EqualTo("6 ≠ 4 + 1 + absent (as 0) (= 5)"));
        });
    }

    [Test]
    public void Evaluate_UnreadablePolicyZero_ReadsZero()
    {
        var e = Evaluate(ReviewParts + ", \"missing\": { \"unreadable\": \"zero\" }", ReportBuilder.CleanPre2019().Printed("review.other", "不详").Set("review.total", 5));
        Assert.That(e.Outcome, Is.EqualTo(RuleOutcome.Passed));
    }

    [Test]
    public void Evaluate_RequiredTotalBlank_NotApplicable()
    {
        var body = ReviewParts + ", \"requires\": [\"review.total\"]";
        var e = Evaluate(body, ReportBuilder.CleanPre2019().Blank("review.total"));
        Assert.Multiple(() =>
        {
            Assert.That(e.Outcome, Is.EqualTo(RuleOutcome.NotApplicable));
            Assert.That(e.Reason, Is.EqualTo("review.total is not reported (blank)"));
        });
    }

    [Test]
    public void Evaluate_TotalBlankWithoutRequires_ReadsZeroAndFails()
    {
        var e = Evaluate(ReviewParts, ReportBuilder.CleanPre2019().Blank("review.total"));
        Assert.That(e.Outcome, Is.EqualTo(RuleOutcome.Failed));
    }

    [TestCase(12.45, RuleOutcome.Passed)]
    [TestCase(12.55, RuleOutcome.Passed)]
    [TestCase(12.6, RuleOutcome.Passed)]
    [TestCase(12.6001, RuleOutcome.Failed)]
    [TestCase(12.3999, RuleOutcome.Failed)]
    public void Evaluate_Tolerance_AllowsAbsoluteDifference(decimal budget, RuleOutcome outcome)
    {
        var e = Evaluate("\"expression\": \"org.budget == 12.5\", \"tolerance\": 0.1", ReportBuilder.CleanPre2019().Set("org.budget", budget));
        Assert.That(e.Outcome, Is.EqualTo(outcome));
    }

    [TestCase(12.5, RuleOutcome.Failed)]
    [TestCase(12.6, RuleOutcome.Failed)]
    [TestCase(12.7, RuleOutcome.Passed)]
    public void Evaluate_ToleranceWithNotEqual_NeedsMoreThanTolerance(decimal budget, RuleOutcome outcome)
    {
        var e = Evaluate("\"expression\": \"org.budget != 12.5\", \"tolerance\": 0.1", ReportBuilder.CleanPre2019().Set("org.budget", budget));
        Assert.That(e.Outcome, Is.EqualTo(outcome));
    }

    [Test]
    public void Evaluate_NoTolerance_ExactToTheFourthDecimal()
    {
        var e = Evaluate("\"expression\": \"org.budget == 12.5\"", ReportBuilder.CleanPre2019().Set("org.budget", 12.5001m));
        Assert.That(e.Outcome, Is.EqualTo(RuleOutcome.Failed));
    }

    [TestCase(2016, RuleOutcome.NotApplicable)]
    [TestCase(2017, RuleOutcome.Failed)]
    public void Evaluate_WhenOnYear_AppliesOnlyWhenTrue(int year, RuleOutcome outcome)
    {
        var e = Evaluate("\"expression\": \"review.total == 0\", \"when\": \"year >= 2017\"", ReportBuilder.CleanPre2019().Year(year));
        Assert.Multiple(() =>
        {
            Assert.That(e.Outcome, Is.EqualTo(outcome));
            Assert.That(e.Reason, outcome == RuleOutcome.NotApplicable ? Is.EqualTo("when (year >= 2017) is false") : Is.Null);
        });
    }

    [Test]
    public void Check_EmitAlwaysPassing_GivesPassSeverityFinding()
    {
        var checker = RuleHarness.With(RuleHarness.OneRule(
            "\"expression\": \"sum(children(active.channels)) >= active.total\", \"emit\": \"always\", \"passSeverity\": \"warning\"",
            message: "{actual} / {expected} / {difference}"));
        var finding = checker.Findings(ReportBuilder.CleanPre2019().Build(), "test.rule").Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Passed, Is.True);
            Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(finding.Message.En, Is.EqualTo("7882 / 4873 / 3009"));
            Assert.That(finding.Suspect, Is.Null, "a passing comparison suspects nothing");
        });
    }

    [Test]
    public void Check_EmitAlwaysFailing_GivesRuleSeverity()
    {
        var checker = RuleHarness.With(RuleHarness.OneRule(
            "\"expression\": \"sum(children(active.channels)) >= active.total\", \"emit\": \"always\", \"passSeverity\": \"info\"", severity: "error"));
        var finding = checker.Findings(ReportBuilder.CleanPre2019().Set("active.total", 9000).Build(), "test.rule").Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Passed, Is.False);
            Assert.That(finding.Severity, Is.EqualTo(Severity.Error));
        });
    }

    [Test]
    public void Check_EmitOnFailurePassing_GivesNoFinding()
    {
        var checker = RuleHarness.With(RuleHarness.OneRule("\"expression\": \"sum(children(active.channels)) >= active.total\""));
        Assert.That(checker.Findings(ReportBuilder.CleanPre2019().Build(), "test.rule"), Is.Empty);
    }

    [Test]
    public void Check_WanYuanDecimals_AddExactly()
    {
        // 59237.2449 = 59237.1 + 0.1449 holds exactly; in binary floating point 0.1 + 0.2 != 0.3 already fails.
        var checker = RuleHarness.With(RuleHarness.OneRule("\"expression\": \"org.budget + fees.total == 59237.2449\""));
        var report = ReportBuilder.CleanPre2019().Set("org.budget", 59237.1m).Set("fees.total", 0.1449m).Build();
        Assert.That(checker.Single(report, "test.rule").Outcome, Is.EqualTo(RuleOutcome.Passed));
    }

    [Test]
    public void Check_WanYuanDecimalsOffByOneTenThousandth_FailsWithExactNumbers()
    {
        var checker = RuleHarness.With(RuleHarness.OneRule("\"expression\": \"org.budget + fees.total == 59237.2449\""));
        var report = ReportBuilder.CleanPre2019().Set("org.budget", 59237.1m).Set("fees.total", 0.1448m).Build();
        var finding = checker.Findings(report, "test.rule").Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Actual, Is.EqualTo(59237.2448m));
            Assert.That(finding.Expected, Is.EqualTo(59237.2449m));
            Assert.That(finding.Difference, Is.EqualTo(-0.0001m));
            Assert.That(finding.Formula, Is.EqualTo("59237.1 + 0.1448 (= 59237.2448) ≠ 59237.2449"));
        });
    }

    [Test]
    public void Check_TenthsThatFloatsGetWrong_AreExact()
    {
        var checker = RuleHarness.With(RuleHarness.OneRule("\"expression\": \"org.budget + fees.total == 0.3\""));
        var report = ReportBuilder.CleanPre2019().Set("org.budget", 0.1m).Set("fees.total", 0.2m).Build();
        Assert.That(checker.Single(report, "test.rule").Outcome, Is.EqualTo(RuleOutcome.Passed));
    }

    [Test]
    public void Check_DivisionAndMultiplication_UseFixedPoint()
    {
        var checker = RuleHarness.With(RuleHarness.OneRule("\"expression\": \"org.budget / 4 * 3 == 9.375\""));
        var report = ReportBuilder.CleanPre2019().Build(); // budget 12.5
        Assert.That(checker.Single(report, "test.rule").Outcome, Is.EqualTo(RuleOutcome.Passed));
    }

    [Test]
    public void Check_DivisionByZero_GivesZeroNotException()
    {
        var checker = RuleHarness.With(RuleHarness.OneRule("\"expression\": \"org.budget / fees.total == 0\""));
        var report = ReportBuilder.CleanPre2019().Build(); // fees 0
        Assert.That(checker.Single(report, "test.rule").Outcome, Is.EqualTo(RuleOutcome.Passed));
    }

    [Test]
    public void Check_HugeCellValue_DoesNotThrowAndIsReported()
    {
        var report = ReportBuilder.CleanPre2019().Set("requests.received.online", 1_000_000_000_000_000m).Build();
        ReportCheckResult? result = null;
        Assert.DoesNotThrow(() => result = RuleHarness.BuiltIn.Check(report));
        Assert.Multiple(() =>
        {
            Assert.That(result!.Findings.Select(f => (f.RuleId, f.Instance)), Does.Contain(("input.unrepresentable", "")));
            Assert.That(result.Findings.Where(f => f.RuleId == "pre2019.parts-sum"), Is.Empty, "the identity using the cell is skipped, not failed");
        });
    }

    [Test]
    public void Check_SumOfLargestAcceptedValues_DoesNotOverflow()
    {
        var builder = ReportBuilder.CleanPre2019();
        foreach (var cell in GovStatsValidation.Schemas.SchemaCatalog.Get(GovStatsValidation.Schemas.SchemaVersion.Pre2019).Cells)
        {
            builder.Set(cell.Id, 9_999_999_999.999999m); // the largest value the rules hold (10^10, six decimals)
        }

        var checker = RuleHarness.With(RuleHarness.OneRule("\"expression\": \"sum(descendants(stats)) > 0\""));
        Assert.That(checker.Single(builder.Build(), "test.rule").Outcome, Is.EqualTo(RuleOutcome.Passed));
    }
}
