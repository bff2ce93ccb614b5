using GovStatsValidation.CrossReport.Rules;
using NUnit.Framework;

namespace GovStatsValidation.CrossReport.Tests.Rules;

[TestFixture]
public sealed class CrossRuleLoaderTests
{
    [Test]
    public void LoadFolder_EveryFileUnderRulesCross_LoadsAndCompilesForItsDeclaredFormats()
    {
        var folder = Path.Combine(TestSupport.RepoRoot, "rules", "cross");
        var sets = CrossRuleLoader.LoadFolder(folder);
        var options = new CrossReportOptions { UseBuiltInRules = false };
        foreach (var set in sets)
        {
            options.RuleSets.Add(set);
        }

        var checker = new CrossReportChecker(options); // compiles every rule for every pair of formats it declares

        Assert.That(sets.SelectMany(s => s.Rules).Select(r => r.Id), Is.EquivalentTo(CrossRuleLoader.LoadEmbedded().SelectMany(s => s.Rules).Select(r => r.Id)));
        Assert.That(Directory.EnumerateFiles(folder, "*.cross.json").Count(), Is.EqualTo(sets.Count));
        Assert.That(checker.Rules, Has.Count.EqualTo(sets.Sum(s => s.Rules.Count)));
    }

    private static CrossReportOptions Options(CrossRuleSet set)
    {
        var options = new CrossReportOptions { UseBuiltInRules = false };
        options.RuleSets.Add(set);
        return options;
    }

    [Test]
    public void Constructor_RuleWithUnknownCellAndBadPrefix_ListsEveryProblemWithRuleId()
    {
        var set = CrossRuleLoader.Parse("""
            {"id": "t", "relation": "previousYear", "rules": [
              {"id": "t.typo", "severity": "warning", "title": {"zh": "t", "en": "t"}, "message": {"zh": "{actual}", "en": "{actual}"},
               "schemas": ["2021"], "counterpartSchemas": ["2021"], "expression": "requests.carried_over[total] == prev.requests.carry_froward[total]"},
              {"id": "t.prefix", "severity": "warning", "title": {"zh": "t", "en": "t"}, "message": {"zh": "{actual}", "en": "{actual}"},
               "schemas": ["2021"], "counterpartSchemas": ["2021"], "expression": "review[total] <= parent.review[total]"}
            ]}
            """, "test.cross.json");

        var e = Assert.Throws<RuleLoadException>(() => new CrossReportChecker(Options(set)));

        Assert.That(e!.Problems.Select(p => p.RuleId), Is.EquivalentTo(new[] { "t.typo", "t.prefix" }));
        Assert.That(e.Problems.Single(p => p.RuleId == "t.typo").Message, Does.Contain("did you mean 'requests.carry_forward"));
        Assert.That(e.Problems.Single(p => p.RuleId == "t.prefix").Message, Does.Contain("'parent.' is not available"));
    }

    [Test]
    public void Parse_UnknownPlaceholderAndRelation_ListsBoth()
    {
        var e = Assert.Throws<RuleLoadException>(() => CrossRuleLoader.Parse("""
            {"id": "t", "rules": [{"id": "t.x", "relation": "sibling", "severity": "warning", "title": {"zh": "t", "en": "t"},
              "message": {"zh": "{bogus}", "en": "{bogus}"}, "expression": "year > 0"}]}
            """, "t.cross.json"));

        Assert.That(e!.Problems.Select(p => p.Message), Has.Some.Contains("unknown relation 'sibling'").And.Some.Contains("unknown placeholder '{bogus}'"));
    }

    [Test]
    public void Concepts_EveryExpression_BindsInItsSchema()
    {
        Assert.That(ConceptMap.BuiltIn.Problems(), Is.Empty);
        Assert.That(ConceptMap.BuiltIn.Concepts.Count(c => c.Additive), Is.GreaterThanOrEqualTo(4));
    }
}
