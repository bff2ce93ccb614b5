using System.Text;
using GovStatsValidation.Findings;
using GovStatsValidation.Rules;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.Readers.Narrative;

/// <summary>
/// The narrative and structure checks (<c>rules/narrative/narrative.checks.json</c>): each binds a built-in check kind to
/// an id, a severity and messages, so ids, severities and wording are data. Checks comparing prose with the table
/// (<c>figure-vs-table</c>, <c>statement-vs-table</c>) may not be errors: prose can differ in scope from the table.
/// </summary>
public sealed class NarrativeCheckSet
{
    private const string EmbeddedName = "rules/narrative/narrative.checks.json";
    private static readonly Lazy<NarrativeCheckSet> DefaultSet = new(() => Parse(NarrativeLexicon.ReadEmbedded(EmbeddedName), EmbeddedName));

    /// <summary>The check kinds the library implements.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
    [
        "figure-vs-table", "statement-vs-table", "enumeration-over", "enumeration-under", "enumeration-short", "enumeration-cover", "percentage", "change",
        "blank-figure", "section-missing", "section-heading-missing", "heading-without-numeral", "numbering-restart", "numbering-skip",
        "section-empty",
    ];

    private static readonly HashSet<string> TableComparisons = ["figure-vs-table", "statement-vs-table"];

    private NarrativeCheckSet(IReadOnlyList<NarrativeCheck> checks, IReadOnlyDictionary<string, IReadOnlyList<string>> sectionKeywords)
    {
        Checks = checks;
        SectionKeywords = sectionKeywords;
    }

    /// <summary>The built-in checks embedded in the library.</summary>
    public static NarrativeCheckSet Default => DefaultSet.Value;

    /// <summary>The checks.</summary>
    public IReadOnlyList<NarrativeCheck> Checks { get; }

    /// <summary>Per format section id, words that identify its heading (problems: 问题, 改进).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SectionKeywords { get; }

    /// <summary>The check of a kind, or <see langword="null"/> when the set has none (the kind is then not run).</summary>
    public NarrativeCheck? ForKind(string kind) => Checks.FirstOrDefault(c => c.Kind == kind);

    /// <summary>Reads a checks file.</summary>
    /// <exception cref="FormatException">The file is not a valid checks file; the message names the problem.</exception>
    public static NarrativeCheckSet Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8), path);

    /// <summary>Parses checks JSON.</summary>
    /// <exception cref="FormatException">The text is not a valid checks file; the message names the problem.</exception>
    public static NarrativeCheckSet Parse(string json, string name = "checks")
    {
        JObject root;
        try
        {
            root = JObject.Parse(json);
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new FormatException($"{name}: not valid JSON: {e.Message}", e);
        }

        var checks = new List<NarrativeCheck>();
        foreach (var c in root["checks"] as JArray ?? [])
        {
            var id = (string?)c["id"] ?? throw new FormatException($"{name}: a check has no id");
            var kind = (string?)c["kind"] ?? throw new FormatException($"{name}: check {id} has no kind");
            if (!Kinds.Contains(kind))
            {
                throw new FormatException($"{name}: check {id} has unknown kind '{kind}' (known: {string.Join(", ", Kinds)})");
            }

            var severity = ((string?)c["severity"])?.ToLowerInvariant() switch
            {
                "error" => Severity.Error,
                "warning" => Severity.Warning,
                "info" => Severity.Info,
                var other => throw new FormatException($"{name}: check {id} has severity '{other}' (error, warning or info)"),
            };
            if (severity == Severity.Error && TableComparisons.Contains(kind))
            {
                throw new FormatException($"{name}: check {id} compares the narrative with the table and may not be an error");
            }

            checks.Add(new NarrativeCheck(id, kind, severity, Text(c["title"], name, id, "title")!, Text(c["message"], name, id, "message")!,
                Text(c["messageWithCause"], name, id, null), Text(c["messageWithHint"], name, id, null)));
        }

        var duplicate = checks.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"{name}: check id {duplicate.Key} is used twice");
        }

        var keywords = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (root["sectionKeywords"] is JObject k)
        {
            foreach (var p in k.Properties())
            {
                keywords[p.Name] = p.Value is JArray a ? a.Select(t => (string)t!).ToList() : [];
            }
        }

        return new NarrativeCheckSet(checks, keywords);
    }

    private static LocalizedText? Text(JToken? token, string name, string id, string? required)
    {
        if (token is JObject o && (string?)o["zh"] is { } zh && (string?)o["en"] is { } en)
        {
            return new LocalizedText(zh, en);
        }

        return required is null ? null : throw new FormatException($"{name}: check {id} needs '{required}' with zh and en");
    }
}

/// <summary>One narrative or structure check.</summary>
/// <param name="Id">The rule id findings carry.</param>
/// <param name="Kind">The built-in check kind.</param>
/// <param name="Severity">The severity of its findings.</param>
/// <param name="Title">The title.</param>
/// <param name="Message">The message template.</param>
/// <param name="MessageWithCause">The message when a likely cause is known (figure-vs-table).</param>
/// <param name="MessageWithHint">The message when a hint is known (blank-figure).</param>
public sealed record NarrativeCheck(string Id, string Kind, Severity Severity, LocalizedText Title, LocalizedText Message,
    LocalizedText? MessageWithCause, LocalizedText? MessageWithHint)
{
    internal static LocalizedText Fill(LocalizedText template, IReadOnlyDictionary<string, string> arguments) =>
        new(FindingMessage.Fill(template.Zh, arguments), FindingMessage.Fill(template.En, arguments));

    /// <summary>Fills a template whose Chinese text takes some values in Chinese (cells by label): <paramref name="zh"/> overrides those.</summary>
    internal static LocalizedText Fill(LocalizedText template, IReadOnlyDictionary<string, string> arguments, IReadOnlyDictionary<string, string> zh)
    {
        var zhArguments = new Dictionary<string, string>(arguments, StringComparer.Ordinal);
        foreach (var (key, value) in zh)
        {
            zhArguments[key] = value;
        }

        return new(FindingMessage.Fill(template.Zh, zhArguments), FindingMessage.Fill(template.En, arguments));
    }
}
