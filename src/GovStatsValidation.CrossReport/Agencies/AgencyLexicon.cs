using GovStatsValidation.Model;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.CrossReport.Agencies;

/// <summary>The words agency names are read with (<c>rules/agencies/lexicon.json</c>).</summary>
internal sealed class AgencyLexicon
{
    public required IReadOnlyList<(string Suffix, AgencyLevel Level)> PlaceLevels { get; init; }

    public required int MinPlaceNameLength { get; init; }

    public required int MaxPlaceNameLength { get; init; }

    public required IReadOnlyList<string> NotInPlaceName { get; init; }

    public required IReadOnlyList<string> BareLevelPrefixes { get; init; }

    public required IReadOnlyList<string> GovernmentBodies { get; init; }

    public required IReadOnlyList<(string Suffix, AgencyLevel Level)> BodySuffixes { get; init; }

    public required IReadOnlyDictionary<string, string> ShortForms { get; init; }

    public required IReadOnlyList<string> IgnoredWords { get; init; }

    public required IReadOnlyList<string> JurisdictionWidePhrases { get; init; }

    public required IReadOnlyList<string> CompilesAllPhrases { get; init; }

    public required IReadOnlyDictionary<string, string> Aliases { get; init; }

    /// <summary>Groups of characters OCR confuses (沭/沐): each character → its group's first character.</summary>
    public IReadOnlyDictionary<char, char> OcrConfusions { get; init; } = new Dictionary<char, char>();

    private static readonly Lazy<AgencyLexicon> BuiltInLexicon = new(() => Parse(
        EmbeddedRules.ReadText("rules/agencies/lexicon.json"), EmbeddedRules.ReadText("rules/agencies/aliases.json")));

    public static AgencyLexicon BuiltIn => BuiltInLexicon.Value;

    public static AgencyLexicon Parse(string lexiconJson, string aliasesJson)
    {
        var root = JObject.Parse(lexiconJson);
        static IReadOnlyList<string> Strings(JToken? t) => t is JArray a ? a.Select(x => (string)x!).ToList() : [];
        static IReadOnlyList<(string, AgencyLevel)> Levels(JToken? t) => t is JArray a
            ? a.Select(x => ((string)x["suffix"]!, Enum.Parse<AgencyLevel>((string)x["level"]!, ignoreCase: true)))
                .OrderByDescending(x => x.Item1.Length).ToList()
            : [];
        var guards = root["placeGuards"];
        var aliases = JObject.Parse(aliasesJson)["aliases"] as JObject ?? [];
        return new AgencyLexicon
        {
            PlaceLevels = Levels(root["placeLevels"]),
            MinPlaceNameLength = (int?)root["minPlaceNameLength"] ?? 2,
            MaxPlaceNameLength = (int?)guards?["maxPlaceNameLength"] ?? 8,
            NotInPlaceName = Strings(guards?["notInPlaceName"]),
            BareLevelPrefixes = Strings(root["bareLevelPrefixes"]),
            GovernmentBodies = Strings(root["governmentBodies"]),
            BodySuffixes = Levels(root["bodySuffixes"]),
            ShortForms = (root["shortForms"] as JArray ?? []).ToDictionary(x => (string)x["short"]!, x => (string)x["full"]!, StringComparer.Ordinal),
            IgnoredWords = Strings(root["ignoredWords"]),
            JurisdictionWidePhrases = Strings(root["jurisdictionWidePhrases"]),
            CompilesAllPhrases = Strings(root["compilesAllPhrases"]),
            Aliases = aliases.Properties().ToDictionary(p => p.Name, p => (string)p.Value!, StringComparer.Ordinal),
            OcrConfusions = Strings(root["ocrConfusions"]?["groups"]).SelectMany(g => g.Select(c => (c, g[0]))).DistinctBy(x => x.c).ToDictionary(x => x.c, x => x.Item2),
        };
    }
}
