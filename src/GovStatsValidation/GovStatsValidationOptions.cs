using GovStatsValidation.Rules;

namespace GovStatsValidation;

/// <summary>Options of the checker: which rule sets, severity overrides, disabled rules, message language.</summary>
public sealed class GovStatsValidationOptions
{
    /// <summary>Whether the built-in rule sets embedded in the library are used. Default <see langword="true"/>.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool UseBuiltInRules { get; set; } = true;

    /// <summary>Folders of <c>*.rules.json</c> files that add to or override the built-in sets (a set with the same id replaces it; a rule with the same id replaces that rule).</summary>
    public IList<string> RuleFolders { get; } = [];

    /// <summary>Rule sets given directly (e.g. parsed from strings), applied after the folders.</summary>
    public IList<RuleSet> RuleSets { get; } = [];

    /// <summary>Severity per rule id, replacing the rule's own.</summary>
    public IDictionary<string, Severity> SeverityOverrides { get; } = new Dictionary<string, Severity>(StringComparer.Ordinal);

    /// <summary>Rule ids that are not run.</summary>
    public ISet<string> DisabledRules { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Findings below this severity are not built. Default <see cref="Severity.Info"/> (all).</summary>
    /// <value>Default <see cref="Severity.Info"/>.</value>
    public Severity MinimumSeverity { get; set; } = Severity.Info;

    /// <summary>
    /// Whether a report with failing rules is localized (which cells are most likely wrong, and what they should be) and its
    /// findings pointed at the result. Default <see langword="true"/>; a clean report costs nothing either way.
    /// </summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool Localize { get; set; } = true;

    /// <summary>The message language: <c>zh</c> or <c>en</c>. Default <c>zh</c>.</summary>
    /// <value>Default <c>zh</c>.</value>
    public string Language { get; set; } = "zh";
}
