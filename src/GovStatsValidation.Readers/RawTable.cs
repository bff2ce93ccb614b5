namespace GovStatsValidation.Readers;

/// <summary>How a table was laid out in the input.</summary>
public enum TableLayout
{
    /// <summary>One cell per line (label, unit, value lines), tab-indented or blank-line separated.</summary>
    CellPerLine,

    /// <summary>Rows of tab-separated cells.</summary>
    TabSeparated,

    /// <summary>Space-aligned columns as produced by <c>pdftotext -layout</c>.</summary>
    SpaceAligned,

    /// <summary>Markdown pipe table.</summary>
    Markdown,

    /// <summary>HTML <c>&lt;table&gt;</c>, row and column spans expanded.</summary>
    Html,

    /// <summary>Word table, merged cells expanded.</summary>
    Word,
}

/// <summary>One cell as printed.</summary>
/// <param name="Text">The cell text as in the source (trimmed; wrapped labels joined without the line break).</param>
/// <param name="Line">Line number in the source (for Word: paragraph/row ordinal).</param>
/// <param name="Column">Column in the source when known: character offset for text layouts, grid column for HTML/Word, field index for tab/markdown rows.</param>
public sealed record RawCell(string Text, int Line, int? Column)
{
    /// <summary>True for the second and later grid columns of a cell merged across columns (HTML <c>colspan</c>, Word
    /// <c>gridSpan</c>): the same printed cell repeated so that the row keeps the grid's width.</summary>
    public bool SpanContinuation { get; init; }
}

/// <summary>One row of a raw table: its cells in printed order.</summary>
/// <param name="Cells">The cells.</param>
public sealed record RawRow(IReadOnlyList<RawCell> Cells)
{
    /// <summary>First source line of the row.</summary>
    public int Line => Cells.Count == 0 ? 0 : Cells.Min(c => c.Line);
}

/// <summary>A table as read from the input, before any schema is applied.</summary>
/// <param name="Layout">How the table was laid out.</param>
/// <param name="FirstLine">First source line of the table.</param>
/// <param name="LastLine">Last source line of the table.</param>
/// <param name="Rows">The rows.</param>
public sealed record RawTable(TableLayout Layout, int FirstLine, int LastLine, IReadOnlyList<RawRow> Rows)
{
    /// <summary>Problems met while reading this table (for example, numbers detached from their labels).</summary>
    public IReadOnlyList<ReaderDiagnostic> Diagnostics { get; init; } = [];
}

/// <summary>Severity of a reader diagnostic.</summary>
public enum DiagnosticSeverity
{
    /// <summary>For the record.</summary>
    Info,

    /// <summary>Something may have been read wrongly or not at all; a person should look.</summary>
    Warning,

    /// <summary>A part could not be read.</summary>
    Error,
}

/// <summary>A problem or decision of the reader worth showing.</summary>
/// <param name="Severity">Severity.</param>
/// <param name="Code">Stable code, e.g. <c>table-mangled</c>.</param>
/// <param name="Message">Explanation.</param>
/// <param name="Line">Source line, when known.</param>
public sealed record ReaderDiagnostic(DiagnosticSeverity Severity, string Code, string Message, int? Line);
