using System.CommandLine;
using System.Globalization;
using GovStatsValidation.Reporting.Baselines;

namespace GovStatsValidation.Cli;

/// <summary><c>govstats baseline create PATH... --out FILE</c>: accept every current finding into a baseline file.</summary>
internal static class BaselineCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Report files, folders (searched recursively) or globs", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "The baseline file to write", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the findings are accepted (written into every entry)", DefaultValueFactory = _ => "accepted as known when the baseline was created" };
        var acceptedBy = new Option<string>("--accepted-by") { Description = "Who accepts them", DefaultValueFactory = _ => "" };
        var expires = new Option<string?>("--expires") { Description = "Last day the entries hold (yyyy-MM-dd); default one year from today" };
        var pipeline = new CheckPipeline();
        var create = new Command("create", "Write a baseline accepting every finding of a run") { paths, output, reason, acceptedBy, expires };
        pipeline.AddTo(create);
        create.SetAction(parse =>
        {
            DateOnly until;
            if (parse.GetValue(expires) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out until))
                {
                    context.Error.WriteLine($"--expires must be a date yyyy-MM-dd, not '{text}'");
                    return CliApp.ExitUnusable;
                }
            }
            else
            {
                until = context.Today.AddYears(1);
            }

            if (CheckPipeline.Discover(parse.GetValue(paths)!, context) is not { } discovered)
            {
                return CliApp.ExitUnusable;
            }

            if (OutputWriter.Problem(parse.GetValue(output), discovered.Files) is { } outputProblem)
            {
                context.Error.WriteLine(outputProblem);
                return CliApp.ExitUnusable;
            }

            // As check does: the cross-report findings of the same inputs are accepted too.
            var run = pipeline.Check(parse, context, discovered);

            foreach (var e in run.InputErrors)
            {
                context.Error.WriteLine($"cannot read {e.Source}: {e.Message}");
            }

            var baseline = Baseline.FromRun(run, parse.GetValue(reason)!, parse.GetValue(acceptedBy)!, until);
            var path = parse.GetValue(output)!;
            OutputWriter.Write(path, context.Out, w => w.Write(baseline.ToJson()));
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {path}: {baseline.Entries.Count} accepted finding(s) from {run.Results.Count} report(s), expiring {until:yyyy-MM-dd}"));
            return CliApp.ExitOk;
        });

        return new Command("baseline", "Accepted findings") { create };
    }
}
