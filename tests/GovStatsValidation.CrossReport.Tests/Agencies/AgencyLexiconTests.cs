using GovStatsValidation.CrossReport.Agencies;
using GovStatsValidation.TestUtils;
using NUnit.Framework;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.CrossReport.Tests.Agencies;

[TestFixture]
public sealed class AgencyLexiconTests
{
    [Test]
    public void Parse_BrokenLexiconAndAliases_OneExceptionListingTheProblemsOfBothFiles()
    {
        var lexicon = BrokenDataFiles.Copy("agencies/lexicon.json", root =>
        {
            ((JObject)((JArray)root["placeLevels"]!)[0])["level"] = "city";
            root["governmentBody"] = new JArray("人民政府");
        });
        var aliases = BrokenDataFiles.Copy("agencies/aliases.json", root => root["aliases"] = new JObject { ["旧名"] = new JArray("新名") });

        var e = Assert.Throws<DataFileLoadException>(() => AgencyLexicon.Parse(lexicon, aliases))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Problems.Select(p => (p.File, p.Message.Split(" (")[0])), Is.EquivalentTo(new[]
            {
                ("rules/agencies/lexicon.json", "duplicate key '$dup' in one object"),
                ("rules/agencies/lexicon.json", "unknown level 'city'"),
                ("rules/agencies/lexicon.json", "unknown property 'governmentBody'"),
                ("rules/agencies/aliases.json", "duplicate key '$dup' in one object"),
                ("rules/agencies/aliases.json", "an alias must be a string"),
            }));
            Assert.That(e.Problems, Has.All.Property(nameof(DataFileProblem.Line)).GreaterThan(0));
            Assert.That(e.Problems.Single(p => p.Message.StartsWith("an alias", StringComparison.Ordinal)).Item, Is.EqualTo("旧名"));
        });
    }

    [Test]
    public void Parse_TruncatedAliases_NotValidJson()
    {
        var e = Assert.Throws<DataFileLoadException>(() => AgencyLexicon.Parse(BrokenDataFiles.Original("agencies/lexicon.json"), BrokenDataFiles.Truncated("agencies/aliases.json")))!;

        Assert.That(e.Problems.Single().File, Is.EqualTo("rules/agencies/aliases.json"));
        Assert.That(e.Problems.Single().Message, Does.StartWith("not valid JSON"));
    }
}
