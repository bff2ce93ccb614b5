using GovStatsValidation.CrossReport.Facts;
using GovStatsValidation.CrossReport.Rules;
using GovStatsValidation.Rules;
using Microsoft.Extensions.Options;

namespace GovStatsValidation.CrossReport;

/// <summary>The cross-report rules (rule files in force, disabled ones included, and the checks the package implements in code) as rule descriptions of the catalogue.</summary>
internal sealed class CrossRuleDescriptions(IOptions<CrossReportOptions> options) : IRuleDescriptionSource
{
    private const string Package = "GovStatsValidation.CrossReport";

    public IEnumerable<RuleDescription> Describe()
    {
        var cross = options.Value;
        var sets = new List<CrossRuleSet>(cross.UseBuiltInRules ? CrossRuleLoader.LoadEmbedded() : []);
        foreach (var set in cross.RuleSets)
        {
            sets.RemoveAll(s => s.Id == set.Id);
            sets.Add(set);
        }

        foreach (var set in sets)
        {
            foreach (var rule in set.Rules)
            {
                yield return new RuleDescription(rule.Id, RuleKind.Cross, rule.Severity, rule.Title, rule.DefinedIn ?? set.Source);
            }
        }

        yield return new RuleDescription(CrossReportChecker.MissingCounterpartRule, RuleKind.Cross, Severity.Info, CrossReportChecker.MissingTitle, Package);
        yield return new RuleDescription(CrossReportChecker.DuplicateRule, RuleKind.Cross, Severity.Info, CrossReportChecker.DuplicateTitle, Package);
        yield return new RuleDescription(SharedFacts.RuleId, RuleKind.Cross, Severity.Warning, SharedFacts.RuleTitle, Package);
        yield return new RuleDescription(ClaimChecks.RuleId, RuleKind.Cross, Severity.Warning, ClaimChecks.RuleTitle, Package);
        yield return new RuleDescription(RepeatedText.RuleId, RuleKind.Cross, Severity.Warning, RepeatedText.RuleTitle, Package);
    }
}
