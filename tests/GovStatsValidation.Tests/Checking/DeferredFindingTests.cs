using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Json;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Checking;

/// <summary>
/// The public <see cref="ReportChecker.Check(AnnualReport)"/> explains a failing rule's finding and localizes a report's
/// failures when they are first read. These tests hold that to the checker that does both at check time: the same
/// findings, field by field and in the same order, the same localization; unchanged by later edits of the report; the
/// same objects for every reader on every thread.
/// </summary>
[TestFixture]
public sealed class DeferredFindingTests
{
    private static readonly GovStatsValidationOptions[] OptionSets =
    [
        new(),
        new() { MinimumSeverity = Severity.Warning },
        new() { DisabledRules = { "common.count.non-negative" } },
    ];

    /// <summary>Every canonical report JSON under tests/data (files that are not reports, such as expected extractions, left out).</summary>
    public static IEnumerable<TestCaseData> DataReports()
    {
        foreach (var path in Directory.EnumerateFiles(TestPaths.InRepository("tests", "data"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            AnnualReport report;
            try
            {
                report = ReportJson.ReadFile(path);
            }
            catch (ReportLoadException)
            {
                continue;
            }

            yield return new TestCaseData(Path.GetRelativePath(TestPaths.RepositoryRoot, path), report).SetArgDisplayNames(Path.GetFileName(path));
        }
    }

    [Test]
    public void DataReports_TestsData_HoldsReportsOfEveryFormat()
    {
        var reports = DataReports().Select(c => (AnnualReport)c.Arguments[1]!).ToList();
        Assert.That(reports.Select(r => r.Schema).Distinct(), Is.EquivalentTo(SchemaVersions.All), "the comparison below covers every format");
        Assert.That(reports, Has.Count.GreaterThanOrEqualTo(10));
    }

    [TestCaseSource(nameof(DataReports))]
    public void Check_ReportUnderTestsData_DeferredFindingsSameAsEager(string path, AnnualReport report)
    {
        var differences = new List<string>();
        var deferredSeen = 0;
        foreach (var (name, variant) in Variants(report))
        {
            foreach (var options in OptionSets)
            {
                var lazy = new ReportChecker(RuleCatalog.BuiltIn, options, []);
                var eager = new ReportChecker(RuleCatalog.BuiltIn, options, [], defer: false);
                var expected = FindingDump.Of(eager.Check(variant));

                var result = lazy.Check(variant);
                deferredSeen += result.Findings.Count(f => f.DeferredRule is not null);
                Compare($"{name}, min {options.MinimumSeverity}, disabled {options.DisabledRules.Count}", expected, FindingDump.Of(result), differences);

                // Read the localization first, then the findings: the same.
                var localizationFirst = lazy.Check(variant);
                var localization = FindingDump.Of(localizationFirst.Localization);
                Compare($"{name}, localization read first", expected, FindingDump.Of(localizationFirst), differences);
                Assert.That(localization, Is.EqualTo(FindingDump.Of(localizationFirst.Localization)));

                // The list form: the same findings in the same order.
                var eagerList = new List<Finding>();
                var lazyList = new List<Finding>();
                eager.Check(variant, eagerList);
                lazy.Check(variant, lazyList);
                Compare($"{name}, into a list", string.Join("\n", eagerList.Select(FindingDump.Of)), string.Join("\n", lazyList.Select(FindingDump.Of)), differences);
            }
        }

        Assert.That(differences, Is.Empty, path);
        Assert.That(deferredSeen, Is.Positive, "some findings were still unbuilt when the check returned: the deferred path was taken");
    }

    [TestCaseSource(nameof(Formats))]
    public void Check_FailingTypedReport_NothingBuiltOrSearchedUntilRead(SchemaVersion schema)
    {
        var report = Break(ReportBuilder.Clean(schema).Build(), 0);

        var result = new ReportChecker().Check(report);

        var failing = result.Findings.Where(f => !f.Passed).ToList();
        Assert.That(failing, Is.Not.Empty);
        Assert.That(failing.All(f => f.DeferredRule is { Localization: { IsSearched: false } }), Is.True, "every failing finding unbuilt, pointed at a localization not searched yet");
        _ = failing[0].Suspect;
        Assert.That(failing[0].DeferredRule, Is.Null, "built on first read");
        Assert.That(failing.Skip(1).All(f => f.DeferredRule is not null), Is.True, "the others still unbuilt");
        Assert.That(result.Localization, Is.Not.Null);
    }

    public static IEnumerable<SchemaVersion> Formats => SchemaVersions.All;

    [TestCaseSource(nameof(Formats))]
    public void Check_ReportEditedAfterTheCheck_FindingsAndLocalizationAsChecked(SchemaVersion schema)
    {
        var report = Break(ReportBuilder.Clean(schema).Build(), 1);
        var before = FindingDump.Of(new ReportChecker(RuleCatalog.BuiltIn, new GovStatsValidationOptions(), [], defer: false).Check(Break(report, -1)));
        var result = new ReportChecker().Check(report);
        Assert.That(result.Findings.Any(f => f.DeferredRule is not null), Is.True, "findings unbuilt when the report is edited");

        // Every kind of edit of what the findings and the localization read: values, a removed cell, a narrative figure.
        var numbers = report.Cells.Where(c => c.Value.State == CellState.Number).Select(c => c.Key).ToList();
        foreach (var id in numbers.Where((_, i) => i % 2 == 0))
        {
            report.Cells[id] = CellValue.Of(report.Cells[id].Number!.Value + 1_000);
        }

        report.Cells.Remove(numbers[1]);
        report.Claims.Add(new NarrativeClaim { Kind = ClaimKind.Figure, Cell = numbers[3], Value = 12_345m, Text = "12345", Location = new SourceLocation(1, 1) });

        Assert.That(FindingDump.Of(result), Is.EqualTo(before));
    }

    [TestCaseSource(nameof(Formats))]
    public void DeferredFinding_ReadOnTwoThreadsAtOnce_SameObjects(SchemaVersion schema)
    {
        var failures = new List<string>();
        for (var round = 0; round < 40; round++)
        {
            var report = Break(ReportBuilder.Clean(schema).Build(), round % 3);
            var result = new ReportChecker().Check(report);
            // A failing finding the localization gives a suspect (the eager checker tells which, in the same order).
            var eager = new ReportChecker(RuleCatalog.BuiltIn, new GovStatsValidationOptions(), [], defer: false).Check(report).Findings.ToList();
            var index = eager.FindIndex(f => !f.Passed && f.Suspect?.Confidence is not null);
            Assert.That(index, Is.Not.Negative, "a failure the localization points at");
            var finding = result.Findings[index];
            Assert.That(finding.DeferredRule, Is.Not.Null, "not built before the two threads read it");
            var seen = new (Suspect? Suspect, LocalizedText Message, string? Formula, IReadOnlyList<FindingCell> Cells, object? Localization)[2];
            using var start = new Barrier(2);
            var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                seen[t] = t == 0
                    ? (finding.Suspect, finding.Message, finding.Formula, finding.Cells, result.Localization)
                    : (finding.Suspect, finding.Message, finding.Formula, finding.Cells, result.Localization);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            if (!ReferenceEquals(seen[0].Suspect, seen[1].Suspect) || !ReferenceEquals(seen[0].Message, seen[1].Message)
                || !ReferenceEquals(seen[0].Formula, seen[1].Formula) || !ReferenceEquals(seen[0].Cells, seen[1].Cells)
                || !ReferenceEquals(seen[0].Localization, seen[1].Localization))
            {
                failures.Add($"round {round}: the two threads read different objects");
            }

            Assert.That(seen[0].Suspect, Is.Not.Null);
            Assert.That(FindingDump.Of(finding), Is.EqualTo(FindingDump.Of(eager[index])), "what the threads built is what the eager checker built");
        }

        Assert.That(failures, Is.Empty);
    }

    /// <summary>The report as read; a typed copy (no source lines, so nothing forces building); and typed copies with errors.</summary>
    private static IEnumerable<(string Name, AnnualReport Report)> Variants(AnnualReport report)
    {
        yield return ("as read", report);
        var typed = Typed(report);
        yield return ("typed", typed);
        for (var k = 0; k < 3; k++)
        {
            yield return ($"typed, broken {k}", Break(typed, k));
        }

        yield return ("as read, broken", Break(report, 0));
        var numbers = typed.Cells.Where(c => c.Value.State == CellState.Number && c.Value.Number > 0).Select(c => c.Key).ToList();
        foreach (var id in numbers.Where((_, i) => i % 11 == 3))
        {
            var one = Typed(typed);
            one.Cells[id] = CellValue.Of(one.Cells[id].Number!.Value * 10);
            yield return ($"typed, {id} ×10", one);
        }
    }

    private static AnnualReport Typed(AnnualReport report)
    {
        var cells = new ReportCells();
        foreach (var (id, value) in report.Cells)
        {
            cells.Add(id, value with { Location = null });
        }

        return report.With(cells: cells);
    }

    /// <summary>A copy with every fifth number (from the <paramref name="offset"/>-th) raised by 3: failures in every table.</summary>
    private static AnnualReport Break(AnnualReport report, int offset)
    {
        var cells = new ReportCells();
        var i = 0;
        foreach (var (id, value) in report.Cells)
        {
            cells.Add(id, value.State == CellState.Number && i++ % 5 == offset ? value with { Number = value.Number!.Value + 3, Raw = null } : value);
        }

        return report.With(cells: cells);
    }

    private static void Compare(string what, string expected, string actual, List<string> differences)
    {
        if (expected != actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            var first = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            differences.Add($"{what}: first difference at line {first}:\n  eager {e.ElementAtOrDefault(first)}\n  lazy  {a.ElementAtOrDefault(first)}");
        }
    }
}
