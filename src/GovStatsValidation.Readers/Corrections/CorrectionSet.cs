using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.Readers.Corrections;

/// <summary>
/// One entry of a corrections file: which report (agency, year, source and the SHA-256 of its file), which cell, the value
/// as printed when it was corrected, the corrected value, why and by whom.
/// </summary>
public sealed record CorrectionEntry
{
    /// <summary>The report's source as shown in the run that made the correction (a path); used with the hash to find the report.</summary>
    public string? Source { get; init; }

    /// <summary>The report's agency.</summary>
    public required string Agency { get; init; }

    /// <summary>The report's year.</summary>
    public required int Year { get; init; }

    /// <summary>The SHA-256 of the report file the correction was made against (lower-case hex); <see langword="null"/> when unknown.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The cell id.</summary>
    public required CellId Cell { get; init; }

    /// <summary>The cell's value as printed when the correction was made (<see cref="CellCorrection.Printed"/>); empty for blank.</summary>
    public required string Published { get; init; }

    /// <summary>The corrected value; <see langword="null"/> for blank.</summary>
    public decimal? Value { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>Who.</summary>
    public required string By { get; init; }
}

/// <summary>
/// A corrections file (<c>rules/schema/corrections.schema.json</c>), exported from the HTML report or written by hand, and
/// applied to reports at reading time. JSON: <c>{"version":1,"corrections":[{"source","agency","year","sha256","cell",
/// "published","value","reason","by"}]}</c>. A correction applies to the report of the same agency and year whose file has
/// the same SHA-256; when the file at the same source has another hash, or the cell no longer prints the published value,
/// the correction is not applied and the report gets an <c>input.correction.not-applied</c> finding instead.
/// </summary>
public sealed class CorrectionSet
{
    /// <summary>The file format version.</summary>
    public const int FormatVersion = 1;

    private readonly ConcurrentDictionary<CorrectionEntry, bool> _used = new();

    /// <summary>Creates a set from entries (kept in a deterministic order: agency, year, source, cell).</summary>
    public CorrectionSet(IEnumerable<CorrectionEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries
            .OrderBy(e => e.Agency, StringComparer.Ordinal).ThenBy(e => e.Year).ThenBy(e => e.Source, StringComparer.Ordinal)
            .ThenBy(e => e.Cell.Value, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The corrections.</summary>
    public IReadOnlyList<CorrectionEntry> Entries { get; }

    /// <summary>The corrections that matched no report given to <see cref="Apply"/> so far (another report set, or a renamed and changed file).</summary>
    public IReadOnlyList<CorrectionEntry> Unmatched => Entries.Where(e => !_used.ContainsKey(e)).ToList();

    /// <summary>The SHA-256 of a file, lower-case hex (what <see cref="AnnualReport.SourceSha256"/> holds).</summary>
    public static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// Applies the corrections that belong to a report: each sets its cell to the corrected value and is recorded in
    /// <see cref="AnnualReport.Corrections"/> (the checker reports it as <c>input.corrected</c>); one whose file or cell changed
    /// is recorded as not applied (reported as <c>input.correction.not-applied</c>). Thread-safe for different reports.
    /// </summary>
    /// <param name="report">A report as read; <see cref="AnnualReport.SourceSha256"/> should hold its file's hash.</param>
    /// <returns>How many corrections were applied.</returns>
    public int Apply(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var hash = report.SourceSha256;
        var applied = 0;
        foreach (var entry in Entries)
        {
            if (entry.Year != report.Year || !string.Equals(entry.Agency, report.Agency.Name, StringComparison.Ordinal))
            {
                continue;
            }

            var sameFile = entry.Sha256 is null || hash is null || string.Equals(entry.Sha256, hash, StringComparison.OrdinalIgnoreCase);
            var sameSource = entry.Source is not null && report.Source is not null && SameSource(entry.Source, report.Source);
            if (!sameFile && !sameSource)
            {
                // Another file of the same agency and year (a second copy or another format): not this report's correction.
                continue;
            }

            _used[entry] = true;
            var correction = new CellCorrection
            {
                Cell = entry.Cell,
                Published = entry.Published,
                Value = entry.Value,
                Reason = entry.Reason,
                By = entry.By,
            };
            if (!sameFile)
            {
                report.Corrections.Add(correction with { Status = CorrectionStatus.ReportChanged, Found = hash });
                continue;
            }

            if (!report.SchemaDefinition.TryGetCell(entry.Cell, out _))
            {
                report.Corrections.Add(correction with { Status = CorrectionStatus.UnknownCell });
                continue;
            }

            var current = report.Cells[entry.Cell];
            var printed = CellCorrection.Printed(current);
            if (!SamePrinted(printed, entry.Published))
            {
                report.Corrections.Add(correction with { Status = CorrectionStatus.CellChanged, Found = printed });
                continue;
            }

            report.Cells[entry.Cell] = entry.Value is { } v
                ? new CellValue { State = CellState.Number, Number = v, Location = current.Location }
                : new CellValue { State = CellState.Blank, Location = current.Location };
            report.Corrections.Add(correction with { Status = CorrectionStatus.Applied });
            applied++;
        }

        return applied;
    }

    private static bool SameSource(string a, string b) =>
        string.Equals(a.Replace('\\', '/'), b.Replace('\\', '/'), StringComparison.Ordinal)
        || string.Equals(Path.GetFileName(a), Path.GetFileName(b), StringComparison.Ordinal);

    private static bool SamePrinted(string now, string then) =>
        string.Equals(now.Trim(), then.Trim(), StringComparison.Ordinal)
        || (CellValue.TryParseNumber(now, out var a) && CellValue.TryParseNumber(then, out var b) && a == b);

    /// <summary>Reads a corrections file.</summary>
    /// <exception cref="GovStatsValidationException">The file cannot be read or is not a valid corrections file; every problem is listed with its line.</exception>
    public static CorrectionSet Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GovStatsValidationException($"{path}: cannot read corrections: {e.Message}", e);
        }

        return Parse(text, path);
    }

    /// <summary>Parses corrections JSON.</summary>
    /// <exception cref="GovStatsValidationException">Not a valid corrections file; every problem is listed with its line.</exception>
    public static CorrectionSet Parse(string json, string fileName = "<corrections>")
    {
        ArgumentNullException.ThrowIfNull(json);
        JToken parsed;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            parsed = JToken.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            if (reader.Read())
            {
                throw new JsonReaderException($"unexpected content after the end of the document (line {reader.LineNumber})");
            }
        }
        catch (JsonReaderException e)
        {
            throw new GovStatsValidationException($"{fileName}({e.LineNumber}): corrections file is not valid JSON: {e.Message}", e);
        }

        var problems = new List<string>();
        if (parsed is not JObject root)
        {
            throw new GovStatsValidationException($"{fileName}: a corrections file is a JSON object {{\"version\":1,\"corrections\":[…]}}");
        }

        if (root["version"] is not JValue { Type: JTokenType.Integer } version || (long)version! != FormatVersion)
        {
            problems.Add(At(fileName, root["version"] ?? root, $"'version' must be {FormatVersion}"));
        }

        foreach (var property in root.Properties())
        {
            if (property.Name is not ("version" or "corrections") && !property.Name.StartsWith('$'))
            {
                problems.Add(At(fileName, property, $"unknown property '{property.Name}' (version, corrections)"));
            }
        }

        var entries = new List<CorrectionEntry>();
        if (root["corrections"] is not JArray array)
        {
            problems.Add(At(fileName, root["corrections"] ?? root, "'corrections' must be an array"));
            array = [];
        }

        var seen = new HashSet<(string, int, string?, string?, string)>();
        foreach (var token in array)
        {
            if (token is not JObject o)
            {
                problems.Add(At(fileName, token, "a correction must be an object"));
                continue;
            }

            foreach (var property in o.Properties())
            {
                if (Array.IndexOf(Fields, property.Name) < 0)
                {
                    problems.Add(At(fileName, property, $"unknown property '{property.Name}' ({string.Join(", ", Fields)})"));
                }
            }

            var agency = Text(o, "agency", fileName, problems, required: true);
            var cell = Text(o, "cell", fileName, problems, required: true);
            var reason = Text(o, "reason", fileName, problems, required: true);
            var by = Text(o, "by", fileName, problems, required: true);
            var published = o["published"] is JValue { Type: JTokenType.String } p ? (string)p! : null;
            if (published is null)
            {
                problems.Add(At(fileName, o["published"] ?? o, "'published' must be a string (the value as printed; \"\" for blank)"));
            }

            var source = Text(o, "source", fileName, problems, required: false);
            var sha = Text(o, "sha256", fileName, problems, required: false);
            if (sha is not null && (sha.Length != 64 || !sha.All(char.IsAsciiHexDigit)))
            {
                problems.Add(At(fileName, o["sha256"]!, "'sha256' must be 64 hexadecimal digits"));
                sha = null;
            }

            int? year = o["year"] is JValue { Type: JTokenType.Integer } y && (long)y! is >= 1 and <= 9999 ? (int)(long)y! : null;
            if (year is null)
            {
                problems.Add(At(fileName, o["year"] ?? o, "'year' must be an integer between 1 and 9999"));
            }

            decimal? value = null;
            switch (o["value"])
            {
                case JValue { Type: JTokenType.Integer or JTokenType.Float } v:
                    try
                    {
                        value = Convert.ToDecimal(v.Value, CultureInfo.InvariantCulture);
                    }
                    catch (OverflowException)
                    {
                        problems.Add(At(fileName, v, "'value' is out of range"));
                    }

                    break;
                case JValue { Type: JTokenType.Null }:
                    break;
                case var other:
                    problems.Add(At(fileName, other ?? o, "'value' must be a number, or null for a blank cell"));
                    break;
            }

            if (agency is null || cell is null || reason is null || by is null || published is null || year is null)
            {
                continue;
            }

            if (!seen.Add((agency, year.Value, source, sha, cell)))
            {
                problems.Add(At(fileName, o, $"a second correction of cell '{cell}' of {agency} {year}"));
                continue;
            }

            entries.Add(new CorrectionEntry
            {
                Source = source,
                Agency = agency,
                Year = year.Value,
                Sha256 = sha?.ToLowerInvariant(),
                Cell = new CellId(cell),
                Published = published,
                Value = value,
                Reason = reason,
                By = by,
            });
        }

        if (problems.Count > 0)
        {
            throw new GovStatsValidationException($"{problems.Count} problem(s) in corrections file:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Select(p => "  " + p))}");
        }

        return new CorrectionSet(entries);
    }

    /// <summary>The set as indented JSON (deterministic order).</summary>
    public string ToJson()
    {
        var root = new JObject
        {
            ["version"] = FormatVersion,
            ["corrections"] = new JArray(Entries.Select(e => new JObject
            {
                ["source"] = e.Source,
                ["agency"] = e.Agency,
                ["year"] = e.Year,
                ["sha256"] = e.Sha256,
                ["cell"] = e.Cell.Value,
                ["published"] = e.Published,
                ["value"] = e.Value,
                ["reason"] = e.Reason,
                ["by"] = e.By,
            })),
        };
        return root.ToString(Formatting.Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static readonly string[] Fields = ["source", "agency", "year", "sha256", "cell", "label", "published", "value", "reason", "by", "date"];

    private static string? Text(JObject o, string name, string file, List<string> problems, bool required)
    {
        var token = o[name];
        if (token is JValue { Type: JTokenType.String } v && ((string?)v)?.Trim().Length > 0)
        {
            return ((string)v!).Trim();
        }

        if (token is null or JValue { Type: JTokenType.Null } && !required)
        {
            return null;
        }

        problems.Add(At(file, token ?? o, $"'{name}' must be a non-empty string"));
        return null;
    }

    private static string At(string file, JToken token, string message)
    {
        var info = (IJsonLineInfo)token;
        return info.HasLineInfo() ? $"{file}({info.LineNumber},{info.LinePosition}): {message}" : $"{file}: {message}";
    }
}
