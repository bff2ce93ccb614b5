using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.FluentBaseline;
using GovStatsValidation.Model;
using GovStatsValidation.Readers;
using GovStatsValidation.Readers.Pipeline;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using GovStatsValidation.Synthetic;
using Microsoft.Extensions.DependencyInjection;

namespace GovStatsValidation.Benchmarks;

/// <summary>
/// <c>bench</c> of the benchmarks project (<c>dotnet run -c Release --project tests/GovStatsValidation.Benchmarks -- bench</c>): the throughput harness. Generates seeded synthetic reports with errors injected at a known rate,
/// checks them in memory (the compiled rule sets over report frames) and end to end from files (read by content, checked,
/// findings built; files streamed, never the folder loaded), on 1 and on 2 cores, and runs the hand-written
/// FluentValidation baseline on the same reports. Every run confirms that every injected error was found and that clean
/// reports gave no failure: a faster run that finds less is reported as a failure, not a result.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(BenchContext context)
    {
        var quick = new Option<bool>("--quick") { Description = "A small run (under 30 s): 10k and 100k in memory, 1,000 files, a short baseline" };
        var sizes = new Option<string?>("--sizes") { Description = "Report counts, comma-separated (default 10000,100000,1000000)" };
        var fileSizes = new Option<string?>("--file-sizes") { Description = "Report counts end to end from files (default: as --sizes)" };
        var cores = new Option<string>("--cores") { Description = "Core counts to run on, comma-separated", DefaultValueFactory = _ => "1,2" };
        var format = new Option<string>("--format") { Description = "The generated files: text (published-report layouts) or json (canonical JSON)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var seed = new Option<int>("--seed") { Description = "Generator seed", DefaultValueFactory = _ => 20240601 };
        var errorRate = new Option<double>("--error-rate") { Description = "Share of reports with one injected error", DefaultValueFactory = _ => 0.05 };
        var output = new Option<string?>("--out") { Description = "Generate the files into this folder and keep them, with one CSV per format (default: a temporary folder, deleted)" };
        var inject = new Option<string[]>("--inject") { Description = "Injection benchmark instead: these real report files or folders, one typing error injected at a time into every cell (with --seed)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("bench", "Throughput harness: generated reports checked in memory and from files, against a FluentValidation baseline")
        {
            quick, sizes, fileSizes, cores, format, seed, errorRate, output, inject,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(inject) is { Length: > 0 } injectPaths)
            {
                return RunInjection(injectPaths, parse.GetValue(seed), context);
            }

            var isQuick = parse.GetValue(quick);
            var memorySizes = ParseCounts(parse.GetValue(sizes)) ?? (isQuick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]);
            var settings = new BenchSettings(
                isQuick,
                memorySizes,
                ParseCounts(parse.GetValue(fileSizes)) ?? (isQuick ? [1_000] : memorySizes),
                ParseCounts(parse.GetValue(cores))?.Select(c => (int)c).ToArray() ?? [1, 2],
                parse.GetValue(format)!,
                new SyntheticOptions { Seed = parse.GetValue(seed), ErrorRate = parse.GetValue(errorRate) },
                parse.GetValue(output));
            if (settings.MemorySizes.Length == 0 || settings.Cores.Any(c => c < 1) || settings.Options.ErrorRate is < 0 or > 1)
            {
                context.Error.WriteLine("bench: sizes and cores must be positive numbers, the error rate between 0 and 1");
                return BenchContext.ExitUnusable;
            }

            return new BenchRun(settings, context.Out).Run();
        });
        return command;
    }

    private static int RunInjection(string[] paths, int seed, BenchContext context)
    {
        var found = ReportPipelines.Discover(paths);
        if (found.Missing.Count > 0)
        {
            foreach (var missing in found.Missing)
            {
                context.Error.WriteLine($"bench: no such file or folder: {missing}");
            }

            return BenchContext.ExitUnusable;
        }

        using var services = new ServiceCollection().AddGovStatsValidation().AddReaders().BuildServiceProvider();
        var catalog = services.GetRequiredService<RuleCatalog>();
        var checker = services.GetRequiredService<IReportChecker>();
        return new InjectionBench(checker, catalog, context.Out, (ulong)seed).Run(found.Files);
    }

    private static long[]? ParseCounts(string? text) =>
        text is null ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => long.Parse(t.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
}

/// <summary>What a bench run does.</summary>
internal sealed record BenchSettings(bool Quick, long[] MemorySizes, long[] FileSizes, int[] Cores, string Format, SyntheticOptions Options, string? Output);

/// <summary>One bench run: phases, each timed and with its own peak memory, then the table and the closing line.</summary>
internal sealed class BenchRun(BenchSettings settings, TextWriter output)
{
    /// <summary>Reports per chunk in memory: generated, then checked while still in cache, as a reader would hand them over.</summary>
    private const int Chunk = 1024;

    private readonly List<string[]> _rows = [];
    private readonly List<string> _problems = [];
    private readonly RuleCatalog _catalog = RuleCatalog.BuiltIn;

    public int Run()
    {
        var started = Stopwatch.StartNew();
        output.WriteLine($"bench: {Machine()}");
        output.WriteLine($"bench: load average at start {LoadAverage()}; seed {settings.Options.Seed}, error rate {settings.Options.ErrorRate.ToString(CultureInfo.InvariantCulture)}, files as {settings.Format}");

        Warm();
        var compile = Stopwatch.StartNew();
        var catalog = new RuleCatalog(new GovStatsValidationOptions());
        catalog.CompileAll();
        compile.Stop();
        var instances = string.Join(", ", SchemaVersions.All.Select(v => $"{v.ToToken()} {catalog.InstanceCount(v)}"));
        Row("compile built-in rule sets", "—", "1", "—", "—", "—", $"{compile.Elapsed.TotalMilliseconds:N0} ms", $"instances: {instances}");

        // In memory, the whole mix of formats, then the pre-2019 set alone (the figure of the closing line).
        var mixed = new SyntheticGenerator(settings.Options);
        var pre2019 = new SyntheticGenerator(settings.Options with { Schemas = [SchemaVersion.Pre2019] });
        double? pre2019PerCore = null;
        foreach (var size in settings.MemorySizes)
        {
            foreach (var cores in settings.Cores)
            {
                InMemory($"in memory, all formats", mixed, size, cores);
            }
        }

        foreach (var cores in settings.Cores)
        {
            var perCore = InMemory("in memory, pre-2019 only", pre2019, settings.MemorySizes.Max(), cores);
            if (cores == 1 || pre2019PerCore is null)
            {
                pre2019PerCore = perCore;
            }
        }

        var zeroAlloc = AllocationPerCleanReport(pre2019);
        Row("allocation, clean pre-2019 report, Evaluate at ≥ warning", "—", "1", "—", "—", "—", "—", $"{zeroAlloc:N2} bytes/report");

        // The baseline and our typed-model path on the same reports, per format it covers.
        var ratios = new Dictionary<SchemaVersion, double>();
        var publicRatios = new Dictionary<SchemaVersion, double>();
        foreach (var schema in BaselineChecker.Formats)
        {
            (ratios[schema], publicRatios[schema]) = Baseline(schema, settings.Quick ? 1_000 : 20_000);
        }

        var (publicAlloc, intoList) = PublicAllocationPerCleanReport(pre2019);
        Row("allocation, clean pre-2019 report, public ReportChecker.Check", "—", "1", "—", "—", "—", "—",
            $"{publicAlloc:N2} bytes/report with Check(report) (its result object); {intoList:N2} bytes/report with Check(report, findings)");

        Extraction(settings.Quick ? 200 : 3_000);

        foreach (var size in settings.FileSizes)
        {
            FromFiles(size);
        }

        output.WriteLine();
        output.WriteLine("reports/s: reports over elapsed time on the given cores. reports/s/core: reports over the CPU time the phase used (thread CPU time in memory, process CPU time from files), so a busy machine slows the first but hardly the second.");
        output.WriteLine();
        output.WriteLine("| phase | reports | cores | reports/s | reports/s/core | MB/s | peak memory | notes |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in _rows)
        {
            output.WriteLine("| " + string.Join(" | ", row) + " |");
        }

        output.WriteLine();
        output.WriteLine($"bench: load average at end {LoadAverage()}; wall time {started.Elapsed.TotalSeconds:N1} s");
        if (_problems.Count > 0)
        {
            foreach (var problem in _problems.Take(20))
            {
                output.WriteLine($"bench: PROBLEM {problem}");
            }

            output.WriteLine($"bench: {_problems.Count} problem(s): the run found less (or other) than it must; its figures are not results");
            return BenchContext.ExitFindings;
        }

        output.WriteLine($"bench: every injected error found by its rule, no failure on a clean report, the baseline agreeing report by report");
        var n = pre2019PerCore!.Value;
        var perFormat = string.Join(", ", BaselineChecker.Formats.Select(f => string.Create(CultureInfo.InvariantCulture,
            $"{f.ToToken()} {publicRatios[f]:N0}x ({_firstCheckRatios[f]:N0}x on a report's first check, {_forcedRatios[f]:N0}x with every finding read in full)")));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench: {n:N0} reports/s/core in memory, {ratios[SchemaVersion.Pre2019]:N0}x the FluentValidation baseline; public ReportChecker.Check on typed reports: {perFormat} the baseline"));
        return BenchContext.ExitOk;
    }

    /// <summary>Compiles the fused rule functions and JIT-compiles every path once, so that no phase times a first call.</summary>
    private void Warm()
    {
        var frames = new FrameChecker(_catalog, Severity.Info);
        var warning = new FrameChecker(_catalog, Severity.Warning);
        var checker = new ReportChecker(_catalog, new GovStatsValidationOptions(), []);
        foreach (var report in new SyntheticGenerator(settings.Options with { ErrorRate = 0.5 }).Generate(300))
        {
            frames.CountFailures(report);
            frames.FailingRules(report);
            warning.Evaluate(report, new List<Finding>());
            checker.Check(report.ToAnnualReport());
        }
    }

    /// <summary>Checks <paramref name="count"/> generated reports on <paramref name="cores"/> workers; returns reports/s/core.</summary>
    private double InMemory(string phase, SyntheticGenerator generator, long count, int cores)
    {
        var checker = new FrameChecker(_catalog, Severity.Info);
        using var memory = PeakMemory.Start();
        var checkTicks = new long[cores];
        var checkCpu = new double[cores];
        var failures = 0L;
        var bytes = 0L;
        var chunks = (count + Chunk - 1) / Chunk;
        var wall = Stopwatch.StartNew();
        Parallel.For(0, cores, new ParallelOptions { MaxDegreeOfParallelism = cores }, worker =>
        {
            var batch = new SyntheticReport[Chunk];
            var counts = new int[Chunk];
            long localFailures = 0, localBytes = 0;
            for (var c = (long)worker; c < chunks; c += cores)
            {
                var first = c * Chunk;
                var n = (int)Math.Min(Chunk, count - first);
                for (var i = 0; i < n; i++)
                {
                    batch[i] = generator.Report(first + i);
                }

                var start = Stopwatch.GetTimestamp();
                var cpuStart = CpuClock.Thread();
                for (var i = 0; i < n; i++)
                {
                    counts[i] = checker.CountFailures(batch[i]);
                }

                checkCpu[worker] += CpuClock.Thread() - cpuStart;
                checkTicks[worker] += Stopwatch.GetTimestamp() - start;
                for (var i = 0; i < n; i++)
                {
                    localFailures += counts[i];
                    localBytes += batch[i].SchemaDefinition.Cells.Count * 9L;
                    Confirm(batch[i], counts[i] == 0 ? [] : checker.FailingRules(batch[i]));
                }
            }

            Interlocked.Add(ref failures, localFailures);
            Interlocked.Add(ref bytes, localBytes);
        });
        wall.Stop();
        var cpu = checkCpu.Sum();
        var elapsed = checkTicks.Sum() / (double)Stopwatch.Frequency;
        var critical = checkTicks.Max() / (double)Stopwatch.Frequency;
        var perCore = count / cpu;
        Row(phase, Count(count), cores.ToString(CultureInfo.InvariantCulture), Rate(count / critical), Rate(perCore), Mb(bytes / cpu),
            memory.Describe(), $"{cpu * 1e9 / count:N0} ns CPU/report ({elapsed * 1e9 / count:N0} ns elapsed); {failures:N0} failures; MB/s of frame data per core; wall incl. generation {wall.Elapsed.TotalSeconds:N1} s");
        return perCore;
    }

    /// <summary>Bytes allocated per clean report by Evaluate at minimum warning (no finding due): the zero-allocation path.</summary>
    private double AllocationPerCleanReport(SyntheticGenerator generator)
    {
        var checker = new FrameChecker(_catalog, Severity.Warning);
        var reports = generator.Generate(2_000).Where(r => r.IsClean).ToArray();
        var findings = new List<Finding>();
        foreach (var r in reports)
        {
            checker.Evaluate(r, findings);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 10; round++)
        {
            foreach (var r in reports)
            {
                checker.Evaluate(r, findings);
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (findings.Count > 0)
        {
            _problems.Add($"clean pre-2019 reports gave {findings.Count} finding(s) at or above warning");
        }

        return allocated / (10.0 * reports.Length);
    }

    /// <summary>
    /// Bytes the public <see cref="ReportChecker.Check(AnnualReport)"/> and <see cref="ReportChecker.Check(AnnualReport, List{Finding})"/>
    /// allocate per clean typed report (at ≥ warning: a clean report has nothing to report).
    /// </summary>
    private (double Result, double IntoList) PublicAllocationPerCleanReport(SyntheticGenerator generator)
    {
        var checker = new ReportChecker(_catalog, new GovStatsValidationOptions { MinimumSeverity = Severity.Warning }, []);
        var reports = generator.Generate(2_000).Where(r => r.IsClean).Select(r => r.ToAnnualReport()).ToArray();
        var list = new List<Finding>();
        var found = 0;
        foreach (var r in reports)
        {
            found += checker.Check(r).Findings.Count + checker.Check(r, list);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 10; round++)
        {
            foreach (var r in reports)
            {
                found += checker.Check(r).Findings.Count;
            }
        }

        var result = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 10; round++)
        {
            foreach (var r in reports)
            {
                found += checker.Check(r, list);
            }
        }

        var intoList = GC.GetAllocatedBytesForCurrentThread() - before;
        if (found > 0)
        {
            _problems.Add($"clean pre-2019 reports gave {found} finding(s) at or above warning through ReportChecker.Check");
        }

        return (result / (10.0 * reports.Length), intoList / (10.0 * reports.Length));
    }

    /// <summary>The FluentValidation baseline and the built-in rules on the same typed-model reports; returns our in-memory and public-API speeds over the baseline's.</summary>
    private (double InMemory, double Public) Baseline(SchemaVersion schema, int count)
    {
        var generator = new SyntheticGenerator(settings.Options with { Schemas = [schema] });
        var synthetic = generator.Generate(count).ToArray();
        var models = synthetic.Select(r => r.ToAnnualReport()).ToArray();
        var baseline = new BaselineChecker();
        var validator = baseline.For(schema);
        // Warm-up: passes over up to 1,000 reports for at least half a second, so that both sides run tiered-up code when timed.
        var warm = models.Take(1_000).ToArray();
        WarmUp(() =>
        {
            foreach (var m in warm)
            {
                validator.Validate(m);
            }
        });

        var results = new FluentValidation.Results.ValidationResult[count];
        double baselineCpu;
        using (var memory = PeakMemory.Start())
        {
            // A short run times several passes and takes the median (tiering of the validator's code settles slowly).
            var baselinePasses = count >= 10_000 ? 1 : 5;
            var baselineCpuPasses = new double[baselinePasses];
            var baselineWallPasses = new double[baselinePasses];
            for (var pass = 0; pass < baselinePasses; pass++)
            {
                var start = Stopwatch.GetTimestamp();
                var cpuStart = CpuClock.Thread();
                for (var i = 0; i < count; i++)
                {
                    results[i] = validator.Validate(models[i]);
                }

                baselineCpuPasses[pass] = CpuClock.Thread() - cpuStart;
                baselineWallPasses[pass] = (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
            }

            Array.Sort(baselineCpuPasses);
            Array.Sort(baselineWallPasses);
            baselineCpu = baselineCpuPasses[baselinePasses / 2];
            var seconds = baselineWallPasses[baselinePasses / 2];
            Row($"FluentValidation baseline, {schema.ToToken()}, typed model", Count(count), "1", Rate(count / seconds), Rate(count / baselineCpu), "—", memory.Describe(),
                baselinePasses == 1 ? "hand-written AbstractValidator, same identities" : $"hand-written AbstractValidator, same identities (median of {baselinePasses} passes)");
        }

        // Ours on the same typed-model reports: ReportChecker.Check (frame load, rules, findings built and sorted).
        var checker = new ReportChecker(_catalog, new GovStatsValidationOptions(), []);
        WarmUp(() =>
        {
            foreach (var m in warm)
            {
                Touch(checker.Check(m));
            }
        });

        var ours = new ReportCheckResult[count];
        var touched = 0L;
        double publicCpu;
        using (var memory = PeakMemory.Start())
        {
            // As the baseline: a short run takes the median of several passes.
            var publicPasses = count >= 10_000 ? 1 : 5;
            var publicCpuPasses = new double[publicPasses];
            var publicWallPasses = new double[publicPasses];
            for (var pass = 0; pass < publicPasses; pass++)
            {
                var start = Stopwatch.GetTimestamp();
                var cpuStart = CpuClock.Thread();
                for (var i = 0; i < count; i++)
                {
                    ours[i] = checker.Check(models[i]);
                    touched += Touch(ours[i]);
                }

                publicCpuPasses[pass] = CpuClock.Thread() - cpuStart;
                publicWallPasses[pass] = (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
            }

            Array.Sort(publicCpuPasses);
            Array.Sort(publicWallPasses);
            publicCpu = publicCpuPasses[publicPasses / 2];
            var seconds = publicWallPasses[publicPasses / 2];
            Row($"ReportChecker.Check, {schema.ToToken()}, typed model", Count(count), "1", Rate(count / seconds), Rate(count / publicCpu), "—", memory.Describe(),
                $"public API; each finding's rule, severity and instance read, its explanation and suspect left to be built when read (not forced here); {baselineCpu / publicCpu:N1}x the baseline per core{(publicPasses == 1 ? "" : $" (median of {publicPasses} passes)")}");
        }

        // The same, with everything a finding holds read: messages in both languages, formula texts, cells, suspect (so the
        // report's localization), and the result's localization; what a caller that shows every finding in full pays.
        WarmUp(() =>
        {
            foreach (var m in warm)
            {
                Force(checker.Check(m));
            }
        });
        var forcedPasses = new double[count >= 10_000 ? 1 : 5];
        for (var pass = 0; pass < forcedPasses.Length; pass++)
        {
            var cpuStart = CpuClock.Thread();
            for (var i = 0; i < count; i++)
            {
                touched += Force(checker.Check(models[i]));
            }

            forcedPasses[pass] = CpuClock.Thread() - cpuStart;
        }

        Array.Sort(forcedPasses);
        var forcedCpu = forcedPasses[forcedPasses.Length / 2];
        Row($"ReportChecker.Check, {schema.ToToken()}, typed model, every finding read in full", Count(count), "1", "—", Rate(count / forcedCpu), "—", "—",
            $"messages zh/en, formula texts, cells, suspects and the localization of every result read; {baselineCpu / forcedCpu:N1}x the baseline per core");
        _forcedRatios[schema] = baselineCpu / forcedCpu;
        GC.KeepAlive(touched);

        // The first check of each report: the timed passes above check reports whose frame the warm-up already kept with their
        // cells (a report checked again unchanged reuses it); here every report is a fresh copy (copies made outside the timing),
        // so the cell dictionary is loaded on every check, as for a report checked once after reading.
        WarmUp(() =>
        {
            foreach (var m in warm)
            {
                Touch(checker.Check(m.With(cells: CopyCells(m.Cells))));
            }
        });
        var freshPasses = new double[count >= 10_000 ? 1 : 5];
        var copyPasses = new double[freshPasses.Length];
        for (var pass = 0; pass < freshPasses.Length; pass++)
        {
            var copyStart = CpuClock.Thread();
            var fresh = models.Select(m => m.With(cells: CopyCells(m.Cells))).ToArray();
            copyPasses[pass] = CpuClock.Thread() - copyStart;
            var cpuStart = CpuClock.Thread();
            for (var i = 0; i < count; i++)
            {
                touched += Touch(checker.Check(fresh[i]));
            }

            freshPasses[pass] = CpuClock.Thread() - cpuStart;
        }

        Array.Sort(freshPasses);
        Array.Sort(copyPasses);
        var freshCpu = freshPasses[freshPasses.Length / 2];
        Row($"ReportChecker.Check, {schema.ToToken()}, typed model, first check of each report", Count(count), "1", "—", Rate(count / freshCpu), "—", "—",
            $"fresh copies, the cells loaded into the frame on every check; {baselineCpu / freshCpu:N1}x the baseline per core; making the copies (every cell set, its id's key taken), not timed in the check: {copyPasses[copyPasses.Length / 2] * 1e9 / count:N0} ns CPU/report");
        _firstCheckRatios[schema] = baselineCpu / freshCpu;

        // The same without the report-level localization (issue 12), which runs only for a report with a failing rule: what
        // the public path costs besides it, so that the share of localization in the figure above is visible.
        var unlocalized = new ReportChecker(_catalog, new GovStatsValidationOptions { Localize = false }, []);
        WarmUp(() =>
        {
            foreach (var m in warm)
            {
                Touch(unlocalized.Check(m));
            }
        });

        var plainPasses = new double[count >= 10_000 ? 1 : 5];
        for (var pass = 0; pass < plainPasses.Length; pass++)
        {
            var cpuStart = CpuClock.Thread();
            for (var i = 0; i < count; i++)
            {
                touched += Touch(unlocalized.Check(models[i]));
            }

            plainPasses[pass] = CpuClock.Thread() - cpuStart;
        }

        Array.Sort(plainPasses);
        var plainCpu = plainPasses[plainPasses.Length / 2];
        Row($"ReportChecker.Check, {schema.ToToken()}, typed model, Localize = false", Count(count), "1", "—", Rate(count / plainCpu), "—", "—",
            $"the same without the localization of reports with failures; {baselineCpu / plainCpu:N1}x the baseline per core");

        // Ours in memory on the same reports (frames), same measurement as the in-memory phase.
        var frames = new FrameChecker(_catalog, Severity.Info);
        foreach (var r in synthetic.Take(200))
        {
            frames.CountFailures(r);
        }

        // Twenty-one passes over the same reports; the median pass is taken (one pass is short, a busy machine noisy).
        const int passes = 21;
        var cpuPasses = new double[passes];
        var wallPasses = new double[passes];
        var sum = 0;
        for (var round = 0; round < passes; round++)
        {
            var wallStart = Stopwatch.GetTimestamp();
            var cpuStart = CpuClock.Thread();
            foreach (var r in synthetic)
            {
                sum += frames.CountFailures(r);
            }

            cpuPasses[round] = CpuClock.Thread() - cpuStart;
            wallPasses[round] = (Stopwatch.GetTimestamp() - wallStart) / (double)Stopwatch.Frequency;
        }

        GC.KeepAlive(sum);
        Array.Sort(cpuPasses);
        Array.Sort(wallPasses);
        var oursCpu = cpuPasses[passes / 2];
        var ratio = baselineCpu / oursCpu;
        Row($"in memory, {schema.ToToken()}, same reports as the baseline", Count(count), "1", Rate(count / wallPasses[passes / 2]), Rate(count / oursCpu), "—", "—",
            $"{ratio:N0}x the baseline per core (median of {passes} passes)");

        // Same findings: the failing rules of every report, baseline codes mapped to rule ids.
        var disagreements = 0;
        for (var i = 0; i < count; i++)
        {
            var theirs = results[i].Errors.Select(e => BaselineCodes.RuleId(e.ErrorCode, schema)).Distinct().Order(StringComparer.Ordinal);
            var mine = ours[i].Findings.Where(f => !f.Passed).Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();
            if (!mine.SequenceEqual(theirs) && disagreements++ < 5)
            {
                _problems.Add($"{synthetic[i].Name}: built-in [{string.Join(", ", mine)}], baseline [{string.Join(", ", theirs)}]");
            }

            Confirm(synthetic[i], mine);
        }

        return (ratio, baselineCpu / publicCpu);
    }

    private readonly Dictionary<SchemaVersion, double> _firstCheckRatios = [];
    private readonly Dictionary<SchemaVersion, double> _forcedRatios = [];

    /// <summary>
    /// Runs <paramref name="pass"/> at least three times and for at least half a second: the runtime promotes hot methods to
    /// optimised code on a background thread, which a busy machine delays, so a shorter warm-up may time unoptimised code.
    /// </summary>
    private static void WarmUp(Action pass)
    {
        var elapsed = Stopwatch.StartNew();
        for (var n = 0; n < 3 || elapsed.ElapsedMilliseconds < 500; n++)
        {
            pass();
        }
    }

    /// <summary>What every caller reads of a result: its findings' rule ids, severities, instances and outcomes.</summary>
    private static long Touch(ReportCheckResult result)
    {
        long n = 0;
        foreach (var f in result.Findings)
        {
            n += f.RuleId.Length + (int)f.Severity + f.Instance.Length + (f.Passed ? 1 : 0);
        }

        return n;
    }

    /// <summary>Everything a result holds read: each finding's messages, formula texts, cells and suspect, and the localization.</summary>
    private static long Force(ReportCheckResult result)
    {
        long n = Touch(result) + (result.Localization?.Errors.Count ?? 0);
        foreach (var f in result.Findings)
        {
            n += f.Message.Zh.Length + f.Message.En.Length + (f.FormulaText?.Zh.Length ?? 0) + (f.Formula?.Length ?? 0) + f.Cells.Count
                + (f.Suspect?.Reason.En.Length ?? 0) + f.Arguments.Count + (f.Line ?? 0);
        }

        return n;
    }

    private static ReportCells CopyCells(ReportCells cells)
    {
        var copy = new ReportCells();
        foreach (var (id, value) in cells)
        {
            copy.Add(id, value);
        }

        return copy;
    }

    /// <summary>Text extraction alone, in memory on one core: report texts read into the model.</summary>
    private void Extraction(int count)
    {
        var generator = new SyntheticGenerator(settings.Options);
        var texts = generator.Generate(count).Select(r => (Report: r, Text: ReportText.ToText(r))).ToArray();
        var bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t.Text));
        var reader = new ReportReader();
        var published = new PublishedReportReader();
        foreach (var (report, text) in texts.Take(500).Concat(texts.Take(500)))
        {
            published.ToReport(reader.ReadText(text), report.Name);
        }

        using var memory = PeakMemory.Start();
        var gc = GcShare.Start();
        var start = Stopwatch.GetTimestamp();
        var cpuStart = CpuClock.Thread();
        var cells = 0L;
        foreach (var (report, text) in texts)
        {
            cells += published.ToReport(reader.ReadText(text), report.Name).Cells.Count;
        }

        var cpu = CpuClock.Thread() - cpuStart;
        var seconds = (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
        Row("text extraction (ReportReader.ReadText → model)", Count(count), "1", Rate(count / seconds), Rate(count / cpu), Mb(bytes / cpu), memory.Describe(),
            $"{bytes / count:N0} bytes/report; {cells:N0} cells read; MB/s per core of CPU time; {gc.Describe(seconds)}");
    }

    /// <summary>Generates files, then reads and checks them end to end, streaming, on each core count.</summary>
    private void FromFiles(long count)
    {
        var keep = settings.Output is not null;
        var folder = settings.Output is { } o ? Path.GetFullPath(o) : Path.Combine(Path.GetTempPath(), $"govstats-bench-{Environment.ProcessId}-{count}");
        Directory.CreateDirectory(folder);
        var generator = new SyntheticGenerator(settings.Options);
        var expected = new InjectedError?[count];
        var generation = Stopwatch.StartNew();
        var extension = settings.Format == "json" ? ".json" : ".txt";
        long bytes = 0;
        Parallel.For(0L, count, new ParallelOptions { MaxDegreeOfParallelism = settings.Cores.Max() }, i =>
        {
            var report = generator.Report(i);
            expected[i] = report.Errors.Count > 0 ? report.Errors[0] : null;
            var content = settings.Format == "json" ? report.ToJson() : ReportText.ToText(report);
            var data = Encoding.UTF8.GetBytes(content);
            File.WriteAllBytes(Path.Combine(folder, report.Name + extension), data);
            Interlocked.Add(ref bytes, data.Length);
        });
        generation.Stop();
        if (keep)
        {
            WriteCsv(generator, count, folder);
        }

        Row($"generate {settings.Format} files", Count(count), settings.Cores.Max().ToString(CultureInfo.InvariantCulture), Rate(count / generation.Elapsed.TotalSeconds), "—",
            Mb(bytes / generation.Elapsed.TotalSeconds), "—", $"{bytes / count:N0} bytes/report{(keep ? $"; kept in {folder} with one CSV per format" : "")}");

        try
        {
            var options = new GovStatsValidationOptions();
            var checker = new ReportChecker(_catalog, options, []);
            foreach (var cores in settings.Cores)
            {
                using var memory = PeakMemory.Start();
                var gc = GcShare.Start();
                var cpuStart = CpuClock.Process();
                var wall = Stopwatch.StartNew();
                long read = 0, findings = 0, readBytes = 0;
                var errors = new ConcurrentBag<string>();
                var files = Directory.EnumerateFiles(folder, "*" + extension);
                Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = cores }, path =>
                {
                    var name = Path.GetFileName(path);
                    var index = long.Parse(name.AsSpan(1, name.IndexOf('-', StringComparison.Ordinal) - 1), NumberStyles.None, CultureInfo.InvariantCulture);
                    try
                    {
                        var report = BenchContext.Read(path);
                        var result = checker.Check(report);
                        Interlocked.Increment(ref read);
                        Interlocked.Add(ref findings, result.Findings.Count);
                        Interlocked.Add(ref readBytes, new FileInfo(path).Length);
                        var failing = result.Findings.Where(f => !f.Passed).Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
                        var want = expected[index];
                        if (want is null ? failing.Count > 0 : !failing.Contains(want.ExpectedRuleId))
                        {
                            errors.Add($"{Path.GetFileName(path)}: injected {(want is null ? "nothing" : $"{want.Kind} → {want.ExpectedRuleId}")}, failing [{string.Join(", ", failing.Order(StringComparer.Ordinal))}]");
                        }
                    }
                    catch (ReportLoadException e)
                    {
                        errors.Add($"{Path.GetFileName(path)}: not read: {e.Message}");
                    }
                });
                wall.Stop();
                var cpu = CpuClock.Process() - cpuStart;
                var seconds = wall.Elapsed.TotalSeconds;
                if (read != count)
                {
                    _problems.Add($"{count} files written, {read} read and checked");
                }

                _problems.AddRange(errors.Take(5));
                if (errors.Count > 5)
                {
                    _problems.Add($"… {errors.Count - 5} more from the {settings.Format} files");
                }

                Row($"end to end from {settings.Format} files (read, check, findings)", Count(count), cores.ToString(CultureInfo.InvariantCulture), Rate(read / seconds), Rate(read / cpu),
                    Mb(readBytes / seconds), memory.Describe(), $"wall {seconds:N1} s, process CPU {cpu:N1} s; {findings:N0} findings (info included); {gc.Describe(seconds)}");
            }
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The same reports as one CSV per format, in report order (one row per report, one column per cell id).</summary>
    private static void WriteCsv(SyntheticGenerator generator, long count, string folder)
    {
        var writers = SchemaVersions.All.ToDictionary(v => v, v => new StreamWriter(Path.Combine(folder, $"{v.ToToken()}.csv"), false, new UTF8Encoding(false)));
        var csv = writers.ToDictionary(p => p.Key, p => new SyntheticCsv(p.Value, p.Key));
        try
        {
            for (var i = 0L; i < count; i++)
            {
                var report = generator.Report(i);
                csv[report.Schema].Write(report);
            }
        }
        finally
        {
            foreach (var w in csv.Values)
            {
                w.Dispose();
            }

            foreach (var w in writers.Values)
            {
                w.Dispose();
            }
        }
    }

    private void Confirm(SyntheticReport report, IReadOnlyCollection<string> failing)
    {
        if (!FrameChecker.Confirms(report, failing, out var problem))
        {
            lock (_problems)
            {
                _problems.Add(problem!);
            }
        }
    }

    private void Row(params string[] cells) => _rows.Add(cells);

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);

    private static string Mb(double bytesPerSecond) => (bytesPerSecond / 1e6).ToString("N1", CultureInfo.InvariantCulture);

    private static string Machine()
    {
        var cpu = "unknown CPU";
        var memory = "";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
            var total = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal));
            memory = total is null ? "" : $", {long.Parse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024 / 1024.0:N1} GiB memory";
        }
        catch (IOException)
        {
        }

        return $"{Environment.ProcessorCount} cores ({cpu}){memory}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, server GC {System.Runtime.GCSettings.IsServerGC}";
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>The garbage collections of a phase and the share of its elapsed time spent paused for them.</summary>
    private readonly record struct GcShare(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
    {
        public static GcShare Start() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

        public string Describe(double seconds)
        {
            var paused = (GC.GetTotalPauseDuration() - Paused).TotalSeconds;
            return $"GC: {GC.CollectionCount(0) - Gen0}/{GC.CollectionCount(1) - Gen1}/{GC.CollectionCount(2) - Gen2} gen0/1/2 collections, {100 * paused / seconds:N0}% of the time paused";
        }
    }

    /// <summary>CPU time consumed, in seconds: by the calling thread (clock_gettime) or by the whole process.</summary>
    private static class CpuClock
    {
        private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

        public static double Thread()
        {
            if (OperatingSystem.IsLinux() && clock_gettime(ThreadCpuClock, out var t) == 0)
            {
                return t.Seconds + t.Nanoseconds * 1e-9;
            }

            return Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
        }

        public static double Process()
        {
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            return self.TotalProcessorTime.TotalSeconds;
        }

        [DllImport("libc", SetLastError = false)]
        private static extern int clock_gettime(int clock, out TimeSpec time);

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }
    }

    /// <summary>The peak working set of one phase, sampled every 10 ms (the process peak cannot be reset between phases).</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;
        private long _peakManaged;

        private PeakMemory()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            _peak = Environment.WorkingSet;
            _thread = new Thread(Sample) { IsBackground = true, Name = "bench memory sampler" };
            _thread.Start();
        }

        public static PeakMemory Start() => new();

        public string Describe()
        {
            Stop();
            return $"{_peak / 1048576.0:N0} MB ({_peakManaged / 1048576.0:N0} MB heap)";
        }

        public void Dispose() => Stop();

        private void Stop()
        {
            if (!_stop)
            {
                _stop = true;
                _thread.Join();
                Observe();
            }
        }

        private void Sample()
        {
            while (!_stop)
            {
                Observe();
                Thread.Sleep(10);
            }
        }

        private void Observe()
        {
            _peak = Math.Max(_peak, Environment.WorkingSet);
            _peakManaged = Math.Max(_peakManaged, GC.GetTotalMemory(false));
        }
    }
}
