using GovStatsValidation.CrossReport.Facts;
using GovStatsValidation.Rules;
using Microsoft.Extensions.Options;

namespace GovStatsValidation.CrossReport;

/// <summary>The cross-report rules (rule files in force, disabled ones included, and the checks the package implements in code) as rule descriptions of the catalogue.</summary>
/// <param name="options">The cross-report options (built-in rules used or not, added sets).</param>
/// <param name="core">The core options, whose rule folders and sets may hold cross-report rules, or <see langword="null"/>.</param>
internal sealed class CrossRuleDescriptions(IOptions<CrossReportOptions> options, GovStatsValidationOptions? core) : IRuleDescriptionSource
{
    private const string Package = "GovStatsValidation.CrossReport";

    public IEnumerable<RuleDescription> Describe()
    {
        foreach (var set in CrossReportChecker.RuleSets(options.Value, core is null ? [] : CrossReportChecker.CoreSets(core)))
        {
            foreach (var rule in set.Rules.Where(r => r.Relation is not null))
            {
                yield return new RuleDescription(rule.Id, RuleKind.Cross, rule.Severity, rule.Title, rule.DefinedIn ?? set.Source) { Definition = rule };
            }
        }

        yield return new RuleDescription(CrossReportChecker.MissingCounterpartRule, RuleKind.Cross, Severity.Info, CrossReportChecker.MissingTitle, Package);
        yield return new RuleDescription(CrossReportChecker.DuplicateRule, RuleKind.Cross, Severity.Info, CrossReportChecker.DuplicateTitle, Package);
        yield return new RuleDescription(SharedFacts.RuleId, RuleKind.Cross, Severity.Warning, SharedFacts.RuleTitle, Package);
        yield return new RuleDescription(ClaimChecks.RuleId, RuleKind.Cross, Severity.Warning, ClaimChecks.RuleTitle, Package);
        yield return new RuleDescription(RepeatedText.RuleId, RuleKind.Cross, Severity.Warning, RepeatedText.RuleTitle, Package);
    }
}
