using GovStatsValidation.Checking;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using NUnit.Framework;

namespace GovStatsValidation.Synthetic.Tests;

/// <summary>The fused rule-set function against the per-instance delegates, on generated and on deliberately broken frames.</summary>
public sealed class FrameCheckerTests
{
    [TestCase(Severity.Info)]
    [TestCase(Severity.Warning)]
    [TestCase(Severity.Error)]
    public void CountFailures_GeneratedReports_SameAsOneInstanceAtATime(Severity minimum)
    {
        var checker = new FrameChecker(RuleCatalog.BuiltIn, minimum);
        foreach (var report in new SyntheticGenerator(new SyntheticOptions { Seed = 41, ErrorRate = 0.5 }).Generate(1500))
        {
            Assert.That(checker.CountFailures(report), Is.EqualTo(checker.CountFailuresPerInstance(report)), report.Name);
            var (fused, perInstance) = checker.CountReported(report);
            Assert.That(fused, Is.EqualTo(perInstance), report.Name);
        }
    }

    [TestCase(Severity.Info)]
    [TestCase(Severity.Warning)]
    [TestCase(Severity.Error)]
    public void CountFailures_FuzzedFrames_SameAsOneInstanceAtATime(Severity minimum)
    {
        var checker = new FrameChecker(RuleCatalog.BuiltIn, minimum);
        var generator = new SyntheticGenerator(new SyntheticOptions { Seed = 42, ErrorRate = 0 });
        var random = new Random(42);
        CellState[] states = [CellState.Absent, CellState.Number, CellState.Blank, CellState.Placeholder, CellState.Unreadable];
        long[] values = [0, 1, 7, -1, -30_000, 5_000, 12_345, 10_000, 2_510_000, long.MinValue / 4, long.MaxValue / 4];
        var failing = 0;
        for (var i = 0; i < 3000; i++)
        {
            var report = generator.Report(i);
            var cells = report.SchemaDefinition.Cells.Count;
            for (var k = random.Next(1, 6); k > 0; k--)
            {
                var state = states[random.Next(states.Length)];
                report.SetRaw(random.Next(cells), state, state == CellState.Number ? values[random.Next(values.Length)] : 0, state >= CellState.Placeholder ? "x" : null);
            }

            if (random.Next(10) == 0)
            {
                // a whole table missing, or a frame of nothing but one state
                var state = states[random.Next(states.Length)];
                for (var slot = random.Next(cells); slot < cells; slot++)
                {
                    report.SetRaw(slot, state, 0, state >= CellState.Placeholder ? "x" : null);
                }
            }

            var expected = checker.CountFailuresPerInstance(report);
            failing += expected > 0 ? 1 : 0;
            Assert.That(checker.CountFailures(report), Is.EqualTo(expected), report.Name);
            var (fused, perInstance) = checker.CountReported(report);
            Assert.That(fused, Is.EqualTo(perInstance), report.Name);
        }

        Assert.That(failing, Is.GreaterThan(1000), "the fuzzed frames exercise failing rules");
    }

    [Test]
    public void Evaluate_CleanReportNothingAtOrAboveWarning_NoFinding()
    {
        var checker = new FrameChecker(RuleCatalog.BuiltIn, Severity.Warning);
        foreach (var report in new SyntheticGenerator(new SyntheticOptions { Seed = 43, ErrorRate = 0 }).Generate(300))
        {
            var findings = new List<Findings.Finding>();
            checker.Evaluate(report, findings);
            Assert.That(findings, Is.Empty, report.Name);
        }
    }
}
