using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.CrossReport.Rules;

/// <summary>Reads cross-report rule files (<c>*.cross.json</c>), collecting every problem of every file.</summary>
public static class CrossRuleLoader
{
    private static readonly HashSet<string> KnownProperties =
    [
        "id", "relation", "severity", "title", "message", "expression", "when", "actual", "expected", "requires", "tolerance", "missing",
        "forEach", "schemas", "counterpartSchemas", "samePairOnly", "variants", "notApplicable", "description",
    ];

    /// <summary>The placeholders a cross-report message may use.</summary>
    internal static readonly HashSet<string> KnownPlaceholders =
    [
        "actual", "expected", "difference", "absDifference", "formula", "col", "colLabel", "row", "rowLabel", "concept", "conceptLabel",
        "agency", "year", "other", "otherYear", "detail",
    ];

    /// <summary>The built-in cross-report rule sets.</summary>
    /// <exception cref="RuleLoadException">An embedded file is broken.</exception>
    public static IReadOnlyList<CrossRuleSet> LoadEmbedded()
    {
        var problems = new List<DataFileProblem>();
        var sets = EmbeddedRules.List("rules/cross/").Where(n => n.EndsWith(".cross.json", StringComparison.Ordinal))
            .Select(n => Parse(EmbeddedRules.ReadText(n), n, problems)).OfType<CrossRuleSet>().ToList();
        ThrowIfAny(problems);
        return sets;
    }

    /// <summary>Reads every <c>*.cross.json</c> under a folder.</summary>
    /// <exception cref="RuleLoadException">Any file has a problem; all are listed.</exception>
    public static IReadOnlyList<CrossRuleSet> LoadFolder(string folder)
    {
        var problems = new List<DataFileProblem>();
        var tree = IO.FileTree.Under(folder, name => name.EndsWith(".cross.json", StringComparison.Ordinal));
        problems.AddRange(tree.Skipped.Select(s => new DataFileProblem(s.Path, null, null, null, s.Message)));
        var sets = new List<CrossRuleSet>();
        foreach (var path in tree.Files)
        {
            try
            {
                if (Parse(IO.SafeFile.ReadAllText(path, ProcessingLimits.MaxDataFileBytes, IO.SafeFile.TooLarge), path, problems) is { } set)
                {
                    sets.Add(set);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new DataFileProblem(path, null, null, null, e.Message));
            }
        }

        ThrowIfAny(problems);
        return sets;
    }

    /// <summary>Parses one file's text.</summary>
    /// <exception cref="RuleLoadException">The file has problems; all are listed.</exception>
    public static CrossRuleSet Parse(string json, string fileName)
    {
        var problems = new List<DataFileProblem>();
        var set = Parse(json, fileName, problems);
        ThrowIfAny(problems);
        return set!;
    }

    internal static void ThrowIfAny(List<DataFileProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new RuleLoadException(problems);
        }
    }

    private static CrossRuleSet? Parse(string json, string file, List<DataFileProblem> problems)
    {
        JObject root;
        try
        {
            root = JObject.Parse(json, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        }
        catch (JsonReaderException e)
        {
            problems.Add(new DataFileProblem(file, e.LineNumber, e.LinePosition, null, $"not valid JSON: {e.Message}"));
            return null;
        }

        var before = problems.Count;
        var setId = (string?)root["id"] ?? Path.GetFileNameWithoutExtension(file);
        var setTitle = root["title"] is null ? new LocalizedText(setId, setId) : Text(root["title"], file, null, "title", problems) ?? new LocalizedText(setId, setId);
        var setRelation = (string?)root["relation"];
        if (root["rules"] is not JArray array)
        {
            problems.Add(At(file, root, null, "'rules' must be an array"));
            return null;
        }

        var rules = new List<CrossRuleDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in array)
        {
            if (token is not JObject r || (string?)r["id"] is not { } id)
            {
                problems.Add(At(file, token, null, "a rule must be an object with an 'id'"));
                continue;
            }

            if (!seen.Add(id))
            {
                problems.Add(At(file, r, id, "duplicate rule id in this file"));
            }

            foreach (var p in r.Properties().Where(p => !KnownProperties.Contains(p.Name) && !p.Name.StartsWith('$')))
            {
                problems.Add(At(file, p, id, $"unknown property '{p.Name}'"));
            }

            var relationText = (string?)r["relation"] ?? setRelation;
            CrossRelation? relation = relationText switch
            {
                "previousYear" => CrossRelation.PreviousYear,
                "parent" => CrossRelation.Parent,
                "children" => CrossRelation.Children,
                _ => null,
            };
            if (relation is null)
            {
                problems.Add(At(file, r, id, relationText is null ? "missing 'relation' (previousYear, parent, children)" : $"unknown relation '{relationText}' (previousYear, parent, children)"));
            }

            Severity? severity = ((string?)r["severity"])?.ToLowerInvariant() switch
            {
                "error" => Severity.Error,
                "warning" => Severity.Warning,
                "info" => Severity.Info,
                _ => null,
            };
            if (severity is null)
            {
                problems.Add(At(file, r, id, "missing or unknown 'severity' (error, warning, info)"));
            }

            var title = Text(r["title"], file, id, "title", problems);
            var message = Text(r["message"], file, id, "message", problems);
            if (message is not null)
            {
                var zh = GovStatsValidation.Rules.RuleSetLoader.Placeholders(message.Zh);
                var en = GovStatsValidation.Rules.RuleSetLoader.Placeholders(message.En);
                if (!zh.SetEquals(en))
                {
                    problems.Add(At(file, r["message"]!, id, "the zh and en messages use different placeholders"));
                }

                foreach (var name in zh.Concat(en).Where(n => !KnownPlaceholders.Contains(n)).Distinct())
                {
                    problems.Add(At(file, r["message"]!, id, $"unknown placeholder '{{{name}}}' (known: {string.Join(", ", KnownPlaceholders.Order())})"));
                }
            }

            var expression = (string?)r["expression"];
            if (expression is null)
            {
                problems.Add(At(file, r, id, "missing 'expression'"));
            }

            var forEach = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (r["forEach"] is JObject fe)
            {
                foreach (var (name, value) in fe)
                {
                    forEach[name] = value is JArray list ? list.Select(x => (string)x!).ToList() : value?.Type == JTokenType.String ? [(string)value!] : [];
                }
            }

            if (relation is null || severity is null || title is null || message is null || expression is null)
            {
                continue;
            }

            rules.Add(new CrossRuleDefinition
            {
                Id = id,
                Relation = relation.Value,
                Severity = severity.Value,
                Title = title,
                Message = message,
                Expression = expression,
                When = (string?)r["when"],
                Actual = (string?)r["actual"],
                Expected = (string?)r["expected"],
                Requires = r["requires"] is JArray req ? req.Select(x => (string)x!).ToList() : [],
                Tolerance = (decimal?)r["tolerance"] ?? 0,
                Missing = Missing(r["missing"], file, id, problems),
                ForEach = forEach,
                Schemas = Schemas(r["schemas"], file, id, problems),
                CounterpartSchemas = Schemas(r["counterpartSchemas"], file, id, problems),
                SamePairOnly = (bool?)r["samePairOnly"] ?? false,
                Variants = r["variants"] is JArray variants ? variants.Select(x => (string)x!).ToList() : [],
                NotApplicable = r["notApplicable"] is null ? null : Text(r["notApplicable"], file, id, "notApplicable", problems),
                DefinedIn = $"{file}:{((IJsonLineInfo)r).LineNumber}",
            });
        }

        return problems.Count > before ? null : new CrossRuleSet(setId, setTitle, file, rules);
    }

    private static MissingPolicy Missing(JToken? token, string file, string id, List<DataFileProblem> problems)
    {
        var policy = MissingPolicy.Default;
        if (token is not JObject o)
        {
            return policy;
        }

        foreach (var (name, value) in o)
        {
            var treatment = (string?)value == "zero" ? MissingTreatment.Zero : (string?)value == "missing" ? MissingTreatment.Missing : (MissingTreatment?)null;
            if (treatment is null)
            {
                problems.Add(At(file, value!, id, $"missing.{name} must be \"zero\" or \"missing\""));
                continue;
            }

            policy = name switch
            {
                "blank" => policy with { Blank = treatment.Value },
                "absent" => policy with { Absent = treatment.Value },
                "placeholder" => policy with { Placeholder = treatment.Value },
                "unreadable" => policy with { Unreadable = treatment.Value },
                _ => policy,
            };
        }

        return policy;
    }

    private static IReadOnlyList<SchemaVersion> Schemas(JToken? token, string file, string id, List<DataFileProblem> problems)
    {
        if (token is null)
        {
            return SchemaVersions.All;
        }

        var result = new List<SchemaVersion>();
        foreach (var item in token is JArray a ? a.Children().ToList() : new List<JToken> { token })
        {
            if ((string?)item == "*")
            {
                return SchemaVersions.All;
            }

            if (SchemaVersions.TryParse((string?)item, out var v))
            {
                result.Add(v);
            }
            else
            {
                problems.Add(At(file, item, id, $"unknown schema '{item}' (pre2019, 2019, 2021, *)"));
            }
        }

        return result;
    }

    private static LocalizedText? Text(JToken? token, string file, string? id, string what, List<DataFileProblem> problems)
    {
        if (token is JObject o && o["zh"]?.Type == JTokenType.String && o["en"]?.Type == JTokenType.String)
        {
            return new LocalizedText((string)o["zh"]!, (string)o["en"]!);
        }

        problems.Add(At(file, token ?? new JObject(), id, $"'{what}' must be an object with \"zh\" and \"en\" strings"));
        return null;
    }

    private static DataFileProblem At(string file, JToken token, string? id, string message)
    {
        var info = (IJsonLineInfo)token;
        return new DataFileProblem(file, info.HasLineInfo() ? info.LineNumber : null, info.HasLineInfo() ? info.LinePosition : null, id, message);
    }
}
