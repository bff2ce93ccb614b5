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
    public static ConceptMap BuiltIn { get; } = Parse(EmbeddedRules.ReadText("rules/cross/concepts.json"), "rules/cross/concepts.json");

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
    /// <exception cref="GovStatsValidationException">The file is malformed.</exception>
    public static ConceptMap Parse(string json, string fileName)
    {
        try
        {
            var root = JObject.Parse(json);
            var list = new List<Concept>();
            foreach (var (id, token) in (JObject)root["concepts"]!)
            {
                var o = (JObject)token!;
                var expressions = new Dictionary<SchemaVersion, string>();
                var absent = new Dictionary<SchemaVersion, LocalizedText>();
                foreach (var version in SchemaVersions.All)
                {
                    if (o[version.ToToken()] is JValue { Type: JTokenType.String } e)
                    {
                        expressions[version] = (string)e!;
                    }

                    if (o["absent"]?[version.ToToken()] is JObject why)
                    {
                        absent[version] = new LocalizedText((string)why["zh"]!, (string)why["en"]!);
                    }
                }

                list.Add(new Concept(id, new LocalizedText((string)o["title"]!["zh"]!, (string)o["title"]!["en"]!), (bool?)o["additive"] ?? false,
                    expressions, absent, o["claimConcepts"] is JArray a ? a.Select(x => (string)x!).ToList() : []));
            }

            return new ConceptMap(list);
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidCastException or NullReferenceException)
        {
            throw new GovStatsValidationException($"{fileName}: not a valid concept map: {e.Message}", e);
        }
    }
}
