using GovStatsValidation.Findings;
using GovStatsValidation.Schemas;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.Rules;

/// <summary>
/// Reads rule files: table rule sets (<c>*.rules.json</c>) and cross-report rule sets (<c>*.cross.json</c>, rules with a
/// <see cref="RuleDefinition.Relation"/>), the embedded built-in ones and any folder of user sets, into one model
/// (<see cref="RuleSet"/> of <see cref="RuleDefinition"/>). A set whose id equals an earlier set's id replaces it; a rule
/// whose id equals an earlier rule's id replaces that rule. Every problem in every file is collected and thrown at once as
/// a <see cref="RuleLoadException"/> naming file, line, column and rule.
/// </summary>
public static class RuleSetLoader
{
    /// <summary>The file name ending of table rule sets.</summary>
    public const string TableRulesSuffix = ".rules.json";

    /// <summary>The file name ending of cross-report rule sets (every rule has a relation).</summary>
    public const string CrossRulesSuffix = ".cross.json";

    /// <summary>Whether a file name is a rule file this loader reads (<c>*.rules.json</c> or <c>*.cross.json</c>).</summary>
    /// <param name="fileName">A file name or path.</param>
    /// <returns><see langword="true"/> for a rule file.</returns>
    public static bool IsRuleFile(string fileName) =>
        fileName is not null && (fileName.EndsWith(TableRulesSuffix, StringComparison.Ordinal) || fileName.EndsWith(CrossRulesSuffix, StringComparison.Ordinal));

    /// <summary>The built-in rule sets embedded in this assembly: table rules (<c>rules/*.rules.json</c>) and cross-report rules (<c>rules/cross/*.cross.json</c>).</summary>
    /// <exception cref="RuleLoadException">An embedded file is broken (a build defect).</exception>
    public static IReadOnlyList<RuleSet> LoadEmbedded() => Embedded.Value;

    private static readonly Lazy<IReadOnlyList<RuleSet>> Embedded = new(() =>
    {
        var problems = new List<DataFileProblem>();
        var sets = new List<RuleSet>();
        foreach (var name in EmbeddedData.List("rules/").Where(IsRuleFile))
        {
            if (Parse(EmbeddedData.ReadText(name), name, problems) is { } set)
            {
                sets.Add(set);
            }
        }

        ThrowIfAny(problems);
        return sets;
    });

    /// <summary>Reads every <c>*.rules.json</c> and <c>*.cross.json</c> under a folder (recursively), in ordinal path order.</summary>
    /// <exception cref="RuleLoadException">Any file has a problem; all problems are listed.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<RuleSet> LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Rule folder '{folder}' does not exist.");
        }

        var problems = new List<DataFileProblem>();
        var sets = new List<RuleSet>();
        // Regular files only (a FIFO named *.rules.json would block), each once, link loops ended.
        var tree = IO.FileTree.Under(folder, IsRuleFile);
        problems.AddRange(tree.Skipped.Select(s => new DataFileProblem(s.Path, null, null, null, s.Message)));
        foreach (var path in tree.Files)
        {
            string text;
            try
            {
                text = IO.SafeFile.ReadAllText(path, ProcessingLimits.MaxDataFileBytes, IO.SafeFile.TooLarge);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new DataFileProblem(path, null, null, null, e.Message));
                continue;
            }

            if (Parse(text, path, problems) is { } set)
            {
                sets.Add(set);
            }
        }

        ThrowIfAny(problems);
        return sets;
    }

    /// <summary>Parses one rule file's text; a <paramref name="fileName"/> ending in <c>.cross.json</c> is a cross-report set, whose rules need a relation.</summary>
    /// <exception cref="RuleLoadException">The file has problems; all are listed.</exception>
    public static RuleSet Parse(string json, string fileName)
    {
        var problems = new List<DataFileProblem>();
        var set = Parse(json, fileName, problems);
        ThrowIfAny(problems);
        return set!;
    }

    /// <summary>Merges sets in order: a later set with the same id replaces an earlier one; a later rule with the same id replaces an earlier rule.</summary>
    public static IReadOnlyList<RuleSet> Merge(IEnumerable<RuleSet> first, IEnumerable<RuleSet> then)
    {
        var sets = new List<RuleSet>(first);
        foreach (var set in then)
        {
            var index = sets.FindIndex(s => s.Id == set.Id);
            if (index >= 0)
            {
                sets[index] = set;
                continue;
            }

            var overridden = set.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < sets.Count; i++)
            {
                if (sets[i].Rules.Any(r => overridden.Contains(r.Id)))
                {
                    sets[i] = sets[i] with { Rules = sets[i].Rules.Where(r => !overridden.Contains(r.Id)).ToList() };
                }
            }

            sets.Add(set);
        }

        return sets;
    }

    internal static void ThrowIfAny(List<DataFileProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new RuleLoadException(problems);
        }
    }

    /// <summary>The properties of a rule that hold rule-language text (their positions are kept for error messages).</summary>
    private static readonly string[] TextKeys = ["expression", "when", "actual", "expected"];

    private static readonly HashSet<string> KnownRuleProperties =
    [
        "id", "severity", "title", "message", "expression", "when", "actual", "expected", "requires", "tolerance",
        "missing", "forEach", "emit", "passSeverity", "suspect", "schemas", "disabled", "description", "example",
        "relation", "counterpartSchemas", "samePairOnly", "variants", "notApplicable",
    ];

    /// <summary>Properties that only a rule with a relation (a cross-report rule) has.</summary>
    private static readonly string[] CrossOnlyProperties = ["counterpartSchemas", "samePairOnly", "variants", "notApplicable"];

    /// <summary>Properties that only a table rule has (a cross-report finding is built by the cross-report checker).</summary>
    private static readonly string[] TableOnlyProperties = ["emit", "passSeverity", "suspect", "example"];

    internal static RuleSet? Parse(string json, string fileName, List<DataFileProblem> problems)
    {
        try
        {
            return ParseCore(json, fileName, problems);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            problems.Add(new DataFileProblem(fileName, null, null, null, $"a property has the wrong type: {StripLocation(e.Message)}"));
            return null;
        }
    }

    private static RuleSet? ParseCore(string json, string fileName, List<DataFileProblem> problems)
    {
        // Malformed JSON, duplicated keys and a top level that is not an object are reported as every data file's are.
        var before = problems.Count;
        var file = Json.DataFile.Parse(json, fileName);
        if (file.Root is not { } root)
        {
            problems.AddRange(file.Problems);
            return null;
        }

        var setId = Str(root, "id", fileName, null, problems, required: true) ?? Path.GetFileNameWithoutExtension(fileName);
        var title = Text(root["title"], fileName, null, problems, "title") ?? new LocalizedText(setId, setId);
        var setSchemas = Schemas(root["schemas"], fileName, null, problems) ?? SchemaVersions.All;
        var defaults = root["defaults"] as JObject;
        var crossFile = fileName.EndsWith(CrossRulesSuffix, StringComparison.Ordinal);
        var setRelation = crossFile && root["relation"] is { } sr ? ParseRelation(sr, fileName, null, problems) : null;
        if (!crossFile && root.Property("relation") is { } misplacedRelation)
        {
            problems.Add(At(fileName, misplacedRelation, null, "'relation' belongs in a *.cross.json file (cross-report rules)"));
        }

        file.CheckProperties(root, null, "id", "title", "schemas", "defaults", "rules", "relation");
        if (defaults is not null)
        {
            file.CheckProperties(defaults, null, "severity", "missing");
        }

        problems.AddRange(file.Problems);

        var rules = new List<RuleDefinition>();
        if (root["rules"] is not JArray array)
        {
            problems.Add(At(fileName, root, null, "'rules' must be an array"));
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in array)
        {
            if (token is not JObject r)
            {
                problems.Add(At(fileName, token, null, "a rule must be an object"));
                continue;
            }

            string? id = null;
            try
            {
                id = Str(r, "id", fileName, null, problems, required: true);
                if (id is null)
                {
                    continue;
                }

                if (!seen.Add(id))
                {
                    problems.Add(At(fileName, r["id"]!, id, "duplicate rule id in this file"));
                }

                if (id.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'))
                {
                    // Rule ids appear in every output (terminal, XML, Markdown, file names of snapshots): printable, no spaces.
                    problems.Add(At(fileName, r["id"]!, Printable(id), "a rule id may not hold control characters, spaces or direction overrides"));
                    continue;
                }

                foreach (var property in r.Properties())
                {
                    if (!KnownRuleProperties.Contains(property.Name) && !property.Name.StartsWith('$'))
                    {
                        problems.Add(At(fileName, property, id, $"unknown property '{property.Name}'"));
                    }
                }

                var relation = r["relation"] is { } rr ? ParseRelation(rr, fileName, id, problems) : setRelation;
                if (!crossFile && r.Property("relation") is { } misplaced)
                {
                    problems.Add(At(fileName, misplaced, id, "'relation' belongs in a *.cross.json file (cross-report rules)"));
                    relation = null;
                }

                if (relation is null && crossFile && r["relation"] is null && root["relation"] is null)
                {
                    problems.Add(At(fileName, r, id, "missing 'relation' (previousYear, parent, children): every rule of a *.cross.json file compares two reports"));
                }

                foreach (var name in !crossFile ? CrossOnlyProperties : relation is not null ? TableOnlyProperties : [])
                {
                    if (r.Property(name) is { } property)
                    {
                        problems.Add(At(fileName, property, id, !crossFile
                            ? $"'{name}' belongs to a cross-report rule (in a *.cross.json file)"
                            : $"'{name}' is not available in a cross-report rule"));
                    }
                }

                var severityText = (string?)r["severity"] ?? (string?)defaults?["severity"];
                var severity = ParseSeverity(severityText);
                if (severity is null)
                {
                    problems.Add(At(fileName, r["severity"] ?? r, id, severityText is null ? "missing 'severity'" : $"unknown severity '{severityText}' (error, warning, info)"));
                }

                var passSeverity = r["passSeverity"] is { } ps ? ParseSeverity((string?)ps) : Severity.Info;
                var expression = Str(r, "expression", fileName, id, problems, required: true);
                var message = Text(r["message"], fileName, id, problems, "message");
                var ruleTitle = Text(r["title"], fileName, id, problems, "title");
                if (message is null || ruleTitle is null)
                {
                    continue;
                }

                CheckPlaceholders(message, fileName, r["message"]!, id, problems);
                var missing = ParseMissing(defaults?["missing"], MissingPolicy.Default, fileName, id, problems);
                missing = ParseMissing(r["missing"], missing, fileName, id, problems);
                var emitText = (string?)r["emit"] ?? "onFailure";
                var emit = emitText switch
                {
                    "onFailure" => EmitMode.OnFailure,
                    "always" => EmitMode.Always,
                    _ => (EmitMode?)null,
                };
                if (emit is null)
                {
                    problems.Add(At(fileName, r["emit"]!, id, $"unknown emit '{emitText}' (onFailure, always)"));
                }

                var forEach = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                if (r["forEach"] is JObject fe)
                {
                    foreach (var (name, value) in fe)
                    {
                        forEach[name] = value switch
                        {
                            JArray list => list.Select(x => (string)x!).ToList(),
                            JValue { Type: JTokenType.String } v => [(string)v!],
                            _ => [],
                        };
                        if (forEach[name].Count == 0)
                        {
                            problems.Add(At(fileName, value!, id, $"forEach '{name}' needs a list of values or a '@…' set name"));
                        }
                    }
                }

                decimal tolerance = 0;
                if (r["tolerance"] is { } tol)
                {
                    if (tol.Type is JTokenType.Integer or JTokenType.Float && (decimal)tol >= 0)
                    {
                        tolerance = (decimal)tol;
                    }
                    else
                    {
                        problems.Add(At(fileName, tol, id, "'tolerance' must be a non-negative number"));
                    }
                }

                rules.Add(new RuleDefinition
                {
                    Id = id,
                    Severity = severity ?? Severity.Error,
                    PassSeverity = passSeverity ?? Severity.Info,
                    Title = ruleTitle,
                    Message = message,
                    Expression = expression ?? "",
                    When = (string?)r["when"],
                    Actual = (string?)r["actual"],
                    Expected = (string?)r["expected"],
                    Requires = r["requires"] is JArray req ? req.Select(x => (string)x!).ToList() : [],
                    Tolerance = tolerance,
                    Missing = missing,
                    ForEach = forEach,
                    Emit = emit ?? EmitMode.OnFailure,
                    Suspect = (string?)r["suspect"],
                    Schemas = Schemas(r["schemas"], fileName, id, problems) ?? setSchemas,
                    Disabled = (bool?)r["disabled"] ?? false,
                    Relation = relation,
                    CounterpartSchemas = Schemas(r["counterpartSchemas"], fileName, id, problems) ?? SchemaVersions.All,
                    SamePairOnly = (bool?)r["samePairOnly"] ?? false,
                    Variants = r["variants"] is JArray variants ? variants.Select(x => (string)x!).ToList() : [],
                    NotApplicable = r["notApplicable"] is { } na ? Text(na, fileName, id, problems, "notApplicable") : null,
                    DefinedIn = $"{fileName}:{((IJsonLineInfo)r).LineNumber}",
                    TextLocations = TextKeys
                        .Where(k => r[k] is JValue { Type: JTokenType.String })
                        .ToDictionary(k => k, k => StartOf((JValue)r[k]!)),
                });
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                // A property of the wrong JSON type (an object where a string belongs, "yes" for a boolean, …).
                problems.Add(At(fileName, r, id, $"a property has the wrong type: {StripLocation(e.Message)}"));
            }
        }

        return problems.Count > before ? null : new RuleSet(setId, title, fileName, rules);
    }

    private static void CheckPlaceholders(LocalizedText message, string file, JToken token, string id, List<DataFileProblem> problems)
    {
        var zh = Placeholders(message.Zh);
        var en = Placeholders(message.En);
        if (!zh.SetEquals(en))
        {
            problems.Add(At(file, token, id, $"the zh and en messages use different placeholders: zh {{{string.Join("}, {", zh.Order())}}}, en {{{string.Join("}, {", en.Order())}}}"));
        }

        foreach (var name in zh.Concat(en))
        {
            if (!FindingMessage.KnownPlaceholders.Contains(name))
            {
                problems.Add(At(file, token, id, $"unknown placeholder '{{{name}}}' (known: {string.Join(", ", FindingMessage.KnownPlaceholders.Order())})"));
            }
        }
    }

    internal static HashSet<string> Placeholders(string template)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        for (var i = template.IndexOf('{'); i >= 0; i = template.IndexOf('{', i + 1))
        {
            var end = template.IndexOf('}', i);
            if (end > i)
            {
                result.Add(template[(i + 1)..end]);
            }
        }

        return result;
    }

    private static MissingPolicy ParseMissing(JToken? token, MissingPolicy start, string file, string id, List<DataFileProblem> problems)
    {
        if (token is null)
        {
            return start;
        }

        if (token is not JObject o)
        {
            problems.Add(At(file, token, id, "'missing' must be an object such as {\"blank\": \"zero\", \"absent\": \"missing\"}"));
            return start;
        }

        var policy = start;
        foreach (var (name, value) in o)
        {
            var treatment = (string?)value switch
            {
                "zero" => MissingTreatment.Zero,
                "missing" => MissingTreatment.Missing,
                _ => (MissingTreatment?)null,
            };
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
                _ => Report(policy, At(file, value!, id, $"unknown key missing.{name} (blank, absent, placeholder, unreadable)"), problems),
            };
        }

        return policy;
    }

    private static MissingPolicy Report(MissingPolicy policy, DataFileProblem problem, List<DataFileProblem> problems)
    {
        problems.Add(problem);
        return policy;
    }

    private static IReadOnlyList<SchemaVersion>? Schemas(JToken? token, string file, string? id, List<DataFileProblem> problems)
    {
        if (token is null)
        {
            return null;
        }

        var result = new List<SchemaVersion>();
        foreach (var item in token is JArray a ? a.Children().ToList() : new List<JToken> { token })
        {
            var text = (string?)item;
            if (text == "*")
            {
                return SchemaVersions.All;
            }

            if (SchemaVersions.TryParse(text, out var v))
            {
                result.Add(v);
            }
            else
            {
                problems.Add(At(file, item, id, $"unknown schema '{text}' (pre2019, 2019, 2021, *)"));
            }
        }

        return result;
    }

    private static RuleRelation? ParseRelation(JToken token, string file, string? id, List<DataFileProblem> problems)
    {
        var text = token.Type == JTokenType.String ? (string?)token : null;
        RuleRelation? relation = text switch
        {
            "previousYear" => RuleRelation.PreviousYear,
            "parent" => RuleRelation.Parent,
            "children" => RuleRelation.Children,
            _ => null,
        };
        if (relation is null)
        {
            problems.Add(At(file, token, id, $"unknown relation '{text ?? token.ToString(Formatting.None)}' (previousYear, parent, children)"));
        }

        return relation;
    }

    private static Severity? ParseSeverity(string? text) => text?.ToLowerInvariant() switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "info" => Severity.Info,
        _ => null,
    };

    private static string? Str(JObject o, string name, string file, string? id, List<DataFileProblem> problems, bool required)
    {
        var token = o[name];
        if (token is null)
        {
            if (required)
            {
                problems.Add(At(file, o, id, $"missing '{name}'"));
            }

            return null;
        }

        if (token.Type != JTokenType.String)
        {
            problems.Add(At(file, token, id, $"'{name}' must be a string"));
            return null;
        }

        return (string?)token;
    }

    private static LocalizedText? Text(JToken? token, string file, string? id, List<DataFileProblem> problems, string what)
    {
        if (token is JObject o && o["zh"]?.Type == JTokenType.String && o["en"]?.Type == JTokenType.String)
        {
            return new LocalizedText((string)o["zh"]!, (string)o["en"]!);
        }

        problems.Add(At(file, token ?? new JObject(), id, $"'{what}' must be an object with \"zh\" and \"en\" strings"));
        return null;
    }

    /// <summary>The line and column of a string value's first character (line info points just past the closing quote).</summary>
    private static (int Line, int Column) StartOf(JValue value)
    {
        var info = (IJsonLineInfo)value;
        var length = ((string)value!).Length;
        return (info.LineNumber, Math.Max(1, info.LinePosition - length));
    }

    internal static DataFileProblem At(string file, JToken token, string? id, string message)
    {
        var info = (IJsonLineInfo)token;
        return new DataFileProblem(file, info.HasLineInfo() ? info.LineNumber : null, info.HasLineInfo() ? info.LinePosition : null, id, message);
    }

    private static string StripLocation(string message)
    {
        var i = message.IndexOf(" Path '", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }

    /// <summary>An id with control characters shown as \uNNNN, for the problem message.</summary>
    private static string Printable(string id) =>
        string.Concat(id.Select(c => char.IsControl(c) || char.IsSurrogate(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'
            ? "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString()));
}
