using System.CommandLine;
using GovStatsValidation.Readers.Measurement;

namespace GovStatsValidation.Cli;

/// <summary>
/// <c>govstats reading PATH... [--out FILE]</c>: measures extraction on report files (cells read / cells printed, per file
/// and per layout, every cell not read with the reader's reason, the files that are not reports and why) and prints it
/// as Markdown; <c>docs/reading.md</c> is this command's output over <c>../shared</c>.
/// </summary>
internal static class ReadingCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Report files, folders (searched recursively) or globs", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Write the Markdown to this file (atomically) instead of standard output" };
        var command = new Command("reading", "Measure extraction: cells read / cells printed per file and per layout, every cell not read with its reason") { paths, output };
        command.SetAction(parse =>
        {
            var (files, missing) = ReadingMeasurement.MeasureAll(parse.GetValue(paths)!, Environment.CurrentDirectory);
            foreach (var m in missing)
            {
                context.Error.WriteLine($"no such file or folder: {m}");
            }

            if (files.Count == 0)
            {
                return CliApp.ExitUnusable;
            }

            if (OutputWriter.Problem(parse.GetValue(output), [.. files.Select(f => Path.GetFullPath(f.File))]) is { } outputProblem)
            {
                context.Error.WriteLine(outputProblem);
                return CliApp.ExitUnusable;
            }

            var shown = "govstats reading " + string.Join(' ', parse.GetValue(paths)!) + (parse.GetValue(output) is { } o ? " --out " + o : "");
            var markdown = ReadingMeasurement.ToMarkdown(files, shown);
            OutputWriter.Write(parse.GetValue(output), context.Out, w => w.Write(markdown));
            return missing.Count > 0 ? CliApp.ExitUnusable : CliApp.ExitOk;
        });
        return command;
    }
}
