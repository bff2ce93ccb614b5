using System.CommandLine;
using GovStatsValidation.Reporting;
using GovStatsValidation.Reporting.Baselines;
using GovStatsValidation.Rules;

namespace GovStatsValidation.Cli;

/// <summary><c>govstats check PATH...</c>: read every report, run the rules, write the rule report.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Report files, folders (searched recursively) or globs", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong([.. CheckPipeline.Renderers.Names]);
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a finding at or above this severity exists", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "never");
        var output = new Option<string?>("--out") { Description = "Write the report to this file (atomically) instead of standard output" };
        var baseline = new Option<string?>("--baseline") { Description = "Baseline file of accepted findings: show only new or changed findings, report expired and stale entries" };
        var color = new Option<string>("--color") { Description = "Colours in text output: auto (on a terminal), always, never", DefaultValueFactory = _ => "auto" };
        color.AcceptOnlyFromAmong("auto", "always", "never");
        var noProgress = new Option<bool>("--no-progress") { Description = "Never show a progress bar" };
        var correctionsFile = new Option<string?>("--corrections") { Description = "Corrections file (exported from the HTML report): check corrected values instead of misread ones; every output shows them as corrected" };
        var strict = new Option<bool>("--strict") { Description = "Exit 2 when a file is not a report (an image, a spreadsheet, notes): such files are otherwise listed as skipped" };
        var agencies = new Option<string?>("--agencies") { Description = "Agency file: aliases, jurisdictions and the bodies expected to report per jurisdiction and year (who has not reported)" };
        var pipeline = new CheckPipeline();

        var command = new Command("check", "Check report files and print the rule report") { paths, format, failOn, output, baseline, color, noProgress, correctionsFile, agencies, strict };
        pipeline.AddTo(command);
        command.SetAction(parse =>
        {
            if (!pipeline.DisabledRulesKnown(parse, context))
            {
                return CliApp.ExitUnusable;
            }

            var accepted = parse.GetValue(baseline) is { } baselinePath ? Baseline.Load(baselinePath) : null;
            var corrections = parse.GetValue(correctionsFile) is { } correctionsPath ? Readers.Corrections.CorrectionSet.Load(correctionsPath) : null;
            var agencyMap = parse.GetValue(agencies) is { } agenciesPath ? CrossReport.Agencies.AgencyMap.Load(agenciesPath) : null;
            if (CheckPipeline.Discover(parse.GetValue(paths)!, context) is not { } discovered)
            {
                return CliApp.ExitUnusable;
            }

            if (OutputWriter.Problem(parse.GetValue(output), discovered.Files) is { } outputProblem)
            {
                context.Error.WriteLine(outputProblem);
                return CliApp.ExitUnusable;
            }

            var run = pipeline.Check(parse, context, discovered, allowProgress: !parse.GetValue(noProgress), corrections, agencyMap);
            foreach (var unmatched in corrections?.Unmatched ?? [])
            {
                context.Error.WriteLine($"note: correction of {unmatched.Cell} of {unmatched.Agency} {unmatched.Year} ({unmatched.Source ?? "no source"}) matches no report of this run; not applied");
            }

            if (accepted is not null)
            {
                // Only what this run could have reported is compared: entries of rules switched off or below --min-severity are not stale.
                var disabled = (parse.GetValue(pipeline.Disable) ?? []).ToHashSet(StringComparer.Ordinal);
                run = accepted.Apply(run, context.Today, CheckPipeline.ParseSeverity(parse.GetValue(pipeline.MinSeverity)!), disabled);
            }

            var outPath = parse.GetValue(output);
            var useColor = parse.GetValue(color) switch
            {
                "always" => true,
                "never" => false,
                _ => outPath is null && context.OutIsTerminal,
            };
            var renderOptions = new RenderOptions { Language = parse.GetValue(pipeline.Language)!, Color = useColor };
            OutputWriter.Write(outPath, context.Out, w => CheckPipeline.Renderers.Get(parse.GetValue(format)!).Render(run, w, renderOptions));
            return ExitCode(run, parse.GetValue(failOn)!, parse.GetValue(strict));
        });
        return command;
    }

    internal static int ExitCode(CheckRun run, string failOn, bool strict = false)
    {
        // Only a report that could not be read makes the input unusable; a file that is not a report is listed as skipped
        // and fails the run only with --strict.
        if (run.InputErrors.Count > 0 || (strict && run.Skipped.Count > 0))
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
        // A finding a reviewer marked a false alarm (decisions file given as --baseline) stays shown but does not fail the run.
        bool Counts(Findings.Finding f, string agency, int year, Severity t) =>
            f.Severity >= t && !(run.Baseline?.IsFalseAlarm(f.FingerprintFor(agency, year)) ?? false);
        return threshold is { } t && (run.Results.Any(r => r.Findings.Any(f => Counts(f, r.Report.Agency.Name, r.Report.Year, t)))
                || (run.CrossReport?.Any(c => Counts(c.Finding, c.Agency, c.Year, t)) ?? false))
            ? CliApp.ExitFindings : CliApp.ExitOk;
    }
}
