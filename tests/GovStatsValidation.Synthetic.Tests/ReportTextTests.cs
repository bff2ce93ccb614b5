using System.Globalization;
using CsvHelper;
using GovStatsValidation.Model;
using GovStatsValidation.Readers;
using GovStatsValidation.Schemas;
using NUnit.Framework;

namespace GovStatsValidation.Synthetic.Tests;

public sealed class ReportTextTests
{
    [Test]
    public void ToText_ReadByThePublishedReportReader_SameCellsAsTheModel()
    {
        var reader = new ReportReader();
        var published = new PublishedReportReader();
        var differences = new List<string>();
        foreach (var report in new SyntheticGenerator(new SyntheticOptions { Seed = 21, ErrorRate = 0.3 }).Generate(450))
        {
            var read = published.ToReport(reader.ReadText(ReportText.ToText(report)), report.Name);
            var model = report.ToAnnualReport();
            if ((read.Year, read.Schema, read.Agency.Name) != (model.Year, model.Schema, model.Agency.Name))
            {
                differences.Add($"{report.Name}: read as {read}");
            }

            foreach (var id in model.Cells.Select(c => c.Key).Union(read.Cells.Select(c => c.Key)))
            {
                var (want, got) = (model.Cells[id], read.Cells[id]);
                if (want.State != got.State || want.Number != got.Number)
                {
                    differences.Add($"{report.Name} {id}: written {want}, read {got}");
                }
            }
        }

        Assert.That(differences, Is.Empty);
    }

    [Test]
    public void ToText_Pre2019_OneCellPerLineWithLabelUnitAndValue()
    {
        var report = new SyntheticGenerator(new SyntheticOptions { Seed = 22, ErrorRate = 0, Schemas = [SchemaVersion.Pre2019] }).Report(0);
        var lines = ReportText.ToText(report).Split('\n');
        var at = Array.FindIndex(lines, l => l.EndsWith("主动公开政府信息数", StringComparison.Ordinal));
        Assert.That(at, Is.GreaterThan(0));
        Assert.That(lines[at + 1], Is.EqualTo("\t条"));
        Assert.That(lines[at + 2], Is.EqualTo("\t" + report.PrintedText(report.Slot("active.total"))));
    }

    [Test]
    public void ToText_Format2021_ApplicationRowsTabSeparatedWithTotalLast()
    {
        var report = new SyntheticGenerator(new SyntheticOptions { Seed = 23, ErrorRate = 0, Schemas = [SchemaVersion.Format2021] }).Report(0);
        var row = ReportText.ToText(report).Split('\n').Single(l => l.StartsWith("一、本年新收政府信息公开申请数量\t", StringComparison.Ordinal));
        var fields = row.Split('\t');
        var columns = new[] { "natural_person", "org.commercial", "org.research", "org.social_welfare", "org.legal_service", "org.other", "total" };
        Assert.That(fields.Skip(1).Take(7), Is.EqualTo(columns.Select(c => report.PrintedText(report.Slot($"requests.new[{c}]")))));
    }

    [Test]
    public void SyntheticCsv_OneRowPerReport_OneColumnPerCell_ValuesAsPrinted()
    {
        var reports = new SyntheticGenerator(new SyntheticOptions { Seed = 24, ErrorRate = 0.5, Schemas = [SchemaVersion.Pre2019] }).Generate(40).ToList();
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new SyntheticCsv(writer, SchemaVersion.Pre2019))
        {
            reports.ForEach(csv.Write);
        }

        var schema = SchemaCatalog.Get(SchemaVersion.Pre2019);
        using var reader = CsvReader.Create(new StringReader(writer.ToString()), null, false);
        var rows = 0;
        while (reader.Read())
        {
            var report = reports[rows++];
            Assert.That(reader.FieldCount, Is.EqualTo(SyntheticCsv.LeadingColumns.Count + schema.Cells.Count));
            Assert.That(reader.GetString("report"), Is.EqualTo(report.Name));
            Assert.That(reader.GetString("injected_rules"), Is.EqualTo(string.Join(";", report.Errors.Select(e => e.ExpectedRuleId))));
            foreach (var cell in schema.Cells)
            {
                var expected = report.StateOf(cell.Id.Value) == CellState.Absent ? SyntheticCsv.Absent : report.PrintedText(cell.Slot);
                Assert.That(reader.GetString(cell.Id.Value), Is.EqualTo(expected), $"{report.Name} {cell.Id}");
            }
        }

        Assert.That(rows, Is.EqualTo(reports.Count));
    }
}
