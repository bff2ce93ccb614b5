using GovStatsValidation.Readers.Schema;
using GovStatsValidation.Schemas;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Schema;

/// <summary>The reader's view of the formats is built from the core's descriptions (one loader for rules/tables).</summary>
[TestFixture]
public sealed class TableSchemaTests
{
    [Test]
    public void From_Pre2019_NationalTableHasNoColumnsAndTheVariantTwo()
    {
        var schema = TableSchema.From(SchemaCatalog.Get(SchemaVersion.Pre2019));

        var variant = schema.Variants.Single();
        var stats = variant.Tables.Single();
        Assert.Multiple(() =>
        {
            Assert.That(schema.Variant, Is.Null);
            Assert.That(schema.Tables.Single().Columns, Is.Empty);
            Assert.That(variant.Id, Is.EqualTo("pre2019"));
            Assert.That(variant.Variant, Is.EqualTo("two-column"));
            Assert.That(variant.VariantDetect, Is.EqualTo(new[] { "历年累计" }));
            Assert.That(stats.Columns.Select(c => (c.Id, c.KeepsRowId)), Is.EqualTo(new[] { ("current", true), ("cumulative", false) }));
            Assert.That(stats.Columns[0].Labels, Does.Contain("本年度"));
        });
    }

    [Test]
    public void From_TwoColumnVariant_CellIdsAreTheCoreCellIdsInOrder()
    {
        var core = SchemaCatalog.Get(SchemaVersion.Pre2019, "two-column");
        var schema = TableSchema.From(SchemaCatalog.Get(SchemaVersion.Pre2019)).Variants.Single();

        var ids = schema.Tables.SelectMany(t => t.ValueRows.SelectMany(t.CellIds)).ToList();

        Assert.That(ids, Is.EqualTo(core.Cells.Select(c => c.Id.Value)));
    }

    [TestCase(SchemaVersion.Pre2019)]
    [TestCase(SchemaVersion.Format2019)]
    [TestCase(SchemaVersion.Format2021)]
    public void From_EachFormat_CellIdsAreTheCoreCellIdsInOrder(SchemaVersion version)
    {
        var core = SchemaCatalog.Get(version);
        var schema = TableSchema.From(core);

        var ids = schema.Tables.SelectMany(t => t.ValueRows.SelectMany(t.CellIds)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.EqualTo(core.Cells.Select(c => c.Id.Value)));
            Assert.That(schema.AllRows.Select(r => r.Order), Is.EqualTo(Enumerable.Range(0, schema.AllRows.Count())));
        });
    }

    [Test]
    public void LoadDirectory_RulesTables_SameAsBuiltIn()
    {
        var fromFiles = TableSchema.LoadDirectory(TestPaths.SchemaDirectory);
        var builtIn = TableSchema.LoadBuiltIn();

        Assert.That(fromFiles.Select(s => (s.Id, s.AllRows.Count(), s.Variants.Count)), Is.EqualTo(builtIn.Select(s => (s.Id, s.AllRows.Count(), s.Variants.Count))));
    }
}
