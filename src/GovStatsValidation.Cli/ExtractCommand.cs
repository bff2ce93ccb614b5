using System.CommandLine;
using GovStatsValidation.Json;

namespace GovStatsValidation.Cli;

/// <summary>
/// <c>govstats extract FILE</c>: prints the canonical JSON of what was read from a report (cells with raw text, notes and
/// source lines, sections, narrative claims, how the input was decoded), so a user can correct a value and check the JSON again.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "One report file (.txt, .html, .docx, .pdf or .json)" };
        var output = new Option<string?>("--out") { Description = "Write the JSON to this file (atomically) instead of standard output" };
        var schema = new Option<string?>("--schema") { Description = "Force a schema (pre2019, 2019, 2021) instead of detecting it" };
        schema.AcceptOnlyFromAmong("pre2019", "2019", "2021");
        var command = new Command("extract", "Print the canonical JSON read from a report file") { file, output, schema };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                context.Error.WriteLine($"no such file: {path}");
                return CliApp.ExitUnusable;
            }

            if (OutputWriter.Problem(parse.GetValue(output), [Path.GetFullPath(path)]) is { } outputProblem)
            {
                context.Error.WriteLine(outputProblem);
                return CliApp.ExitUnusable;
            }

            Schemas.SchemaVersion? forced = Schemas.SchemaVersions.TryParse(parse.GetValue(schema), out var v) ? v : null;
            var report = CheckPipeline.Read(path, forced);
            report.Source = CheckPipeline.Relative(path);
            var json = ReportJson.Write(report);
            OutputWriter.Write(parse.GetValue(output), context.Out, w => w.WriteLine(json));
            return CliApp.ExitOk;
        });
        return command;
    }
}
