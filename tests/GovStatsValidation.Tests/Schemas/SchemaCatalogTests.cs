using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;

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
    public void ReadDescription_NotJson_ThrowsNamingTheSource()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SchemaCatalog.ReadDescription("{ \"id\": ", "my.table.json"));

        Assert.That(e!.Message, Does.StartWith("my.table.json: "));
    }

    [Test]
    public void ReadDescription_UnknownSchemaId_ThrowsNamingSourceAndId()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SchemaCatalog.ReadDescription("{ \"id\": \"1999\" }", "old.table.json"));

        Assert.That(e!.Message, Is.EqualTo("old.table.json: unknown schema id '1999'"));
    }

    [Test]
    public void LoadDirectory_Missing_ThrowsDirectoryNotFound()
    {
        Assert.Throws<DirectoryNotFoundException>(() => SchemaCatalog.LoadDirectory(Path.Combine(RepoPaths.Root, "no-such-folder")));
    }
}
