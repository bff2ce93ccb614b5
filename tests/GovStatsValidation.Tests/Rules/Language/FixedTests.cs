using GovStatsValidation.Checking;
using GovStatsValidation.Json;
using GovStatsValidation.Rules;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Rules.Language;

/// <summary>Amounts to the cent: 万元 figures printed with six decimals are held exactly; beyond that is a reading note.</summary>
[TestFixture]
public sealed class FixedTests
{
    [TestCase("1234.567891", 1_234_567_891L)]
    [TestCase("0.000001", 1L)]
    [TestCase("-3", -3_000_000L)]
    [TestCase("9999999999.999999", 9_999_999_999_999_999L)]
    public void TryFromDecimal_SixDecimals_ExactBothWays(string text, long scaled)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Multiple(() =>
        {
            Assert.That(Fixed.TryFromDecimal(value, out var s), Is.True);
            Assert.That(s, Is.EqualTo(scaled));
            Assert.That(Fixed.ToDecimal(s), Is.EqualTo(value));
            Assert.That(ExpressionCompiler.Format(s), Is.EqualTo(text));
        });
    }

    [TestCase("1234.5678912")]
    [TestCase("10000000000.5")]
    public void TryFromDecimal_BeyondSixDecimalsOrTenBillion_False(string text)
    {
        Assert.That(Fixed.TryFromDecimal(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture), out _), Is.False);
    }

    [Test]
    public void Check_FeeToTheCentOfTenThousandYuan_HeldExactlyNoInputFinding()
    {
        // 1234.567891 万元 = ¥12,345,678.91
        var report = ReportBuilder.Clean2021().Set("art20_8.admin_fees[amount]", 1234.567891m).Build();

        var result = RuleHarness.BuiltIn.Check(report);
        var again = ReportJson.Read(ReportJson.Write(report), "r.json");

        Assert.Multiple(() =>
        {
            Assert.That(result.Findings.Where(f => f.RuleId.StartsWith("input.", StringComparison.Ordinal)), Is.Empty);
            Assert.That(result.Findings.Where(f => f.Severity >= Severity.Warning), Is.Empty);
            Assert.That(again.Cells["art20_8.admin_fees[amount]"].Number, Is.EqualTo(1234.567891m));
        });
    }

    [Test]
    public void Check_AmountsToTheCent_IdentityComparedExactly()
    {
        var checker = RuleHarness.With(RuleHarness.OneRule("\"expression\": \"org.budget == fees.total + 0.000001\""));

        var holds = ReportBuilder.CleanPre2019().Set("fees.total", 1234.567890m).Set("org.budget", 1234.567891m).Build();
        var fails = ReportBuilder.CleanPre2019().Set("fees.total", 1234.567890m).Set("org.budget", 1234.567892m).Build();

        Assert.Multiple(() =>
        {
            Assert.That(checker.Single(holds, "test.rule").Outcome, Is.EqualTo(RuleOutcome.Passed));
            var failed = checker.Single(fails, "test.rule");
            Assert.That(failed.Outcome, Is.EqualTo(RuleOutcome.Failed));
            Assert.That(failed.Formula, Is.EqualTo("1234.567892 ≠ 1234.56789 + 0.000001 (= 1234.567891)"));
        });
    }

    [Test]
    public void Check_SevenDecimals_InfoReadingNoteNeverAnError()
    {
        var report = ReportBuilder.Clean2021().Set("art20_8.admin_fees[amount]", 1234.5678912m).Build();

        var result = RuleHarness.BuiltIn.Check(report);

        var note = result.Findings.Single(f => f.RuleId == "input.precision");
        Assert.Multiple(() =>
        {
            Assert.That(note.Severity, Is.EqualTo(Severity.Info));
            Assert.That(note.Message.En, Does.Contain("1234.5678912, with more than 6 decimals"));
            Assert.That(result.Findings.Where(f => f.Severity == Severity.Error), Is.Empty);
            Assert.That(result.Findings.Where(f => f.RuleId == "common.unreadable"), Is.Empty);
            Assert.That(report.Cells["art20_8.admin_fees[amount]"].Number, Is.EqualTo(1234.5678912m), "never rounded");
        });
    }
}
