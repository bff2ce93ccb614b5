using System.CommandLine;

namespace GovStatsValidation.Cli;

/// <summary>
/// Where the command line writes and what it knows of its surroundings: the two streams, whether they are terminals (colours,
/// progress bar), the clock (baseline expiry) and the working folder (relative paths in reports).
/// </summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Time">The clock; tests inject a fixed one.</param>
/// <param name="OutIsTerminal">Whether standard output is a terminal (text output gets colours).</param>
/// <param name="ErrorIsTerminal">Whether standard error is a terminal (long runs get a progress bar there).</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, TimeProvider Time, bool OutIsTerminal = false, bool ErrorIsTerminal = false)
{
    /// <summary>The real console: terminals detected, colours off when <c>NO_COLOR</c> is set.</summary>
    public static CliContext ForConsole()
    {
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return new CliContext(Console.Out, Console.Error, TimeProvider.System,
            OutIsTerminal: !Console.IsOutputRedirected && !noColor, ErrorIsTerminal: !Console.IsErrorRedirected);
    }

    /// <summary>Today, in local time.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Time.GetLocalNow().DateTime);
}

/// <summary>The govstats command line. Exit codes: 0 no failing finding, 1 findings at or above --fail-on, 2 unusable input or command.</summary>
internal static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitFindings = 1;
    public const int ExitUnusable = 2;

    /// <summary>Every command, in help order. Adding a command is one line here.</summary>
    public static IReadOnlyList<Func<CliContext, Command>> Commands { get; } =
    [
        CheckCommand.Create,
        ExplainCommand.Create,
        ExtractCommand.Create,
        ReadingCommand.Create,
        RulesCommand.Create,
        SchemasCommand.Create,
        BaselineCommand.Create,
    ];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, new CliContext(stdout, stderr, TimeProvider.System));

    public static int Run(string[] args, CliContext context)
    {
        var root = new RootCommand("govstats — consistency checks for 政府信息公开工作年度报告 statistics");
        foreach (var create in Commands)
        {
            root.Add(create(context));
        }

        var parse = root.Parse(args);
        if (StrayOptions(parse) is { Count: > 0 } stray)
        {
            // A mistyped option (--formt) would otherwise be read as a report path and the whole run would go ahead.
            foreach (var token in stray)
            {
                context.Error.WriteLine($"unknown option '{token}' (see --help); a file whose name starts with '-' can be given as ./{token}");
            }

            return ExitUnusable;
        }

        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Error.WriteLine(error.Message);
            }

            return ExitUnusable;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (RuleLoadException e)
        {
            new Reporting.TerminalSafeWriter(context.Error).WriteLine(e.Message);
            return ExitUnusable;
        }
        catch (GovStatsValidationException e)
        {
            new Reporting.TerminalSafeWriter(context.Error).WriteLine(e.Message);
            return ExitUnusable;
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException or UnauthorizedAccessException)
        {
            new Reporting.TerminalSafeWriter(context.Error).WriteLine(e.Message);
            return ExitUnusable;
        }
    }

    /// <summary>Tokens that look like options but were taken as a command's arguments (a mistyped or unknown option).</summary>
    internal static List<string> StrayOptions(ParseResult parse) =>
        parse.CommandResult.Children.OfType<System.CommandLine.Parsing.ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .Select(t => t.Value)
            .Where(v => v.Length > 1 && v[0] == '-' && !char.IsAsciiDigit(v[1]) && v[1] != '.' && !File.Exists(v) && !Directory.Exists(v))
            .ToList();
}
