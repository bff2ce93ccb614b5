using GovStatsValidation.Schemas;

namespace GovStatsValidation.Readers.Schema;

// The reader's view of a format: the core's ReportSchema (rules/tables/*.table.json, read by the core's one loader)
// flattened into what label matching and alignment need. Built from the core's description, never from the files.

/// <summary>A row of a schema table, flattened with its ancestry.</summary>
internal sealed class SchemaRow
{
    public required string Id { get; init; }
    public required SchemaTable Table { get; init; }
    public SchemaRow? Parent { get; init; }
    public required IReadOnlyList<string> Labels { get; init; }
    public string? Kind { get; init; }
    public string? Unit { get; init; }
    public int Order { get; init; }

    /// <summary>Rows that carry their own numbers (not headers, not derived group labels).</summary>
    public bool HasValue => Kind is not ("header" or "derived");

    public IReadOnlyList<string> Chain()
    {
        var list = new List<string>();
        for (var r = this; r is not null; r = r.Parent)
        {
            list.Add(r.Id);
        }

        list.Add(Table.Id);
        list.Reverse();
        return list;
    }
}

internal sealed class SchemaColumn
{
    public required string Id { get; init; }
    public required IReadOnlyList<string> Labels { get; init; }
    public string? Role { get; init; }

    /// <summary>The value column of a variant whose cells keep the plain row ids (本年度 beside 历年累计).</summary>
    public bool KeepsRowId { get; init; }
}

internal sealed class SchemaTable
{
    public required string Id { get; init; }
    public string? Section { get; init; }
    public string? Caption { get; init; }
    public IReadOnlyList<SchemaColumn> Columns { get; set; } = [];
    public List<SchemaRow> Rows { get; } = [];

    public IEnumerable<SchemaRow> ValueRows => Rows.Where(r => r.HasValue);

    /// <summary>The cell id of a row in a column: <c>row[column]</c>, the plain row id in a table without columns and in
    /// the column a variant keeps the row ids for (本年度).</summary>
    public static string CellId(SchemaRow row, SchemaColumn? column) =>
        column is null || column.KeepsRowId ? row.Id : $"{row.Id}[{column.Id}]";

    /// <summary>The value cells of a row, in column order.</summary>
    public IEnumerable<string> CellIds(SchemaRow row) =>
        Columns.Count == 0 ? [row.Id] : Columns.Select(c => CellId(row, c));
}

internal sealed class SchemaSection
{
    public required string Id { get; init; }
    public string? Numeral { get; init; }
    public required IReadOnlyList<string> Headings { get; init; }
}

/// <summary>One table schema (pre2019, 2019, 2021), or a printed variant of one, as the reader needs it.</summary>
internal sealed class TableSchema
{
    public required string Id { get; init; }
    public required IReadOnlyList<string> Detect { get; init; }
    public int YearFrom { get; init; }
    public int YearTo { get; init; }
    public required IReadOnlyList<SchemaTable> Tables { get; init; }
    public required IReadOnlyList<SchemaSection> Sections { get; init; }

    /// <summary>The variant's id (<c>two-column</c>), or null for the format as the national standard prints it.</summary>
    public string? Variant { get; init; }

    /// <summary>For a variant: the words of a table's header that show it is printed (历年累计).</summary>
    public IReadOnlyList<string> VariantDetect { get; init; } = [];

    /// <summary>The printed variants of the format (empty for a variant itself).</summary>
    public IReadOnlyList<TableSchema> Variants { get; init; } = [];

    /// <summary>The core's description this was built from.</summary>
    public required ReportSchema Definition { get; init; }

    public IEnumerable<SchemaRow> AllRows => Tables.SelectMany(t => t.Rows);

    /// <summary>The reader's view of a core description, with its variants.</summary>
    public static TableSchema From(ReportSchema schema) => Build(schema, schema.Variants.Select(v => Build(v, [])).ToList());

    private static TableSchema Build(ReportSchema schema, IReadOnlyList<TableSchema> variants)
    {
        var tables = new List<SchemaTable>();
        var order = 0;
        foreach (var t in schema.Tables)
        {
            var table = new SchemaTable { Id = t.Id, Section = t.SectionId, Caption = t.Caption };
            if (t.Columns.Count > 0)
            {
                table.Columns = t.Columns.Select(c => Column(c, keepsRowId: false)).ToList();
            }
            else if (t.ExtraColumns.Count > 0)
            {
                // A variant's label | unit | value table with more value columns: the first (本年度) keeps the row ids.
                var current = t.CurrentColumn ?? new ColumnDefinition("current", "本年度", [], null, null, false);
                table.Columns = [Column(current, keepsRowId: true), .. t.ExtraColumns.Select(c => Column(c, keepsRowId: false))];
            }

            void Add(Schemas.SchemaRow r, SchemaRow? parent)
            {
                var row = new SchemaRow
                {
                    Id = r.Id,
                    Table = table,
                    Parent = parent,
                    Labels = [r.Label, .. r.Variants],
                    Kind = r.Kind switch
                    {
                        RowKind.Header => "header",
                        RowKind.Derived => "derived",
                        _ => r.ValueKind switch { ValueKind.Amount => "amount", ValueKind.SignedCount => "signed", _ => null },
                    },
                    Unit = r.Unit,
                    Order = order++,
                };
                table.Rows.Add(row);
                foreach (var c in r.Children)
                {
                    Add(c, row);
                }
            }

            foreach (var r in t.Rows)
            {
                Add(r, null);
            }

            tables.Add(table);
        }

        return new TableSchema
        {
            Id = schema.Version.ToToken(),
            Detect = schema.DetectionLabels,
            YearFrom = schema.FirstYear,
            YearTo = schema.LastYear,
            Tables = tables,
            Sections = schema.Sections.Select(s => new SchemaSection { Id = s.Id, Numeral = s.Numeral, Headings = [s.Heading, .. s.Variants] }).ToList(),
            Variant = schema.Variant?.Id,
            VariantDetect = schema.Variant?.DetectionLabels ?? [],
            Variants = variants,
            Definition = schema,
        };
    }

    private static SchemaColumn Column(ColumnDefinition c, bool keepsRowId) =>
        new() { Id = c.Id, Role = c.IsTotal ? "total" : null, Labels = [c.Label, .. c.Variants], KeepsRowId = keepsRowId };

    /// <summary>The descriptions of a directory of <c>*.table.json</c> files, read by the core's loader.</summary>
    public static IReadOnlyList<TableSchema> LoadDirectory(string directory) =>
        SchemaCatalog.LoadDirectory(directory).Select(From).ToList();

    /// <summary>The table descriptions embedded in the core assembly (the same files as <c>rules/tables</c>).</summary>
    public static IReadOnlyList<TableSchema> LoadBuiltIn() => SchemaCatalog.All.Select(From).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
}
