using System.Globalization;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.Json;

/// <summary>
/// The canonical JSON form of a report (documented by <c>rules/schema/report.schema.json</c>): read with every
/// problem named by file, line and cell; written so that reading it back gives the same report.
/// </summary>
public static class ReportJson
{
    /// <summary>The largest JSON text accepted, in characters (guards against huge inputs).</summary>
    public const int MaxLength = ProcessingLimits.MaxReportJsonBytes;

    /// <summary>The deepest nesting accepted.</summary>
    public const int MaxDepth = ProcessingLimits.MaxReportJsonDepth;

    /// <summary>Reads a report from a file.</summary>
    /// <exception cref="ReportLoadException">The file is not a valid report; the message names file, line and cell.</exception>
    public static AnnualReport ReadFile(string path)
    {
        if (IO.SafeFile.KindOf(path) == IO.FileKind.Missing)
        {
            throw new ReportLoadException(path, null, null, "file not found");
        }

        var text = IO.SafeFile.ReadAllText(path, MaxLength, size =>
            new ReportLoadException(path, null, null, string.Create(CultureInfo.InvariantCulture, $"file is {size:N0} bytes; the limit for a report JSON is {MaxLength:N0}")));
        var report = Read(text, path);
        report.Source ??= path;
        return report;
    }

    /// <summary>Reads a report from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="fileName">The name used in error messages.</param>
    /// <exception cref="ReportLoadException">The text is not a valid report.</exception>
    public static AnnualReport Read(string json, string fileName = "<json>")
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxLength)
        {
            throw new ReportLoadException(fileName, null, null, string.Create(CultureInfo.InvariantCulture, $"text is {json.Length:N0} characters; the limit is {MaxLength:N0}"));
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            throw new ReportLoadException(fileName, null, null, "file is empty");
        }

        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
                MaxDepth = MaxDepth,
            };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    throw new JsonReaderException($"unexpected content after the report object", reader.Path, reader.LineNumber, reader.LinePosition, null);
                }
            }

            root = token as JObject ?? throw new ReportLoadException(fileName, Line(token), null, $"expected a JSON object, found {token.Type}");
        }
        catch (JsonReaderException e)
        {
            throw new ReportLoadException(fileName, e.LineNumber == 0 ? null : e.LineNumber, CellFromPath(e.Path), $"not valid JSON: {Clean(e.Message)}", e);
        }
        catch (OverflowException e)
        {
            throw new ReportLoadException(fileName, null, null, $"a number is out of range: {e.Message}", e);
        }

        return FromObject(root, fileName);
    }

    private static AnnualReport FromObject(JObject root, string fileName)
    {
        var schemaToken = root["schema"];
        if (schemaToken?.Type != JTokenType.String || !SchemaVersions.TryParse((string?)schemaToken, out var version))
        {
            throw new ReportLoadException(fileName, Line(schemaToken ?? root), null, "'schema' must be \"pre2019\", \"2019\" or \"2021\"");
        }

        var yearToken = root["year"];
        if (yearToken?.Type != JTokenType.Integer)
        {
            throw new ReportLoadException(fileName, Line(yearToken ?? root), null, "'year' must be a whole number (the report year)");
        }

        int year;
        try
        {
            year = (int)yearToken;
        }
        catch (OverflowException)
        {
            throw new ReportLoadException(fileName, Line(yearToken), null, $"'year' {yearToken} is out of range");
        }

        if (root["agency"] is not JObject agencyObject || agencyObject["name"]?.Type != JTokenType.String)
        {
            throw new ReportLoadException(fileName, Line(root["agency"] ?? root), null, "'agency' must be an object with a \"name\" string");
        }

        var levelText = (string?)agencyObject["level"] ?? "unknown";
        if (!Enum.TryParse<AgencyLevel>(levelText, ignoreCase: true, out var level) || int.TryParse(levelText, out _))
        {
            throw new ReportLoadException(fileName, Line(agencyObject["level"]!), null, $"unknown agency level '{levelText}' ({string.Join(", ", Enum.GetNames<AgencyLevel>().Select(n => n.ToLowerInvariant()))})");
        }

        var schema = SchemaCatalog.Get(version);
        string? variant = null;
        if (root["variant"] is { } variantToken && variantToken.Type != JTokenType.Null)
        {
            if (variantToken.Type != JTokenType.String || !SchemaCatalog.TryGetVariant(version, (string)variantToken!, out var variantSchema))
            {
                throw new ReportLoadException(fileName, Line(variantToken), null,
                    $"'variant' must name a variant of schema {version.ToToken()} ({(schema.Variants.Count == 0 ? "it has none" : string.Join(", ", schema.Variants.Select(v => $"\"{v.Variant!.Id}\"")))})");
            }

            variant = variantSchema.Variant!.Id;
            schema = variantSchema;
        }

        var report = new AnnualReport
        {
            Agency = new Agency((string)agencyObject["name"]!, level, (string?)agencyObject["parent"]),
            Year = year,
            Schema = version,
            Variant = variant,
            Source = (string?)root["source"]?["file"],
        };

        try
        {
            if (root["source"] is JObject src)
            {
                report.Input = new InputInfo
                {
                    Format = (string?)src["format"] ?? "json",
                    Encoding = (string?)src["encoding"],
                    HasText = (bool?)src["hasText"] ?? false,
                    Notes = src["notes"] is JArray notes ? notes.Select(n => (string)n!).ToList() : [],
                };
            }
        }
        catch (Exception e) when (IsWrongType(e))
        {
            throw new ReportLoadException(fileName, Line(root["source"]), null, $"'source' has a value of the wrong type: {Clean(e.Message)}", e);
        }

        if (root["cells"] is { } cellsToken)
        {
            if (cellsToken is not JObject cells)
            {
                throw new ReportLoadException(fileName, Line(cellsToken), null, "'cells' must be an object keyed by cell id");
            }

            foreach (var property in cells.Properties())
            {
                if (!schema.TryGetCell(new CellId(property.Name), out var definition))
                {
                    var inVariant = variant is null ? SchemaCatalog.Get(version).Variants.FirstOrDefault(v => v.TryGetCell(new CellId(property.Name), out _)) : null;
                    throw new ReportLoadException(fileName, Line(property), property.Name, inVariant is not null
                        ? $"the cell belongs to the printed variant \"{inVariant.Variant!.Id}\" of schema {version.ToToken()} ({inVariant.Variant.Title.En}); add \"variant\": \"{inVariant.Variant.Id}\" to the report"
                        : $"schema {version.ToToken()}{(variant is null ? "" : $" (variant {variant})")} has no such cell (see docs/schemas.md){Suggest(schema, property.Name)}");
                }

                CellValue value;
                try
                {
                    value = ReadCell(property.Value, fileName, property.Name);
                }
                catch (Exception e) when (IsWrongType(e))
                {
                    throw new ReportLoadException(fileName, Line(property.Value), property.Name, $"a property of the cell has the wrong type: {Clean(e.Message)}", e);
                }

                if (value.State == CellState.Number && definition.Kind != ValueKind.Amount && value.Number is { } n && n != decimal.Truncate(n))
                {
                    // Kept as read: the rules report a fractional count; the reader never rounds.
                }

                report.Cells[definition.Id] = value;
            }
        }

        var part = "sections";
        try
        {
            if (root["sections"] is JArray sections)
            {
                foreach (var s in sections)
                {
                    report.Sections.Add(new ReportSection((string?)s["numeral"], (string?)s["title"] ?? (string?)s["text"] ?? "", (int?)s["line"] ?? 0, (string?)s["id"]) { Text = (string?)s["body"] });
                }
            }

            part = "tables";
            if (root["tables"] is JArray tables)
            {
                foreach (var t in tables)
                {
                    report.Tables.Add(new TableSeen((string)t["id"]!, (int?)t["line"] ?? 0, (string?)t["note"]) { Unread = (string?)t["unread"], UnreadCells = (int?)t["unreadCells"] ?? 0 });
                }
            }

            part = "claims";
            if (root["claims"] is JArray claims)
            {
                foreach (var c in claims)
                {
                    // The serializer does not enforce required members: a claim without its text or location (or null) is refused here.
                    var claim = c is JObject ? c.ToObject<NarrativeClaim>(JsonSerializer.Create(Settings)) : null;
                    if (claim?.Text is null || claim.Parts is null || claim.Parts.Any(part => part?.Text is null))
                    {
                        throw new ReportLoadException(fileName, Line(c), null, "'claims' entries (and their parts) must be objects with \"kind\" and \"text\"");
                    }

                    report.Claims.Add(claim);
                }
            }
        }
        catch (Exception e) when (IsWrongType(e))
        {
            throw new ReportLoadException(fileName, Line(root[part]), null, $"'{part}' has a value of the wrong type: {Clean(e.Message)}", e);
        }

        return report;
    }

    private static CellValue ReadCell(JToken token, string fileName, string cell)
    {
        switch (token.Type)
        {
            case JTokenType.Null:
                return new CellValue { State = CellState.Blank };
            case JTokenType.Integer or JTokenType.Float:
                return CellValue.Of(Number(token, fileName, cell));
            case JTokenType.String:
                return CellValue.Parse((string?)token);
            case JTokenType.Object:
            {
                var o = (JObject)token;
                var raw = (string?)o["raw"];
                var valueToken = o["value"];
                SourceLocation? location = o["line"] is { Type: JTokenType.Integer } l
                    ? new SourceLocation((int)l, (int?)o["column"]) { Page = (int?)o["page"], X = (double?)o["x"], Y = (double?)o["y"] }
                    : null;
                CellValue value;
                if (valueToken is null || valueToken.Type == JTokenType.Null)
                {
                    value = raw is null ? new CellValue { State = CellState.Blank } : CellValue.Parse(raw);
                    if (value.State == CellState.Number)
                    {
                        // raw text with a number but "value": null — trust the explicit null only if state says so.
                        value = (string?)o["state"] == "blank" ? new CellValue { State = CellState.Blank, Raw = raw } : value;
                    }
                }
                else if (valueToken.Type is JTokenType.Integer or JTokenType.Float)
                {
                    value = new CellValue { State = CellState.Number, Number = Number(valueToken, fileName, cell), Raw = raw };
                }
                else
                {
                    throw new ReportLoadException(fileName, Line(valueToken), cell, $"'value' must be a number or null, found {valueToken.Type}");
                }

                if ((string?)o["state"] is { } stateText)
                {
                    if (!Enum.TryParse<CellState>(stateText, ignoreCase: true, out var state) || state == CellState.Absent)
                    {
                        throw new ReportLoadException(fileName, Line(o["state"]!), cell, $"unknown state '{stateText}' (number, blank, placeholder, unreadable)");
                    }

                    value = value with { State = state };
                }

                return value with { Note = (string?)o["note"] ?? value.Note, Location = location, Reconstructed = (bool?)o["reconstructed"] ?? false };
            }

            default:
                throw new ReportLoadException(fileName, Line(token), cell, $"a cell value must be a number, null, a string or an object, found {token.Type}");
        }
    }

    private static decimal Number(JToken token, string fileName, string cell)
    {
        try
        {
            return token.Type == JTokenType.Integer && token is JValue { Value: System.Numerics.BigInteger }
                ? throw new OverflowException()
                : token.Value<decimal>();
        }
        catch (Exception e) when (e is OverflowException or FormatException or InvalidCastException)
        {
            throw new ReportLoadException(fileName, Line(token), cell, $"number {token.ToString(Formatting.None)} is out of range");
        }
    }

    /// <summary>Writes a report as canonical JSON (indented, cells in id order).</summary>
    public static string Write(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cells = new JObject();
        foreach (var (id, value) in report.Cells)
        {
            cells[id.Value] = WriteCell(value);
        }

        var root = new JObject
        {
            ["formatVersion"] = 1,
            ["agency"] = new JObject
            {
                ["name"] = report.Agency.Name,
                ["level"] = report.Agency.Level.ToString().ToLowerInvariant(),
            },
            ["year"] = report.Year,
            ["schema"] = report.Schema.ToToken(),
        };
        if (report.Variant is { } variant)
        {
            root["variant"] = variant;
        }

        if (report.Agency.Parent is { } parent)
        {
            ((JObject)root["agency"]!)["parent"] = parent;
        }

        if (report.Source is not null || report.Input is not null)
        {
            var source = new JObject();
            if (report.Source is { } file)
            {
                source["file"] = file;
            }

            if (report.Input is { } input)
            {
                source["format"] = input.Format;
                if (input.Encoding is { } enc)
                {
                    source["encoding"] = enc;
                }

                source["hasText"] = input.HasText;
                if (input.Notes.Count > 0)
                {
                    source["notes"] = new JArray(input.Notes);
                }
            }

            root["source"] = source;
        }

        root["cells"] = cells;
        if (report.Sections.Count > 0)
        {
            root["sections"] = new JArray(report.Sections.Select(s =>
            {
                var o = new JObject { ["numeral"] = s.Numeral, ["title"] = s.Title, ["line"] = s.Line, ["id"] = s.SectionId };
                if (s.Text is not null)
                {
                    o["body"] = s.Text;
                }

                return o;
            }));
        }

        if (report.Tables.Count > 0)
        {
            root["tables"] = new JArray(report.Tables.Select(t =>
            {
                var o = new JObject { ["id"] = t.TableId, ["line"] = t.Line, ["note"] = t.Note };
                if (t.Unread is not null)
                {
                    o["unread"] = t.Unread;
                    o["unreadCells"] = t.UnreadCells;
                }

                return o;
            }));
        }

        if (report.Claims.Count > 0)
        {
            root["claims"] = JArray.FromObject(report.Claims, JsonSerializer.Create(Settings));
        }

        return root.ToString(Formatting.Indented);
    }

    private static JToken WriteCell(CellValue value)
    {
        var simple = value.Location is null && value.Note is null && !value.Reconstructed;
        switch (value.State)
        {
            case CellState.Number when simple && (value.Raw is null || value.Raw == value.Number!.Value.ToString(CultureInfo.InvariantCulture)):
                return new JValue(value.Number!.Value);
            case CellState.Blank when simple && string.IsNullOrEmpty(value.Raw):
                return JValue.CreateNull();
            case CellState.Placeholder or CellState.Unreadable when simple && value.Raw is not null && CellValue.Parse(value.Raw).State == value.State:
                return new JValue(value.Raw);
        }

        var o = new JObject
        {
            ["value"] = value.Number is { } n ? new JValue(n) : JValue.CreateNull(),
            ["state"] = value.State.ToString().ToLowerInvariant(),
        };
        if (value.Raw is not null)
        {
            o["raw"] = value.Raw;
        }

        if (value.Note is not null)
        {
            o["note"] = value.Note;
        }

        if (value.Location is { } loc)
        {
            o["line"] = loc.Line;
            if (loc.Column is { } col)
            {
                o["column"] = col;
            }

            if (loc.Page is { } page)
            {
                o["page"] = page;
            }

            if (loc.X is { } x && loc.Y is { } y)
            {
                o["x"] = x;
                o["y"] = y;
            }
        }

        if (value.Reconstructed)
        {
            o["reconstructed"] = true;
        }

        return o;
    }

    /// <summary>Serializer settings for the model: camelCase, enums as strings, never type names from input.</summary>
    internal static JsonSerializerSettings Settings { get; } = new()
    {
        TypeNameHandling = TypeNameHandling.None,
        MaxDepth = MaxDepth,
        NullValueHandling = NullValueHandling.Ignore,
        ContractResolver = new Newtonsoft.Json.Serialization.DefaultContractResolver { NamingStrategy = new Newtonsoft.Json.Serialization.CamelCaseNamingStrategy() },
        Converters = { new Newtonsoft.Json.Converters.StringEnumConverter(new Newtonsoft.Json.Serialization.CamelCaseNamingStrategy()), new CellIdConverter() },
        Culture = CultureInfo.InvariantCulture,
    };

    private static string Suggest(ReportSchema schema, string name)
    {
        var row = new CellId(name).Row;
        var candidates = schema.Cells.Where(c => c.Row.Id == row || c.Id.Value.StartsWith(row, StringComparison.Ordinal)).Take(3).Select(c => c.Id.Value).ToList();
        return candidates.Count > 0 ? $"; cells of that row: {string.Join(", ", candidates)}" : "";
    }

    private static bool IsWrongType(Exception e) => e is ArgumentException or FormatException or InvalidCastException or OverflowException or JsonException;

    private static int? Line(JToken? token) => token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    /// <summary>The cell id in a JSON path such as <c>cells['review.total']</c> or <c>cells.total</c>, or <see langword="null"/>.</summary>
    private static string? CellFromPath(string? path)
    {
        if (path is null || !path.StartsWith("cells", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path["cells".Length..];
        if (rest.StartsWith("['", StringComparison.Ordinal))
        {
            var end = rest.IndexOf("']", 2, StringComparison.Ordinal);
            return end > 2 ? rest[2..end] : null;
        }

        if (rest.StartsWith('.') && rest.Length > 1)
        {
            var stop = rest.IndexOfAny(['.', '['], 1);
            return stop < 0 ? rest[1..] : rest[1..stop];
        }

        return null;
    }

    private static string Clean(string message)
    {
        var i = message.IndexOf(" Path '", StringComparison.Ordinal);
        return (i > 0 ? message[..i] : message).Replace("\0", "end of file", StringComparison.Ordinal);
    }

    private sealed class CellIdConverter : JsonConverter<CellId>
    {
        public override CellId ReadJson(JsonReader reader, Type objectType, CellId existingValue, bool hasExistingValue, JsonSerializer serializer) =>
            new((string?)reader.Value ?? "");

        public override void WriteJson(JsonWriter writer, CellId value, JsonSerializer serializer) => writer.WriteValue(value.Value);
    }
}
