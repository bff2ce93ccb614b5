using System.CommandLine;
using GovStatsValidation.Checking;
using GovStatsValidation.Json;
using GovStatsValidation.Reporting;
using GovStatsValidation.Rules;

namespace GovStatsValidation.Cli;

/// <summary>The govstats command line. Exit codes: 0 no failing finding, 1 findings at or above --fail-on, 2 unusable input or command.</summary>
internal static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitFindings = 1;
    public const int ExitUnusable = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("govstats — consistency checks for 政府信息公开工作年度报告 statistics");
        root.Add(CheckCommand.Create(stdout, stderr));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine(error.Message);
            }

            return ExitUnusable;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (RuleLoadException e)
        {
            stderr.WriteLine(e.Message);
            return ExitUnusable;
        }
        catch (GovStatsValidationException e)
        {
            stderr.WriteLine(e.Message);
            return ExitUnusable;
        }
    }

    /// <summary>The readers the CLI knows, tried in order; the first that recognises the content reads the file.</summary>
    public static IReadOnlyList<IReportReader> Readers { get; } = [new JsonReportReader(), new Readers.PublishedReportReader()];
}
