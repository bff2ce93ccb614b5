using GovStatsValidation.CrossReport.Rules;
using GovStatsValidation.TestUtils;
using NUnit.Framework;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.CrossReport.Tests.Rules;

[TestFixture]
public sealed class ConceptMapTests
{
    private const string File = "cross/concepts.json";

    [Test]
    public void Parse_BrokenCopy_OneExceptionListingEveryProblemWithLineAndConcept()
    {
        var text = BrokenDataFiles.Copy(File, root =>
        {
            var concepts = (JObject)root["concepts"]!;
            var first = (JObject)concepts.Properties().First().Value;
            var second = (JObject)concepts.Properties().Skip(1).First().Value;
            first["additive"] = "yes";
            second["adittive"] = true;
            ((JObject)second["title"]!)["en"] = 5;
        });

        var e = Assert.Throws<DataFileLoadException>(() => ConceptMap.Parse(text, "my-concepts.json"))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Problems.Select(p => p.Message), Is.EquivalentTo(new[]
            {
                "duplicate key '$dup' in one object (at the top level); the first one is kept",
                "'additive' must be true or false, not the string \"yes\"",
                "unknown property 'adittive' (known: title, additive, claimConcepts, absent, pre2019, 2019, 2021)",
                "'title' must be an object with \"zh\" and \"en\" strings",
            }));
            Assert.That(e.Problems, Has.All.Property(nameof(DataFileProblem.File)).EqualTo("my-concepts.json"));
            Assert.That(e.Problems, Has.All.Property(nameof(DataFileProblem.Line)).GreaterThan(0));
            Assert.That(e.Problems.Where(p => p.Item is not null).Select(p => p.Item).Distinct().Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public void Parse_Truncated_NotValidJsonAtItsLine()
    {
        var e = Assert.Throws<DataFileLoadException>(() => ConceptMap.Parse(BrokenDataFiles.Truncated(File), "c.json"))!;

        Assert.That(e.Problems.Single().Message, Does.StartWith("not valid JSON"));
        Assert.That(e.Problems.Single().Line, Is.GreaterThan(1));
    }

    [Test]
    public void Parse_UnknownFormatInAbsent_Listed()
    {
        var e = Assert.Throws<DataFileLoadException>(() => ConceptMap.Parse("""
            {"concepts": {"x": {"title": {"zh": "甲", "en": "x"}, "absent": {"2020": {"zh": "无", "en": "none"}}}}}
            """, "c.json"))!;

        Assert.That(e.Problems.Single().ToString(), Does.Contain("[x] unknown format '2020' in 'absent'"));
    }

    [Test]
    public void BuiltIn_EmbeddedFile_Loads()
    {
        Assert.That(ConceptMap.BuiltIn.Concepts.Count(), Is.GreaterThan(5));
    }
}
