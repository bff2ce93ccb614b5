using System.CommandLine;
using GovStatsValidation.Checking;
using GovStatsValidation.Model;
using GovStatsValidation.Readers;
using GovStatsValidation.Reporting;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using Spectre.Console;

namespace GovStatsValidation.Cli;

/// <summary>The options every command that reads and checks reports shares, and the parallel, order-preserving run.</summary>
internal sealed class CheckPipeline
{
    /// <summary>Runs with at least this many files show a progress bar (when standard error is a terminal).</summary>
    public const int ProgressThreshold = 20;

    public Option<string> Language { get; } = new("--lang") { Description = "Message language (zh or en)", DefaultValueFactory = _ => "zh" };

    public Option<string> MinSeverity { get; } = new("--min-severity") { Description = "Lowest severity reported", DefaultValueFactory = _ => "info" };

    public Option<string[]> Rules { get; } = new("--rules") { Description = "Folder of *.rules.json that adds to or overrides the built-in rule sets (repeatable)" };

    public Option<string?> Schema { get; } = new("--schema") { Description = "Force the table format (pre2019, 2019, 2021) instead of the one the report declares or the reader detects" };

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
        if (threads)
        {
            command.Add(Threads);
        }
    }

    public GovStatsValidationOptions OptionsFrom(ParseResult parse)
    {
        var options = new GovStatsValidationOptions
        {
            Language = parse.GetValue(Language)!,
            MinimumSeverity = ParseSeverity(parse.GetValue(MinSeverity)!),
        };
        foreach (var folder in parse.GetValue(Rules) ?? [])
        {
            options.RuleFolders.Add(folder);
        }

        return options;
    }

    public SchemaVersion? ForcedSchema(ParseResult parse) =>
        parse.GetValue(Schema) is { } token && SchemaVersions.TryParse(token, out var v) ? v : null;

    /// <summary>Reads and checks every file with the options of a parse; shows a progress bar for long runs on a terminal.</summary>
    public CheckRun Check(ParseResult parse, CliContext context, IReadOnlyList<string> files, bool allowProgress = true)
    {
        var options = OptionsFrom(parse);
        var catalog = new RuleCatalog(options);
        catalog.CompileAll();
        var checker = new ReportChecker(catalog, options, CliApp.ExtraSources);
        var force = ForcedSchema(parse);
        var threads = parse.GetValue(Threads);
        CheckRun run;
        if (allowProgress && context.ErrorIsTerminal && files.Count >= ProgressThreshold)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
            run = null!;
            console.Progress().AutoClear(true).HideCompleted(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask($"checking {files.Count} files", maxValue: files.Count);
                    run = Run(files, checker, threads, force, () => task.Increment(1));
                });
        }
        else
        {
            run = Run(files, checker, threads, force, null);
        }

        return run with { Rules = catalog.Rules.Where(r => !r.Disabled && !options.DisabledRules.Contains(r.Id)).ToList() };
    }

    /// <summary>Reads and checks files in parallel; the results keep the sorted file order, so output is identical whatever the thread count.</summary>
    internal static CheckRun Run(IReadOnlyList<string> files, IReportChecker checker, int threads = -1, SchemaVersion? force = null, Action? done = null)
    {
        var results = new ReportCheckResult?[files.Count];
        var errors = new InputError?[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = threads < 1 ? -1 : threads }, i =>
        {
            try
            {
                var report = Read(files[i], force);
                report.Source = Relative(files[i]);
                results[i] = checker.Check(report);
            }
            catch (ReportLoadException e)
            {
                errors[i] = new InputError(Relative(files[i]), e.Cell is null ? e.Reason : $"cell '{e.Cell}': {e.Reason}", e.Line);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
            {
                errors[i] = new InputError(Relative(files[i]), e.Message);
            }
            catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException or AccessViolationException))
            {
                // A defect in a reader or a rule: reported against this file, so one input never stops the batch.
                errors[i] = new InputError(Relative(files[i]), $"internal error while checking this file (please report it): {e.GetType().Name}: {e.Message}");
            }
            finally
            {
                done?.Invoke();
            }
        });
        return new CheckRun(results.OfType<ReportCheckResult>().ToList(), errors.OfType<InputError>().ToList());
    }

    /// <summary>Reads one file with the first reader that recognises its content; a forced schema replaces the one read.</summary>
    internal static AnnualReport Read(string path, SchemaVersion? force = null)
    {
        var head = new byte[4096];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (read == 0)
        {
            throw new ReportLoadException(path, null, null, "file is empty");
        }

        foreach (var reader in CliApp.Readers)
        {
            if (reader.CanRead(head.AsSpan(0, read), path))
            {
                var report = reader.Read(path);
                return force is { } v && v != report.Schema ? WithSchema(report, v) : report;
            }
        }

        throw new ReportLoadException(path, null, null, $"not a report this tool can read (readers: {string.Join(", ", CliApp.Readers.Select(r => r.Format))})");
    }

    /// <summary>A copy of the report read as another table format (<c>--schema</c>).</summary>
    internal static AnnualReport WithSchema(AnnualReport report, SchemaVersion version)
    {
        var copy = new AnnualReport
        {
            Agency = report.Agency,
            Year = report.Year,
            Schema = version,
            Cells = report.Cells,
            Sections = report.Sections,
            Claims = report.Claims,
            Tables = report.Tables,
            Source = report.Source,
        };
        var input = report.Input ?? new InputInfo { Format = "unknown" };
        copy.Input = input with { Notes = [.. input.Notes, $"schema forced to {version.ToToken()} by --schema (was {report.Schema.ToToken()})"] };
        return copy;
    }

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
    internal static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing)? Discover(IEnumerable<string> paths, CliContext context)
    {
        var (files, missing) = InputDiscovery.Expand(paths);
        if (files.Count == 0)
        {
            context.Error.WriteLine(missing.Count > 0 ? $"no such file or folder: {string.Join(", ", missing)}" : "no report files found");
            return null;
        }

        return (files, missing);
    }
}
