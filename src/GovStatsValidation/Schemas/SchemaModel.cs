using System.Collections.Frozen;

namespace GovStatsValidation.Schemas;

/// <summary>
/// One statistics-table format, described once as data (<c>rules/tables/*.table.json</c>): its tables,
/// row trees, columns, cells with stable ids, labels and units, and the report sections it requires.
/// </summary>
public sealed class ReportSchema
{
    private readonly FrozenDictionary<string, CellDefinition> _cellsById;
    private readonly Dictionary<string, SchemaRow> _rowsById;

    internal ReportSchema(
        SchemaVersion version, LocalizedText title, int firstYear, int lastYear, string legalBasis,
        IReadOnlyList<string> detectionLabels, IReadOnlyList<SectionDefinition> sections,
        IReadOnlyList<TableDefinition> tables, SchemaVariant? variant = null)
    {
        Version = version;
        Variant = variant;
        Title = title;
        FirstYear = firstYear;
        LastYear = lastYear;
        LegalBasis = legalBasis;
        DetectionLabels = detectionLabels;
        Sections = sections;
        Tables = tables;

        var cells = new List<CellDefinition>();
        _rowsById = new Dictionary<string, SchemaRow>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            foreach (var row in table.AllRows)
            {
                _rowsById.Add(row.Id, row);
                foreach (var cell in row.Cells)
                {
                    cell.Slot = cells.Count;
                    cells.Add(cell);
                }
            }
        }

        Cells = cells;
        _cellsById = cells.ToFrozenDictionary(c => c.Id.Value, StringComparer.Ordinal);
    }

    /// <summary>Which format this is.</summary>
    public SchemaVersion Version { get; }

    /// <summary>
    /// The printed variant of the format this description is (e.g. the pre-2019 table with a 历年累计 column), or
    /// <see langword="null"/> for the format as the national standard prints it.
    /// </summary>
    public SchemaVariant? Variant { get; }

    /// <summary>The printed variants of the format (each a description of its own, with the same rules); empty for a variant itself.</summary>
    public IReadOnlyList<ReportSchema> Variants { get; internal set; } = [];

    /// <summary>The format's name.</summary>
    public LocalizedText Title { get; }

    /// <summary>First report year the format applies to.</summary>
    public int FirstYear { get; }

    /// <summary>Last report year the format applies to.</summary>
    public int LastYear { get; }

    /// <summary>The document that issued the format, e.g. 国办公开办函〔2021〕30号.</summary>
    public string LegalBasis { get; }

    /// <summary>Labels whose presence in a text indicates this format.</summary>
    public IReadOnlyList<string> DetectionLabels { get; }

    /// <summary>The numbered top-level sections the format requires, in order (empty for the pre-2019 table).</summary>
    public IReadOnlyList<SectionDefinition> Sections { get; }

    /// <summary>The format's tables, in printed order.</summary>
    public IReadOnlyList<TableDefinition> Tables { get; }

    /// <summary>Every value cell of the format, in printed order; <see cref="CellDefinition.Slot"/> is the index here.</summary>
    public IReadOnlyList<CellDefinition> Cells { get; }

    /// <summary>Finds a cell by id.</summary>
    public bool TryGetCell(CellId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CellDefinition? cell) =>
        _cellsById.TryGetValue(id.Value, out cell);

    /// <summary>
    /// The frame slot of the cell with a <see cref="CellKeys"/> key: -1 when this format has no cell with that key (or the
    /// key is <see cref="CellKeys.None"/>, when only <see cref="TryGetCell"/> can tell).
    /// </summary>
    internal int SlotOfKey(int key)
    {
        var slots = Volatile.Read(ref _slotsByKey);
        if (slots is null)
        {
            slots = new int[CellKeys.Count];
            Array.Fill(slots, -1);
            foreach (var cell in Cells)
            {
                if (CellKeys.Of(cell.Id) is var k and >= 0)
                {
                    slots[k] = cell.Slot;
                }
            }

            Volatile.Write(ref _slotsByKey, slots); // a race builds the same array twice
        }

        return key >= 0 && key < slots.Length ? slots[key] : -1;
    }

    private int[]? _slotsByKey;

    /// <summary>The cell with the given id.</summary>
    /// <exception cref="KeyNotFoundException">The schema has no such cell.</exception>
    public CellDefinition GetCell(CellId id) =>
        TryGetCell(id, out var cell) ? cell : throw new KeyNotFoundException($"Schema {Version.ToToken()} has no cell '{id}'.");

    /// <summary>Finds a row (value row, header or derived group) by id.</summary>
    public bool TryGetRow(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SchemaRow? row) =>
        _rowsById.TryGetValue(id, out row);

    /// <summary>Every row of every table, depth first.</summary>
    public IEnumerable<SchemaRow> Rows => Tables.SelectMany(t => t.AllRows);

    /// <inheritdoc/>
    public override string ToString() => $"{Version.ToToken()}{(Variant is { } v ? "/" + v.Id : "")} {Title.Zh}";
}

/// <summary>
/// A variant of a format as some provinces print it: extra value columns on a table (every identity of the table holds
/// in each column), and rows printed instead of some of the national rows (信函、传真申请数 for 信函申请数 and 传真申请数).
/// </summary>
/// <param name="Id">Stable id, e.g. <c>two-column</c>.</param>
/// <param name="Title">The variant's name.</param>
/// <param name="DetectionLabels">Words whose presence in a table's header indicates the variant (e.g. 历年累计).</param>
public sealed record SchemaVariant(string Id, LocalizedText Title, IReadOnlyList<string> DetectionLabels);

/// <summary>A numbered top-level section the 2019 and 2021 formats require (一、总体情况 … 六、其他需要报告的事项).</summary>
/// <param name="Id">Stable id, e.g. <c>review</c>.</param>
/// <param name="Numeral">The Chinese numeral, e.g. 四.</param>
/// <param name="Heading">The heading text without numeral.</param>
/// <param name="Variants">Wordings seen in real reports.</param>
public sealed record SectionDefinition(string Id, string Numeral, string Heading, IReadOnlyList<string> Variants);

/// <summary>A column of a table with columns (e.g. the applicant columns of the application table).</summary>
/// <param name="Id">Stable id, e.g. <c>natural_person</c>, <c>org.commercial</c>, <c>total</c>.</param>
/// <param name="Label">The printed column header.</param>
/// <param name="Variants">Other printed forms.</param>
/// <param name="Kind">The kind of number in this column, when the column decides it.</param>
/// <param name="Unit">The unit, when the column decides it.</param>
/// <param name="IsTotal">Whether the column is the row's total of the other columns.</param>
public sealed record ColumnDefinition(string Id, string Label, IReadOnlyList<string> Variants, ValueKind? Kind, string? Unit, bool IsTotal);

/// <summary>One table of a format.</summary>
public sealed class TableDefinition
{
    internal TableDefinition(string id, LocalizedText title, string? caption, string? sectionId, bool required,
        IReadOnlyList<ColumnDefinition> columns, IReadOnlyList<SchemaRow> rows,
        IReadOnlyList<ColumnDefinition>? extraColumns = null, ColumnDefinition? currentColumn = null)
    {
        ExtraColumns = extraColumns ?? [];
        CurrentColumn = currentColumn;
        Id = id;
        Title = title;
        Caption = caption;
        SectionId = sectionId;
        IsRequired = required;
        Columns = columns;
        Rows = rows;
        foreach (var row in AllRows)
        {
            row.Table = this;
        }
    }

    /// <summary>Stable id, e.g. <c>applications</c>, <c>art20_1</c>.</summary>
    public string Id { get; }

    /// <summary>Title.</summary>
    public LocalizedText Title { get; }

    /// <summary>The caption row printed above the table, e.g. 第二十条第（一）项.</summary>
    public string? Caption { get; }

    /// <summary>The id of the section the table is printed in.</summary>
    public string? SectionId { get; }

    /// <summary>Whether the format requires the table.</summary>
    public bool IsRequired { get; }

    /// <summary>The value columns (empty for a label | unit | value table).</summary>
    public IReadOnlyList<ColumnDefinition> Columns { get; }

    /// <summary>
    /// Value columns a variant prints beside a label | unit | value table (历年累计): each row gets one more cell per
    /// column, <c>row[column]</c>, and the table's identities hold in each. Empty outside variants.
    /// </summary>
    public IReadOnlyList<ColumnDefinition> ExtraColumns { get; }

    /// <summary>The printed header of the value column whose cells keep the plain row ids (本年度), when the table has <see cref="ExtraColumns"/>.</summary>
    public ColumnDefinition? CurrentColumn { get; }

    /// <summary>The top-level rows.</summary>
    public IReadOnlyList<SchemaRow> Rows { get; }

    /// <summary>All rows, depth first.</summary>
    public IEnumerable<SchemaRow> AllRows => Rows.SelectMany(r => r.SelfAndDescendants);
}

/// <summary>How a row takes part in the table.</summary>
public enum RowKind
{
    /// <summary>A row with its own value cells.</summary>
    Value,

    /// <summary>A section header row without values (一、主动公开情况 ——).</summary>
    Header,

    /// <summary>A group label spanning child rows, without own values (（三）不予公开); its total is derived from the children.</summary>
    Derived,
}

/// <summary>How a child row relates to its parent.</summary>
public enum RowRole
{
    /// <summary>A part of its parent: the parent is the sum of such children.</summary>
    Part,

    /// <summary>An "其中" row: a subset of its parent, not a partition.</summary>
    OfWhich,

    /// <summary>Printed under the parent but a different quantity (制发规范性文件总数 under 主动公开政府信息数).</summary>
    Related,
}

/// <summary>A row of a table, with its place in the row tree.</summary>
public sealed class SchemaRow
{
    private readonly List<SchemaRow> _children = [];
    private readonly List<CellDefinition> _cells = [];

    internal SchemaRow(string id, string label, IReadOnlyList<string> variants, string? unit, RowKind kind, RowRole role,
        ValueKind valueKind, int? sinceYear, string? context)
    {
        Id = id;
        Label = label;
        Variants = variants;
        Unit = unit;
        Kind = kind;
        Role = role;
        ValueKind = valueKind;
        SinceYear = sinceYear;
        Context = context;
    }

    /// <summary>Stable id, e.g. <c>active.total</c>, <c>result.withheld</c>.</summary>
    public string Id { get; }

    /// <summary>The official label without numbering.</summary>
    public string Label { get; }

    /// <summary>Other printed forms of the label seen in real reports.</summary>
    public IReadOnlyList<string> Variants { get; }

    /// <summary>The unit printed in the 单位 column (pre-2019), or <see langword="null"/>.</summary>
    public string? Unit { get; }

    /// <summary>Whether the row has values, is a header, or a derived group.</summary>
    public RowKind Kind { get; }

    /// <summary>How the row relates to its parent.</summary>
    public RowRole Role { get; }

    /// <summary>The kind of number in the row's cells (a column may override it).</summary>
    public ValueKind ValueKind { get; }

    /// <summary>The first report year in which the row was printed (older tables lack it), or <see langword="null"/>.</summary>
    public int? SinceYear { get; }

    /// <summary>A disambiguating context word for labels that repeat (被依法纠错数 under 行政复议 or 行政诉讼).</summary>
    public string? Context { get; }

    /// <summary>In a variant: the ids of the national rows this row is printed instead of (empty otherwise).</summary>
    public IReadOnlyList<string> Replaces { get; internal set; } = [];

    /// <summary>The parent row, or <see langword="null"/> for a top-level row.</summary>
    public SchemaRow? Parent { get; private set; }

    /// <summary>The table the row belongs to.</summary>
    public TableDefinition Table { get; internal set; } = null!;

    /// <summary>The child rows.</summary>
    public IReadOnlyList<SchemaRow> Children => _children;

    /// <summary>The row's value cells: one, or one per column of the table.</summary>
    public IReadOnlyList<CellDefinition> Cells => _cells;

    /// <summary>The row and all rows below it, depth first.</summary>
    public IEnumerable<SchemaRow> SelfAndDescendants => new[] { this }.Concat(_children.SelectMany(c => c.SelfAndDescendants));

    internal void AddChild(SchemaRow child)
    {
        child.Parent = this;
        _children.Add(child);
    }

    internal void AddCell(CellDefinition cell) => _cells.Add(cell);

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {Label}";
}

/// <summary>One value cell of a format.</summary>
public sealed class CellDefinition
{
    internal CellDefinition(CellId id, SchemaRow row, ColumnDefinition? column, ValueKind kind, string? unit)
    {
        Id = id;
        Row = row;
        Column = column;
        Kind = kind;
        Unit = unit;
    }

    /// <summary>The cell's stable id.</summary>
    public CellId Id { get; }

    /// <summary>The row the cell is in.</summary>
    public SchemaRow Row { get; }

    /// <summary>The column, or <see langword="null"/> in a table without columns.</summary>
    public ColumnDefinition? Column { get; }

    /// <summary>The kind of number the cell holds.</summary>
    public ValueKind Kind { get; }

    /// <summary>The unit, when printed or fixed by the format.</summary>
    public string? Unit { get; }

    /// <summary>The cell's index in <see cref="ReportSchema.Cells"/>.</summary>
    public int Slot { get; internal set; }

    /// <summary>A human label: the row label, and the column label after a slash.</summary>
    public string Label => Column is null ? Row.Label : $"{Row.Label} / {Column.Label}";

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Label})";
}
