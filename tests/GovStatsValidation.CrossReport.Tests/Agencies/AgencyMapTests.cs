using GovStatsValidation.CrossReport.Agencies;
using NUnit.Framework;

namespace GovStatsValidation.CrossReport.Tests.Agencies;

[TestFixture]
public sealed class AgencyMapTests
{
    [Test]
    public void Load_UserFileWithFourProblems_EveryProblemNamesThePathLineAndAgency()
    {
        var path = Path.Combine(Path.GetTempPath(), $"datafiles-agencies-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {
              "aliases": { "旧名": 5 },
              "agencies": {
                "桐乡市人民政府": { "scope": "jurisdiction", "units": "49" },
                "桐乡市人民政府": { "scope": "own" },
                "市行政审批服务中心": { "jurisdiction": "桐乡市", "jurisdicton": "桐乡市" }
              }
            }
            """);
        try
        {
            var e = Assert.Throws<DataFileLoadException>(() => AgencyMap.Load(path))!;

            Assert.Multiple(() =>
            {
                Assert.That(e.Problems.Select(p => (p.Line, p.Item, p.Message.Split(" (")[0])), Is.EquivalentTo(new (int?, string?, string)[]
                {
                    (2, "旧名", "an alias must be a string"),
                    (4, "桐乡市人民政府", "'units' must be an integer, not the string \"49\""),
                    (5, null, "duplicate key '桐乡市人民政府' in one object"),
                    (6, "市行政审批服务中心", "unknown property 'jurisdicton'"),
                }));
                Assert.That(e.Problems, Has.All.Property(nameof(DataFileProblem.File)).EqualTo(path));
                Assert.That(e.Message, Does.Contain(path + "(6,"));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Load_MissingFile_DataFileProblemNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"datafiles-no-agencies-{Guid.NewGuid():N}.json");

        var e = Assert.Throws<DataFileLoadException>(() => AgencyMap.Load(path))!;

        Assert.That(e.Problems.Single().File, Is.EqualTo(path));
    }

    [Test]
    public void Parse_Truncated_NotValidJsonAtItsLine()
    {
        var e = Assert.Throws<DataFileLoadException>(() => AgencyMap.Parse("{\n  \"aliases\": {\n    \"a\": \"b\",\n", "m.json"))!;

        Assert.That(e.Problems.Single().Message, Does.StartWith("not valid JSON"));
        Assert.That(e.Problems.Single().Line, Is.GreaterThanOrEqualTo(3));
    }
}
