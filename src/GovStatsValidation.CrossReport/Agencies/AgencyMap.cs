using GovStatsValidation.Json;
using GovStatsValidation.Model;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.CrossReport.Agencies;

/// <summary>What a user says about one agency that its name alone does not tell.</summary>
public sealed record AgencyMapEntry
{
    /// <summary>The jurisdiction the agency belongs to (or, for a government, governs), e.g. 桐乡市.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>The agency's level, when the name does not tell it.</summary>
    public AgencyLevel? Level { get; init; }

    /// <summary>Whether its reports cover the whole jurisdiction (a 全市 report compiled from the departments).</summary>
    /// <value>Default <see cref="ReportScope.Unknown"/>.</value>
    public ReportScope Scope { get; init; }

    /// <summary>Whether its reports compile the figures of all the jurisdiction's units.</summary>
    public bool CompilesAll { get; init; }

    /// <summary>How many units (departments, towns) the jurisdiction has, so "all present" can be decided.</summary>
    public int? Units { get; init; }
}

/// <summary>The bodies of a jurisdiction expected to publish a report in each of some years (an agency file's <c>expected</c>).</summary>
/// <param name="Jurisdiction">The jurisdiction, as the cross-report checks name it (桐乡市).</param>
/// <param name="Years">The years.</param>
/// <param name="Bodies">The bodies' names (full names, or names the aliases and the lexicon resolve).</param>
public sealed record ExpectedReports(string Jurisdiction, IReadOnlyList<int> Years, IReadOnlyList<string> Bodies);

/// <summary>
/// A user's mapping file: aliases (old name → current name) and, per agency name, what the name cannot tell. JSON:
/// <c>{"aliases": {"旧名": "新名"}, "agencies": {"市行政审批服务中心": {"jurisdiction": "桐乡市"},
/// "桐乡市人民政府": {"scope": "jurisdiction", "compilesAll": true, "units": 49}}, "expected": [{"jurisdiction": "桐乡市",
/// "years": [2020, 2021], "bodies": ["桐乡市人民政府", "桐乡市综合行政执法局"]}]}</c>. The same file is the agency file of
/// <c>govstats check --agencies</c>: <c>expected</c> lists the bodies that should have published a report per jurisdiction and
/// year, so the run can say who has not reported (an expected body with no agency entry belongs to its block's jurisdiction).
/// </summary>
public sealed class AgencyMap
{
    /// <summary>Old or alternative names and the name they stand for.</summary>
    public IDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Entries by agency name (as printed, or its canonical name).</summary>
    public IDictionary<string, AgencyMapEntry> Agencies { get; } = new Dictionary<string, AgencyMapEntry>(StringComparer.Ordinal);

    /// <summary>The bodies expected to report, per jurisdiction and years (empty when the file says nothing of it).</summary>
    public IList<ExpectedReports> Expected { get; } = [];

    /// <summary>Reads a mapping file.</summary>
    /// <param name="path">The file's path, named in every problem.</param>
    /// <returns>The map.</returns>
    /// <exception cref="DataFileLoadException">The file cannot be read or is not a valid mapping; every problem is listed with the path, line and agency.</exception>
    public static AgencyMap Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadOrThrow(DataFile.Read(path));
    }

    /// <summary>Parses mapping JSON.</summary>
    /// <param name="json">The text.</param>
    /// <param name="fileName">The name problems are reported under.</param>
    /// <returns>The map.</returns>
    /// <exception cref="DataFileLoadException">The text is not a valid mapping; every problem is listed with line and agency.</exception>
    public static AgencyMap Parse(string json, string fileName = "<agency map>")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        return ReadOrThrow(DataFile.Parse(json, fileName));
    }

    private static AgencyMap ReadOrThrow(DataFile file)
    {
        var map = Read(file);
        file.ThrowIfAny();
        return map;
    }

    /// <summary>Reads an agency file (the user's <c>--agencies</c> file, or <c>rules/agencies/aliases.json</c>); its problems are left in <paramref name="file"/>.</summary>
    internal static AgencyMap Read(DataFile file)
    {
        var map = new AgencyMap();
        if (file.Root is not { } root)
        {
            return map;
        }

        file.CheckProperties(root, null, "aliases", "agencies", "expected");
        foreach (var (name, value) in file.GetObject(root, "aliases", null) ?? [])
        {
            if (value?.Type == JTokenType.String)
            {
                map.Aliases[name] = (string)value!;
            }
            else
            {
                file.Report(value, name, "an alias must be a string (the current name)");
            }
        }

        foreach (var (name, value) in file.GetObject(root, "agencies", null) ?? [])
        {
            if (value is not JObject o)
            {
                file.Report(value, name, "an agency entry must be an object {jurisdiction, level, scope, compilesAll, units}");
                continue;
            }

            file.CheckProperties(o, name, "jurisdiction", "level", "scope", "compilesAll", "units");
            AgencyLevel? level = null;
            if (file.GetString(o, "level", name) is { } l)
            {
                if (Enum.TryParse<AgencyLevel>(l, ignoreCase: true, out var parsed) && !int.TryParse(l, out _))
                {
                    level = parsed;
                }
                else
                {
                    file.Report(o["level"], name, $"unknown level '{l}' (national, provincial, prefecture, county, township, department, office)");
                }
            }

            var scope = ReportScope.Unknown;
            if (file.GetString(o, "scope", name) is { } s && (!Enum.TryParse(s, ignoreCase: true, out scope) || int.TryParse(s, out _)))
            {
                file.Report(o["scope"], name, $"unknown scope '{s}' (own, jurisdiction)");
            }

            var units = file.GetInteger(o, "units", name);
            if (units is < 0)
            {
                file.Report(o["units"], name, "'units' must not be negative");
            }

            map.Agencies[name] = new AgencyMapEntry
            {
                Jurisdiction = file.GetString(o, "jurisdiction", name),
                Level = level,
                Scope = scope,
                CompilesAll = file.GetBoolean(o, "compilesAll", name) ?? false,
                Units = units,
            };
        }

        if (root["expected"] is { } expected)
        {
            if (expected is not JArray blocks)
            {
                file.Report(expected, null, "'expected' must be an array of {jurisdiction, years, bodies}");
                blocks = [];
            }

            foreach (var token in blocks)
            {
                if (ParseExpected(file, token) is not { } block)
                {
                    continue;
                }

                map.Expected.Add(block);
                foreach (var body in block.Bodies)
                {
                    // A body listed under a jurisdiction belongs to it, also when its name does not say so.
                    if (!map.Agencies.ContainsKey(body))
                    {
                        map.Agencies[body] = new AgencyMapEntry { Jurisdiction = block.Jurisdiction };
                    }
                }
            }
        }

        return map;
    }

    private static ExpectedReports? ParseExpected(DataFile file, JToken token)
    {
        if (token is not JObject o)
        {
            file.Report(token, null, "an 'expected' entry must be an object {jurisdiction, years, bodies}");
            return null;
        }

        var count = file.Problems.Count;
        var jurisdiction = file.GetString(o, "jurisdiction", null, required: true)?.Trim();
        file.CheckProperties(o, jurisdiction, "jurisdiction", "years", "bodies");
        if (jurisdiction is { Length: 0 })
        {
            file.Report(o["jurisdiction"], null, "'jurisdiction' must be a non-empty string");
        }

        var years = new List<int>();
        if (o["years"] is JArray ys && ys.Count > 0)
        {
            foreach (var y in ys)
            {
                if (y is JValue { Type: JTokenType.Integer } && (long)y is >= 1 and <= 9999)
                {
                    years.Add((int)(long)y);
                }
                else
                {
                    file.Report(y, jurisdiction, $"'years': '{y}' is not a year");
                }
            }
        }
        else
        {
            file.Report(o["years"] ?? o, jurisdiction, "'years' must be a non-empty array of years");
        }

        var bodies = new List<string>();
        if (o["bodies"] is JArray bs && bs.Count > 0)
        {
            foreach (var b in bs)
            {
                if (b is JValue { Type: JTokenType.String } && ((string?)b)?.Trim() is { Length: > 0 } body)
                {
                    bodies.Add(body);
                }
                else
                {
                    file.Report(b, jurisdiction, $"'bodies': '{b}' is not a body's name");
                }
            }
        }
        else
        {
            file.Report(o["bodies"] ?? o, jurisdiction, "'bodies' must be a non-empty array of names");
        }

        return file.Problems.Count == count && jurisdiction is { Length: > 0 }
            ? new ExpectedReports(jurisdiction, years.Distinct().Order().ToList(), bodies.Distinct(StringComparer.Ordinal).ToList())
            : null;
    }
}
