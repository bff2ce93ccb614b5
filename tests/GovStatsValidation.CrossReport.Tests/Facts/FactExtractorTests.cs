using GovStatsValidation.CrossReport.Facts;
using GovStatsValidation.TestUtils;
using NUnit.Framework;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.CrossReport.Tests.Facts;

[TestFixture]
public sealed class FactExtractorTests
{
    private const string File = "cross/facts.json";

    [Test]
    public void Parse_BrokenCopy_OneExceptionListingEveryProblemWithLine()
    {
        // Before, the word lists were read with JObject.Parse and casts: a wrong type was an InvalidCastException with no file or line.
        var text = BrokenDataFiles.Copy(File, root =>
        {
            root["minLabelLength"] = "two";
            root["stopWord"] = new JArray("已");
            ((JArray)root["clauseBreaks"]!).Add("，，");
        });

        var e = Assert.Throws<DataFileLoadException>(() => FactExtractor.Parse(text, "facts-copy.json"))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Problems.Select(p => p.Message.Split(" (")[0]), Is.EquivalentTo(new[]
            {
                "duplicate key '$dup' in one object",
                "'minLabelLength' must be an integer, not the string \"two\"",
                "unknown property 'stopWord'",
                "each element of 'clauseBreaks' must be one character",
            }));
            Assert.That(e.Problems, Has.All.Property(nameof(DataFileProblem.File)).EqualTo("facts-copy.json"));
            Assert.That(e.Problems, Has.All.Property(nameof(DataFileProblem.Line)).GreaterThan(0));
        });
    }

    [Test]
    public void Parse_Truncated_NotValidJsonAtItsLine()
    {
        var e = Assert.Throws<DataFileLoadException>(() => FactExtractor.Parse(BrokenDataFiles.Truncated(File), "f.json"))!;

        Assert.That(e.Problems.Single().Message, Does.StartWith("not valid JSON"));
        Assert.That(e.Problems.Single().Line, Is.GreaterThan(1));
    }

    [Test]
    public void Parse_Original_SameFactsAsTheBuiltIn()
    {
        const string text = "2023年，本机关共主动公开政府信息1234条，其中政府网站公开800条。";
        var parsed = FactExtractor.Parse(BrokenDataFiles.Original(File), "facts.json").Extract(text, 2023);

        Assert.That(parsed, Is.EqualTo(FactExtractor.BuiltIn.Extract(text, 2023)));
        Assert.That(parsed, Is.Not.Empty);
    }
}
