using GovStatsValidation.Json;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.TestUtils;

/// <summary>
/// Builds reports for tests by starting from a clean report of a schema (every identity holds, no error or warning)
/// and changing a few cells. Each <see cref="Build"/> returns a fresh copy, so a builder can be reused.
/// </summary>
public sealed class ReportBuilder
{
    /// <summary>The clean 2014–2018 example (tests/data/examples/synthetic-clean-pre2019-2016.json).</summary>
    public const string CleanPre2019File = "synthetic-clean-pre2019-2016.json";

    /// <summary>The clean 2021-format example (tests/data/examples/synthetic-clean-2021-2023.json).</summary>
    public const string Clean2021File = "synthetic-clean-2021-2023.json";

    /// <summary>The seed the clean 2019-format report is made from (tests/data/examples/seed-004-tongxiang-enforcement-2020.json).</summary>
    public const string Seed2019File = "seed-004-tongxiang-enforcement-2020.json";

    private readonly SortedDictionary<CellId, CellValue> _cells = new();
    private Agency _agency;
    private int _year;
    private readonly SchemaVersion _schema;

    private ReportBuilder(AnnualReport start)
    {
        _agency = start.Agency;
        _year = start.Year;
        _schema = start.Schema;
        foreach (var (id, value) in start.Cells)
        {
            _cells[id] = value;
        }
    }

    /// <summary>A builder starting from a copy of the given report.</summary>
    public static ReportBuilder From(AnnualReport report) => new(report ?? throw new ArgumentNullException(nameof(report)));

    /// <summary>A builder starting from an example file of tests/data/examples/.</summary>
    public static ReportBuilder FromExample(string fileName) => new(ReportJson.ReadFile(RepoPaths.Example(fileName)));

    /// <summary>A builder starting from the clean report of a schema.</summary>
    public static ReportBuilder Clean(SchemaVersion schema) => schema switch
    {
        SchemaVersion.Pre2019 => CleanPre2019(),
        SchemaVersion.Format2019 => Clean2019(),
        SchemaVersion.Format2021 => Clean2021(),
        _ => throw new ArgumentOutOfRangeException(nameof(schema), schema, null),
    };

    /// <summary>The clean 2014–2018 report (a 2016 county government).</summary>
    public static ReportBuilder CleanPre2019() => FromExample(CleanPre2019File);

    /// <summary>The clean 2021-format report (a 2023 department).</summary>
    public static ReportBuilder Clean2021() => FromExample(Clean2021File);

    /// <summary>
    /// The clean 2019-format report: seed 004 (2020, one applicant, blank cells for zero) with every blank application
    /// cell filled with 0, the (七)总计 row filled with the sums of the outcomes (2 in the natural-person and total
    /// columns), and a review and litigation table added whose totals equal their outcomes.
    /// </summary>
    public static ReportBuilder Clean2019()
    {
        var builder = FromExample(Seed2019File);
        var schema = SchemaCatalog.Get(SchemaVersion.Format2019);
        foreach (var cell in schema.Tables.Single(t => t.Id == "applications").AllRows.SelectMany(r => r.Cells))
        {
            if (builder._cells.TryGetValue(cell.Id, out var value) && value.State == CellState.Blank)
            {
                builder._cells[cell.Id] = CellValue.Of(0);
            }
        }

        builder.Set("result.total[natural_person]", 2).Set("result.total[total]", 2);
        builder
            .Row("review", upheld: 3, corrected: 1, other: 0, pending: 1)
            .Row("litigation.direct", upheld: 1, corrected: 0, other: 1, pending: 0)
            .Row("litigation.after_review", upheld: 1, corrected: 1, other: 0, pending: 0);
        return builder;
    }

    /// <summary>The schema of the report being built.</summary>
    public SchemaVersion Schema => _schema;

    /// <summary>The current value of a cell (absent when not set).</summary>
    public CellValue this[CellId id] => _cells.TryGetValue(id, out var v) ? v : new CellValue { State = CellState.Absent };

    /// <summary>Sets a cell to a number.</summary>
    public ReportBuilder Set(CellId id, decimal value) => Put(id, CellValue.Of(value));

    /// <summary>Sets a cell to a value (any state).</summary>
    public ReportBuilder Set(CellId id, CellValue value) => Put(id, value);

    /// <summary>Adds <paramref name="delta"/> to a cell holding a number.</summary>
    public ReportBuilder Add(CellId id, decimal delta)
    {
        var current = this[id];
        if (current.State != CellState.Number)
        {
            throw new InvalidOperationException($"{id} holds no number ({current}).");
        }

        return Put(id, CellValue.Of(current.Number!.Value + delta));
    }

    /// <summary>Makes a cell printed but empty.</summary>
    public ReportBuilder Blank(CellId id) => Put(id, CellValue.Blank);

    /// <summary>Removes a cell: it was not printed at all.</summary>
    public ReportBuilder Absent(CellId id)
    {
        Check(id);
        _cells.Remove(id);
        return this;
    }

    /// <summary>Removes every cell of a table, as if the table was not printed.</summary>
    public ReportBuilder WithoutTable(string tableId)
    {
        var table = SchemaCatalog.Get(_schema).Tables.Single(t => t.Id == tableId);
        foreach (var cell in table.AllRows.SelectMany(r => r.Cells))
        {
            _cells.Remove(cell.Id);
        }

        return this;
    }

    /// <summary>Sets a cell from printed text, read as the table readers read it (<c>——</c>, <c>5177（含…）</c>, <c>见附件</c>).</summary>
    public ReportBuilder Printed(CellId id, string text) => Put(id, CellValue.Parse(text));

    /// <summary>Sets the cells of a review/litigation row (upheld, corrected, other, pending) and its total as their sum.</summary>
    public ReportBuilder Row(string row, decimal upheld, decimal corrected, decimal other, decimal pending) =>
        Set(CellId.Of(row, "upheld"), upheld).Set(CellId.Of(row, "corrected"), corrected).Set(CellId.Of(row, "other"), other)
            .Set(CellId.Of(row, "pending"), pending).Set(CellId.Of(row, "total"), upheld + corrected + other + pending);

    /// <summary>Changes the report year.</summary>
    public ReportBuilder Year(int year)
    {
        _year = year;
        return this;
    }

    /// <summary>Changes the publishing body.</summary>
    public ReportBuilder Agency(Agency agency)
    {
        _agency = agency;
        return this;
    }

    /// <summary>A fresh report with the cells as built.</summary>
    public AnnualReport Build()
    {
        var report = new AnnualReport { Agency = _agency, Year = _year, Schema = _schema };
        foreach (var (id, value) in _cells)
        {
            report.Cells[id] = value;
        }

        return report;
    }

    private ReportBuilder Put(CellId id, CellValue value)
    {
        Check(id);
        _cells[id] = value;
        return this;
    }

    private void Check(CellId id)
    {
        if (!SchemaCatalog.Get(_schema).TryGetCell(id, out _))
        {
            throw new ArgumentException($"Schema {_schema.ToToken()} has no cell '{id}'.", nameof(id));
        }
    }
}
