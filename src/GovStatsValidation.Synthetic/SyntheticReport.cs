using System.Globalization;
using GovStatsValidation.Checking;
using GovStatsValidation.Model;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Synthetic;

/// <summary>
/// One generated report: its figures held flat, the way the compiled rules read them (one fixed-point value and one
/// state per schema cell), and the errors injected into it. Converts to the typed model, JSON, text and CSV.
/// </summary>
public sealed class SyntheticReport
{
    private Dictionary<int, string>? _raw;
    private List<InjectedError>? _errors;

    internal SyntheticReport(long index, SchemaVersion schema, int year, Agency agency)
    {
        Index = index;
        Schema = schema;
        Year = year;
        Agency = agency;
        SchemaDefinition = SchemaCatalog.Get(schema);
        Frame = new ReportFrame(SchemaDefinition);
        Frame.Reset(year);
    }

    /// <summary>The report's index in its generated sequence (the same seed and index give the same report).</summary>
    public long Index { get; }

    /// <summary>The table format.</summary>
    public SchemaVersion Schema { get; }

    /// <summary>The report year.</summary>
    public int Year { get; }

    /// <summary>The publishing body.</summary>
    public Agency Agency { get; }

    /// <summary>The description of <see cref="Schema"/>.</summary>
    public ReportSchema SchemaDefinition { get; }

    /// <summary>The errors injected into this report; empty for a clean report.</summary>
    public IReadOnlyList<InjectedError> Errors => (IReadOnlyList<InjectedError>?)_errors ?? [];

    /// <summary>Whether no error was injected (every identity of the built-in rules holds).</summary>
    public bool IsClean => _errors is null;

    /// <summary>A stable file name: index, schema and year, e.g. <c>r0000042-2021-2023</c>.</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"r{Index:D7}-{Schema.ToToken()}-{Year}");

    /// <summary>The report flattened for the compiled rules; checked in place, never copied.</summary>
    internal ReportFrame Frame { get; }

    /// <summary>The state of a cell.</summary>
    public CellState StateOf(string cellId) => (CellState)Frame.States[Slot(cellId)];

    /// <summary>The value of a cell as the typed model holds it (absent when not printed).</summary>
    public CellValue this[string cellId] => ValueAt(Slot(cellId));

    /// <summary>The report as the typed model, as a reader would produce it from the report's text.</summary>
    public AnnualReport ToAnnualReport()
    {
        var report = new AnnualReport { Agency = Agency, Year = Year, Schema = Schema, Source = Name };
        var states = Frame.States;
        var cells = SchemaDefinition.Cells;
        for (var slot = 0; slot < states.Length; slot++)
        {
            if (states[slot] != (byte)CellState.Absent)
            {
                report.Cells[cells[slot].Id] = ValueAt(slot);
            }
        }

        return report;
    }

    /// <summary>The report as canonical JSON (<c>ReportJson.Write</c>).</summary>
    public string ToJson() => Json.ReportJson.Write(ToAnnualReport());

    /// <summary>The text printed in a cell: <c>803</c>, <c>12.5</c>, <c>+5869</c>, <c>——</c>, empty for a blank cell, <see langword="null"/> when absent.</summary>
    public string? PrintedText(int slot)
    {
        switch ((CellState)Frame.States[slot])
        {
            case CellState.Absent:
                return null;
            case CellState.Blank:
                return "";
            case CellState.Number:
            {
                var text = Format(Frame.Values[slot]);
                return SchemaDefinition.Cells[slot].Kind == ValueKind.SignedCount && Frame.Values[slot] > 0 ? "+" + text : text;
            }

            default:
                return _raw is not null && _raw.TryGetValue(slot, out var raw) ? raw : "";
        }
    }

    internal static string Format(long scaled) => Fixed.ToDecimal(scaled).ToString("0.######", CultureInfo.InvariantCulture);

    internal int Slot(string cellId) => SchemaDefinition.GetCell(new CellId(cellId)).Slot;

    internal long Whole(int slot) => Frame.Values[slot] / Fixed.Scale;

    internal bool IsNumber(int slot) => Frame.States[slot] == (byte)CellState.Number;

    internal void SetWhole(int slot, long value) => Frame.Set(slot, CellState.Number, value * Fixed.Scale);

    internal void SetScaled(int slot, long scaled) => Frame.Set(slot, CellState.Number, scaled);

    internal void SetBlank(int slot) => Frame.Set(slot, CellState.Blank, 0);

    internal void SetText(int slot, CellState state, string raw)
    {
        Frame.Set(slot, state, 0);
        (_raw ??= [])[slot] = raw;
    }

    /// <summary>Overwrites a cell directly, state and fixed-point value (for fuzzing the checker with frames no generator would draw).</summary>
    internal void SetRaw(int slot, CellState state, long scaled, string? raw = null)
    {
        Frame.Set(slot, state, scaled);
        if (raw is not null)
        {
            (_raw ??= [])[slot] = raw;
        }
    }

    internal void AddError(InjectedError error) => (_errors ??= []).Add(error);

    private CellValue ValueAt(int slot) => (CellState)Frame.States[slot] switch
    {
        CellState.Absent => new CellValue { State = CellState.Absent },
        CellState.Blank => CellValue.Blank,
        CellState.Number => CellValue.Of(Fixed.ToDecimal(Frame.Values[slot])),
        _ => CellValue.Parse(PrintedText(slot)),
    };
}
