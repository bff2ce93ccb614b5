using GovStatsValidation.Schemas;

namespace GovStatsValidation.Tests.Schemas;

/// <summary>The two-column variant of the pre-2019 table (本年度 · 历年累计), read from rules/tables/pre2019.table.json.</summary>
[TestFixture]
public sealed class SchemaVariantTests
{
    private static ReportSchema National => SchemaCatalog.Get(SchemaVersion.Pre2019);

    private static ReportSchema TwoColumn => SchemaCatalog.Get(SchemaVersion.Pre2019, "two-column");

    [Test]
    public void Get_Pre2019National_KeepsItsCellsAndIds()
    {
        Assert.Multiple(() =>
        {
            Assert.That(National.Variant, Is.Null);
            Assert.That(National.Cells, Has.Count.EqualTo(58));
            Assert.That(National.Cells.All(c => c.Column is null), Is.True);
            Assert.That(National.TryGetCell("active.total[cumulative]", out _), Is.False);
            Assert.That(National.Variants.Select(v => v.Variant!.Id), Is.EqualTo(new[] { "two-column" }));
        });
    }

    [Test]
    public void Get_TwoColumn_EveryValueRowHasAPlainAndACumulativeCell()
    {
        var rows = TwoColumn.Rows.Where(r => r.Kind == RowKind.Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(TwoColumn.Variant!.Id, Is.EqualTo("two-column"));
            Assert.That(TwoColumn.Version, Is.EqualTo(SchemaVersion.Pre2019));
            Assert.That(rows.All(r => r.Cells.Count == 2 && r.Cells[0].Id.Value == r.Id && r.Cells[1].Id == CellId.Of(r.Id, "cumulative")), Is.True);
            Assert.That(TwoColumn.Cells, Has.Count.EqualTo(2 * rows.Count));
            Assert.That(TwoColumn.Cells.Select(c => c.Slot), Is.EqualTo(Enumerable.Range(0, TwoColumn.Cells.Count)));
            Assert.That(TwoColumn.GetCell("active.total[cumulative]").Label, Is.EqualTo("主动公开政府信息数 / 历年累计"));
            Assert.That(TwoColumn.Tables[0].CurrentColumn!.Label, Is.EqualTo("本年度"));
        });
    }

    [Test]
    public void Get_TwoColumn_PrintedRowsReplaceTheNationalOnes()
    {
        var received = TwoColumn.Rows.Single(r => r.Id == "requests.received");
        var replies = TwoColumn.Rows.Single(r => r.Id == "requests.replies");
        Assert.Multiple(() =>
        {
            Assert.That(received.Children.Select(c => c.Id), Is.EqualTo(new[] { "requests.received.in_person", "requests.received.letter_fax", "requests.received.online" }));
            Assert.That(received.Children[1].Replaces, Is.EqualTo(new[] { "requests.received.fax", "requests.received.letter" }));
            Assert.That(replies.Children.Select(c => c.Id), Is.EqualTo(new[] { "requests.replies.other_kinds", "requests.replies.granted", "requests.replies.partial", "requests.replies.refused" }));
            Assert.That(TwoColumn.TryGetCell("requests.received.fax", out _), Is.False);
            Assert.That(TwoColumn.GetCell("fees.waived").Unit, Is.EqualTo("元"));
            Assert.That(TwoColumn.GetCell("fees.waived[cumulative]").Kind, Is.EqualTo(ValueKind.Amount));
        });
    }

    [Test]
    public void Get_UnknownVariant_ThrowsNamingTheKnownOnes()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => SchemaCatalog.Get(SchemaVersion.Format2021, "two-column"));
        Assert.That(e!.Message, Does.Contain("Schema 2021 has no variant 'two-column'"));
    }
}
