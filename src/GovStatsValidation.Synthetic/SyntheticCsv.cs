using System.Globalization;
using CsvHelper;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Synthetic;

/// <summary>
/// Writes generated reports of one format as CSV, one row per report and one column per cell id, so that other tools
/// (R's validate, pandas, a spreadsheet) can be run on exactly the same data. A cell is its printed text: a number,
/// empty for a blank cell, <c>NA</c> when the cell was not printed at all, the raw text of a placeholder or unreadable
/// cell. The leading columns name the report and the errors injected into it.
/// </summary>
public sealed class SyntheticCsv : IDisposable
{
    /// <summary>The text of an absent cell.</summary>
    public const string Absent = "NA";

    /// <summary>The leading columns before the cell ids.</summary>
    public static IReadOnlyList<string> LeadingColumns { get; } = ["report", "schema", "year", "agency", "injected_rules", "injected_cells"];

    private readonly CsvWriter _csv;
    private readonly ReportSchema _schema;

    /// <summary>Starts a CSV of one format and writes its header.</summary>
    public SyntheticCsv(TextWriter writer, SchemaVersion schema)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _schema = SchemaCatalog.Get(schema);
        _csv = CsvWriter.Create(writer, CsvWriterOptions.Default, true);
        foreach (var column in LeadingColumns)
        {
            _csv.WriteField(column);
        }

        foreach (var cell in _schema.Cells)
        {
            _csv.WriteField(cell.Id.Value);
        }

        _csv.EndRecord();
    }

    /// <summary>How many reports were written.</summary>
    public long Count { get; private set; }

    /// <summary>Writes one report (of this CSV's format).</summary>
    public void Write(SyntheticReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Schema != _schema.Version)
        {
            throw new ArgumentException($"report {report.Name} is {report.Schema.ToToken()}, this CSV is {_schema.Version.ToToken()}", nameof(report));
        }

        _csv.WriteField(report.Name);
        _csv.WriteField(report.Schema.ToToken());
        _csv.WriteField(report.Year.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(report.Agency.Name);
        _csv.WriteField(string.Join(";", report.Errors.Select(e => e.ExpectedRuleId)));
        _csv.WriteField(string.Join(";", report.Errors.Select(e => e.CellId)));
        for (var slot = 0; slot < _schema.Cells.Count; slot++)
        {
            _csv.WriteField(report.Frame.States[slot] == (byte)CellState.Absent ? Absent : report.PrintedText(slot));
        }

        _csv.EndRecord();
        Count++;
    }

    /// <inheritdoc/>
    public void Dispose() => _csv.Dispose();
}
