using GovStatsValidation.Findings;
using GovStatsValidation.Reporting.Baselines;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.Reporting;

/// <summary>
/// SARIF 2.1.0 for code-scanning views: one run whose driver lists the rules in force, one result per finding with rule id
/// and index, level (error, warning, note), message, the report file and line, the cells as logical locations, a partial
/// fingerprint, and the baseline state when a baseline was applied. Cross-report findings are results located in the report
/// they are about, with <c>relatedLocations</c> naming every report involved. Unreadable inputs are tool execution notifications.
/// </summary>
public sealed class SarifRenderer : IRunRenderer
{
    /// <summary>The schema URI written into <c>$schema</c>.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <inheritdoc/>
    public string Format => "sarif";

    /// <inheritdoc/>
    public void Render(CheckRun run, TextWriter writer, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        using var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, CloseOutput = false };
        ToJson(run, options).WriteTo(json);
        json.Flush();
        writer.WriteLine();
    }

    /// <summary>The SARIF log of a run.</summary>
    public static JObject ToJson(CheckRun run, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        var definitions = new SortedDictionary<string, RuleDefinition?>(StringComparer.Ordinal);
        foreach (var rule in run.Rules)
        {
            definitions[rule.Id] = rule;
        }

        var titles = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        var groups = CrossGroups.Of(run);
        foreach (var f in run.Results.SelectMany(r => r.Findings).Concat(groups.SelectMany(g => g.Entries.Select(e => e.Finding))))
        {
            definitions.TryAdd(f.RuleId, null);
            titles.TryAdd(f.RuleId, f.Title);
        }

        var index = definitions.Keys.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var rules = new JArray(definitions.Select(kv => Rule(kv.Key, kv.Value, titles.GetValueOrDefault(kv.Key), options)));

        var results = new JArray();
        foreach (var result in run.Results)
        {
            var report = result.Report;
            foreach (var f in result.Findings)
            {
                results.Add(Result(run, f, report.Agency.Name, report.Year, RunStatistics.Source(result), index[f.RuleId], options));
            }
        }

        foreach (var group in groups)
        {
            foreach (var entry in group.Entries)
            {
                results.Add(CrossResult(run, group, entry, index[entry.Finding.RuleId], options));
            }
        }

        var notifications = new JArray(run.InputErrors.Select(e => new JObject
        {
            ["level"] = "error",
            ["message"] = new JObject { ["text"] = e.Message },
            ["locations"] = new JArray(Location(e.Source, e.Line)),
        }).Concat(run.Skipped.Select(e => new JObject
        {
            // A file that is not a report: a note, so a viewer lists it without counting it as a problem.
            ["level"] = "note",
            ["message"] = new JObject { ["text"] = Messages.MessageCatalog.Get(options.Culture, "run.skipped", ("message", e.Message)) },
            ["locations"] = new JArray(Location(e.Source, e.Line)),
        })));

        var version = typeof(SarifRenderer).Assembly.GetName().Version ?? new Version(0, 0, 0);
        return new JObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JArray(new JObject
            {
                ["tool"] = new JObject
                {
                    ["driver"] = new JObject
                    {
                        ["name"] = "govstats",
                        ["informationUri"] = "https://example.invalid/govstatsvalidation",
                        ["semanticVersion"] = $"{version.Major}.{version.Minor}.{version.Build}",
                        ["rules"] = rules,
                    },
                },
                ["invocations"] = new JArray(new JObject
                {
                    ["executionSuccessful"] = true,
                    ["toolExecutionNotifications"] = notifications,
                }),
                ["columnKind"] = "unicodeCodePoints",
                ["results"] = results,
            }),
        };
    }

    private static JObject Rule(string id, RuleDefinition? definition, LocalizedText? title, RenderOptions options)
    {
        var o = new JObject { ["id"] = id };
        var shortText = definition?.Title.In(options.Language) ?? title?.In(options.Language);
        if (shortText is not null)
        {
            o["shortDescription"] = new JObject { ["text"] = shortText };
        }

        if (definition is not null)
        {
            o["fullDescription"] = new JObject { ["text"] = $"{definition.Title.In(options.Language)}: {definition.Expression}" };
            o["defaultConfiguration"] = new JObject { ["level"] = Level(definition.Severity) };
            o["properties"] = new JObject
            {
                ["expression"] = definition.Expression,
                ["schemas"] = new JArray(definition.Schemas.Select(s => s.ToToken())),
            };
        }

        return o;
    }

    private static JObject Result(CheckRun run, Finding f, string agency, int year, string source, int ruleIndex, RenderOptions options)
    {
        var fingerprint = f.FingerprintFor(agency, year);
        var location = Location(source, f.Line ?? f.Cells.Select(c => c.Line).FirstOrDefault(l => l is not null));
        if (f.Cells.Count > 0)
        {
            location["logicalLocations"] = new JArray(f.Cells.Select(c => new JObject
            {
                ["fullyQualifiedName"] = c.Id.Value,
                ["name"] = c.Label,
                ["kind"] = "member",
            }));
        }

        var properties = new JObject
        {
            ["agency"] = agency,
            ["year"] = year,
            ["severity"] = RunStatistics.SeverityToken(f.Severity),
        };
        if (f.Instance.Length > 0)
        {
            properties["instance"] = f.Instance;
        }

        if (RunStatistics.FormulaText(f, options) is { } formula)
        {
            properties["formula"] = formula;
        }

        if (f.Expected is { } e)
        {
            properties["expected"] = e;
        }

        if (f.Actual is { } a)
        {
            properties["actual"] = a;
        }

        if (f.Suspect is { } s)
        {
            properties["suspect"] = s.Cell.Value;
        }

        if (f.Quote is { } q)
        {
            properties["quote"] = q;
        }

        var o = new JObject
        {
            ["ruleId"] = f.RuleId,
            ["ruleIndex"] = ruleIndex,
            ["level"] = Level(f.Severity),
            ["message"] = new JObject { ["text"] = f.Message.In(options.Language) },
            ["locations"] = new JArray(location),
            ["partialFingerprints"] = new JObject { ["govstats/v1"] = fingerprint },
        };
        if (run.Baseline is { } b)
        {
            o["baselineState"] = b.StateOf(fingerprint) switch
            {
                BaselineState.Changed => "updated",
                BaselineState.Expired => "unchanged",
                _ => "new",
            };
        }

        o["properties"] = properties;
        return o;
    }

    /// <summary>
    /// A cross-report finding: located in the report it is about, with <c>relatedLocations</c> naming every report involved
    /// (the subject first; each at the line of the first cell the finding names in it, when known).
    /// </summary>
    private static JObject CrossResult(CheckRun run, CrossGroup group, CrossReportEntry entry, int ruleIndex, RenderOptions options)
    {
        var f = entry.Finding;
        var subject = entry.Subject ?? (entry.Sources.Count > 0 ? entry.Sources[0] : null) ?? $"{entry.Agency} {RunStatistics.Int(entry.Year)}";
        var o = Result(run, f, entry.Agency, entry.Year, subject, ruleIndex, options);
        var named = CrossGroups.NamedCells(entry).ToList();
        var related = new JArray();
        var sources = entry.Sources.Count > 0 ? entry.Sources : [subject];
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            var line = source == subject && f.Line is { } l ? l : named.Where(n => n.Source == source).Select(n => n.Named.Line).FirstOrDefault(x => x is not null);
            var location = Location(source, line);
            location["id"] = i;
            var title = CrossGroups.TitleOf(group, source);
            location["message"] = new JObject
            {
                ["text"] = source == subject
                    ? Words.Get(options.Culture, "sarif.subject-report", ("title", title))
                    : Words.Get(options.Culture, "sarif.involved-report", ("title", title)),
            };
            related.Add(location);
        }

        o["relatedLocations"] = related;
        var properties = (JObject)o["properties"]!;
        o.Remove("properties");
        properties["jurisdiction"] = entry.Jurisdiction;
        properties["sources"] = new JArray(entry.Sources);
        o["properties"] = properties;
        return o;
    }

    private static JObject Location(string source, int? line)
    {
        var physical = new JObject { ["artifactLocation"] = new JObject { ["uri"] = Uri(source) } };
        if (line is { } l and > 0)
        {
            physical["region"] = new JObject { ["startLine"] = l };
        }

        return new JObject { ["physicalLocation"] = physical };
    }

    /// <summary>A relative URI reference: forward slashes, each segment percent-encoded.</summary>
    internal static string Uri(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString));

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };
}
