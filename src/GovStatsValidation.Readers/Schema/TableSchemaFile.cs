using Newtonsoft.Json;

namespace GovStatsValidation.Readers.Schema;

// Small DTOs over rules/tables/*.table.json. Temporary: the core will expose a Schema API and the reader will switch to it.

internal sealed class TableSchemaFileDto
{
    [JsonProperty("id")] public string Id { get; set; } = "";
    [JsonProperty("detect")] public List<string> Detect { get; set; } = [];
    [JsonProperty("years")] public YearsDto? Years { get; set; }
    [JsonProperty("sections")] public List<SectionDto> Sections { get; set; } = [];
    [JsonProperty("columnGroups")] public Dictionary<string, List<ColumnDto>> ColumnGroups { get; set; } = [];
    [JsonProperty("tables")] public List<TableDto> Tables { get; set; } = [];
}

internal sealed class YearsDto
{
    [JsonProperty("from")] public int From { get; set; }
    [JsonProperty("to")] public int To { get; set; }
}

internal sealed class SectionDto
{
    [JsonProperty("id")] public string Id { get; set; } = "";
    [JsonProperty("numeral")] public string? Numeral { get; set; }
    [JsonProperty("heading")] public string Heading { get; set; } = "";
    [JsonProperty("variants")] public List<string> Variants { get; set; } = [];
}

internal sealed class ColumnDto
{
    [JsonProperty("id")] public string Id { get; set; } = "";
    [JsonProperty("label")] public string Label { get; set; } = "";
    [JsonProperty("variants")] public List<string> Variants { get; set; } = [];
    [JsonProperty("role")] public string? Role { get; set; }
    [JsonProperty("kind")] public string? Kind { get; set; }
}

internal sealed class TableDto
{
    [JsonProperty("id")] public string Id { get; set; } = "";
    [JsonProperty("section")] public string? Section { get; set; }
    [JsonProperty("caption")] public string? Caption { get; set; }
    [JsonProperty("columns")] public string? Columns { get; set; }
    [JsonProperty("rows")] public List<RowDto> Rows { get; set; } = [];
}

internal sealed class RowDto
{
    [JsonProperty("id")] public string Id { get; set; } = "";
    [JsonProperty("label")] public string Label { get; set; } = "";
    [JsonProperty("variants")] public List<string> Variants { get; set; } = [];
    [JsonProperty("kind")] public string? Kind { get; set; }
    [JsonProperty("unit")] public string? Unit { get; set; }
    [JsonProperty("children")] public List<RowDto> Children { get; set; } = [];
}

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
}

internal sealed class SchemaTable
{
    public required string Id { get; init; }
    public string? Section { get; init; }
    public string? Caption { get; init; }
    public IReadOnlyList<SchemaColumn> Columns { get; set; } = [];
    public List<SchemaRow> Rows { get; } = [];

    public IEnumerable<SchemaRow> ValueRows => Rows.Where(r => r.HasValue);
}

internal sealed class SchemaSection
{
    public required string Id { get; init; }
    public string? Numeral { get; init; }
    public required IReadOnlyList<string> Headings { get; init; }
}

/// <summary>One table schema (pre2019, 2019, 2021) as the reader needs it.</summary>
internal sealed class TableSchema
{
    public required string Id { get; init; }
    public required IReadOnlyList<string> Detect { get; init; }
    public int YearFrom { get; init; }
    public int YearTo { get; init; }
    public required IReadOnlyList<SchemaTable> Tables { get; init; }
    public required IReadOnlyList<SchemaSection> Sections { get; init; }

    public IEnumerable<SchemaRow> AllRows => Tables.SelectMany(t => t.Rows);

    public static TableSchema Parse(string json)
    {
        var dto = JsonConvert.DeserializeObject<TableSchemaFileDto>(json) ?? throw new InvalidDataException("Empty schema file.");
        var tables = new List<SchemaTable>();
        var order = 0;
        foreach (var t in dto.Tables)
        {
            var table = new SchemaTable { Id = t.Id, Section = t.Section, Caption = t.Caption };
            if (t.Columns is { } groupId && dto.ColumnGroups.TryGetValue(groupId, out var cols))
            {
                table.Columns = cols.Select(c => new SchemaColumn { Id = c.Id, Role = c.Role, Labels = [c.Label, .. c.Variants] }).ToList();
            }

            void Add(RowDto r, SchemaRow? parent)
            {
                var row = new SchemaRow
                {
                    Id = r.Id,
                    Table = table,
                    Parent = parent,
                    Labels = [r.Label, .. r.Variants],
                    Kind = r.Kind,
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
            Id = dto.Id,
            Detect = dto.Detect,
            YearFrom = dto.Years?.From ?? 0,
            YearTo = dto.Years?.To ?? 0,
            Tables = tables,
            Sections = dto.Sections.Select(s => new SchemaSection { Id = s.Id, Numeral = s.Numeral, Headings = [s.Heading, .. s.Variants] }).ToList(),
        };
    }

    public static IReadOnlyList<TableSchema> LoadDirectory(string directory)
    {
        var files = Directory.GetFiles(directory, "*.table.json");
        Array.Sort(files, StringComparer.Ordinal);
        return files.Select(f => Parse(File.ReadAllText(f))).ToList();
    }

    /// <summary>The table descriptions embedded in the core assembly (the same files as <c>rules/tables</c>).</summary>
    public static IReadOnlyList<TableSchema> LoadBuiltIn() =>
        EmbeddedData.List("rules/tables/").Select(name => Parse(EmbeddedData.ReadText(name))).ToList();
}
