namespace GovStatsValidation;

/// <summary>The base of every exception this library throws on bad input.</summary>
public class GovStatsValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GovStatsValidationException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}

/// <summary>A problem in a rule file: where, which rule, what is wrong.</summary>
/// <param name="File">The file (embedded name or path).</param>
/// <param name="Line">1-based line, when known.</param>
/// <param name="Column">1-based column, when known.</param>
/// <param name="RuleId">The rule's id, when the problem is inside a rule.</param>
/// <param name="Message">What is wrong.</param>
public sealed record RuleProblem(string File, int? Line, int? Column, string? RuleId, string Message)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{File}{(Line is { } l ? $"({l}{(Column is { } c ? $",{c}" : "")})" : "")}: {(RuleId is null ? "" : $"rule '{RuleId}': ")}{Message}";
}

/// <summary>Rule files could not be loaded; <see cref="Problems"/> lists every problem found, not only the first.</summary>
public sealed class RuleLoadException : GovStatsValidationException
{
    /// <summary>Creates the exception.</summary>
    public RuleLoadException(IReadOnlyList<RuleProblem> problems)
        : base($"{problems.Count} problem(s) in rule files:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Select(p => "  " + p))}")
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<RuleProblem> Problems { get; }
}

/// <summary>A report input could not be read: names the file, line and cell where known.</summary>
public sealed class ReportLoadException : GovStatsValidationException
{
    /// <summary>Creates the exception.</summary>
    public ReportLoadException(string file, int? line, string? cell, string message, Exception? inner = null)
        : base($"{file}{(line is { } l ? $"({l})" : "")}: {(cell is null ? "" : $"cell '{cell}': ")}{message}", inner)
    {
        File = file;
        Line = line;
        Cell = cell;
        Reason = message;
    }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>
    /// Whether the content is not a report at all (an image, a spreadsheet or an archive, a text that never mentions
    /// 政府信息公开): a folder of reports may hold such files, and they are listed as skipped rather than as unreadable
    /// reports. A report that cannot be read (a PDF without text, a document that holds two reports, a broken file) is not.
    /// </summary>
    public bool NotAReport { get; init; }

    /// <summary>The 1-based line, when known.</summary>
    public int? Line { get; }

    /// <summary>The cell id, when the problem is in one cell.</summary>
    public string? Cell { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
}
