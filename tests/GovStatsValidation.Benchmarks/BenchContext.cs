using System.CommandLine;
using GovStatsValidation.Model;
using GovStatsValidation.Readers.Pipeline;

namespace GovStatsValidation.Benchmarks;

/// <summary>Where the bench harness writes, its exit codes (as the CLI's) and how it reads report files (as <c>govstats check</c>).</summary>
/// <param name="Out">The tables and the closing lines.</param>
/// <param name="Error">Problems with the command line.</param>
internal sealed record BenchContext(TextWriter Out, TextWriter Error)
{
    public const int ExitOk = 0;
    public const int ExitFindings = 1;
    public const int ExitUnusable = 2;

    /// <summary>Runs <c>bench …</c> (the arguments after the program name).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var context = new BenchContext(stdout, stderr);
        var root = new RootCommand("GovStatsValidation benchmarks: the bench harness (bench), BenchmarkDotNet suites (anything else)") { BenchCommand.Create(context) };
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
        catch (GovStatsValidationException e)
        {
            stderr.WriteLine(e.Message);
            return ExitUnusable;
        }
    }

    /// <summary>A report file read as <c>govstats check</c> reads it (the reader chosen by content).</summary>
    public static AnnualReport Read(string path) => ReportPipelines.CreateLoader().LoadAsync(path).GetAwaiter().GetResult();

    /// <summary>A path as shown: relative to the working folder unless that climbs far up.</summary>
    public static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) && relative.Count(c => c == '/') > 3 ? path : relative;
    }
}
