using GovStatsValidation.CrossReport.Agencies;
using GovStatsValidation.CrossReport.Facts;
using GovStatsValidation.CrossReport.Rules;
using GovStatsValidation.Json;

namespace GovStatsValidation.CrossReport;

/// <summary>The kinds of data file this package loads (<c>rules/cross/concepts.json</c>, <c>rules/cross/facts.json</c>, <c>rules/agencies/*</c>, agency files).</summary>
public static class CrossReportDataFiles
{
    /// <summary>The kinds, each with the loader that reads it at run time.</summary>
    public static IReadOnlyList<DataFileKind> Kinds { get; } =
    [
        new("concept map", "concepts.schema.json", n => n == "concepts.json", (text, path) => ConceptMap.Parse(text, path)),
        new("fact word lists", "facts.schema.json", n => n == "facts.json", (text, path) => FactExtractor.Parse(text, path)),
        new("agency lexicon", "agency-lexicon.schema.json", n => n == "lexicon.json", (text, path) => AgencyLexicon.Parse(DataFile.Parse(text, path), null)),
        new("agency file", "agency-map.schema.json", n => n is "aliases.json" || n.EndsWith(".agencies.json", StringComparison.Ordinal), (text, path) => AgencyMap.Parse(text, path)),
    ];
}
