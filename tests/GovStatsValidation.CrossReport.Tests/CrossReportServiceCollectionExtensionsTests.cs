using GovStatsValidation.Rules;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace GovStatsValidation.CrossReport.Tests;

[TestFixture]
public sealed class CrossReportServiceCollectionExtensionsTests
{
    private const string UserCrossRules = """
        {"id": "user.cross", "title": {"zh": "用户", "en": "user"}, "relation": "previousYear", "rules": [
          {"id": "user.review-not-halved", "severity": "info", "title": {"zh": "行政复议未减半", "en": "Reviews not halved"},
           "message": {"zh": "{actual} {expected}", "en": "{actual} {expected}"}, "schemas": ["2021"], "counterpartSchemas": ["2021"],
           "expression": "review[total] * 2 >= prev.review[total]"}
        ]}
        """;

    [Test]
    public void AddCrossReport_CrossFileInCoreRuleFolder_IsRunAndCatalogued()
    {
        var folder = Directory.CreateTempSubdirectory("rulemodel-di-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "user.cross.json"), UserCrossRules);
            using var services = new ServiceCollection().AddGovStatsValidation(o => o.RuleFolders.Add(folder.FullName)).AddCrossReport().BuildServiceProvider();

            var checker = services.GetRequiredService<CrossReportChecker>();
            var catalog = services.GetRequiredService<IRuleCatalog>();

            Assert.Multiple(() =>
            {
                Assert.That(checker.Rules.Select(r => r.Id), Does.Contain("user.review-not-halved").And.Contain("cross.carry-over"));
                Assert.That(catalog.Find("user.review-not-halved")?.Kind, Is.EqualTo(RuleKind.Cross));
                Assert.That(services.GetRequiredService<Checking.RuleCatalog>().Rules.Select(r => r.Id), Does.Not.Contain("user.review-not-halved"),
                    "a rule with a relation is not a table rule");
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void AddCrossReport_DisabledThroughCoreOptions_IsNotRun()
    {
        using var services = new ServiceCollection().AddGovStatsValidation(o => o.DisabledRules.Add("cross.carry-over")).AddCrossReport().BuildServiceProvider();

        Assert.That(services.GetRequiredService<CrossReportChecker>().Rules.Select(r => r.Id), Does.Not.Contain("cross.carry-over").And.Contain("cross.in-force"));
    }
}
