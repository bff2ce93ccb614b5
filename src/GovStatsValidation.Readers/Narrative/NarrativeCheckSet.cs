using GovStatsValidation.Findings;
using GovStatsValidation.Json;
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
    private static readonly Lazy<NarrativeCheckSet> DefaultSet = new(() => Read(NarrativeLexicon.ReadEmbedded(EmbeddedName)));

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
    /// <param name="path">The file's path, named in every problem.</param>
    /// <returns>The checks.</returns>
    /// <exception cref="DataFileLoadException">The file cannot be read or is not a valid checks file; every problem is listed with path, line and check id.</exception>
    public static NarrativeCheckSet Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(DataFile.Read(path));
    }

    /// <summary>Parses checks JSON.</summary>
    /// <param name="json">The text.</param>
    /// <param name="name">The name problems are reported under.</param>
    /// <returns>The checks.</returns>
    /// <exception cref="DataFileLoadException">The text is not a valid checks file; every problem is listed with line and check id.</exception>
    public static NarrativeCheckSet Parse(string json, string name = "checks")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(name);
        return Read(DataFile.Parse(json, name));
    }

    private static NarrativeCheckSet Read(DataFile file)
    {
        var root = file.Root ?? [];
        file.CheckProperties(root, null, "id", "sectionKeywords", "checks");
        _ = file.GetString(root, "id", null);
        var checks = new List<NarrativeCheck>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in file.GetObjects(root, "checks", null))
        {
            var id = file.GetString(c, "id", null, required: true);
            file.CheckProperties(c, id, "id", "kind", "severity", "title", "message", "messageWithCause", "messageWithHint");
            if (id is not null && !ids.Add(id))
            {
                file.Report(c["id"], id, $"check id '{id}' is used twice");
            }

            var kind = file.GetString(c, "kind", id, required: true);
            if (kind is not null && !Kinds.Contains(kind))
            {
                file.Report(c["kind"], id, $"unknown kind '{kind}' (known: {string.Join(", ", Kinds)})");
            }

            var severityText = file.GetString(c, "severity", id, required: true);
            var severity = severityText?.ToLowerInvariant() switch
            {
                "error" => Severity.Error,
                "warning" => Severity.Warning,
                "info" => Severity.Info,
                null => (Severity?)null,
                _ => Unknown(file, c["severity"], id, $"unknown severity '{severityText}' (error, warning, info)"),
            };
            if (severity == Severity.Error && kind is not null && TableComparisons.Contains(kind))
            {
                file.Report(c["severity"], id, "this check compares the narrative with the table and may not be an error");
            }

            var title = file.GetText(c, "title", id, required: true);
            var message = file.GetText(c, "message", id, required: true);
            var withCause = file.GetText(c, "messageWithCause", id);
            var withHint = file.GetText(c, "messageWithHint", id);
            if (id is not null && kind is not null && severity is not null && title is not null && message is not null)
            {
                checks.Add(new NarrativeCheck(id, kind, severity.Value, title, message, withCause, withHint));
            }
        }

        var keywords = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (section, words) in file.GetObject(root, "sectionKeywords", null) ?? [])
        {
            keywords[section] = file.StringsOf(words as JArray ?? NarrativeLexicon.Wrong(file, words, section, "section keywords must be an array of words"), section, section);
        }

        file.ThrowIfAny();
        return new NarrativeCheckSet(checks, keywords);
    }

    private static Severity? Unknown(DataFile file, JToken? at, string? id, string message)
    {
        file.Report(at, id, message);
        return null;
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
