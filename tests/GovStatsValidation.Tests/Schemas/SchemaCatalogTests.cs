using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.Tests.Schemas;

[TestFixture]
public sealed class SchemaCatalogTests
{
    [TestCase(SchemaVersion.Pre2019, 58)]
    [TestCase(SchemaVersion.Format2019, 198)] // article 20: 22, applications 23 rows × 7, review and litigation 3 × 5
    [TestCase(SchemaVersion.Format2021, 200)] // article 20: 10, applications 25 rows × 7, review and litigation 3 × 5
    public void Get_EachSchema_CellsHaveUniqueIdsAndSlotsInOrder(SchemaVersion version, int cells)
    {
        var schema = SchemaCatalog.Get(version);
        Assert.Multiple(() =>
        {
            Assert.That(schema.Cells, Has.Count.EqualTo(cells));
            Assert.That(schema.Cells.Select(c => c.Id).Distinct().Count(), Is.EqualTo(schema.Cells.Count));
            Assert.That(schema.Cells.Select(c => c.Slot), Is.EqualTo(Enumerable.Range(0, schema.Cells.Count)));
            Assert.That(schema.Cells.All(c => schema.GetCell(c.Id) == c), Is.True);
        });
    }

    [Test]
    public void GetCell_Unknown_ThrowsNamingSchemaAndCell()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => SchemaCatalog.Get(SchemaVersion.Pre2019).GetCell("requests.new[total]"));
        Assert.That(e!.Message, Is.EqualTo("Schema pre2019 has no cell 'requests.new[total]'."));
    }

    [TestCase(2014, SchemaVersion.Pre2019)]
    [TestCase(2018, SchemaVersion.Pre2019)]
    [TestCase(2019, SchemaVersion.Format2019)]
    [TestCase(2020, SchemaVersion.Format2019)]
    [TestCase(2021, SchemaVersion.Format2021)]
    [TestCase(2025, SchemaVersion.Format2021)]
    public void ForYear_ReportYear_FormatInForce(int year, SchemaVersion expected)
    {
        Assert.That(SchemaVersions.ForYear(year), Is.EqualTo(expected));
    }

    [TestCase("pre2019", SchemaVersion.Pre2019)]
    [TestCase(" 2019 ", SchemaVersion.Format2019)]
    [TestCase("Format2021", SchemaVersion.Format2021)]
    public void TryParse_Token_Parses(string token, SchemaVersion expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(SchemaVersions.TryParse(token, out var version), Is.True);
            Assert.That(version, Is.EqualTo(expected));
            Assert.That(SchemaVersions.TryParse(expected.ToToken(), out var again) && again == expected, Is.True);
        });
    }

    [TestCase("2018")]
    [TestCase("")]
    [TestCase(null)]
    public void TryParse_Unknown_False(string? token)
    {
        Assert.That(SchemaVersions.TryParse(token, out _), Is.False);
    }

    [Test]
    public void CellId_RowAndColumn_Split()
    {
        CellId id = "requests.new[org.commercial]";
        Assert.Multiple(() =>
        {
            Assert.That(id.Row, Is.EqualTo("requests.new"));
            Assert.That(id.Column, Is.EqualTo("org.commercial"));
            Assert.That(new CellId("review.total").Column, Is.Null);
            Assert.That(CellId.Of("review", "total"), Is.EqualTo(new CellId("review[total]")));
        });
    }
    [Test]
    public void LoadDirectory_RulesTables_SameFormatsAndCellsAsTheEmbeddedOnes()
    {
        var loaded = SchemaCatalog.LoadDirectory(Path.Combine(RepoPaths.Rules, "tables"));

        Assert.That(loaded.Select(s => s.Version), Is.EquivalentTo(SchemaVersions.All));
        foreach (var schema in loaded)
        {
            var embedded = SchemaCatalog.Get(schema.Version);
            Assert.Multiple(() =>
            {
                Assert.That(schema.Cells.Select(c => c.Id), Is.EqualTo(embedded.Cells.Select(c => c.Id)), schema.Version.ToToken());
                Assert.That(schema.Variants.Select(v => v.Variant!.Id), Is.EqualTo(embedded.Variants.Select(v => v.Variant!.Id)));
                Assert.That(schema.Variants.Select(v => v.Cells.Count), Is.EqualTo(embedded.Variants.Select(v => v.Cells.Count)));
            });
        }
    }

    [Test]
    public void ReadDescription_NotJson_ThrowsNamingTheSourceAndPosition()
    {
        var e = Assert.Throws<DataFileLoadException>(() => SchemaCatalog.ReadDescription("{ \"id\": ", "my.table.json"));

        var problem = e!.Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem.File, Is.EqualTo("my.table.json"));
            Assert.That(problem.Line, Is.EqualTo(1));
            Assert.That(problem.Message, Does.StartWith("not valid JSON: "));
        });
    }

    [Test]
    public void ReadDescription_UnknownSchemaId_ThrowsNamingSourceLineAndId()
    {
        var e = Assert.Throws<DataFileLoadException>(() => SchemaCatalog.ReadDescription("{\n  \"id\": \"1999\"\n}", "old.table.json"));

        Assert.That(e!.Problems.Select(p => p.ToString()), Does.Contain("old.table.json(2,14): unknown schema id '1999' (pre2019, 2019, 2021)"));
    }

    [Test]
    public void ReadDescription_BrokenCopyOfEveryEmbeddedTable_EveryProblemListedWithLine()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(RepoPaths.Rules, "tables"), "*.table.json"))
        {
            // Four problems in one file: a row with a property of the wrong type, a misspelt property, a duplicated row id and a
            // duplicated key; all are listed at once, each at its own line.
            var root = JObject.Parse(File.ReadAllText(path));
            var rows = (JArray)root["tables"]![0]!["rows"]!;
            var first = (JObject)rows[0];
            var second = (JObject)rows[1];
            first["label"] = new JArray("not", "a", "string");
            second["lable"] = "misspelt";
            second["id"] = (string)first["id"]!;
            var text = root.ToString().Replace("\"legalBasis\": ", "\"legalBasis\": \"twice\",\n  \"legalBasis\": ", StringComparison.Ordinal);

            var e = Assert.Throws<DataFileLoadException>(() => SchemaCatalog.ReadDescription(text, "copy.table.json"))!;

            var messages = e.Problems.Select(p => p.Message).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(e.Problems, Has.All.Property(nameof(DataFileProblem.File)).EqualTo("copy.table.json"), path);
                Assert.That(e.Problems, Has.All.Property(nameof(DataFileProblem.Line)).Not.Null, path);
                Assert.That(messages, Has.One.StartWith("'label' must be a string, not an array"), path);
                Assert.That(messages, Has.One.StartWith("unknown property 'lable'"), path);
                Assert.That(messages, Has.One.StartWith($"duplicate row id '{first["id"]}'"), path);
                Assert.That(messages, Has.One.StartWith("duplicate key 'legalBasis'"), path);
                Assert.That(e.Problems.Where(p => p.Message.StartsWith("'label'", StringComparison.Ordinal) || p.Message.StartsWith("unknown property 'lable'", StringComparison.Ordinal)
                    || p.Message.StartsWith("duplicate", StringComparison.Ordinal)).Select(p => p.Line).Distinct().Count(), Is.EqualTo(4), path);
                Assert.That(e.Problems.Where(p => p.Message.StartsWith("unknown property", StringComparison.Ordinal)).Select(p => p.Item), Is.EqualTo(new[] { (string)first["id"]! }), path);
            });
        }
    }

    [Test]
    public void LoadDirectory_TwoBrokenFiles_OneExceptionListingBothWithTheirPaths()
    {
        var dir = Directory.CreateTempSubdirectory("datafiles-tables-");
        try
        {
            var good = File.ReadAllText(Path.Combine(RepoPaths.Rules, "tables", "2021.table.json"));
            File.WriteAllText(Path.Combine(dir.FullName, "a.table.json"), good.Replace("\"years\"", "\"yaers\"", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(dir.FullName, "b.table.json"), "{ \"id\": \"2021\", ");

            var e = Assert.Throws<DataFileLoadException>(() => SchemaCatalog.LoadDirectory(dir.FullName))!;

            Assert.That(e.Problems.Select(p => (Path.GetFileName(p.File), p.Message.Split(' ')[0] + " " + p.Message.Split(' ')[1])), Is.EquivalentTo(new[]
            {
                ("a.table.json", "unknown property"),
                ("a.table.json", "missing 'years'"),
                ("b.table.json", "not valid"),
            }));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void LoadDirectory_Missing_ThrowsDirectoryNotFound()
    {
        Assert.Throws<DirectoryNotFoundException>(() => SchemaCatalog.LoadDirectory(Path.Combine(RepoPaths.Root, "no-such-folder")));
    }
}
