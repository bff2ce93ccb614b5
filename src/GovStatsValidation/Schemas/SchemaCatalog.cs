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

    /// <summary>The description of a version as printed in a variant (<see langword="null"/>: the national form).</summary>
    /// <exception cref="KeyNotFoundException">The format has no such variant.</exception>
    public static ReportSchema Get(SchemaVersion version, string? variant) =>
        variant is null ? Get(version) : TryGetVariant(version, variant, out var schema) ? schema
            : throw new KeyNotFoundException($"Schema {version.ToToken()} has no variant '{variant}' (known: {string.Join(", ", Get(version).Variants.Select(v => v.Variant!.Id))}).");

    /// <summary>Finds a variant of a format by id.</summary>
    public static bool TryGetVariant(SchemaVersion version, string variant, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReportSchema? schema)
    {
        schema = Get(version).Variants.FirstOrDefault(v => v.Variant!.Id == variant);
        return schema is not null;
    }

    /// <summary>
    /// Reads a format description written as the embedded ones are (<c>rules/tables/*.table.json</c>: id, years, detection
    /// labels, sections, tables, variants), e.g. a corrected copy of a format kept outside the library.
    /// </summary>
    /// <param name="json">The description's JSON text.</param>
    /// <param name="sourceName">The file name or other source, named in error messages.</param>
    /// <returns>The description, with its <see cref="ReportSchema.Variants"/>.</returns>
    /// <exception cref="InvalidOperationException">The description is not valid (the message names <paramref name="sourceName"/> and the problem).</exception>
    public static ReportSchema ReadDescription(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        try
        {
            return SchemaDefinitionReader.Read(json, sourceName);
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new InvalidOperationException($"{sourceName}: not a valid table description: {e.Message}", e);
        }
    }

    /// <summary>Reads every <c>*.table.json</c> description of a directory (in ordinal order of the file names).</summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The descriptions.</returns>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="InvalidOperationException">A description is not valid (the message names the file).</exception>
    public static IReadOnlyList<ReportSchema> LoadDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var files = Directory.GetFiles(directory, "*.table.json");
        Array.Sort(files, StringComparer.Ordinal);
        return files.Select(f => ReadDescription(File.ReadAllText(f), f)).ToList();
    }

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

        var schema = Build(root, version, null, fileName);
        if (root["variants"] is JArray variants)
        {
            schema.Variants = variants.Select(v => ReadVariant(root, (JObject)v, version, fileName)).ToList();
        }

        return schema;
    }

    /// <summary>
    /// A variant: the format's description with the variant's changes applied (extra value columns on a table, rows
    /// printed instead of national rows, rows only the variant prints), read as a description of its own.
    /// </summary>
    private static ReportSchema ReadVariant(JObject root, JObject v, SchemaVersion version, string fileName)
    {
        var id = (string?)v["id"] ?? throw Fail(fileName, "a variant has no 'id'");
        var patched = (JObject)root.DeepClone();
        patched.Remove("variants");
        if (v["tables"] is JObject tables)
        {
            foreach (var (tableId, change) in tables)
            {
                var table = ((JArray)patched["tables"]!).OfType<JObject>().FirstOrDefault(t => (string?)t["id"] == tableId)
                    ?? throw Fail(fileName, $"variant '{id}' changes unknown table '{tableId}'");
                if (change!["currentColumn"] is JObject current)
                {
                    table["currentColumn"] = current.DeepClone();
                }

                if (change["extraColumns"] is JArray extra)
                {
                    table["extraColumns"] = extra.DeepClone();
                }

                foreach (var row in change["rows"] as JArray ?? [])
                {
                    PlaceRow(table, (JObject)row.DeepClone(), id, fileName);
                }
            }
        }

        return Build(patched, version, new SchemaVariant(id, Text(v["title"]), Strings(v["detect"])), fileName);
    }

    private static void PlaceRow(JObject table, JObject row, string variant, string fileName)
    {
        var rowId = (string?)row["id"] ?? throw Fail(fileName, $"variant '{variant}' adds a row without 'id'");
        var replaces = Strings(row["replaces"]);
        var after = (string?)row["after"];
        var parent = (string?)row["parent"];
        row.Remove("after");
        row.Remove("parent");
        var rows = (JArray)table["rows"]!;
        if (replaces.Count > 0)
        {
            var (list, index) = FindRow(rows, replaces[0]) ?? throw Fail(fileName, $"variant '{variant}': row '{rowId}' replaces unknown row '{replaces[0]}'");
            list.Insert(index, row);
            foreach (var replaced in replaces)
            {
                var (l, i) = FindRow(rows, replaced) ?? throw Fail(fileName, $"variant '{variant}': row '{rowId}' replaces unknown row '{replaced}'");
                l.RemoveAt(i);
            }
        }
        else if (after is not null)
        {
            var (list, index) = FindRow(rows, after) ?? throw Fail(fileName, $"variant '{variant}': row '{rowId}' is placed after unknown row '{after}'");
            list.Insert(index + 1, row);
        }
        else if (parent is not null)
        {
            var (list, index) = FindRow(rows, parent) ?? throw Fail(fileName, $"variant '{variant}': row '{rowId}' has unknown parent '{parent}'");
            var parentRow = (JObject)list[index];
            if (parentRow["children"] is not JArray children)
            {
                parentRow["children"] = children = [];
            }

            children.Add(row);
        }
        else
        {
            rows.Add(row);
        }
    }

    private static (JArray List, int Index)? FindRow(JArray rows, string id)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if ((string?)rows[i]["id"] == id)
            {
                return (rows, i);
            }

            if (rows[i]["children"] is JArray children && FindRow(children, id) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static ReportSchema Build(JObject root, SchemaVersion version, SchemaVariant? variant, string fileName)
    {
        var groups = new Dictionary<string, IReadOnlyList<ColumnDefinition>>(StringComparer.Ordinal);
        if (root["columnGroups"] is JObject groupObject)
        {
            foreach (var (name, value) in groupObject)
            {
                groups[name] = ((JArray)value!).Select(Column).ToList();
            }
        }

        var tables = new List<TableDefinition>();
        foreach (var t in (JArray)root["tables"]!)
        {
            var columns = (string?)t["columns"] is { } groupName
                ? groups.TryGetValue(groupName, out var g) ? g : throw Fail(fileName, $"table '{t["id"]}' names unknown column group '{groupName}'")
                : [];
            var extra = t["extraColumns"] is JArray e ? e.Select(Column).ToList() : [];
            if (extra.Count > 0 && columns.Count > 0)
            {
                throw Fail(fileName, $"table '{t["id"]}': extra columns are for label | unit | value tables only");
            }

            var rows = ((JArray)t["rows"]!).Select(r => ReadRow((JObject)r, columns, extra, fileName)).ToList();
            tables.Add(new TableDefinition((string)t["id"]!, Text(t["title"]), (string?)t["caption"], (string?)t["section"],
                (bool?)t["required"] ?? false, columns, rows, extra, t["currentColumn"] is JObject current ? Column(current) : null));
        }

        var sections = root["sections"] is JArray s
            ? s.Select(x => new SectionDefinition((string)x["id"]!, (string)x["numeral"]!, (string)x["heading"]!, Strings(x["variants"]))).ToList()
            : [];
        var years = root["years"]!;
        return new ReportSchema(version, Text(root["title"]), (int)years["from"]!, (int)years["to"]!,
            (string?)root["legalBasis"] ?? "", Strings(root["detect"]), sections, tables, variant);
    }

    private static ColumnDefinition Column(JToken c) => new(
        (string)c["id"]!, (string)c["label"]!, Strings(c["variants"]),
        ParseKind((string?)c["kind"]), (string?)c["unit"], (string?)c["role"] == "total");

    private static SchemaRow ReadRow(JObject r, IReadOnlyList<ColumnDefinition> columns, IReadOnlyList<ColumnDefinition> extra, string fileName)
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
            (int?)r["since"], (string?)r["context"])
        {
            Replaces = Strings(r["replaces"]),
        };

        if (kind == RowKind.Value)
        {
            if (columns.Count == 0)
            {
                row.AddCell(new CellDefinition(new CellId(id), row, null, valueKind, unit));
                foreach (var column in extra)
                {
                    row.AddCell(new CellDefinition(CellId.Of(id, column.Id), row, column, column.Kind ?? valueKind, column.Unit ?? unit));
                }
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
                row.AddChild(ReadRow((JObject)child, columns, extra, fileName));
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
