using GovStatsValidation.Json;
using GovStatsValidation.Schemas;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.CrossReport.Rules;

/// <summary>One concept and the cell expression that gives it in each table format.</summary>
/// <param name="Id">Stable id, e.g. <c>applications.received</c>.</param>
/// <param name="Title">What it is.</param>
/// <param name="Additive">Whether it adds up over the departments of a jurisdiction.</param>
/// <param name="Expressions">The expression per format; a format that is not listed has no such figure.</param>
/// <param name="AbsentReasons">Why a format has no such figure, when known.</param>
/// <param name="ClaimConcepts">The narrative lexicon's names of the same thing.</param>
public sealed record Concept(
    string Id, LocalizedText Title, bool Additive, IReadOnlyDictionary<SchemaVersion, string> Expressions,
    IReadOnlyDictionary<SchemaVersion, LocalizedText> AbsentReasons, IReadOnlyList<string> ClaimConcepts)
{
    /// <summary>Why the concept cannot be bound to a format.</summary>
    public LocalizedText WhyAbsent(SchemaVersion version) =>
        AbsentReasons.TryGetValue(version, out var why) ? why
            : new LocalizedText(
                Messages.MessageCatalog.Get(Messages.MessageCatalog.Chinese, "cross.reason.concept-absent", ("schema", version.ToToken()), ("concept", Title.Zh)),
                Messages.MessageCatalog.Get(Messages.MessageCatalog.English, "cross.reason.concept-absent", ("schema", version.ToToken()), ("concept", Title.En)));
}

/// <summary>The concepts shared by the table formats (<c>rules/cross/concepts.json</c>).</summary>
public sealed class ConceptMap
{
    private readonly Dictionary<string, Concept> _byId;

    private ConceptMap(IEnumerable<Concept> concepts) => _byId = concepts.ToDictionary(c => c.Id, StringComparer.Ordinal);

    /// <summary>The built-in concept map.</summary>
    public static ConceptMap BuiltIn { get; } = Read(DataFile.ReadEmbedded(typeof(ConceptMap).Assembly, "rules/cross/concepts.json"));

    /// <summary>All concepts, ordered by id.</summary>
    public IEnumerable<Concept> Concepts => _byId.Values.OrderBy(c => c.Id, StringComparer.Ordinal);

    /// <summary>Finds a concept by id.</summary>
    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Concept? concept) => _byId.TryGetValue(id, out concept);

    /// <summary>The concept a narrative claim's lexicon concept names, if any.</summary>
    public Concept? ForClaim(string claimConcept) =>
        _byId.TryGetValue(claimConcept, out var direct) ? direct : Concepts.FirstOrDefault(c => c.ClaimConcepts.Contains(claimConcept, StringComparer.Ordinal));

    /// <summary>Every concept expression that does not bind in its schema, as "concept (schema): problem".</summary>
    internal IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var concept in Concepts)
        {
            foreach (var (version, text) in concept.Expressions)
            {
                try
                {
                    if (new GovStatsValidation.Rules.ExpressionFrame(SchemaCatalog.Get(version)).Bind(text).IsCondition)
                    {
                        problems.Add($"{concept.Id} ({version.ToToken()}): not a number");
                    }
                }
                catch (GovStatsValidation.Rules.RuleExpressionException e)
                {
                    problems.Add($"{concept.Id} ({version.ToToken()}): {e.Message}");
                }
            }
        }

        return problems;
    }

    /// <summary>Parses a concept map file.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="fileName">The file name, named in every problem.</param>
    /// <returns>The concept map.</returns>
    /// <exception cref="DataFileLoadException">The file has problems (malformed JSON, duplicate keys, unknown properties, wrong types, unknown formats); every one is listed with line and concept.</exception>
    public static ConceptMap Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        return Read(DataFile.Parse(json, fileName));
    }

    private static ConceptMap Read(DataFile file)
    {
        var list = new List<Concept>();
        if (file.Root is { } root)
        {
            file.CheckProperties(root, null, "concepts");
            string[] known = ["title", "additive", "claimConcepts", "absent", .. SchemaVersions.All.Select(v => v.ToToken())];
            foreach (var (id, token) in file.GetObject(root, "concepts", null, required: true) ?? [])
            {
                if (token is not JObject o)
                {
                    file.Report(token, id, "a concept must be an object");
                    continue;
                }

                file.CheckProperties(o, id, known);
                var title = file.GetText(o, "title", id, required: true);
                var additive = file.GetBoolean(o, "additive", id) ?? false;
                var claims = file.GetStrings(o, "claimConcepts", id);
                var expressions = new Dictionary<SchemaVersion, string>();
                foreach (var version in SchemaVersions.All)
                {
                    if (file.GetString(o, version.ToToken(), id) is { } expression)
                    {
                        expressions[version] = expression;
                    }
                }

                var absent = new Dictionary<SchemaVersion, LocalizedText>();
                foreach (var (name, why) in file.GetObject(o, "absent", id) ?? [])
                {
                    if (!SchemaVersions.TryParse(name, out var version))
                    {
                        file.Report(why!.Parent, id, $"unknown format '{name}' in 'absent' (pre2019, 2019, 2021)");
                    }
                    else if (file.TextOf(why!, $"absent.{name}", id) is { } text)
                    {
                        absent[version] = text;
                    }
                }

                if (title is not null)
                {
                    list.Add(new Concept(id, title, additive, expressions, absent, claims));
                }
            }
        }

        file.ThrowIfAny();
        return new ConceptMap(list);
    }
}
