using GovStatsValidation.Schemas;

namespace GovStatsValidation.Model;

/// <summary>
/// One annual report as checked: who published it, for which year, in which table format, its table cells and,
/// when read from a published text, its sections and narrative figures.
/// </summary>
public sealed class AnnualReport
{
    /// <summary>The publishing body.</summary>
    public required Agency Agency { get; init; }

    /// <summary>The report year (the year the statistics cover); 0 when a reader could not find it (reported as an error finding).</summary>
    public required int Year { get; init; }

    /// <summary>The table format.</summary>
    public required SchemaVersion Schema { get; init; }

    /// <summary>
    /// The printed variant of the format (e.g. <c>two-column</c>: the pre-2019 table with a 历年累计 column), or
    /// <see langword="null"/> for the national form. Cells of the variant (<c>active.total[cumulative]</c>) are known only with it.
    /// </summary>
    public string? Variant { get; set; }

    /// <summary>The table cells by id. A cell not listed is absent.</summary>
    public ReportCells Cells { get; init; } = new();

    /// <summary>Where the report was read from (a path or a name), when known.</summary>
    public string? Source { get; set; }

    /// <summary>The SHA-256 of the file the report was read from (lower-case hex), when known: corrections are matched against it.</summary>
    public string? SourceSha256 { get; set; }

    /// <summary>How the input was read (format, encoding, detection reasons), when read from a file.</summary>
    public InputInfo? Input { get; set; }

    /// <summary>Top-level section headings seen in the text, in order. Empty for a report typed as figures only.</summary>
    public IList<ReportSection> Sections { get; init; } = [];

    /// <summary>Figures stated in the narrative text.</summary>
    public IList<NarrativeClaim> Claims { get; init; } = [];

    /// <summary>The tables seen in the text (schema table ids with their first line).</summary>
    public IList<TableSeen> Tables { get; init; } = [];

    /// <summary>
    /// Reviewers' corrections of this report's cells, applied at reading time (the cells hold the corrected values) or
    /// not applied because the report or the cell changed since; every one is reported as a finding.
    /// </summary>
    public IList<CellCorrection> Corrections { get; init; } = [];

    /// <summary>Whether the report was read from a text (so sections and narrative are known) rather than typed as figures.</summary>
    public bool HasText => Input?.HasText ?? false;

    /// <summary>The description of <see cref="Schema"/>.</summary>
    public ReportSchema SchemaDefinition => SchemaCatalog.Get(Schema, Variant);

    /// <summary>
    /// A copy of this report with another table format and/or other cells; everything else (agency, year, source, its
    /// hash, input, sections, narrative, tables seen, corrections) is carried over. The variant is kept when the new
    /// format defines it, and dropped otherwise (a variant belongs to one format).
    /// </summary>
    /// <param name="schema">The table format of the copy; <see langword="null"/> keeps this report's.</param>
    /// <param name="cells">The cells of the copy; <see langword="null"/> shares this report's cells.</param>
    public AnnualReport With(SchemaVersion? schema = null, ReportCells? cells = null)
    {
        var version = schema ?? Schema;
        var variant = Variant is { } v && (version == Schema || SchemaCatalog.TryGetVariant(version, v, out _)) ? v : null;
        return new AnnualReport
        {
            Agency = Agency,
            Year = Year,
            Schema = version,
            Variant = variant,
            Cells = cells ?? Cells,
            Source = Source,
            SourceSha256 = SourceSha256,
            Input = Input,
            Sections = Sections,
            Claims = Claims,
            Tables = Tables,
            Corrections = Corrections,
        };
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Agency.Name} {Year} ({Schema.ToToken()}{(Variant is null ? "" : "/" + Variant)})";
}

/// <summary>How a report was read.</summary>
public sealed record InputInfo
{
    /// <summary>The input format: <c>json</c>, <c>text</c>, <c>html</c>, <c>docx</c>, <c>markdown</c>.</summary>
    public required string Format { get; init; }

    /// <summary>The detected text encoding and how it was decided, e.g. <c>utf-8 (valid UTF-8, no BOM)</c>.</summary>
    public string? Encoding { get; init; }

    /// <summary>Whether the input had report text (sections, narrative) rather than figures only.</summary>
    public bool HasText { get; init; }

    /// <summary>Why the schema, year and agency were taken as they were, and anything the reader was unsure of.</summary>
    public IList<string> Notes { get; init; } = [];
}

/// <summary>A top-level section heading as printed.</summary>
/// <param name="Numeral">The Chinese numeral (一 … 九), or <see langword="null"/> when the heading lost it.</param>
/// <param name="Title">The heading text without numeral.</param>
/// <param name="Line">The line in the original text.</param>
/// <param name="SectionId">The id of the format's section it matches, when matched.</param>
public sealed record ReportSection(string? Numeral, string Title, int Line, string? SectionId = null)
{
    /// <summary>The section's prose as printed under its heading (table rows left out, lines joined by newlines), when read from a text.</summary>
    public string? Text { get; init; }
}

/// <summary>A table of the format seen in the text.</summary>
/// <param name="TableId">The schema table id.</param>
/// <param name="Line">The first line of the table.</param>
/// <param name="Note">A reader's remark, e.g. that the table was too mangled to read safely.</param>
public sealed record TableSeen(string TableId, int Line, string? Note = null)
{
    /// <summary>When the table's heading or row labels are in the text but (some of) its cells could not be read: why
    /// (the lines, the candidates). Those cells are then unreadable, not absent: the rules that need them are not
    /// assessable, and the table is not "missing".</summary>
    public string? Unread { get; init; }

    /// <summary>How many cells could not be read (with <see cref="Unread"/>).</summary>
    public int UnreadCells { get; init; }
}

/// <summary>The cells of a report by id; absent cells are simply not listed.</summary>
public sealed class ReportCells : IEnumerable<KeyValuePair<CellId, CellValue>>
{
    // Each cell keeps, from when it is set, the process-wide key of its id (CellKeys), so that the checker loads the cells
    // into a format's frame without looking an id up.
    private readonly Dictionary<CellId, Entry> _cells = [];

    /// <summary>The cells in id order, built on the first enumeration after a change.</summary>
    private KeyValuePair<CellId, CellValue>[]? _sorted;

    /// <summary>The value of a cell; reading a cell that is not listed gives an absent value.</summary>
    public CellValue this[CellId id]
    {
        get => _cells.TryGetValue(id, out var e) ? e.Value : AbsentValue;
        set
        {
            ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_cells, id, out var existed);
            entry = new Entry(value, existed ? entry.Key : CellKeys.Of(id));
            Changed();
        }
    }

    /// <summary>The number of listed (not absent) cells.</summary>
    public int Count => _cells.Count;

    /// <summary>Whether the cell is listed.</summary>
    public bool Contains(CellId id) => _cells.ContainsKey(id);

    /// <summary>Removes a cell, making it absent.</summary>
    public bool Remove(CellId id)
    {
        Changed();
        return _cells.Remove(id);
    }

    /// <summary>Adds a cell (collection-initializer support).</summary>
    public void Add(CellId id, CellValue value)
    {
        _cells.Add(id, new Entry(value, CellKeys.Of(id)));
        Changed();
    }

    /// <summary>Counts every edit: what was derived from the cells (the sorted view, the checker's frame) is valid only for the version it was made from.</summary>
    internal int Version { get; private set; }

    /// <summary>
    /// The checker's frame of these cells for one schema (fixed-point values and states in the schema's slot order), made at
    /// <see cref="Version"/>; any edit makes it stale, and the checker then loads the cells again. Written as one reference,
    /// so concurrent checks of the same unchanged report see either no frame or a complete one.
    /// </summary>
    internal object? FrameCache { get; set; }

    private void Changed()
    {
        _sorted = null;
        FrameCache = null;
        Version++;
    }

    /// <summary>The cells in no particular order, each with the key of its id, without allocating (the checker's frame load).</summary>
    internal Dictionary<CellId, Entry> Unordered => _cells;

    /// <summary>The cells in ordinal id order.</summary>
    public IEnumerator<KeyValuePair<CellId, CellValue>> GetEnumerator()
    {
        var sorted = _sorted ??= [.. _cells.OrderBy(c => c.Key.Value, StringComparer.Ordinal).Select(c => new KeyValuePair<CellId, CellValue>(c.Key, c.Value.Value))];
        return ((IEnumerable<KeyValuePair<CellId, CellValue>>)sorted).GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private static readonly CellValue AbsentValue = new() { State = CellState.Absent };

    /// <summary>A cell's value and the <see cref="CellKeys"/> key of its id.</summary>
    internal readonly record struct Entry(CellValue Value, int Key);
}
