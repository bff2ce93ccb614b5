using GovStatsValidation.Json;
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
    /// <exception cref="DataFileLoadException">The description is not valid; every problem is listed with <paramref name="sourceName"/>, line and column.</exception>
    public static ReportSchema ReadDescription(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        return SchemaDefinitionReader.Read(json, sourceName);
    }

    /// <summary>Reads every <c>*.table.json</c> description of a directory (in ordinal order of the file names).</summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The descriptions.</returns>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="DataFileLoadException">A description is not valid: every problem of every file is listed, with the file's path and line; none of the descriptions is returned.</exception>
    public static IReadOnlyList<ReportSchema> LoadDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var files = Directory.GetFiles(directory, "*.table.json");
        Array.Sort(files, StringComparer.Ordinal);
        var problems = new List<DataFileProblem>();
        var schemas = new List<ReportSchema>();
        foreach (var path in files)
        {
            var file = DataFile.Read(path);
            if (SchemaDefinitionReader.Read(file) is { } schema)
            {
                schemas.Add(schema);
            }

            problems.AddRange(file.Problems);
        }

        return problems.Count > 0 ? throw new DataFileLoadException(problems) : schemas;
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

/// <summary>
/// Reads a <c>*.table.json</c> description into a <see cref="ReportSchema"/> through <see cref="DataFile"/>: every problem of the
/// file (unknown properties, wrong types, duplicate row or column ids, unknown column groups, variant changes naming unknown
/// tables or rows) is collected, and the description is built only when there is none.
/// </summary>
internal static class SchemaDefinitionReader
{
    private static readonly string[] RootProperties = ["id", "title", "years", "legalBasis", "detect", "sections", "columnGroups", "tables", "variants"];
    private static readonly string[] TableProperties = ["id", "title", "caption", "section", "required", "columns", "rows", "extraColumns", "currentColumn"];
    private static readonly string[] RowProperties = ["id", "label", "variants", "unit", "kind", "role", "since", "context", "replaces", "children"];
    private static readonly string[] ColumnProperties = ["id", "label", "variants", "kind", "unit", "role"];

    /// <exception cref="DataFileLoadException">The description has problems; all are listed.</exception>
    public static ReportSchema Read(string json, string fileName)
    {
        var file = DataFile.Parse(json, fileName);
        var schema = Read(file);
        file.ThrowIfAny();
        return schema!;
    }

    /// <summary>Reads a parsed description; <see langword="null"/> when the file has problems (they are in <paramref name="file"/>).</summary>
    public static ReportSchema? Read(DataFile file)
    {
        if (file.Root is not { } root)
        {
            return null;
        }

        file.CheckProperties(root, null, RootProperties);
        var token = file.GetString(root, "id", null, required: true);
        var version = SchemaVersion.Pre2019;
        if (token is not null && !SchemaVersions.TryParse(token, out version))
        {
            file.Report(root["id"], null, $"unknown schema id '{token}' (pre2019, 2019, 2021)");
        }

        var schema = Build(file, root, version, null);
        var variants = new List<ReportSchema>();
        var variantIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in file.GetObjects(root, "variants", null))
        {
            if (ReadVariant(file, root, v, version, variantIds) is { } variant)
            {
                variants.Add(variant);
            }
        }

        if (file.HasProblems || schema is null)
        {
            return null;
        }

        schema.Variants = variants;
        return schema;
    }

    /// <summary>
    /// A variant: the format's description with the variant's changes applied (extra value columns on a table, rows
    /// printed instead of national rows, rows only the variant prints), read as a description of its own.
    /// </summary>
    private static ReportSchema? ReadVariant(DataFile file, JObject root, JObject v, SchemaVersion version, HashSet<string> ids)
    {
        file.CheckProperties(v, null, "id", "title", "detect", "tables");
        var id = file.GetString(v, "id", null, required: true);
        if (id is null)
        {
            return null;
        }

        if (!ids.Add(id))
        {
            file.Report(v["id"], id, $"duplicate variant id '{id}'");
        }

        var title = file.GetText(v, "title", id) ?? new LocalizedText("", "");
        var detect = file.GetStrings(v, "detect", id);
        var patched = (JObject)root.DeepClone();
        patched.Remove("variants");
        var before = file.Problems.Count;
        if (file.GetObject(v, "tables", id) is { } tables)
        {
            foreach (var (tableId, change) in tables)
            {
                var table = (patched["tables"] as JArray ?? []).OfType<JObject>().FirstOrDefault(t => t["id"] is JValue { Type: JTokenType.String } tid && (string)tid! == tableId);
                if (table is null)
                {
                    file.Report(tables.Property(tableId), id, $"variant '{id}' changes unknown table '{tableId}'");
                    continue;
                }

                if (change is not JObject changeObject)
                {
                    file.Report(change, id, $"the change of table '{tableId}' must be an object");
                    continue;
                }

                file.CheckProperties(changeObject, id, "currentColumn", "extraColumns", "rows");
                if (file.GetObject(changeObject, "currentColumn", id) is { } current)
                {
                    table["currentColumn"] = current.DeepClone();
                }

                if (file.GetArray(changeObject, "extraColumns", id) is { } extra)
                {
                    table["extraColumns"] = extra.DeepClone();
                }

                foreach (var row in file.GetObjects(changeObject, "rows", id))
                {
                    PlaceRow(file, table, (JObject)row.DeepClone(), id);
                }
            }
        }

        // The base description's own problems are reported once, by the base; a variant is built only from a sound base.
        return file.HasProblems ? null : Build(file, patched, version, new SchemaVariant(id, title, detect));
    }

    private static void PlaceRow(DataFile file, JObject table, JObject row, string variant)
    {
        var rowId = file.GetString(row, "id", variant, required: true);
        if (rowId is null)
        {
            return;
        }

        var replaces = file.GetStrings(row, "replaces", rowId);
        var after = file.GetString(row, "after", rowId);
        var parent = file.GetString(row, "parent", rowId);
        row.Remove("after");
        row.Remove("parent");
        if (table["rows"] is not JArray rows)
        {
            return;
        }

        if (replaces.Count > 0)
        {
            var found = FindRow(rows, replaces[0]);
            var missing = replaces.Where(r => FindRow(rows, r) is null).ToList();
            foreach (var replaced in missing)
            {
                file.Report(row["replaces"], rowId, $"variant '{variant}': row '{rowId}' replaces unknown row '{replaced}'");
            }

            if (found is not { } place || missing.Count > 0)
            {
                return;
            }

            place.List.Insert(place.Index, row);
            foreach (var replaced in replaces)
            {
                var (l, i) = FindRow(rows, replaced)!.Value;
                l.RemoveAt(i);
            }
        }
        else if (after is not null)
        {
            if (FindRow(rows, after) is not { } place)
            {
                file.Report(row, rowId, $"variant '{variant}': row '{rowId}' is placed after unknown row '{after}'");
                return;
            }

            place.List.Insert(place.Index + 1, row);
        }
        else if (parent is not null)
        {
            if (FindRow(rows, parent) is not { } place)
            {
                file.Report(row, rowId, $"variant '{variant}': row '{rowId}' has unknown parent '{parent}'");
                return;
            }

            var parentRow = (JObject)place.List[place.Index];
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
            if (rows[i] is not JObject row)
            {
                continue;
            }

            if (row["id"] is JValue { Type: JTokenType.String } rid && (string)rid! == id)
            {
                return (rows, i);
            }

            if (row["children"] is JArray children && FindRow(children, id) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static ReportSchema? Build(DataFile file, JObject root, SchemaVersion version, SchemaVariant? variant)
    {
        var before = file.Problems.Count;
        var groups = new Dictionary<string, IReadOnlyList<ColumnDefinition>>(StringComparer.Ordinal);
        if (file.GetObject(root, "columnGroups", null) is { } groupObject)
        {
            foreach (var (name, value) in groupObject)
            {
                if (value is not JArray list)
                {
                    file.Report(value, name, $"column group '{name}' must be an array of columns");
                    continue;
                }

                groups[name] = Columns(file, list, name);
            }
        }

        var rowIds = new HashSet<string>(StringComparer.Ordinal);
        var tables = new List<TableDefinition>();
        var tableIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in file.GetObjects(root, "tables", null, required: true))
        {
            var tableId = file.GetString(t, "id", null, required: true);
            if (tableId is not null && !tableIds.Add(tableId))
            {
                file.Report(t["id"], tableId, $"duplicate table id '{tableId}'");
            }

            file.CheckProperties(t, tableId, TableProperties);
            IReadOnlyList<ColumnDefinition> columns = [];
            if (file.GetString(t, "columns", tableId) is { } groupName)
            {
                if (groups.TryGetValue(groupName, out var g))
                {
                    columns = g;
                }
                else
                {
                    file.Report(t["columns"], tableId, $"table '{tableId}' names unknown column group '{groupName}' (known: {string.Join(", ", groups.Keys)})");
                }
            }

            var extra = file.GetArray(t, "extraColumns", tableId) is { } e ? Columns(file, e, tableId) : [];
            if (extra.Count > 0 && columns.Count > 0)
            {
                file.Report(t["extraColumns"], tableId, $"table '{tableId}': extra columns are for label | unit | value tables only");
            }

            var current = file.GetObject(t, "currentColumn", tableId) is { } c ? Column(file, c, tableId) : null;
            var rows = file.GetObjects(t, "rows", tableId, required: true).Select(r => ReadRow(file, r, columns, extra, rowIds)).OfType<SchemaRow>().ToList();
            var title = file.GetText(t, "title", tableId) ?? new LocalizedText("", "");
            var caption = file.GetString(t, "caption", tableId);
            var section = file.GetString(t, "section", tableId);
            var required = file.GetBoolean(t, "required", tableId) ?? false;
            if (tableId is not null)
            {
                tables.Add(new TableDefinition(tableId, title, caption, section, required, columns, rows, extra, current));
            }
        }

        var sections = new List<SectionDefinition>();
        foreach (var x in file.GetObjects(root, "sections", null))
        {
            var sectionId = file.GetString(x, "id", null, required: true);
            file.CheckProperties(x, sectionId, "id", "numeral", "heading", "variants");
            var numeral = file.GetString(x, "numeral", sectionId, required: true);
            var heading = file.GetString(x, "heading", sectionId, required: true);
            var variants = file.GetStrings(x, "variants", sectionId);
            if (sectionId is not null && numeral is not null && heading is not null)
            {
                sections.Add(new SectionDefinition(sectionId, numeral, heading, variants));
            }
        }

        var schemaTitle = file.GetText(root, "title", null) ?? new LocalizedText("", "");
        var legalBasis = file.GetString(root, "legalBasis", null) ?? "";
        var detect = file.GetStrings(root, "detect", null);
        int? from = null, to = null;
        if (file.GetObject(root, "years", null, required: true) is { } years)
        {
            file.CheckProperties(years, null, "from", "to");
            from = file.GetInteger(years, "from", null, required: true);
            to = file.GetInteger(years, "to", null, required: true);
        }

        return file.Problems.Count > before || from is null || to is null
            ? null
            : new ReportSchema(version, schemaTitle, from.Value, to.Value, legalBasis, detect, sections, tables, variant);
    }

    private static List<ColumnDefinition> Columns(DataFile file, JArray list, string? owner)
    {
        var result = new List<ColumnDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in list)
        {
            if (element is not JObject o)
            {
                file.Report(element, owner, "a column must be an object");
                continue;
            }

            if (Column(file, o, owner) is { } column)
            {
                if (!ids.Add(column.Id))
                {
                    file.Report(o["id"], owner, $"duplicate column id '{column.Id}'");
                }

                result.Add(column);
            }
        }

        return result;
    }

    private static ColumnDefinition? Column(DataFile file, JObject c, string? owner)
    {
        var id = file.GetString(c, "id", owner, required: true);
        file.CheckProperties(c, id ?? owner, ColumnProperties);
        var label = file.GetString(c, "label", id ?? owner, required: true);
        var variants = file.GetStrings(c, "variants", id ?? owner);
        var kind = Kind(file, c, id ?? owner, allowRowKinds: false);
        var unit = file.GetString(c, "unit", id ?? owner);
        var role = file.GetString(c, "role", id ?? owner);
        if (role is not (null or "total"))
        {
            file.Report(c["role"], id ?? owner, $"unknown column role '{role}' (total)");
        }

        return id is null || label is null ? null : new ColumnDefinition(id, label, variants, kind.Value, unit, role == "total");
    }

    private static (RowKind Row, ValueKind? Value) Kind(DataFile file, JObject o, string? item, bool allowRowKinds)
    {
        var text = file.GetString(o, "kind", item);
        switch (text)
        {
            case null: return (RowKind.Value, null);
            case "count": return (RowKind.Value, ValueKind.Count);
            case "signed": return (RowKind.Value, ValueKind.SignedCount);
            case "amount": return (RowKind.Value, ValueKind.Amount);
            case "header" when allowRowKinds: return (RowKind.Header, null);
            case "derived" when allowRowKinds: return (RowKind.Derived, null);
            default:
                file.Report(o["kind"], item, $"unknown kind '{text}' ({(allowRowKinds ? "count, signed, amount, header, derived" : "count, signed, amount")})");
                return (RowKind.Value, null);
        }
    }

    private static SchemaRow? ReadRow(DataFile file, JObject r, IReadOnlyList<ColumnDefinition> columns, IReadOnlyList<ColumnDefinition> extra, HashSet<string> ids)
    {
        var id = file.GetString(r, "id", null, required: true);
        if (id is not null && !ids.Add(id))
        {
            file.Report(r["id"], id, $"duplicate row id '{id}' (the rows of a format have unique ids)");
        }

        file.CheckProperties(r, id, RowProperties);
        var kind = Kind(file, r, id, allowRowKinds: true);
        var role = file.GetString(r, "role", id) switch
        {
            null or "part" => RowRole.Part,
            "of-which" => RowRole.OfWhich,
            "related" => RowRole.Related,
            var other => Unknown(file, r["role"], id, $"unknown role '{other}' (part, of-which, related)", RowRole.Part),
        };
        var label = file.GetString(r, "label", id, required: true);
        var variants = file.GetStrings(r, "variants", id);
        var unit = file.GetString(r, "unit", id);
        var since = file.GetInteger(r, "since", id);
        var context = file.GetString(r, "context", id);
        var replaces = file.GetStrings(r, "replaces", id);
        var children = file.GetObjects(r, "children", id).Select(child => ReadRow(file, child, columns, extra, ids)).ToList();
        if (id is null || label is null)
        {
            return null;
        }

        var valueKind = kind.Value ?? ValueKind.Count;
        var row = new SchemaRow(id, label, variants, unit, kind.Row, role, valueKind, since, context) { Replaces = replaces };
        if (kind.Row == RowKind.Value)
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

        foreach (var child in children.OfType<SchemaRow>())
        {
            row.AddChild(child);
        }

        return row;
    }

    private static T Unknown<T>(DataFile file, JToken? at, string? item, string message, T fallback)
    {
        file.Report(at, item, message);
        return fallback;
    }
}
