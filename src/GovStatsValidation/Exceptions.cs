namespace GovStatsValidation;

/// <summary>The base of every exception this library throws on bad input.</summary>
public class GovStatsValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GovStatsValidationException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}

/// <summary>
/// A problem in a data file (a rule file, a table description, a lexicon, a concept map, an agency file …): which file,
/// where, which item, what is wrong. Every loader of a data file reports its problems as this type.
/// </summary>
/// <param name="File">The file (embedded name such as <c>rules/tables/2021.table.json</c>, or the path the user gave).</param>
/// <param name="Line">1-based line, when known.</param>
/// <param name="Column">1-based column, when known.</param>
/// <param name="Item">The item the problem is in, when it is in one: a rule id, a row id, a concept, an alias.</param>
/// <param name="Message">What is wrong.</param>
public sealed record DataFileProblem(string File, int? Line, int? Column, string? Item, string Message)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{File}{(Line is { } l ? $"({l}{(Column is { } c ? $",{c}" : "")})" : "")}: {(Item is null ? "" : $"[{Item}] ")}{Message}";
}

/// <summary>
/// Data files could not be loaded; <see cref="Problems"/> lists every problem found in them, not only the first. No part
/// of a file with a problem is used.
/// </summary>
public class DataFileLoadException : GovStatsValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Every problem found (at least one).</param>
    public DataFileLoadException(IReadOnlyList<DataFileProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<DataFileProblem> Problems { get; }

    private static string Describe(IReadOnlyList<DataFileProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var files = problems.Select(p => p.File).Distinct(StringComparer.Ordinal).Count();
        return $"{problems.Count} problem(s) in {files} data file(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems.Select(p => "  " + p))}";
    }
}

/// <summary>Rule files could not be loaded or compiled: a <see cref="DataFileLoadException"/> whose problems name the rule ids.</summary>
public sealed class RuleLoadException : DataFileLoadException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Every problem found (at least one); <see cref="DataFileProblem.Item"/> is the rule id.</param>
    public RuleLoadException(IReadOnlyList<DataFileProblem> problems)
        : base(problems)
    {
    }
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
