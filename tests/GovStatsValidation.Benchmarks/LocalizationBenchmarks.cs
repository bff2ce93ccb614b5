using BenchmarkDotNet.Attributes;
using GovStatsValidation.Checking;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Benchmarks;

/// <summary>
/// What localization costs (issue 12): <c>ReportChecker.Check</c> with and without it, on a clean report (nothing to
/// localize: must cost nothing) and on the same report with one leaf typed wrong (one digit added to a cell read by a row
/// and a column identity, so two findings and one located error).
/// </summary>
public class LocalizationBenchmarks : BenchmarkBase
{
    private readonly ReportChecker _localizing = new(new GovStatsValidationOptions { Localize = true });
    private readonly ReportChecker _plain = new(new GovStatsValidationOptions { Localize = false });
    private AnnualReport _clean = null!;
    private AnnualReport _broken = null!;

    /// <summary>The format.</summary>
    [Params(SchemaVersion.Format2019, SchemaVersion.Format2021)]
    public SchemaVersion Schema { get; set; }

    /// <summary>Builds the clean and the broken report.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _clean = CleanReport(Schema).ToAnnualReport();
        _broken = CleanReport(Schema).ToAnnualReport();
        var leaf = _broken.Cells.First(c => c.Key.Value.StartsWith("result.granted[", StringComparison.Ordinal) && !c.Key.Value.EndsWith("[total]", StringComparison.Ordinal) && c.Value.Number > 0);
        _broken.Cells[leaf.Key] = CellValue.Of(leaf.Value.Number!.Value * 10 + 1);
        if (_localizing.Check(_broken).Localization is null)
        {
            throw new InvalidOperationException("the broken report must fail an identity");
        }
    }

    /// <summary>Clean report, localization off.</summary>
    [Benchmark(Baseline = true)]
    public int CleanWithout() => _plain.Check(_clean).Findings.Count;

    /// <summary>Clean report, localization on (nothing fails, so nothing runs).</summary>
    [Benchmark]
    public int CleanWith() => _localizing.Check(_clean).Findings.Count;

    /// <summary>One wrong leaf, localization off: the findings with the per-finding suspect analysis.</summary>
    [Benchmark]
    public int BrokenWithout() => _plain.Check(_broken).Findings.Count;

    /// <summary>One wrong leaf, localization on.</summary>
    [Benchmark]
    public int BrokenWith() => _localizing.Check(_broken).Findings.Count;
}
