using System.CommandLine;
using GovStatsValidation.Checking;
using GovStatsValidation.CrossReport;
using GovStatsValidation.CrossReport.Agencies;
using GovStatsValidation.Model;
using GovStatsValidation.Readers;
using GovStatsValidation.Readers.Corrections;
using GovStatsValidation.Readers.Pipeline;
using GovStatsValidation.Reporting;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GovStatsValidation.Cli;

/// <summary>
/// The options every command that reads and checks reports shares, turned into the library's pipeline
/// (<c>AddGovStatsValidation().AddReaders().AddCrossReport()</c>); the command line only parses, calls it and renders.
/// </summary>
internal sealed class CheckPipeline
{
    /// <summary>Runs with at least this many files show a progress bar (when standard error is a terminal).</summary>
    public const int ProgressThreshold = 20;

    /// <summary>The output formats: the renderers the reporting package registers.</summary>
    public static RunRendererSet Renderers { get; } = CreateRenderers();

    private static RunRendererSet CreateRenderers()
    {
        using var services = new ServiceCollection().AddReporting().BuildServiceProvider();
        return services.GetRequiredService<RunRendererSet>();
    }

    public Option<string> Language { get; } = new("--lang") { Description = "Message language (zh or en)", DefaultValueFactory = _ => "zh" };

    public Option<string> MinSeverity { get; } = new("--min-severity") { Description = "Lowest severity reported", DefaultValueFactory = _ => "info" };

    public Option<string[]> Rules { get; } = new("--rules") { Description = "Folder of *.rules.json that adds to or overrides the built-in rule sets (repeatable)" };

    public Option<string?> Schema { get; } = new("--schema") { Description = "Force the table format (pre2019, 2019, 2021) instead of the one the report declares or the reader detects" };

    public Option<string[]> Disable { get; } = new("--disable") { Description = "Rule id not to run (repeatable); table, narrative, structure, input and cross-report rules alike" };

    public Option<int> Threads { get; } = new("--threads") { Description = "How many files are read and checked at once (default: all cores); the output is the same whatever the number", DefaultValueFactory = _ => Environment.ProcessorCount };

    public CheckPipeline()
    {
        Language.AcceptOnlyFromAmong("zh", "en");
        MinSeverity.AcceptOnlyFromAmong("info", "warning", "error");
        Schema.AcceptOnlyFromAmong("pre2019", "2019", "2021");
        Threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--threads must be at least 1");
            }
        });
    }

    public void AddTo(Command command, bool threads = true)
    {
        command.Add(Language);
        command.Add(MinSeverity);
        command.Add(Rules);
        command.Add(Schema);
        command.Add(Disable);
        if (threads)
        {
            command.Add(Threads);
        }
    }

    public void Configure(ParseResult parse, GovStatsValidationOptions options)
    {
        options.Language = parse.GetValue(Language)!;
        options.MinimumSeverity = ParseSeverity(parse.GetValue(MinSeverity)!);
        foreach (var folder in parse.GetValue(Rules) ?? [])
        {
            options.RuleFolders.Add(folder);
        }

        foreach (var rule in parse.GetValue(Disable) ?? [])
        {
            options.DisabledRules.Add(rule);
        }
    }

    public GovStatsValidationOptions OptionsFrom(ParseResult parse)
    {
        var options = new GovStatsValidationOptions();
        Configure(parse, options);
        return options;
    }

    public SchemaVersion? ForcedSchema(ParseResult parse) =>
        parse.GetValue(Schema) is { } token && SchemaVersions.TryParse(token, out var v) ? v : null;

    /// <summary>The library's services configured from a parse: the checker, the readers and the cross-report checks.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="threads">Whether <c>--threads</c> applies (else one file at a time).</param>
    /// <param name="corrections">Reviewers' corrections applied to every report as read (<c>--corrections</c>).</param>
    /// <param name="agencies">The agency file (<c>--agencies</c>): aliases, jurisdictions, expected bodies.</param>
    public ServiceProvider Services(ParseResult parse, bool threads = true, CorrectionSet? corrections = null, AgencyMap? agencies = null)
    {
        var services = new ServiceCollection()
            .AddGovStatsValidation(o => Configure(parse, o))
            .AddReaders(o =>
            {
                o.Schema = ForcedSchema(parse);
                o.MaxDegreeOfParallelism = threads ? parse.GetValue(Threads) : 1;
                o.RelativeTo = Environment.CurrentDirectory;
                o.Corrections = corrections;
            })
            .AddCrossReport(o => o.AgencyMap = agencies)
            .AddReporting();
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Whether every <c>--disable</c> id names a rule of the catalogue (table rules of the rule folders in force, input,
    /// narrative, structure and cross-report rules); writes each unknown id, with near ids, and returns <see langword="false"/>
    /// when one does not, so a mistyped id is a usage error before any report is read rather than a rule silently left on.
    /// </summary>
    public bool DisabledRulesKnown(ParseResult parse, CliContext context)
    {
        var ids = parse.GetValue(Disable) ?? [];
        if (ids.Length == 0)
        {
            return true;
        }

        using var services = Services(parse, threads: false);
        var catalog = services.GetRequiredService<IRuleCatalog>();
        var known = true;
        foreach (var id in ids.Distinct(StringComparer.Ordinal).Where(id => catalog.Find(id) is null))
        {
            var near = catalog.Rules.Select(r => r.Id).Where(x => x.Contains(id, StringComparison.OrdinalIgnoreCase)).Take(5).ToList();
            context.Error.WriteLine($"--disable: no rule '{id}' (see govstats rules list){(near.Count > 0 ? $"; did you mean: {string.Join(", ", near)}" : "")}");
            known = false;
        }

        return known;
    }

    /// <summary>Reads and checks every file with the options of a parse (and the reports against each other); shows a progress bar for long runs on a terminal.</summary>
    public CheckRun Check(ParseResult parse, CliContext context, ReportInputs inputs, bool allowProgress = true, CorrectionSet? corrections = null, AgencyMap? agencies = null)
    {
        using var services = Services(parse, corrections: corrections, agencies: agencies);
        var catalog = services.GetRequiredService<RuleCatalog>();
        catalog.CompileAll();
        var pipeline = services.GetRequiredService<IReportPipeline>();
        ReportSetResult result;
        if (allowProgress && context.ErrorIsTerminal && inputs.Files.Count >= ProgressThreshold)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
            result = null!;
            console.Progress().AutoClear(true).HideCompleted(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask($"checking {inputs.Files.Count} files", maxValue: inputs.Files.Count);
                    result = pipeline.CheckAsync(inputs, new Increment(() => task.Increment(1))).GetAwaiter().GetResult();
                });
        }
        else
        {
            result = pipeline.CheckAsync(inputs).GetAwaiter().GetResult();
        }

        var options = services.GetRequiredService<GovStatsValidationOptions>();
        return ToRun(result) with { Rules = catalog.Rules.Where(r => !r.Disabled && !options.DisabledRules.Contains(r.Id)).ToList() };
    }

    /// <summary>The library's result as the renderers' run: per-report results, input errors, cross-report findings and the jurisdiction view.</summary>
    internal static CheckRun ToRun(ReportSetResult result)
    {
        var run = new CheckRun(result.Results, result.InputErrors.Select(e => new InputError(e.Source, e.Message, e.Line)).ToList())
        {
            Coverage = result.Coverage,
            Skipped = result.NotReports.Select(e => new InputError(e.Source, e.Message, e.Line)).ToList(),
        };
        if (result.CrossReport is not { } cross)
        {
            return run;
        }

        return run with
        {
            CrossReport = cross.Select(c => new CrossReportEntry(c.Jurisdiction, c.Subject.Source, c.Subject.Agency, c.Subject.Year, c.Finding,
                c.Sources.Select(s => s.ToString()).ToList())).ToList(),
            Jurisdictions = result.Jurisdictions?.Select(g => new JurisdictionReports(g.Name, g.Reports
                .Select(e => new JurisdictionMember(e.AsSource.ToString(), e.Identity.IsGovernment || e.Scope == ReportScope.Jurisdiction))
                .ToList())).ToList(),
            Concepts = CrossReports.ViewConcepts,
        };
    }

    /// <summary>Reads one file as the pipeline does (reader chosen by content); a forced schema replaces the one read.</summary>
    internal static AnnualReport Read(string path, SchemaVersion? force = null) =>
        ReportPipelines.CreateLoader(new ReportReadingOptions { Schema = force }).LoadAsync(path).GetAwaiter().GetResult();

    internal static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) && relative.Count(c => c == '/') > 3 ? path : relative;
    }

    internal static Severity ParseSeverity(string text) => text switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        _ => Severity.Info,
    };

    /// <summary>Expands the PATH arguments; writes why and returns <see langword="null"/> when nothing is left to read.</summary>
    internal static ReportInputs? Discover(IEnumerable<string> paths, CliContext context)
    {
        var inputs = ReportPipelines.Discover(paths);
        if (inputs.Files.Count == 0)
        {
            var error = new Reporting.TerminalSafeWriter(context.Error);
            error.WriteLine(inputs.Missing.Count > 0 ? $"no such file or folder: {string.Join(", ", inputs.Missing)}" : "no report files found");
            foreach (var skipped in inputs.Skipped)
            {
                error.WriteLine($"{IO.SafeFile.Display(skipped.Path)}: {skipped.Message}");
            }

            return null;
        }

        return inputs;
    }

    private sealed class Increment(Action done) : IProgress<string>
    {
        public void Report(string value) => done();
    }
}
