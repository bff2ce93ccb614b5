using Newtonsoft.Json.Linq;

namespace GovStatsValidation.Schemas;

/// <summary>The three table formats, loaded once from the embedded <c>rules/tables/*.table.json</c>.</summary>
public static class SchemaCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<SchemaVersion, ReportSchema>> Loaded = new(LoadEmbedded);

    /// <summary>All formats, oldest first.</summary>
    public static IReadOnlyList<ReportSchema> All => SchemaVersions.All.Select(Get).ToList();

    /// <summary>The format description for a version.</summary>
    public static ReportSchema Get(SchemaVersion version) => Loaded.Value[version];

    private static IReadOnlyDictionary<SchemaVersion, ReportSchema> LoadEmbedded()
    {
        var result = new Dictionary<SchemaVersion, ReportSchema>();
        foreach (var name in EmbeddedData.List("rules/tables/"))
        {
            var schema = SchemaDefinitionReader.Read(EmbeddedData.ReadText(name), name);
            result.Add(schema.Version, schema);
        }

        foreach (var version in SchemaVersions.All)
        {
            if (!result.ContainsKey(version))
            {
                throw new InvalidOperationException($"No embedded table description for schema {version.ToToken()}.");
            }
        }

        return result;
    }
}

/// <summary>Reads a <c>*.table.json</c> description into a <see cref="ReportSchema"/>.</summary>
internal static class SchemaDefinitionReader
{
    public static ReportSchema Read(string json, string fileName)
    {
        var root = JObject.Parse(json);
        var token = (string?)root["id"] ?? throw Fail(fileName, "missing 'id'");
        if (!SchemaVersions.TryParse(token, out var version))
        {
            throw Fail(fileName, $"unknown schema id '{token}'");
        }

        var groups = new Dictionary<string, IReadOnlyList<ColumnDefinition>>(StringComparer.Ordinal);
        if (root["columnGroups"] is JObject groupObject)
        {
            foreach (var (name, value) in groupObject)
            {
                groups[name] = ((JArray)value!).Select(c => new ColumnDefinition(
                    (string)c["id"]!, (string)c["label"]!, Strings(c["variants"]),
                    ParseKind((string?)c["kind"]), (string?)c["unit"], (string?)c["role"] == "total")).ToList();
            }
        }

        var tables = new List<TableDefinition>();
        foreach (var t in (JArray)root["tables"]!)
        {
            var columns = (string?)t["columns"] is { } groupName
                ? groups.TryGetValue(groupName, out var g) ? g : throw Fail(fileName, $"table '{t["id"]}' names unknown column group '{groupName}'")
                : [];
            var rows = ((JArray)t["rows"]!).Select(r => ReadRow((JObject)r, columns, fileName)).ToList();
            tables.Add(new TableDefinition((string)t["id"]!, Text(t["title"]), (string?)t["caption"], (string?)t["section"],
                (bool?)t["required"] ?? false, columns, rows));
        }

        var sections = root["sections"] is JArray s
            ? s.Select(x => new SectionDefinition((string)x["id"]!, (string)x["numeral"]!, (string)x["heading"]!, Strings(x["variants"]))).ToList()
            : [];
        var years = root["years"]!;
        return new ReportSchema(version, Text(root["title"]), (int)years["from"]!, (int)years["to"]!,
            (string?)root["legalBasis"] ?? "", Strings(root["detect"]), sections, tables);
    }

    private static SchemaRow ReadRow(JObject r, IReadOnlyList<ColumnDefinition> columns, string fileName)
    {
        var id = (string?)r["id"] ?? throw Fail(fileName, "a row has no 'id'");
        var kind = (string?)r["kind"] switch
        {
            null or "count" or "signed" or "amount" => RowKind.Value,
            "header" => RowKind.Header,
            "derived" => RowKind.Derived,
            var other => throw Fail(fileName, $"row '{id}' has unknown kind '{other}'"),
        };
        var role = (string?)r["role"] switch
        {
            null or "part" => RowRole.Part,
            "of-which" => RowRole.OfWhich,
            "related" => RowRole.Related,
            var other => throw Fail(fileName, $"row '{id}' has unknown role '{other}'"),
        };
        var valueKind = ParseKind((string?)r["kind"]) ?? ValueKind.Count;
        var unit = (string?)r["unit"];
        var row = new SchemaRow(id, (string)r["label"]!, Strings(r["variants"]), unit, kind, role, valueKind,
            (int?)r["since"], (string?)r["context"]);

        if (kind == RowKind.Value)
        {
            if (columns.Count == 0)
            {
                row.AddCell(new CellDefinition(new CellId(id), row, null, valueKind, unit));
            }
            else
            {
                foreach (var column in columns)
                {
                    row.AddCell(new CellDefinition(CellId.Of(id, column.Id), row, column, column.Kind ?? valueKind, column.Unit ?? unit));
                }
            }
        }

        if (r["children"] is JArray children)
        {
            foreach (var child in children)
            {
                row.AddChild(ReadRow((JObject)child, columns, fileName));
            }
        }

        return row;
    }

    private static ValueKind? ParseKind(string? kind) => kind switch
    {
        "signed" => ValueKind.SignedCount,
        "amount" => ValueKind.Amount,
        "count" => ValueKind.Count,
        _ => null,
    };

    private static LocalizedText Text(JToken? token) =>
        token is null ? new LocalizedText("", "") : new LocalizedText((string?)token["zh"] ?? "", (string?)token["en"] ?? "");

    private static IReadOnlyList<string> Strings(JToken? token) =>
        token is JArray a ? a.Select(x => (string)x!).ToList() : [];

    private static InvalidOperationException Fail(string fileName, string message) =>
        new($"{fileName}: {message}");
}
