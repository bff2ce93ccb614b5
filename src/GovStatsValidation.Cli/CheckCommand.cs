using System.CommandLine;
using GovStatsValidation.Checking;
using GovStatsValidation.Json;
using GovStatsValidation.Model;
using GovStatsValidation.Reporting;
using GovStatsValidation.Rules;

namespace GovStatsValidation.Cli;

/// <summary><c>govstats check PATH...</c>: read every report, run the rules, write the rule report.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Report files, folders (searched recursively) or globs", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Renderers.Names);
        var language = new Option<string>("--lang") { Description = "Message language", DefaultValueFactory = _ => "zh" };
        language.AcceptOnlyFromAmong("zh", "en");
        var minSeverity = new Option<string>("--min-severity") { Description = "Lowest severity reported", DefaultValueFactory = _ => "info" };
        minSeverity.AcceptOnlyFromAmong("info", "warning", "error");
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a finding at or above this severity exists", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "never");
        var rules = new Option<string[]>("--rules") { Description = "Folder of *.rules.json that adds to or overrides the built-in rule sets", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string?>("--out") { Description = "Write the report to this file (atomically) instead of standard output" };

        var command = new Command("check", "Check report files and print the rule report") { paths, format, language, minSeverity, failOn, rules, output };
        command.SetAction(parse =>
        {
            var options = new GovStatsValidationOptions
            {
                Language = parse.GetValue(language)!,
                MinimumSeverity = ParseSeverity(parse.GetValue(minSeverity)!),
            };
            foreach (var folder in parse.GetValue(rules) ?? [])
            {
                options.RuleFolders.Add(folder);
            }

            var catalog = new RuleCatalog(options);
            catalog.CompileAll();
            var checker = new ReportChecker(catalog, options, []);
            var (files, missing) = InputDiscovery.Expand(parse.GetValue(paths)!);
            if (files.Count == 0)
            {
                stderr.WriteLine(missing.Count > 0 ? $"no such file or folder: {string.Join(", ", missing)}" : "no report files found");
                return CliApp.ExitUnusable;
            }

            var run = Run(files, checker);
            run = run with { InputErrors = [.. run.InputErrors, .. missing.Select(m => new InputError(m, "no such file or folder"))] };
            var renderOptions = new RenderOptions { Language = options.Language, Color = false };
            OutputWriter.Write(parse.GetValue(output), stdout, w => Renderers.Get(parse.GetValue(format)!).Render(run, w, renderOptions));
            return ExitCode(run, parse.GetValue(failOn)!);
        });
        return command;
    }

    /// <summary>Reads and checks files in parallel; the results keep the sorted file order, so output is identical whatever the thread count.</summary>
    internal static CheckRun Run(IReadOnlyList<string> files, IReportChecker checker)
    {
        var results = new ReportCheckResult?[files.Count];
        var errors = new InputError?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            try
            {
                var report = Read(files[i]);
                report.Source = Relative(files[i]);
                results[i] = checker.Check(report);
            }
            catch (ReportLoadException e)
            {
                errors[i] = new InputError(Relative(files[i]), e.Reason, e.Line);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                errors[i] = new InputError(Relative(files[i]), e.Message);
            }
        });
        return new CheckRun(results.OfType<ReportCheckResult>().ToList(), errors.OfType<InputError>().ToList());
    }

    internal static AnnualReport Read(string path)
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
                return reader.Read(path);
            }
        }

        throw new ReportLoadException(path, null, null, $"not a report this tool can read (readers: {string.Join(", ", CliApp.Readers.Select(r => r.Format))})");
    }

    internal static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) && relative.Count(c => c == '/') > 3 ? path : relative;
    }

    internal static int ExitCode(CheckRun run, string failOn)
    {
        if (run.InputErrors.Count > 0)
        {
            // Every other report was still checked and reported; the exit code says that some input was unusable.
            return CliApp.ExitUnusable;
        }

        var threshold = failOn switch
        {
            "never" => (Severity?)null,
            "warning" => Severity.Warning,
            _ => Severity.Error,
        };
        return threshold is { } t && run.Results.Any(r => r.Findings.Any(f => f.Severity >= t)) ? CliApp.ExitFindings : CliApp.ExitOk;
    }

    internal static Severity ParseSeverity(string text) => text switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        _ => Severity.Info,
    };
}

/// <summary>The renderers by format name.</summary>
internal static class Renderers
{
    private static readonly IReadOnlyList<IRunRenderer> All = [new TextRenderer(), new JsonRenderer()];

    public static string[] Names => All.Select(r => r.Format).ToArray();

    public static IRunRenderer Get(string format) => All.First(r => r.Format == format);
}

/// <summary>Writes output to standard output, or to a file atomically (temporary file in the same folder, then rename).</summary>
internal static class OutputWriter
{
    public static void Write(string? path, TextWriter stdout, Action<TextWriter> render)
    {
        if (path is null)
        {
            render(stdout);
            return;
        }

        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var writer = new StreamWriter(temp, append: false, new System.Text.UTF8Encoding(false)))
            {
                render(writer);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
