namespace GovStatsValidation.Readers;

/// <summary>A cell read from a report's tables, identified by its schema cell id.</summary>
/// <param name="CellId">Schema cell id: the row id, and for tables with columns the column id in brackets (<c>requests.new[natural_person]</c>).</param>
/// <param name="RawText">The printed text of the cell (empty when the cell is printed blank).</param>
/// <param name="Line">Source line of the value (of the label when the value cell is blank).</param>
/// <param name="Column">Column in the source when known (see <see cref="RawCell.Column"/>).</param>
public sealed record ExtractedCell(string CellId, string RawText, int Line, int? Column)
{
    /// <summary>Unit printed in the row (<c>条</c>, <c>万元</c>, …), when the layout has a unit column.</summary>
    public string? Unit { get; init; }

    /// <summary>How the cell was found: layout, line, label match.</summary>
    public string Reason { get; init; } = "";

    /// <summary>True when the value was cut out of digits that ran together in the source (<c>801000081</c> → 80|1|0|…),
    /// where the cut is the only one the column count and the row's total allow.</summary>
    public bool Reconstructed { get; init; }
}

/// <summary>A value the reader decided, with the reason.</summary>
/// <typeparam name="T">Type of the value.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Reason">Why.</param>
/// <param name="Line">Source line the decision rests on, when there is one.</param>
public sealed record Detected<T>(T Value, string Reason, int? Line);

/// <summary>What kind of document the bytes were, sniffed from content (not the file name).</summary>
public enum DocumentKind
{
    /// <summary>Plain text.</summary>
    Text,

    /// <summary>HTML markup.</summary>
    Html,

    /// <summary>Word .docx (zip with word/document.xml).</summary>
    Docx,

    /// <summary>PDF with a text layer (<c>%PDF-</c>), read through its letters' positions.</summary>
    Pdf,
}

/// <summary>Everything the reader took from one report, schema-mapped where possible.</summary>
public sealed class ReportExtraction
{
    internal ReportExtraction(DocumentKind kind, SourceText text)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary>Kind of document, sniffed from the content.</summary>
    public DocumentKind Kind { get; }

    /// <summary>Decoding result for text and HTML input; null for Word.</summary>
    public DecodedText? Decoding { get; internal init; }

    /// <summary>For a PDF: the positions of the text's lines and words (page, coordinates); null otherwise.</summary>
    internal Pdf.PdfTextLayer? Pdf { get; init; }

    /// <summary>The text lines (for HTML and Word: the rendered block text, mapped to source lines).</summary>
    public SourceText Text { get; }

    /// <summary>Tables as read, before the schema was applied.</summary>
    public IReadOnlyList<RawTable> Tables { get; internal set; } = [];

    /// <summary>Top-level numbered headings.</summary>
    public IReadOnlyList<ReportSection> Sections { get; internal set; } = [];

    /// <summary>Schema id (<c>pre2019</c>, <c>2019</c>, <c>2021</c>) detected from table labels, or null for narrative-only reports.</summary>
    public Detected<string>? Schema { get; internal set; }

    /// <summary>The printed variant of the schema (<c>two-column</c>: the pre-2019 table with a 历年累计 column) found in a
    /// table's header, or null for the national form.</summary>
    public Detected<string>? Variant { get; internal set; }

    /// <summary>Report year from the title.</summary>
    public Detected<int>? Year { get; internal set; }

    /// <summary>Agency name from the title.</summary>
    public Detected<string>? Agency { get; internal set; }

    /// <summary>Cells mapped to schema cell ids, in reading order.</summary>
    public IReadOnlyList<ExtractedCell> Cells { get; internal set; } = [];

    /// <summary>Tables (or rows of them) whose heading or labels are in the text but whose cells could not be read.</summary>
    internal IReadOnlyList<Schema.UnreadPart> Unread { get; set; } = [];

    /// <summary>Value rows whose labels the schema-guided reader found in a table it read (row id → line); empty when it did not run.</summary>
    internal IReadOnlyDictionary<string, int> LabelRows { get; set; } = new Dictionary<string, int>();

    /// <summary>Reader problems and decisions (mangled tables, lost numerals, encoding issues).</summary>
    public IReadOnlyList<ReaderDiagnostic> Diagnostics { get; internal set; } = [];

    /// <summary>The cell with this id, or null.</summary>
    /// <param name="cellId">A cell id.</param>
    /// <returns>The cell or null.</returns>
    public ExtractedCell? FindCell(string cellId) => Cells.FirstOrDefault(c => c.CellId == cellId);
}
