using GovStatsValidation.CrossReport.Rules;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using NUnit.Framework;

namespace GovStatsValidation.CrossReport.Tests.Rules;

/// <summary>Cross-report rule files (<c>*.cross.json</c>) read by the one rule loader of the core into <see cref="RuleDefinition"/>s.</summary>
[TestFixture]
public sealed class CrossRuleFilesTests
{
    [Test]
    public void LoadFolder_EveryFileUnderRulesCross_LoadsAndCompilesForItsDeclaredFormats()
    {
        var folder = Path.Combine(TestSupport.RepoRoot, "rules", "cross");
        var sets = RuleSetLoader.LoadFolder(folder);
        var options = new CrossReportOptions { UseBuiltInRules = false };
        foreach (var set in sets)
        {
            options.RuleSets.Add(set);
        }

        var checker = new CrossReportChecker(options); // compiles every rule for every pair of formats it declares
        var embedded = RuleSetLoader.LoadEmbedded().SelectMany(s => s.Rules).Where(r => r.Relation is not null);

        Assert.That(sets.SelectMany(s => s.Rules).Select(r => r.Id), Is.EquivalentTo(embedded.Select(r => r.Id)));
        Assert.That(sets.SelectMany(s => s.Rules).Select(r => r.Relation), Has.All.Not.Null);
        Assert.That(Directory.EnumerateFiles(folder, "*.cross.json").Count(), Is.EqualTo(sets.Count));
        Assert.That(checker.Rules, Has.Count.EqualTo(sets.Sum(s => s.Rules.Count)));
    }

    [Test]
    public void Parse_CrossFile_ReadsRelationCounterpartsVariantsAndReasonIntoRuleDefinition()
    {
        var set = RuleSetLoader.Parse("""
            {"id": "t", "title": {"zh": "测", "en": "t"}, "relation": "previousYear", "rules": [
              {"id": "t.a", "severity": "warning", "title": {"zh": "甲", "en": "a"}, "message": {"zh": "{actual} {other}", "en": "{actual} {other}"},
               "schemas": ["2021"], "counterpartSchemas": ["2019", "2021"], "samePairOnly": true, "variants": ["two-column"],
               "notApplicable": {"zh": "不适用", "en": "not applicable"}, "expression": "review[total] == prev.review[total]"},
              {"id": "t.b", "relation": "children", "severity": "info", "title": {"zh": "乙", "en": "b"}, "message": {"zh": "{detail}", "en": "{detail}"},
               "expression": "applications.received >= max(children.applications.received)"}
            ]}
            """, "t.cross.json");

        var a = set.Rules[0];
        var b = set.Rules[1];
        Assert.Multiple(() =>
        {
            Assert.That(a.Relation, Is.EqualTo(RuleRelation.PreviousYear), "the set's relation");
            Assert.That(a.CounterpartSchemas.Select(s => s.ToToken()), Is.EqualTo(new[] { "2019", "2021" }));
            Assert.That(a.SamePairOnly, Is.True);
            Assert.That(a.AppliesToVariant("two-column"), Is.True);
            Assert.That(a.AppliesToVariant(null), Is.False);
            Assert.That(a.NotApplicable?.En, Is.EqualTo("not applicable"));
            Assert.That(a.DefinedIn, Is.EqualTo("t.cross.json:2"));
            Assert.That(b.Relation, Is.EqualTo(RuleRelation.Children), "the rule's own relation wins");
            Assert.That(b.AppliesToVariant(null), Is.True);
        });
    }

    private static CrossReportOptions Options(RuleSet set)
    {
        var options = new CrossReportOptions { UseBuiltInRules = false };
        options.RuleSets.Add(set);
        return options;
    }

    [Test]
    public void Constructor_RuleWithUnknownCellAndBadPrefix_ListsEveryProblemWithRuleId()
    {
        var set = RuleSetLoader.Parse("""
            {"id": "t", "title": {"zh": "测", "en": "t"}, "relation": "previousYear", "rules": [
              {"id": "t.typo", "severity": "warning", "title": {"zh": "t", "en": "t"}, "message": {"zh": "{actual}", "en": "{actual}"},
               "schemas": ["2021"], "counterpartSchemas": ["2021"], "expression": "requests.carried_over[total] == prev.requests.carry_froward[total]"},
              {"id": "t.prefix", "severity": "warning", "title": {"zh": "t", "en": "t"}, "message": {"zh": "{actual}", "en": "{actual}"},
               "schemas": ["2021"], "counterpartSchemas": ["2021"], "expression": "review[total] <= parent.review[total]"}
            ]}
            """, "test.cross.json");

        var e = Assert.Throws<RuleLoadException>(() => new CrossReportChecker(Options(set)));

        Assert.That(e!.Problems.Select(p => p.Item), Is.EquivalentTo(new[] { "t.typo", "t.prefix" }));
        Assert.That(e.Problems.Single(p => p.Item == "t.typo").Message, Does.Contain("did you mean 'requests.carry_forward"));
        Assert.That(e.Problems.Single(p => p.Item == "t.prefix").Message, Does.Contain("'parent.' is not available"));
    }

    [Test]
    public void Parse_BrokenCrossFile_ListsEveryProblemWithLineAndColumn()
    {
        const string text = """
            {"id": "t", "title": {"zh": "测", "en": "t"}, "rules": [
              {"id": "t.x", "relation": "sibling", "severity": "warning", "title": {"zh": "t", "en": "t"},
               "message": {"zh": "{bogus}", "en": "{bogus}"}, "expression": "year > 0"},
              {"id": "t.y", "severity": "loud", "title": {"zh": "t", "en": "t"},
               "message": {"zh": "{actual}", "en": "{actual}"}, "expression": "year > 0"},
              {"id": "t.z", "relation": "parent", "severity": "info", "title": {"zh": "t", "en": "t"},
               "message": {"zh": "{actual}", "en": "{actual}"}, "expression": "year > 0", "suspect": "review[total]"}
            ]}
            """;

        var problems = Assert.Throws<RuleLoadException>(() => RuleSetLoader.Parse(text, "t.cross.json"))!.Problems;

        Assert.Multiple(() =>
        {
            Assert.That(problems.Select(p => p.Message), Has.Some.Contains("unknown relation 'sibling'"));
            Assert.That(problems.Select(p => p.Message), Has.Some.Contains("unknown placeholder '{bogus}'"));
            Assert.That(problems.Select(p => p.Message), Has.Some.Contains("missing 'relation'"));
            Assert.That(problems.Select(p => p.Message), Has.Some.Contains("unknown severity 'loud'"));
            Assert.That(problems.Select(p => p.Message), Has.Some.Contains("'suspect' is not available in a cross-report rule"));
            Assert.That(problems, Has.All.Matches<DataFileProblem>(p => p != null && p.File == "t.cross.json" && p.Line >= 2 && p.Line <= 7 && p.Column > 0));
            Assert.That(problems.Single(p => p.Message.Contains("sibling", StringComparison.Ordinal)).Line, Is.EqualTo(2));
            Assert.That(problems.Single(p => p.Message.Contains("loud", StringComparison.Ordinal)).Item, Is.EqualTo("t.y"));
        });
    }

    [Test]
    public void Parse_CrossPropertiesInTableRuleFile_AreProblems()
    {
        var problems = Assert.Throws<RuleLoadException>(() => RuleSetLoader.Parse("""
            {"id": "t", "title": {"zh": "测", "en": "t"}, "rules": [{"id": "t.x", "relation": "parent", "severity": "warning", "title": {"zh": "t", "en": "t"},
              "message": {"zh": "{actual}", "en": "{actual}"}, "expression": "year > 0", "counterpartSchemas": ["2021"]}]}
            """, "t.rules.json"))!.Problems;

        Assert.That(problems.Select(p => p.Message), Is.EquivalentTo(new[]
        {
            "'relation' belongs in a *.cross.json file (cross-report rules)",
            "'counterpartSchemas' belongs to a cross-report rule (in a *.cross.json file)",
        }));
    }

    [Test]
    public void Concepts_EveryExpression_BindsInItsSchema()
    {
        Assert.That(ConceptMap.BuiltIn.Problems(), Is.Empty);
        Assert.That(ConceptMap.BuiltIn.Concepts.Count(c => c.Additive), Is.GreaterThanOrEqualTo(4));
    }
}
