using GovStatsValidation.Json;

namespace GovStatsValidation.Readers.Narrative;

/// <summary>The kinds of data file this package loads (<c>rules/lexicon/*.lexicon.json</c>, <c>rules/narrative/*.checks.json</c>).</summary>
public static class NarrativeDataFiles
{
    /// <summary>The kinds, each with the loader that reads it at run time.</summary>
    public static IReadOnlyList<DataFileKind> Kinds { get; } =
    [
        new("narrative lexicon", "narrative.lexicon.schema.json", n => n.EndsWith(".lexicon.json", StringComparison.Ordinal), (text, path) => NarrativeLexicon.Parse(text, path)),
        new("narrative checks", "narrative.checks.schema.json", n => n.EndsWith(".checks.json", StringComparison.Ordinal), (text, path) => NarrativeCheckSet.Parse(text, path)),
    ];
}
