using GovStatsValidation.Checking;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Rules;

/// <summary>Every built-in rule, for every schema it applies to, passes on a clean report and fails on a report changed in one or two cells.</summary>
[TestFixture]
public sealed class BuiltInRuleTests
{
    private static readonly ReportChecker Checker = RuleHarness.BuiltIn;

    private static IEnumerable<TestCaseData> PassCases() =>
        BuiltInRuleCases.Pass().Select(c => new TestCaseData(c).SetArgDisplayNames(c.RuleId, c.Schema.ToToken(), c.Scenario));

    private static IEnumerable<TestCaseData> FailCases() =>
        BuiltInRuleCases.Fail().Select(c => new TestCaseData(c).SetArgDisplayNames(c.RuleId, c.Schema.ToToken(), c.Scenario));

    [TestCaseSource(nameof(PassCases))]
    public void Check_CleanOrHarmlessChange_RulePasses(RuleCase c)
    {
        var report = c.Arrange(ReportBuilder.Clean(c.Schema)).Build();
        var definition = RuleCatalog.BuiltIn.Rules.Single(r => r.Id == c.RuleId);

        var evaluation = Checker.Single(report, c.RuleId, c.Instance);
        var findings = Checker.Findings(report, c.RuleId).Where(f => f.Instance == c.Instance).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(evaluation.Outcome, Is.EqualTo(RuleOutcome.Passed), $"{evaluation.Formula} {evaluation.Reason}");
            Assert.That(findings.Where(f => !f.Passed), Is.Empty);
            if (definition.Emit == EmitMode.Always)
            {
                Assert.That(findings, Has.Count.EqualTo(1));
                Assert.That(findings[0].Passed, Is.True);
                Assert.That(findings[0].Severity, Is.EqualTo(definition.PassSeverity));
            }
            else
            {
                Assert.That(findings, Is.Empty);
            }
        });
    }

    [TestCaseSource(nameof(FailCases))]
    public void Check_OneOrTwoCellsChanged_RuleFailsWithExplainedFinding(RuleCase c)
    {
        var report = c.Arrange(ReportBuilder.Clean(c.Schema)).Build();

        var evaluation = Checker.Single(report, c.RuleId, c.Instance);
        var failed = Checker.Findings(report, c.RuleId).Where(f => f.Instance == c.Instance && !f.Passed).ToList();

        Assert.That(evaluation.Outcome, Is.EqualTo(RuleOutcome.Failed), evaluation.Reason);
        Assert.That(failed, Has.Count.EqualTo(1));
        var finding = failed[0];
        Assert.Multiple(() =>
        {
            Assert.That(finding.RuleId, Is.EqualTo(c.RuleId));
            Assert.That(finding.Severity, Is.EqualTo(c.Severity));
            Assert.That(finding.Actual, Is.EqualTo(c.Actual), "actual");
            Assert.That(finding.Expected, Is.EqualTo(c.Expected), "expected");
            Assert.That(finding.Formula, Is.EqualTo(c.Formula));
            Assert.That(evaluation.Formula, Is.EqualTo(c.Formula), "explain shows the same formula");
            Assert.That(finding.Cells.Select(x => x.Id.Value), Is.EqualTo(c.Cells));
            Assert.That(finding.Message.Zh, Does.Not.Contain("{"), "every placeholder of the zh message is filled");
            Assert.That(finding.Message.En, Does.Not.Contain("{"), "every placeholder of the en message is filled");
            Assert.That(finding.FormulaText?.Zh, Does.Not.Match("[A-Za-z]"), "the Chinese formula names cells by label and has no English word");
            Assert.That(finding.Message.Zh, Does.Not.Match("blank|absent|is not|unreadable"), "no English word in the Chinese message");
        });
    }

    [Test]
    public void BuiltInCatalog_EveryRuleAndSchema_HasPassAndFailCase()
    {
        var pass = BuiltInRuleCases.Pass().Select(c => (c.RuleId, c.Schema)).ToHashSet();
        var fail = BuiltInRuleCases.Fail().Select(c => (c.RuleId, c.Schema)).ToHashSet();
        var missing = new List<string>();
        var applied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schema in SchemaVersions.All)
        {
            foreach (var id in RuleCatalog.BuiltIn.For(schema).Rules.Select(r => r.Definition.Id).Distinct())
            {
                applied.Add(id);
                if (!pass.Contains((id, schema)))
                {
                    missing.Add($"{id} [{schema.ToToken()}]: no pass case");
                }

                if (!fail.Contains((id, schema)))
                {
                    missing.Add($"{id} [{schema.ToToken()}]: no fail case");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Empty, "rules without a pass or fail test");
            Assert.That(RuleCatalog.BuiltIn.Rules.Select(r => r.Id).Where(id => !applied.Contains(id)), Is.Empty,
                "rules that apply to no schema (no compiled instance anywhere)");
        });
    }

    [Test]
    public void BuiltInRuleCases_EveryCase_NamesACompiledRuleOfItsSchema()
    {
        var stale = BuiltInRuleCases.Pass().Concat(BuiltInRuleCases.Fail())
            .Where(c => !RuleCatalog.BuiltIn.For(c.Schema).Rules.Any(r => r.Definition.Id == c.RuleId && r.InstanceKey == c.Instance))
            .Select(c => c.ToString() + $" ({c.Instance})");
        Assert.That(stale, Is.Empty);
    }
}
