using GovStatsValidation.Checking;
using GovStatsValidation.Localization;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Localization;

/// <summary>One localization per report: the smallest, best-supported set of cells whose change makes every rule hold.</summary>
[TestFixture]
public sealed class ReportLocalizerTests
{
    [Test]
    public void Check_CleanReport_NoLocalization()
    {
        var result = RuleHarness.BuiltIn.Check(ReportBuilder.Clean2021().Build());
        Assert.That(result.Localization, Is.Null);
    }

    [Test]
    public void Check_LeafInRowAndColumn_BothFindingsBlameTheSharedCellWithOriginalValue()
    {
        // result.granted[org.commercial] is 9: read by its row's total and its column's (七)总计.
        var result = RuleHarness.BuiltIn.Check(ReportBuilder.Clean2021().Set("result.granted[org.commercial]", 90).Build());
        var identities = result.Findings.Where(f => f.RuleId is "2021.applications.row-total" or "2021.applications.result-total").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(identities, Has.Count.EqualTo(2));
            Assert.That(identities.Select(f => f.Suspect?.Cell.Value), Is.All.EqualTo("result.granted[org.commercial]"));
            Assert.That(identities.Select(f => f.Suspect?.CorrectedValue), Is.All.EqualTo(9m));
            Assert.That(result.Localization!.Errors, Has.Count.EqualTo(1));
            Assert.That(result.Localization.Errors[0].Confidence, Is.EqualTo(LocalizationConfidence.High));
            Assert.That(result.Localization.Errors[0].Cells.Single().Evidence.Select(e => e.Kind), Does.Contain("digit-added"));
        });
    }

    [Test]
    public void Check_LeafDigitChangedInOneIdentity_BlamesLeafNotTotal()
    {
        // requests.received 157 = 41 + 2 + 89 + 25; online 89 typed 80: the total 157 → 148 would also balance, but is no typing slip.
        var result = RuleHarness.BuiltIn.Check(ReportBuilder.CleanPre2019().Set("requests.received.online", 80).Build());
        var located = result.Localization!.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(located.Cells.Single().Cell.Value, Is.EqualTo("requests.received.online"));
            Assert.That(located.Cells.Single().Proposed, Is.EqualTo(89m));
            Assert.That(located.Cells.Single().Role, Is.EqualTo(CellRole.Leaf));
            Assert.That(located.RunnerUp, Is.Not.Null, "other cells could balance the row too; the next best is recorded");
            Assert.That(located.Candidates, Is.GreaterThan(1));
        });
    }

    [Test]
    public void Check_LeafOfAllZeroRowMistyped_BlamesLeafNotTheZeroTotal()
    {
        // review: every part 0, total 0; one part typed 1. A 0 total equal to its 0 neighbours is not a copying slip, and a
        // total left at 0 is rarer than a mistyped digit, so the part is the suspect.
        var report = ReportBuilder.Clean2021().Row("review", 0, 0, 0, 0).Set("review[other]", 1).Build();
        var located = RuleHarness.BuiltIn.Check(report).Localization!.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(located.Cells.Single().Cell.Value, Is.EqualTo("review[other]"));
            Assert.That(located.Cells.Single().Proposed, Is.EqualTo(0m));
            Assert.That(located.Confidence, Is.Not.EqualTo(LocalizationConfidence.Ambiguous));
        });
    }

    [Test]
    public void Check_TwoTotalsOfOneTableLeftAtZero_BothTotalsBlamed()
    {
        // review 10 + 0 + 1 + 0 with total 0 can only be the total (a single cell); litigation.after_review 5 + 0 + 0 + 0
        // with total 0 could be the 5 or the total: the other total certainly left at 0 in the same table decides it.
        var report = ReportBuilder.Clean2021()
            .Row("review", 10, 0, 1, 0).Set("review[total]", 0)
            .Row("litigation.after_review", 5, 0, 0, 0).Set("litigation.after_review[total]", 0)
            .Build();
        var result = RuleHarness.BuiltIn.Check(report);
        var suspects = result.Findings.Where(f => f.RuleId == "2021.review-litigation.parts").Select(f => $"{f.Suspect?.Cell} -> {f.Suspect?.CorrectedValue}");
        Assert.That(suspects, Is.EquivalentTo(new[] { "review[total] -> 11", "litigation.after_review[total] -> 5" }));
    }

    [Test]
    public void Check_TwoCellsEquallySupported_ReportsTieWithBothCorrections()
    {
        // review: 0 + 0 + 4 + 4 against a total of 7: other 4 → 3 and pending 4 → 3 are the same slip in the same setting.
        var report = ReportBuilder.Clean2021().Row("review", 0, 0, 4, 4).Set("review[total]", 7).Build();
        var result = RuleHarness.BuiltIn.Check(report);
        var located = result.Localization!.Errors.Single();
        var finding = result.Findings.Single(f => f.RuleId == "2021.review-litigation.parts");
        Assert.Multiple(() =>
        {
            Assert.That(located.Confidence, Is.EqualTo(LocalizationConfidence.Ambiguous));
            Assert.That(located.Cells.Concat(located.TiedWith.SelectMany(t => t)).Select(c => c.Cell.Value),
                Is.EquivalentTo(new[] { "review[other]", "review[pending]" }));
            Assert.That(located.Cells.Concat(located.TiedWith.SelectMany(t => t)).Select(c => c.Proposed), Is.All.EqualTo(3m));
            Assert.That(finding.Suspect!.IsAmbiguous, Is.True);
            Assert.That(finding.Suspect.Reason.En, Does.StartWith("ambiguous between review[other] (→ 3) or review[pending] (→ 3)"));
        });
    }

    [Test]
    public void Check_TieIsDeterministic_SameResultEveryRun()
    {
        var report = ReportBuilder.Clean2021().Row("review", 0, 0, 4, 4).Set("review[total]", 7).Build();
        var first = RuleHarness.BuiltIn.Check(report).Localization!.Errors.Single().Cells.Single().Cell;
        for (var i = 0; i < 5; i++)
        {
            Assert.That(RuleHarness.BuiltIn.Check(report).Localization!.Errors.Single().Cells.Single().Cell, Is.EqualTo(first));
        }
    }

    [Test]
    public void Check_TwoUnrelatedErrors_TwoLocatedErrors()
    {
        // As in a real report: two totals printed 0 against their outcomes.
        var report = ReportBuilder.Clean2021().Set("review[total]", 0).Set("litigation.after_review[total]", 0).Build();
        var errors = RuleHarness.BuiltIn.Check(report).Localization!.Errors;
        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => e.Cells.Single().Cell.Value), Is.EqualTo(new[] { "review[total]", "litigation.after_review[total]" }));
            Assert.That(errors.Select(e => e.Cells.Single().Proposed), Is.EqualTo(new[] { 7m, 3m }));
        });
    }

    [Test]
    public void Check_NarrativeStatesCorrection_EvidenceSupportsIt()
    {
        var built = ReportBuilder.CleanPre2019().Set("requests.received", 175).Build();
        var report = WithClaim(built, "requests.received", 157);
        var cell = RuleHarness.BuiltIn.Check(report).Localization!.Errors.Single().Cells.Single();
        Assert.Multiple(() =>
        {
            Assert.That(cell.Cell.Value, Is.EqualTo("requests.received"));
            Assert.That(cell.Evidence.Select(e => e.Kind), Does.Contain("narrative-supports-correction"));
        });
    }

    [Test]
    public void Check_NarrativeConfirmsPrintedTotal_LeafBlamedInstead()
    {
        // The total 157 is stated in the narrative too; the row is off by one in a part.
        var built = ReportBuilder.CleanPre2019().Set("requests.received.fax", 3).Build();
        var report = WithClaim(built, "requests.received", 157);
        var located = RuleHarness.BuiltIn.Check(report).Localization!.Errors.Single();
        Assert.That(located.Cells.Single().Cell.Value, Is.Not.EqualTo("requests.received"));
    }

    [Test]
    public void Relocalize_PreviousYearCarriedForwardMatches_ConfirmsCarriedOver()
    {
        // carried_over[org.commercial] 2 typed 20: the column and the row both fail; last year's report carried forward 2.
        var report = ReportBuilder.Clean2021().Set("requests.carried_over[org.commercial]", 20).Build();
        var previous = ReportBuilder.Clean2021().Year(2022).Set("requests.carry_forward[org.commercial]", 2).Build();
        var checker = RuleHarness.BuiltIn;
        var result = checker.Relocalize(checker.Check(report), previous);
        var cell = result.Localization!.Errors.Single().Cells.Single();
        Assert.Multiple(() =>
        {
            Assert.That(cell.Cell.Value, Is.EqualTo("requests.carried_over[org.commercial]"));
            Assert.That(cell.Proposed, Is.EqualTo(2m));
            Assert.That(cell.Evidence.Select(e => e.Kind), Does.Contain("previous-year-supports-correction"));
        });
    }

    [Test]
    public void Check_LocalizeOff_NoLocalization()
    {
        var checker = new ReportChecker(new GovStatsValidationOptions { Localize = false });
        var result = checker.Check(ReportBuilder.CleanPre2019().Set("requests.received.online", 80).Build());
        Assert.That(result.Localization, Is.Null);
    }

    [Test]
    public void Check_EveryFailingIdentity_HasSuspect()
    {
        var report = ReportBuilder.Clean2021().Set("requests.new[org.research]", 5).Set("review[upheld]", 30).Build();
        var result = RuleHarness.BuiltIn.Check(report);
        var identities = result.Findings.Where(f => !f.Passed && f.Expression is { } e && e.Contains("==", StringComparison.Ordinal) && f.Severity == GovStatsValidation.Rules.Severity.Error).ToList();
        Assert.That(identities, Is.Not.Empty);
        Assert.That(identities.Select(f => f.Suspect), Is.All.Not.Null);
    }

    private static AnnualReport WithClaim(AnnualReport report, string cell, decimal value)
    {
        var copy = new AnnualReport { Agency = report.Agency, Year = report.Year, Schema = report.Schema, Cells = report.Cells };
        copy.Claims.Add(new NarrativeClaim
        {
            Kind = ClaimKind.Figure,
            Cell = new CellId(cell),
            Value = value,
            Text = $"收到申请{value}件",
            Location = new SourceLocation(12, 1),
        });
        return copy;
    }
}
