using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Tests.Model;

[TestFixture]
public sealed class AnnualReportTests
{
    private static AnnualReport TwoColumnReport() => new()
    {
        Agency = new Agency("某县人民政府"),
        Year = 2016,
        Schema = SchemaVersion.Pre2019,
        Variant = "two-column",
        Cells = new ReportCells { { new CellId("active.total"), CellValue.Of(12) } },
        Source = "a.txt",
        SourceSha256 = "ab12",
        Input = new InputInfo { Format = "text", HasText = true },
        Sections = [new ReportSection("一", "概述", 3)],
        Claims = [],
        Tables = [new TableSeen("main", 10)],
        Corrections = [new CellCorrection { Cell = new CellId("active.total"), Published = "21", Value = 12, Reason = "typo", By = "auditor" }],
    };

    [Test]
    public void With_SameSchemaOtherCells_CarriesEverythingElseOver()
    {
        var report = TwoColumnReport();
        var cells = new ReportCells { { new CellId("active.total"), CellValue.Of(13) } };

        var copy = report.With(cells: cells);

        Assert.Multiple(() =>
        {
            Assert.That(copy.Cells, Is.SameAs(cells));
            Assert.That(copy.Schema, Is.EqualTo(SchemaVersion.Pre2019));
            Assert.That(copy.Variant, Is.EqualTo("two-column"));
            Assert.That(copy.SourceSha256, Is.EqualTo("ab12"));
            Assert.That(copy.Corrections, Is.SameAs(report.Corrections));
            Assert.That(copy.Input, Is.SameAs(report.Input));
            Assert.That(copy.Sections, Is.SameAs(report.Sections));
            Assert.That(copy.Tables, Is.SameAs(report.Tables));
            Assert.That(copy.Source, Is.EqualTo("a.txt"));
            Assert.That(copy.Agency, Is.EqualTo(report.Agency));
            Assert.That(copy.Year, Is.EqualTo(2016));
        });
    }

    [Test]
    public void With_OtherSchemaWithoutTheVariant_DropsVariantKeepsCorrections()
    {
        var report = TwoColumnReport();

        var copy = report.With(schema: SchemaVersion.Format2021);

        Assert.Multiple(() =>
        {
            Assert.That(copy.Schema, Is.EqualTo(SchemaVersion.Format2021));
            Assert.That(copy.Variant, Is.Null, "the two-column variant belongs to the pre-2019 format");
            Assert.That(copy.Cells, Is.SameAs(report.Cells));
            Assert.That(copy.Corrections, Has.Count.EqualTo(1));
            Assert.That(copy.SourceSha256, Is.EqualTo("ab12"));
            Assert.That(() => copy.SchemaDefinition, Throws.Nothing);
        });
    }
}
