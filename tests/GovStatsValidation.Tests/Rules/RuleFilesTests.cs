using GovStatsValidation.Checking;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.Tests.Rules;

/// <summary>The files under the repository's rules/ folder: each loads, compiles against every schema and points at its JSON Schema.</summary>
[TestFixture]
public sealed class RuleFilesTests
{
    private static IEnumerable<string> RuleFiles() =>
        Directory.EnumerateFiles(RepoPaths.Rules, "*.rules.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => Path.GetRelativePath(RepoPaths.Rules, p));

    private static IEnumerable<string> AllDataFiles() =>
        Directory.EnumerateFiles(RepoPaths.Rules, "*.json", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "schema" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(p => Path.GetRelativePath(RepoPaths.Rules, p));

    [Test]
    public void EnumerateRuleFiles_RulesFolder_FindsEveryBuiltInSet()
    {
        Assert.That(RuleFiles().ToList(), Has.Count.GreaterThanOrEqualTo(4));
    }

    [TestCaseSource(nameof(RuleFiles))]
    public void Parse_RepositoryRuleFile_LoadsAndCompilesForEverySchema(string relative)
    {
        var path = Path.Combine(RepoPaths.Rules, relative);
        var set = RuleSetLoader.Parse(File.ReadAllText(path), path);
        var options = new GovStatsValidationOptions { UseBuiltInRules = false };
        options.RuleSets.Add(set);
        var catalog = new RuleCatalog(options);

        Assert.DoesNotThrow(catalog.CompileAll);
        Assert.That(SchemaVersions.All.Sum(catalog.InstanceCount), Is.GreaterThan(0), "the file's rules apply somewhere");
    }

    [TestCaseSource(nameof(AllDataFiles))]
    public void DataFile_Always_CarriesSchemaThatExists(string relative)
    {
        var path = Path.Combine(RepoPaths.Rules, relative);
        var schema = (string?)JObject.Parse(File.ReadAllText(path))["$schema"];
        Assert.That(schema, Is.Not.Null.And.Not.Empty, "\"$schema\" is missing");
        Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, schema!)), Is.True, $"{schema} does not exist next to {relative}");
    }

    [Test]
    public void LoadFolder_RepositoryRules_EqualsEmbeddedRules()
    {
        var folder = RuleSetLoader.LoadFolder(RepoPaths.Rules);
        var embedded = RuleSetLoader.LoadEmbedded();
        Assert.That(folder.SelectMany(s => s.Rules).Select(r => r.Id), Is.EqualTo(embedded.SelectMany(s => s.Rules).Select(r => r.Id)));
    }

    [Test]
    public void CompileAll_RepositoryRulesFolder_CompilesForEverySchema()
    {
        var options = new GovStatsValidationOptions { UseBuiltInRules = false };
        options.RuleFolders.Add(RepoPaths.Rules);
        var catalog = new RuleCatalog(options);
        Assert.DoesNotThrow(catalog.CompileAll);
        Assert.That(SchemaVersions.All.Select(catalog.InstanceCount), Is.EqualTo(SchemaVersions.All.Select(RuleCatalog.BuiltIn.InstanceCount)));
    }

    [Test]
    public void BuiltInRules_EveryMessage_UsesSamePlaceholdersInBothLanguages()
    {
        var mismatched = RuleCatalog.BuiltIn.Rules
            .Where(r => !RuleSetLoader.Placeholders(r.Message.Zh).SetEquals(RuleSetLoader.Placeholders(r.Message.En))
                || !RuleSetLoader.Placeholders(r.Title.Zh).SetEquals(RuleSetLoader.Placeholders(r.Title.En)))
            .Select(r => r.Id);
        Assert.That(mismatched, Is.Empty);
    }

    [Test]
    public void BuiltInRules_EveryMessage_HasTextInBothLanguages()
    {
        var empty = RuleCatalog.BuiltIn.Rules.Where(r => string.IsNullOrWhiteSpace(r.Message.Zh) || string.IsNullOrWhiteSpace(r.Message.En)
            || string.IsNullOrWhiteSpace(r.Title.Zh) || string.IsNullOrWhiteSpace(r.Title.En)).Select(r => r.Id);
        Assert.That(empty, Is.Empty);
    }

    [Test]
    public void BuiltInRules_Ids_AreUnique()
    {
        var duplicates = RuleCatalog.BuiltIn.Rules.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.That(duplicates, Is.Empty);
    }
}
