using GovStatsValidation.Rules;

namespace GovStatsValidation.Readers.Narrative;

/// <summary>The narrative and structure checks of <c>rules/narrative/narrative.checks.json</c> as rule descriptions of the catalogue.</summary>
internal sealed class NarrativeRuleDescriptions : IRuleDescriptionSource
{
    private const string Source = "rules/narrative/narrative.checks.json";

    /// <summary>The check kinds that <see cref="StructureFindingSource"/> runs; the others are narrative checks.</summary>
    private static readonly HashSet<string> StructureKinds =
        ["section-missing", "section-heading-missing", "heading-without-numeral", "numbering-restart", "numbering-skip", "section-empty"];

    public IEnumerable<RuleDescription> Describe() =>
        NarrativeCheckSet.Default.Checks.Select(c => new RuleDescription(
            c.Id, StructureKinds.Contains(c.Kind) ? RuleKind.Structure : RuleKind.Narrative, c.Severity, c.Title, Source));
}
