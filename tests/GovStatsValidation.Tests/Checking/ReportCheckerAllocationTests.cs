using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Checking;

/// <summary>
/// What the public check path allocates for a clean report, after warm-up, counted with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> (deterministic, unlike time: timing belongs to the benchmarks).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ReportCheckerAllocationTests
{
    private const int Rounds = 200;

    public static IEnumerable<SchemaVersion> Formats => SchemaVersions.All;

    [TestCaseSource(nameof(Formats))]
    public void CheckIntoList_CleanReport_AllocatesNothing(SchemaVersion schema)
    {
        var report = ReportBuilder.Clean(schema).Build();
        var checker = new ReportChecker(new GovStatsValidationOptions { MinimumSeverity = Severity.Warning });
        var findings = new List<Finding>();

        var bytes = Allocated(() => checker.Check(report, findings));

        Assert.That(findings, Is.Empty, "a clean report");
        Assert.That(bytes, Is.Zero);
    }

    [TestCaseSource(nameof(Formats))]
    public void Check_CleanReport_AllocatesOnlyTheResult(SchemaVersion schema)
    {
        var report = ReportBuilder.Clean(schema).Build();
        var checker = new ReportChecker(new GovStatsValidationOptions { MinimumSeverity = Severity.Warning });
        var resultOnly = Allocated(() => GC.KeepAlive(new ReportCheckResult(report, [])));

        ReportCheckResult? result = null;

        var bytes = Allocated(() => result = checker.Check(report));

        Assert.That(result!.Findings, Is.Empty, "a clean report");
        Assert.That(resultOnly, Is.Positive);
        Assert.That(bytes, Is.EqualTo(resultOnly), "the returned ReportCheckResult, nothing else");
    }

    [Test]
    public void Check_CleanPre2019AtInfo_ComparisonBuiltOnlyWhenRead()
    {
        var report = ReportBuilder.CleanPre2019().Build();
        var checker = new ReportChecker();
        var findings = new List<Finding>();
        var deferred = Allocated(() =>
        {
            findings.Clear();
            checker.Check(report, findings);
        });
        var built = Allocated(() =>
        {
            findings.Clear();
            checker.Check(report, findings);
            _ = findings[0].Message;
        });
        var eager = new ReportChecker().Explain(report);

        var cover = findings.Single();
        Assert.That((cover.RuleId, cover.Severity, cover.Passed), Is.EqualTo(("pre2019.channels.cover", Severity.Info, true)), "the comparison a clean pre-2019 report always shows");
        Assert.That(deferred * 4, Is.LessThan(built), $"deferred {deferred} bytes: the finding and the copy of the cells its rule reads; built when read: {built} bytes");
        Assert.That(cover.Formula, Is.EqualTo(eager.Single(e => e.RuleId == "pre2019.channels.cover").Formula));
        Assert.That(cover.Cells.Select(c => c.Id.Value), Does.Contain("active.total"));
        Assert.That(cover.Message.Zh, Is.Not.Empty);
    }

    [Test]
    public void DeferredFinding_ReportChangedAfterTheCheck_ShowsTheValuesChecked()
    {
        var report = ReportBuilder.CleanPre2019().Build();
        var finding = new ReportChecker().Check(report).Findings.Single(f => f.RuleId == "pre2019.channels.cover");
        var checkedTotal = report.Cells["active.total"].Number;

        report.Cells["active.total"] = CellValue.Of(999_999);

        Assert.That(finding.Cells.Single(c => c.Id.Value == "active.total").Value, Is.EqualTo(checkedTotal));
        Assert.That(finding.Formula, Does.Not.Contain("999999"));
    }

    [Test]
    public void DeferredFinding_EqualsAndWith_SameAsTheBuiltFinding()
    {
        var report = ReportBuilder.CleanPre2019().Build();
        var first = new ReportChecker().Check(report).Findings.Single();
        var second = new ReportChecker().Check(report).Findings.Single();
        _ = second.Message;

        var copy = first with { Line = 7 };

        Assert.That(copy.Formula, Is.EqualTo(second.Formula));
        Assert.That(copy.Line, Is.EqualTo(7));
        Assert.That(copy.Message, Is.EqualTo(second.Message));
        Assert.That(first.Message, Is.EqualTo(second.Message));
        Assert.That(first.Arguments, Is.EqualTo(second.Arguments));
    }

    /// <summary>
    /// Every rule's finding built from the deferred copy of the cells it reads is the finding built from the whole report,
    /// on a clean report and on one with a wrong total in each table (so that failures, suspects and blanks are covered).
    /// </summary>
    [TestCaseSource(nameof(Formats))]
    public void DeferredRuleFinding_EveryRule_SameAsBuiltFromTheWholeReport(SchemaVersion schema)
    {
        var clean = ReportBuilder.Clean(schema).Build();
        var broken = ReportBuilder.Clean(schema).Build();
        foreach (var (id, value) in broken.Cells.ToList().Where(c => c.Value.State == CellState.Number).Where((_, i) => i % 7 == 0))
        {
            broken.Cells[id] = CellValue.Of(value.Number!.Value + 3);
        }

        var differences = new List<string>();
        foreach (var report in new[] { clean, broken })
        {
            var rules = RuleCatalog.BuiltIn.For(report.SchemaDefinition);
            var frame = new ReportFrame(report.SchemaDefinition);
            frame.Load(report);
            foreach (var rule in rules.Rules)
            {
                if (!CompiledRuleSet.Applicable(rule, frame.States, frame.Values, frame.Year))
                {
                    continue;
                }

                var passed = rule.Check(frame.Values, frame.States, frame.Year);
                var eager = FindingBuilder.Build(rule, frame, passed);
                var deferred = DeferredRuleFinding.Create(rule, frame, passed);
                if (Describe(eager) != Describe(deferred))
                {
                    differences.Add($"{rule.Definition.Id} [{rule.InstanceKey}]:\n  {Describe(eager)}\n  {Describe(deferred)}");
                }
            }
        }

        Assert.That(differences, Is.Empty);
    }

    private static string Describe(Finding f) =>
        $"{f.RuleId} {f.Severity} {f.Instance} {f.Passed} | {f.Message.Zh} | {f.Message.En} | {f.Formula} | {f.Expected} {f.Actual} | line {f.Line} | "
        + $"{string.Join(", ", f.Cells.Select(c => $"{c.Id}={c.Display}@{c.Line}:{c.Raw}"))} | {f.Suspect?.Cell} {f.Suspect?.CorrectedValue} {f.Suspect?.Reason.En} | "
        + string.Join(",", f.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));

    /// <summary>Bytes allocated per call on this thread, after the same calls have run (warm-up, tiering, thread-static caches).</summary>
    private static long Allocated(Action action)
    {
        for (var i = 0; i < Rounds; i++)
        {
            action();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Rounds; i++)
        {
            action();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Rounds;
    }
}
