using GovStatsValidation.Json;
using GovStatsValidation.Model;

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

    private const string LexiconName = "rules/agencies/lexicon.json";
    private const string AliasesName = "rules/agencies/aliases.json";

    private static readonly Lazy<AgencyLexicon> BuiltInLexicon = new(() => Parse(
        DataFile.ReadEmbedded(typeof(AgencyLexicon).Assembly, LexiconName), DataFile.ReadEmbedded(typeof(AgencyLexicon).Assembly, AliasesName)));

    public static AgencyLexicon BuiltIn => BuiltInLexicon.Value;

    /// <exception cref="DataFileLoadException">Either file has problems; every problem of both is listed.</exception>
    public static AgencyLexicon Parse(string lexiconJson, string aliasesJson) =>
        Parse(DataFile.Parse(lexiconJson, LexiconName), DataFile.Parse(aliasesJson, AliasesName));

    /// <summary>Reads the lexicon and its aliases (an agency file, read by <see cref="AgencyMap"/>; none when <see langword="null"/>).</summary>
    /// <exception cref="DataFileLoadException">Either file has problems; every problem of both is listed.</exception>
    internal static AgencyLexicon Parse(DataFile lexicon, DataFile? aliasesFile)
    {
        var root = lexicon.Root ?? [];
        lexicon.CheckProperties(root, null, "placeLevels", "minPlaceNameLength", "bareLevelPrefixes", "governmentBodies", "governmentOfficeBodies",
            "bodySuffixes", "shortForms", "ignoredWords", "jurisdictionWidePhrases", "compilesAllPhrases", "ocrConfusions", "placeGuards");
        IReadOnlyList<(string, AgencyLevel)> Levels(string name)
        {
            var result = new List<(string, AgencyLevel)>();
            foreach (var o in lexicon.GetObjects(root, name, null))
            {
                var suffix = lexicon.GetString(o, "suffix", null, required: true);
                lexicon.CheckProperties(o, suffix, "suffix", "level");
                var levelText = lexicon.GetString(o, "level", suffix, required: true);
                if (levelText is not null && !Enum.TryParse<AgencyLevel>(levelText, ignoreCase: true, out var level))
                {
                    lexicon.Report(o["level"], suffix, $"unknown level '{levelText}' ({string.Join(", ", Enum.GetNames<AgencyLevel>().Select(n => n.ToLowerInvariant()))})");
                }
                else if (suffix is not null && levelText is not null)
                {
                    result.Add((suffix, Enum.Parse<AgencyLevel>(levelText, ignoreCase: true)));
                }
            }

            return result.OrderByDescending(x => x.Item1.Length).ToList();
        }

        var guards = lexicon.GetObject(root, "placeGuards", null);
        if (guards is not null)
        {
            lexicon.CheckProperties(guards, null, "notInPlaceName", "maxPlaceNameLength");
        }

        var shortForms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in lexicon.GetObjects(root, "shortForms", null))
        {
            var shortForm = lexicon.GetString(o, "short", null, required: true);
            lexicon.CheckProperties(o, shortForm, "short", "full");
            var full = lexicon.GetString(o, "full", shortForm, required: true);
            if (shortForm is not null && full is not null && !shortForms.TryAdd(shortForm, full))
            {
                lexicon.Report(o["short"], shortForm, $"short form '{shortForm}' is listed twice");
            }
        }

        var ocr = lexicon.GetObject(root, "ocrConfusions", null);
        if (ocr is not null)
        {
            lexicon.CheckProperties(ocr, null, "groups");
        }

        // The aliases are an agency file (agency-map.schema.json), read by the one loader of that format.
        var aliases = aliasesFile is null ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(AgencyMap.Read(aliasesFile).Aliases, StringComparer.Ordinal);
        var result = new AgencyLexicon
        {
            PlaceLevels = Levels("placeLevels"),
            MinPlaceNameLength = lexicon.GetInteger(root, "minPlaceNameLength", null) ?? 2,
            MaxPlaceNameLength = guards is null ? 8 : lexicon.GetInteger(guards, "maxPlaceNameLength", null) ?? 8,
            NotInPlaceName = guards is null ? [] : lexicon.GetStrings(guards, "notInPlaceName", null),
            BareLevelPrefixes = lexicon.GetStrings(root, "bareLevelPrefixes", null),
            GovernmentBodies = lexicon.GetStrings(root, "governmentBodies", null),
            BodySuffixes = Levels("bodySuffixes"),
            ShortForms = shortForms,
            IgnoredWords = lexicon.GetStrings(root, "ignoredWords", null),
            JurisdictionWidePhrases = lexicon.GetStrings(root, "jurisdictionWidePhrases", null),
            CompilesAllPhrases = lexicon.GetStrings(root, "compilesAllPhrases", null),
            Aliases = aliases,
            OcrConfusions = (ocr is null ? [] : lexicon.GetStrings(ocr, "groups", null)).Where(g => g.Length > 0)
                .SelectMany(g => g.Select(c => (c, g[0]))).DistinctBy(x => x.c).ToDictionary(x => x.c, x => x.Item2),
        };
        _ = lexicon.GetStrings(root, "governmentOfficeBodies", null);
        if (lexicon.HasProblems || aliasesFile?.HasProblems == true)
        {
            throw new DataFileLoadException([.. lexicon.Problems, .. aliasesFile?.Problems ?? []]);
        }

        return result;
    }
}
