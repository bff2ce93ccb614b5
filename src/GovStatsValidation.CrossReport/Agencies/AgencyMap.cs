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

/// <summary>
/// A user's mapping file: aliases (old name → current name) and, per agency name, what the name cannot tell. JSON:
/// <c>{"aliases": {"旧名": "新名"}, "agencies": {"市行政审批服务中心": {"jurisdiction": "桐乡市"},
/// "桐乡市人民政府": {"scope": "jurisdiction", "compilesAll": true, "units": 49}}}</c>.
/// </summary>
public sealed class AgencyMap
{
    /// <summary>Old or alternative names and the name they stand for.</summary>
    public IDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Entries by agency name (as printed, or its canonical name).</summary>
    public IDictionary<string, AgencyMapEntry> Agencies { get; } = new Dictionary<string, AgencyMapEntry>(StringComparer.Ordinal);

    /// <summary>Reads a mapping file.</summary>
    /// <exception cref="GovStatsValidationException">The file is not a valid mapping; every problem is listed.</exception>
    public static AgencyMap Load(string path) => Parse(File.ReadAllText(path), path);

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

        foreach (var property in root.Properties())
        {
            if (property.Name is not ("aliases" or "agencies") && !property.Name.StartsWith('$'))
            {
                problems.Add($"unknown property '{property.Name}' (aliases, agencies)");
            }
        }

        if (problems.Count > 0)
        {
            throw new GovStatsValidationException($"{fileName}: {string.Join("; ", problems)}");
        }

        return map;
    }
}
