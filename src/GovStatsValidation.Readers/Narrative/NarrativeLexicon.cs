using System.Text.RegularExpressions;
using GovStatsValidation.Json;
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
    private static readonly Lazy<NarrativeLexicon> DefaultLexicon = new(() => Read(ReadEmbedded(EmbeddedName)));

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
    /// <param name="path">The file's path, named in every problem.</param>
    /// <returns>The lexicon.</returns>
    /// <exception cref="DataFileLoadException">The file cannot be read or is not a valid lexicon; every problem is listed with path, line and concept.</exception>
    public static NarrativeLexicon Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(DataFile.Read(path));
    }

    /// <summary>Parses lexicon JSON.</summary>
    /// <param name="json">The text.</param>
    /// <param name="name">The name problems are reported under.</param>
    /// <returns>The lexicon.</returns>
    /// <exception cref="DataFileLoadException">The text is not a valid lexicon; every problem is listed with line and concept (unknown scopes, formats, cells and concepts included).</exception>
    public static NarrativeLexicon Parse(string json, string name = "lexicon")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(name);
        return Read(DataFile.Parse(json, name));
    }

    private static NarrativeLexicon Read(DataFile file)
    {
        var root = file.Root ?? [];
        file.CheckProperties(root, null, "id", "maxGap", "sectionScopes", "scopeExclusions", "contexts", "catchAllWords", "listIntroductions", "concepts", "statements");
        _ = file.GetString(root, "id", null);
        var scopes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (scope, words) in file.GetObject(root, "sectionScopes", null) ?? [])
        {
            scopes[scope] = file.StringsOf(words as JArray ?? Wrong(file, words, scope, "a section scope must be an array of heading words"), scope, scope);
        }

        var concepts = new List<LexiconConcept>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in file.GetObjects(root, "concepts", null))
        {
            var id = file.GetString(c, "id", null, required: true);
            file.CheckProperties(c, id, "id", "phrases", "units", "scope", "group", "requiresGroupSibling", "context", "cells", "exclusions", "exclusionsUnless", "note");
            if (id is not null && !ids.Add(id))
            {
                file.Report(c["id"], id, $"duplicate concept id '{id}'");
            }

            var scope = file.GetString(c, "scope", id);
            if (scope is not null && !scopes.ContainsKey(scope))
            {
                file.Report(c["scope"], id, $"unknown scope '{scope}' (known: {string.Join(", ", scopes.Keys)})");
            }

            var cells = new Dictionary<SchemaVersion, IReadOnlyList<CellExpression>>();
            foreach (var (schemaName, list) in file.GetObject(c, "cells", id) ?? [])
            {
                if (!SchemaVersions.TryParse(schemaName, out var version))
                {
                    file.Report(list!.Parent, id, $"unknown schema '{schemaName}' (pre2019, 2019, 2021)");
                    continue;
                }

                var schema = SchemaCatalog.Get(version);
                var expressions = new List<CellExpression>();
                foreach (var element in list as JArray ?? Wrong(file, list, id, $"cells.{schemaName} must be an array of cell expressions"))
                {
                    if (element.Type != JTokenType.String)
                    {
                        file.Report(element, id, $"each element of 'cells.{schemaName}' must be a string");
                        continue;
                    }

                    try
                    {
                        expressions.Add(CellExpression.Parse((string)element!, schema, "cells"));
                    }
                    catch (FormatException e)
                    {
                        file.Report(element, id, e.Message.StartsWith("cells: ", StringComparison.Ordinal) ? e.Message["cells: ".Length..] : e.Message);
                    }
                }

                cells[version] = expressions;
            }

            var phrases = file.GetStrings(c, "phrases", id, required: true);
            if (phrases.Count == 0 && c["phrases"] is JArray)
            {
                file.Report(c["phrases"], id, "a concept needs at least one phrase");
            }

            var units = file.GetStrings(c, "units", id);
            var group = file.GetString(c, "group", id);
            var sibling = file.GetBoolean(c, "requiresGroupSibling", id) ?? false;
            var context = file.GetString(c, "context", id);
            var exclusions = file.GetStrings(c, "exclusions", id);
            var unless = file.GetStrings(c, "exclusionsUnless", id);
            _ = file.GetString(c, "note", id);
            if (id is not null)
            {
                concepts.Add(new LexiconConcept(id, phrases.Select(Phrase.Compile).ToList(), units, scope, group, sibling, context, cells)
                {
                    Exclusions = exclusions,
                    ExclusionsUnless = unless,
                });
            }
        }

        var statements = new List<LexiconStatement>();
        foreach (var s in file.GetObjects(root, "statements", null))
        {
            var id = file.GetString(s, "id", null, required: true);
            file.CheckProperties(s, id, "id", "patterns", "concept", "value", "scope");
            var concept = file.GetString(s, "concept", id, required: true);
            if (concept is not null && !ids.Contains(concept))
            {
                file.Report(s["concept"], id, $"unknown concept '{concept}'");
            }

            var scope = file.GetString(s, "scope", id);
            if (scope is not null && !scopes.ContainsKey(scope))
            {
                file.Report(s["scope"], id, $"unknown scope '{scope}' (known: {string.Join(", ", scopes.Keys)})");
            }

            var patterns = file.GetStrings(s, "patterns", id, required: true);
            var value = file.GetNumber(s, "value", id) ?? 0;
            if (id is not null && concept is not null)
            {
                statements.Add(new LexiconStatement(id, patterns.Select(Phrase.Compile).ToList(), concept, value, scope));
            }
        }

        var lexicon = new NarrativeLexicon(file.GetInteger(root, "maxGap", null) ?? 8, scopes, file.GetStrings(root, "scopeExclusions", null), file.GetStrings(root, "contexts", null), concepts, statements)
        {
            CatchAllWords = file.GetStrings(root, "catchAllWords", null),
            ListIntroductions = file.GetStrings(root, "listIntroductions", null),
        };
        file.ThrowIfAny();
        return lexicon;
    }

    /// <summary>Reports a token of the wrong kind and gives an empty array in its place.</summary>
    internal static JArray Wrong(DataFile file, JToken? token, string? item, string message)
    {
        file.Report(token, item, message);
        return [];
    }

    internal static DataFile ReadEmbedded(string name) => DataFile.ReadEmbedded(typeof(NarrativeLexicon).Assembly, name);
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
