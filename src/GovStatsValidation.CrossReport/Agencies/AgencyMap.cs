using GovStatsValidation.Model;
using Newtonsoft.Json;
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
    /// <exception cref="GovStatsValidationException">The file is not a valid mapping; every problem is listed.</exception>
    public static AgencyMap Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GovStatsValidationException($"{path}: cannot read the agency file: {e.Message}", e);
        }

        return Parse(text, path);
    }

    /// <summary>Parses mapping JSON.</summary>
    /// <exception cref="GovStatsValidationException">The text is not a valid mapping; every problem is listed.</exception>
    public static AgencyMap Parse(string json, string fileName = "<agency map>")
    {
        var problems = new List<string>();
        JObject root;
        try
        {
            root = JObject.Parse(json);
        }
        catch (JsonReaderException e)
        {
            throw new GovStatsValidationException($"{fileName}: not valid JSON: {e.Message}", e);
        }

        var map = new AgencyMap();
        if (root["aliases"] is JObject aliases)
        {
            foreach (var (name, value) in aliases)
            {
                if (value?.Type == JTokenType.String)
                {
                    map.Aliases[name] = (string)value!;
                }
                else
                {
                    problems.Add($"aliases.{name}: must be a string (the current name)");
                }
            }
        }

        if (root["agencies"] is JObject agencies)
        {
            foreach (var (name, value) in agencies)
            {
                if (value is not JObject o)
                {
                    problems.Add($"agencies.{name}: must be an object");
                    continue;
                }

                AgencyLevel? level = null;
                if (o["level"] is { } l)
                {
                    if (Enum.TryParse<AgencyLevel>((string?)l, ignoreCase: true, out var parsed))
                    {
                        level = parsed;
                    }
                    else
                    {
                        problems.Add($"agencies.{name}.level: unknown level '{l}' (national, provincial, prefecture, county, township, department, office)");
                    }
                }

                var scope = ReportScope.Unknown;
                if (o["scope"] is { } s && !Enum.TryParse((string?)s, ignoreCase: true, out scope))
                {
                    problems.Add($"agencies.{name}.scope: unknown scope '{s}' (own, jurisdiction)");
                }

                map.Agencies[name] = new AgencyMapEntry
                {
                    Jurisdiction = (string?)o["jurisdiction"],
                    Level = level,
                    Scope = scope,
                    CompilesAll = (bool?)o["compilesAll"] ?? false,
                    Units = (int?)o["units"],
                };
            }
        }

        if (root["expected"] is { } expected)
        {
            if (expected is not JArray blocks)
            {
                problems.Add("expected: must be an array of {jurisdiction, years, bodies}");
                blocks = [];
            }

            for (var i = 0; i < blocks.Count; i++)
            {
                if (ParseExpected(blocks[i], $"expected[{i}]", problems) is not { } block)
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

        foreach (var property in root.Properties())
        {
            if (property.Name is not ("aliases" or "agencies" or "expected") && !property.Name.StartsWith('$'))
            {
                problems.Add($"unknown property '{property.Name}' (aliases, agencies, expected)");
            }
        }

        if (problems.Count > 0)
        {
            throw new GovStatsValidationException($"{fileName}: {string.Join("; ", problems)}");
        }

        return map;
    }

    private static ExpectedReports? ParseExpected(JToken token, string path, List<string> problems)
    {
        if (token is not JObject o)
        {
            problems.Add($"{path}: must be an object {{jurisdiction, years, bodies}}");
            return null;
        }

        var count = problems.Count;
        foreach (var property in o.Properties())
        {
            if (property.Name is not ("jurisdiction" or "years" or "bodies") && !property.Name.StartsWith('$'))
            {
                problems.Add($"{path}: unknown property '{property.Name}' (jurisdiction, years, bodies)");
            }
        }

        var jurisdiction = o["jurisdiction"] is JValue { Type: JTokenType.String } j && ((string?)j)?.Trim() is { Length: > 0 } name ? name : null;
        if (jurisdiction is null)
        {
            problems.Add($"{path}.jurisdiction: must be a non-empty string");
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
                    problems.Add($"{path}.years: '{y}' is not a year");
                }
            }
        }
        else
        {
            problems.Add($"{path}.years: must be a non-empty array of years");
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
                    problems.Add($"{path}.bodies: '{b}' is not a body's name");
                }
            }
        }
        else
        {
            problems.Add($"{path}.bodies: must be a non-empty array of names");
        }

        return problems.Count == count && jurisdiction is not null
            ? new ExpectedReports(jurisdiction, years.Distinct().Order().ToList(), bodies.Distinct(StringComparer.Ordinal).ToList())
            : null;
    }
}
