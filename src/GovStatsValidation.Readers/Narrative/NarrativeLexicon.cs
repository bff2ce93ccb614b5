using System.Text;
using System.Text.RegularExpressions;
using GovStatsValidation.Schemas;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.Readers.Narrative;

/// <summary>
/// The narrative label lexicon (<c>rules/lexicon/narrative.lexicon.json</c>): which words in a report's prose name
/// which table item (a <em>concept</em>), with the units they are counted in, the sections they may be read in, and
/// per schema the cell expressions the figure is compared with. Kept as data so it grows without code changes.
/// </summary>
public sealed class NarrativeLexicon
{
    private const string EmbeddedName = "rules/lexicon/narrative.lexicon.json";
    private static readonly Lazy<NarrativeLexicon> DefaultLexicon = new(() => Parse(ReadEmbedded(EmbeddedName), EmbeddedName));

    private NarrativeLexicon(
        int maxGap,
        IReadOnlyDictionary<string, IReadOnlyList<string>> sectionScopes,
        IReadOnlyList<string> scopeExclusions,
        IReadOnlyList<string> contexts,
        IReadOnlyList<LexiconConcept> concepts,
        IReadOnlyList<LexiconStatement> statements)
    {
        MaxGap = maxGap;
        SectionScopes = sectionScopes;
        ScopeExclusions = scopeExclusions;
        Contexts = contexts;
        Concepts = concepts;
        Statements = statements;
    }

    /// <summary>The built-in lexicon embedded in the library.</summary>
    public static NarrativeLexicon Default => DefaultLexicon.Value;

    /// <summary>How many characters may separate a phrase from its number (e.g. 数量 in 主动公开政府信息数量8475件).</summary>
    public int MaxGap { get; }

    /// <summary>Per scope name, words of the section headings a concept of that scope may be read under.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SectionScopes { get; }

    /// <summary>Words that put a sentence outside the report's own scope (备案, 全省…): no figure is read from it.</summary>
    public IReadOnlyList<string> ScopeExclusions { get; }

    /// <summary>Context words (复议, 诉讼) that decide between concepts sharing phrases (维持, 纠错).</summary>
    public IReadOnlyList<string> Contexts { get; }

    /// <summary>The concepts.</summary>
    public IReadOnlyList<LexiconConcept> Concepts { get; }

    /// <summary>
    /// Words that make an item of a list a catch-all (其他, 其余): a list that ends with one claims to be complete, so parts
    /// that fall short of the total are as wrong as parts that exceed it.
    /// </summary>
    public IReadOnlyList<string> CatchAllWords { get; private init; } = [];

    /// <summary>
    /// Words that introduce a list of the kinds of a figure stated earlier (主要类别有：, 包括：): the list's parts are read
    /// against that figure when the words before them name its concept.
    /// </summary>
    public IReadOnlyList<string> ListIntroductions { get; private init; } = [];

    /// <summary>Statements (未收到…申请, 均已办结) with the value they imply for a concept.</summary>
    public IReadOnlyList<LexiconStatement> Statements { get; }

    /// <summary>A concept by id, or <see langword="null"/>.</summary>
    public LexiconConcept? Find(string? id) => id is null ? null : Concepts.FirstOrDefault(c => c.Id == id);

    /// <summary>Reads a lexicon file.</summary>
    /// <exception cref="FormatException">The file is not a valid lexicon; the message names the problem.</exception>
    public static NarrativeLexicon Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8), path);

    /// <summary>Parses lexicon JSON.</summary>
    /// <exception cref="FormatException">The text is not a valid lexicon; the message names the problem.</exception>
    public static NarrativeLexicon Parse(string json, string name = "lexicon")
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

        var scopes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (root["sectionScopes"] is JObject so)
        {
            foreach (var p in so.Properties())
            {
                scopes[p.Name] = Strings(p.Value);
            }
        }

        var concepts = new List<LexiconConcept>();
        foreach (var c in root["concepts"] as JArray ?? [])
        {
            var id = (string?)c["id"] ?? throw new FormatException($"{name}: a concept has no id");
            var scope = (string?)c["scope"];
            if (scope is not null && !scopes.ContainsKey(scope))
            {
                throw new FormatException($"{name}: concept {id} names unknown scope '{scope}'");
            }

            var cells = new Dictionary<SchemaVersion, IReadOnlyList<CellExpression>>();
            if (c["cells"] is JObject co)
            {
                foreach (var p in co.Properties())
                {
                    if (!SchemaVersions.TryParse(p.Name, out var version))
                    {
                        throw new FormatException($"{name}: concept {id} names unknown schema '{p.Name}'");
                    }

                    var schema = SchemaCatalog.Get(version);
                    cells[version] = Strings(p.Value).Select(e => CellExpression.Parse(e, schema, $"{name}: concept {id}")).ToList();
                }
            }

            var phrases = Strings(c["phrases"]);
            if (phrases.Count == 0)
            {
                throw new FormatException($"{name}: concept {id} has no phrases");
            }

            concepts.Add(new LexiconConcept(id, phrases.Select(Phrase.Compile).ToList(), Strings(c["units"]), scope, (string?)c["group"],
                (bool?)c["requiresGroupSibling"] ?? false, (string?)c["context"], cells)
            {
                Exclusions = Strings(c["exclusions"]),
                ExclusionsUnless = Strings(c["exclusionsUnless"]),
            });
        }

        var statements = new List<LexiconStatement>();
        foreach (var s in root["statements"] as JArray ?? [])
        {
            var id = (string?)s["id"] ?? throw new FormatException($"{name}: a statement has no id");
            var concept = (string?)s["concept"] ?? throw new FormatException($"{name}: statement {id} has no concept");
            if (concepts.All(c => c.Id != concept))
            {
                throw new FormatException($"{name}: statement {id} names unknown concept '{concept}'");
            }

            statements.Add(new LexiconStatement(id, Strings(s["patterns"]).Select(Phrase.Compile).ToList(), concept, (decimal?)s["value"] ?? 0, (string?)s["scope"]));
        }

        return new NarrativeLexicon((int?)root["maxGap"] ?? 8, scopes, Strings(root["scopeExclusions"]), Strings(root["contexts"]), concepts, statements)
        {
            CatchAllWords = Strings(root["catchAllWords"]),
            ListIntroductions = Strings(root["listIntroductions"]),
        };
    }

    private static List<string> Strings(JToken? token) => token is JArray a ? a.Select(t => (string)t!).ToList() : [];

    internal static string ReadEmbedded(string name)
    {
        var assembly = typeof(NarrativeLexicon).Assembly;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>A table item the prose can name.</summary>
/// <param name="Id">The concept id, e.g. <c>active.total</c>.</param>
/// <param name="Phrases">The words that name it; <c>…</c> in a phrase stands for a few characters (收到…申请).</param>
/// <param name="Units">The units its figures are printed in.</param>
/// <param name="Scope">The section scope it may be read in (see <see cref="NarrativeLexicon.SectionScopes"/>).</param>
/// <param name="Group">A group of concepts that enumerate together (<c>channel</c>: their parts cover the total, not partition it).</param>
/// <param name="RequiresGroupSibling">Read only as a part of an enumeration with another concept of its group (其他).</param>
/// <param name="Context">A context word (复议/诉讼) that must be the last one named before the phrase.</param>
/// <param name="Cells">Per schema, the cell expressions a figure is compared with (it agrees when it equals any).</param>
public sealed record LexiconConcept(
    string Id,
    IReadOnlyList<Phrase> Phrases,
    IReadOnlyList<string> Units,
    string? Scope,
    string? Group,
    bool RequiresGroupSibling,
    string? Context,
    IReadOnlyDictionary<SchemaVersion, IReadOnlyList<CellExpression>> Cells)
{
    /// <summary>
    /// Words that, in the sentence before the figure, show it counts something else that shares the concept's words
    /// (审批, 窗口: 共受理申请121510件 at a service centre is not disclosure requests).
    /// </summary>
    public IReadOnlyList<string> Exclusions { get; init; } = [];

    /// <summary>Words that keep the figure the concept's after all, although an exclusion word is present (信息公开).</summary>
    public IReadOnlyList<string> ExclusionsUnless { get; init; } = [];

    /// <summary>Whether the sentence text before a figure puts the figure outside the concept.</summary>
    public bool Excludes(string before) =>
        Exclusions.Any(x => before.Contains(x, StringComparison.Ordinal)) && !ExclusionsUnless.Any(x => before.Contains(x, StringComparison.Ordinal));

    /// <summary>The expressions for a schema (none when the schema has no such item).</summary>
    public IReadOnlyList<CellExpression> For(SchemaVersion schema) => Cells.TryGetValue(schema, out var list) ? list : [];
}

/// <summary>A statement that implies a value for a concept.</summary>
/// <param name="Id">The statement id.</param>
/// <param name="Patterns">The words (<c>…</c> for a gap).</param>
/// <param name="Concept">The concept.</param>
/// <param name="Value">The implied value.</param>
/// <param name="Scope">The section scope.</param>
public sealed record LexiconStatement(string Id, IReadOnlyList<Phrase> Patterns, string Concept, decimal Value, string? Scope);

/// <summary>A lexicon phrase: literal words, with <c>…</c> standing for up to ten non-digit, non-punctuation characters.</summary>
public sealed class Phrase
{
    private Phrase(string text, Regex regex, int weight)
    {
        Text = text;
        Regex = regex;
        Weight = weight;
    }

    /// <summary>The phrase as written.</summary>
    public string Text { get; }

    /// <summary>The number of literal characters (longer phrases win).</summary>
    public int Weight { get; }

    internal Regex Regex { get; }

    internal static Phrase Compile(string text)
    {
        var parts = text.Split('…');
        var pattern = string.Join(@"[^\d,，、;；。:：()（）]{0,10}?", parts.Select(Regex.Escape));
        return new Phrase(text, new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking), parts.Sum(p => p.Length));
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
