using GovStatsValidation.Readers.Narrative;
using GovStatsValidation.TestUtils;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Narrative;

/// <summary>The narrative lexicon and check set report every problem of a file at once, with file, line and item.</summary>
[TestFixture]
public sealed class NarrativeDataFileTests
{
    private const string LexiconFile = "lexicon/narrative.lexicon.json";
    private const string ChecksFile = "narrative/narrative.checks.json";

    [Test]
    public void ParseLexicon_BrokenCopy_OneExceptionListingEveryProblemWithLineAndConcept()
    {
        string? first = null, second = null;
        var text = BrokenDataFiles.Copy(LexiconFile, root =>
        {
            var concepts = (JArray)root["concepts"]!;
            first = (string)concepts[0]["id"]!;
            second = (string)concepts[1]["id"]!;
            concepts[0]["units"] = "件";
            concepts[1]["phrase"] = new JArray("某某");
            concepts[1]["cells"] = new JObject { ["2021"] = new JArray("no.such.cell") };
            ((JArray)root["statements"]!)[0]["concept"] = "no.such.concept";
        });

        var e = Assert.Throws<DataFileLoadException>(() => NarrativeLexicon.Parse(text, "my.lexicon.json"))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Problems.Select(p => (p.Item, p.Message.Split(" (")[0])), Is.EquivalentTo(new (string?, string)[]
            {
                (null, "duplicate key '$dup' in one object"),
                (first, "'units' must be an array, not the string \"件\""),
                (second, "unknown property 'phrase'"),
                (second, "schema 2021 has no cell 'no.such.cell'"),
                ((string?)((JArray)JObject.Parse(text)["statements"]!)[0]["id"], "unknown concept 'no.such.concept'"),
            }));
            Assert.That(e.Problems, Has.All.Property(nameof(DataFileProblem.File)).EqualTo("my.lexicon.json"));
            Assert.That(e.Problems, Has.All.Property(nameof(DataFileProblem.Line)).GreaterThan(0));
        });
    }

    [Test]
    public void ParseChecks_BrokenCopy_OneExceptionListingEveryProblemWithLineAndCheck()
    {
        string? first = null, second = null;
        var text = BrokenDataFiles.Copy(ChecksFile, root =>
        {
            var checks = (JArray)root["checks"]!;
            first = (string)checks[0]["id"]!;
            second = (string)checks[1]["id"]!;
            checks[0]["severity"] = 2;
            checks[1]["kind"] = "no-such-kind";
            checks[1]["mesage"] = new JObject();
        });

        var e = Assert.Throws<DataFileLoadException>(() => NarrativeCheckSet.Parse(text, "my.checks.json"))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Problems.Select(p => (p.Item, p.Message.Split(" (")[0])), Is.EquivalentTo(new (string?, string)[]
            {
                (null, "duplicate key '$dup' in one object"),
                (first, "'severity' must be a string, not the number 2"),
                (second, "unknown kind 'no-such-kind'"),
                (second, "unknown property 'mesage'"),
            }));
            Assert.That(e.Problems, Has.All.Property(nameof(DataFileProblem.Line)).GreaterThan(0));
        });
    }

    [Test]
    public void LoadChecks_UserFileTruncated_ProblemNamesThePathAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"datafiles-checks-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, BrokenDataFiles.Truncated(ChecksFile));
        try
        {
            var e = Assert.Throws<DataFileLoadException>(() => NarrativeCheckSet.Load(path))!;

            Assert.That(e.Problems.Single().File, Is.EqualTo(path));
            Assert.That(e.Problems.Single().Line, Is.GreaterThan(1));
            Assert.That(e.Problems.Single().Message, Does.StartWith("not valid JSON"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void LoadLexicon_TheFileOnDisk_SameConceptsAsTheEmbeddedOne()
    {
        var fromDisk = NarrativeLexicon.Load(Path.Combine(RepoPaths.Rules, LexiconFile));

        Assert.That(fromDisk.Concepts.Select(c => c.Id), Is.EqualTo(NarrativeLexicon.Default.Concepts.Select(c => c.Id)));
    }
}
