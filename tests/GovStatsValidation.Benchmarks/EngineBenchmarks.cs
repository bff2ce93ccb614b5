using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.FluentBaseline;
using GovStatsValidation.Json;
using GovStatsValidation.Model;
using GovStatsValidation.Readers;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using GovStatsValidation.Synthetic;

namespace GovStatsValidation.Benchmarks;

/// <summary>One job for every benchmark: in process (no generated project to build), 3 warm-up and 10 measured iterations, allocations counted.</summary>
public sealed class BenchConfig : ManualConfig
{
    /// <summary>Builds the configuration.</summary>
    public BenchConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddLogger(ConsoleLogger.Default);
        AddExporter(MarkdownExporter.GitHub);
    }
}

/// <summary>Shared settings and helpers.</summary>
[Config(typeof(BenchConfig))]
public abstract class BenchmarkBase
{
    /// <summary>One clean generated report of the format (seeded: the same report every run).</summary>
    protected static SyntheticReport CleanReport(SchemaVersion schema) =>
        new SyntheticGenerator(new SyntheticOptions { Seed = 7, ErrorRate = 0, Schemas = [schema] }).Generate(64).First(r => r.Year >= 2015 && r.IsClean);
}

/// <summary>Compiling the built-in rule sets: loading, binding and compiling every instance, and the fused functions.</summary>
public class CompileBenchmarks : BenchmarkBase
{
    /// <summary>RuleCatalog.CompileAll on fresh options: the start-up cost of a checker.</summary>
    [Benchmark]
    public RuleCatalog CompileAll()
    {
        var catalog = new RuleCatalog(new GovStatsValidationOptions());
        catalog.CompileAll();
        return catalog;
    }

    /// <summary>CompileAll plus the fused function of each format (compiled on first check).</summary>
    [Benchmark]
    public int CompileAllAndFuse()
    {
        var catalog = CompileAll();
        var total = 0;
        foreach (var version in SchemaVersions.All)
        {
            var set = catalog.For(version);
            var frame = new ReportFrame(set.Schema);
            total += set.CountFailures(frame, Severity.Info);
        }

        return total;
    }
}

/// <summary>Checking one report in memory, per format: the hot path, the public API and the FluentValidation baseline.</summary>
public class CheckBenchmarks : BenchmarkBase
{
    private readonly List<Finding> _findings = [];
    private CompiledRuleSet _set = null!;
    private ReportFrame _frame = null!;
    private AnnualReport _model = null!;
    private ReportChecker _checker = null!;
    private BaselineChecker _baseline = null!;

    /// <summary>The table format.</summary>
    [Params(SchemaVersion.Pre2019, SchemaVersion.Format2019, SchemaVersion.Format2021)]
    public SchemaVersion Schema { get; set; }

    /// <summary>Compiles the rules and loads one clean report.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var report = CleanReport(Schema);
        _set = RuleCatalog.BuiltIn.For(Schema);
        _model = report.ToAnnualReport();
        _frame = new ReportFrame(_set.Schema);
        _frame.Load(_model);
        _checker = new ReportChecker(RuleCatalog.BuiltIn, new GovStatsValidationOptions(), []);
        _baseline = new BaselineChecker();
        if (_set.CountFailures(_frame, Severity.Info) != 0)
        {
            throw new InvalidOperationException("the benchmark report is meant to be clean");
        }
    }

    /// <summary>The fused rule set: how many rules fail (every rule of the format, minimum info).</summary>
    [Benchmark(Baseline = true)]
    public int CountFailures() => _set.CountFailures(_frame, Severity.Info);

    /// <summary>Evaluate at minimum warning on a clean report: nothing due, nothing allocated.</summary>
    [Benchmark]
    public int EvaluateNothingDue()
    {
        _set.Evaluate(_frame, Severity.Warning, _findings);
        return _findings.Count;
    }

    /// <summary>The same count one instance at a time with the per-instance delegates (the engine before fusion).</summary>
    [Benchmark]
    public int CountFailuresPerInstance() => _set.CountFailuresPerInstance(_frame, Severity.Info);

    /// <summary>Loading the typed model into the frame, then the fused count.</summary>
    [Benchmark]
    public int LoadAndCount()
    {
        _frame.Load(_model);
        return _set.CountFailures(_frame, Severity.Info);
    }

    /// <summary>The public API on the typed model: input validation, frame load, rules, findings built and sorted.</summary>
    [Benchmark]
    public int ReportCheckerCheck() => _checker.Check(_model).Findings.Count;

    /// <summary>The hand-written FluentValidation validator on the typed model (pre-2019 and 2021 only).</summary>
    [Benchmark]
    public int FluentValidationBaseline() => Schema == SchemaVersion.Format2019 ? -1 : _baseline.CountFailures(_model);
}

/// <summary>Extracting one report from text, and loading one report from canonical JSON.</summary>
public class InputBenchmarks : BenchmarkBase
{
    private readonly ReportReader _reader = new();
    private readonly PublishedReportReader _published = new();
    private string _text = "";
    private string _json = "";

    /// <summary>The text: a generated report of a format, or a real corpus report when ../shared is present.</summary>
    [Params("synthetic-pre2019", "synthetic-2021", "corpus-huaian-2024")]
    public string Source { get; set; } = "";

    /// <summary>Prepares the text and the JSON.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var schema = Source.Contains("pre2019", StringComparison.Ordinal) ? SchemaVersion.Pre2019 : SchemaVersion.Format2021;
        var report = CleanReport(schema);
        _json = report.ToJson();
        _text = Source.StartsWith("corpus", StringComparison.Ordinal)
            ? CorpusText() ?? throw new InvalidOperationException("skipped: ../shared/corpus not present")
            : ReportText.ToText(report);
    }

    /// <summary>Bytes of the text in UTF-8 (for MB/s: bytes ÷ mean time).</summary>
    public int TextBytes => System.Text.Encoding.UTF8.GetByteCount(_text);

    /// <summary>Text → sections, tables, cells → the typed model.</summary>
    [Benchmark]
    public int ExtractFromText() => _published.ToReport(_reader.ReadText(_text), "bench").Cells.Count;

    /// <summary>Canonical JSON → the typed model (ReportJson.Read).</summary>
    [Benchmark]
    public int LoadJson() => ReportJson.Read(_json).Cells.Count;

    private static string? CorpusText()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "..", "shared", "corpus", "huaian_city_2024.txt");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        return null;
    }
}
