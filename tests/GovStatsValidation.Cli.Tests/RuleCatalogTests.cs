using GovStatsValidation.CrossReport;
using GovStatsValidation.Readers;
using GovStatsValidation.Readers.Pipeline;
using GovStatsValidation.Rules;
using GovStatsValidation.TestUtils;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace GovStatsValidation.Cli.Tests;

/// <summary>The catalogue of every rule (<see cref="IRuleCatalog"/>) as the packages register it, and its use by the CLI.</summary>
[TestFixture]
public sealed class RuleCatalogTests
{
    private static ServiceProvider Services() => new ServiceCollection()
        .AddGovStatsValidation()
        .AddReaders(o => o.RelativeTo = Environment.CurrentDirectory)
        .AddCrossReport()
        .BuildServiceProvider();

    [Test]
    public void Check_ProjectFixtures_EveryFindingsRuleIdIsInTheCatalogue()
    {
        var folders = new[] { "fixtures", "examples", "variants", "cross", "extraction" }
            .Select(f => TestPaths.InRepository("tests", "data", f)).Where(Directory.Exists).ToList();
        AssertEveryRuleIdListed(folders, minimumReports: 10);
    }

    [Test]
    public void Check_RealReportsUnderShared_EveryFindingsRuleIdIsInTheCatalogue() =>
        AssertEveryRuleIdListed([TestPaths.RequireShared("seeds"), TestPaths.RequireShared("corpus")], minimumReports: 10);

    [Test]
    public void RuleCatalog_EveryKind_HasRulesAndEachIdOnce()
    {
        using var services = Services();
        var rules = services.GetRequiredService<IRuleCatalog>().Rules;

        Assert.Multiple(() =>
        {
            foreach (var kind in Enum.GetValues<RuleKind>())
            {
                Assert.That(rules.Count(r => r.Kind == kind), Is.GreaterThan(0), kind.ToString());
            }

            Assert.That(rules.Select(r => r.Id), Is.Unique);
            Assert.That(rules.Where(r => r.Kind == RuleKind.Table).Select(r => r.Id), Is.EqualTo(Checking.RuleCatalog.BuiltIn.Rules.Select(r => r.Id)));
            Assert.That(rules.First(r => r.Id == "narrative.figure.table").Source, Is.EqualTo("rules/narrative/narrative.checks.json"));
            Assert.That(rules.Where(r => r.Kind == RuleKind.Cross).Select(r => r.Id), Does.Contain(CrossReportChecker.MissingCounterpartRule));
        });
    }

    /// <summary>docs/rules.md is generated from the catalogue of every package; UPDATE_GENERATED=1 rewrites it.</summary>
    [Test]
    public void RuleReference_Markdown_MatchesDocsRulesMd()
    {
        using var services = new ServiceCollection().AddGovStatsValidation().AddReaders().AddCrossReport().BuildServiceProvider();
        GeneratedFiles.AssertUpToDate(Path.Combine(RepoPaths.Root, "docs", "rules.md"), RuleReference.Markdown(services.GetRequiredService<IRuleCatalog>()));
    }

    [Test]
    public void DocsRulesMd_EveryRuleOfTheCatalogue_HasItsEntry()
    {
        using var services = Services();
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "rules.md"));
        var rules = services.GetRequiredService<IRuleCatalog>().Rules;

        Assert.Multiple(() =>
        {
            foreach (var kind in Enum.GetValues<RuleKind>())
            {
                Assert.That(rules.Count(r => r.Kind == kind), Is.GreaterThan(0), kind.ToString());
            }

            foreach (var rule in rules)
            {
                Assert.That(text, Does.Contain($"### `{rule.Id}` ({rule.Severity.ToString().ToLowerInvariant()}"), rule.Id);
                Assert.That(text, Does.Contain(rule.Title.Zh), rule.Id);
                if (rule.Definition is { } definition)
                {
                    Assert.That(text, Does.Contain(definition.Expression), rule.Id);
                }
            }
        });
    }

    [Test]
    public void AddPackages_Twice_CatalogueListsEachRuleOnce()
    {
        using var once = Services();
        using var twice = new ServiceCollection()
            .AddGovStatsValidation().AddReaders().AddCrossReport()
            .AddGovStatsValidation().AddReaders().AddCrossReport()
            .BuildServiceProvider();

        Assert.That(twice.GetServices<IRuleDescriptionSource>().Count(), Is.EqualTo(once.GetServices<IRuleDescriptionSource>().Count()));
        Assert.That(twice.GetRequiredService<IRuleCatalog>().Rules, Is.EqualTo(once.GetRequiredService<IRuleCatalog>().Rules));
    }

    [Test]
    public void Check_DisableUnknownRule_UsageErrorBeforeReadingAnything()
    {
        var (code, stdout, stderr) = Cli.Run("check", "tests/data/examples", "--format", "json", "--disable", "row-total");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(stderr, Does.Contain("--disable: no rule 'row-total'"));
            Assert.That(stderr, Does.Contain("did you mean: 2019.applications.row-total"));
            Assert.That(stdout, Is.Empty, "no report was checked");
        });
    }

    [TestCase("structure.section.missing")]
    [TestCase("narrative.figure.table")]
    [TestCase("input.table.unread")]
    [TestCase(CrossReportChecker.MissingCounterpartRule)]
    public void Check_DisableRuleOfAnotherKind_Accepted(string rule)
    {
        var (code, _, stderr) = Cli.Run("check", "tests/data/examples", "--format", "json", "--fail-on", "never", "--disable", rule);

        Assert.That(code, Is.EqualTo(CliApp.ExitOk), stderr);
    }

    [Test]
    public void RulesShow_NarrativeRule_ShowsKindSeverityAndFile()
    {
        var (code, output, _) = Cli.Run("rules", "show", "narrative.figure.table", "--lang", "en");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitOk));
            Assert.That(output, Does.Contain("  kind       narrative"));
            Assert.That(output, Does.Contain("  severity   warning"));
            Assert.That(output, Does.Contain("  defined in rules/narrative/narrative.checks.json"));
        });
    }

    private static void AssertEveryRuleIdListed(IReadOnlyList<string> folders, int minimumReports)
    {
        using var services = Services();
        var catalog = services.GetRequiredService<IRuleCatalog>();
        var result = services.GetRequiredService<IReportPipeline>().CheckAsync(folders).GetAwaiter().GetResult();
        var ids = result.Results.SelectMany(r => r.Findings).Select(f => f.RuleId)
            .Concat((result.CrossReport ?? []).Select(c => c.Finding.RuleId))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(result.Results, Has.Count.GreaterThanOrEqualTo(minimumReports));
            Assert.That(ids, Is.Not.Empty);
            Assert.That(ids.Where(id => catalog.Find(id) is null).Order(StringComparer.Ordinal), Is.Empty, "rule ids of findings missing from the catalogue");
        });
    }
}
