using GovStatsValidation.Model;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Checking;

/// <summary>
/// A report flattened for the compiled rules: one fixed-point value and one state per schema cell. Frames are reused,
/// so checking many reports allocates no per-report arrays.
/// </summary>
internal sealed class ReportFrame
{
    public ReportFrame(ReportSchema schema)
    {
        Schema = schema;
        Values = new long[schema.Cells.Count];
        States = new byte[schema.Cells.Count];
    }

    public ReportSchema Schema { get; }

    public long[] Values { get; }

    public byte[] States { get; }

    public int Year { get; private set; }

    /// <summary>The report last loaded (for raw text and source lines when a finding is built).</summary>
    public AnnualReport? Report { get; private set; }

    /// <summary>Cell ids of the report that the schema does not know.</summary>
    public List<CellId> UnknownCells { get; } = [];

    /// <summary>Cells whose number the rules cannot hold exactly (beyond ±10^10, or more than six decimals): they take part as unreadable, never rounded.</summary>
    public List<CellId> UnrepresentableCells { get; } = [];

    /// <summary>
    /// The report's cells as last loaded (values, states and the cells themselves, in slot order): never changed after it is
    /// made, so a finding or localization made from this load may keep it instead of copying what it needs.
    /// </summary>
    public FrameSnapshot? Snapshot { get; private set; }

    public void Load(AnnualReport report)
    {
        _cellsBySlot = null;
        UnknownCells.Clear();
        UnrepresentableCells.Clear();
        Year = report.Year;
        Report = report;
        var cells = report.Cells;
        if (cells.FrameCache is FrameSnapshot loaded && ReferenceEquals(loaded.Schema, Schema) && loaded.Version == cells.Version)
        {
            // The same cells loaded before for this schema and not edited since: a copy of two small arrays.
            loaded.Values.AsSpan().CopyTo(Values);
            loaded.States.AsSpan().CopyTo(States);
            UnknownCells.AddRange(loaded.Unknown);
            UnrepresentableCells.AddRange(loaded.Unrepresentable);
            Snapshot = loaded;
            _cellsBySlot = loaded.Cells;
            return;
        }

        Array.Clear(Values);
        Array.Clear(States); // 0 == CellState.Absent
        var bySlot = new CellValue?[Values.Length];
        var version = cells.Version;
        // Unordered: no allocation; the findings these lists lead to are sorted later.
        // Each cell carries the key of its id (set when the cell was), which the schema maps to a slot: no id is looked up,
        // except an id no built-in format has (a schema of one's own).
        foreach (var (id, entry) in report.Cells.Unordered)
        {
            var slot = Schema.SlotOfKey(entry.Key);
            if (slot < 0)
            {
                if (entry.Key != CellKeys.None || !Schema.TryGetCell(id, out var other))
                {
                    UnknownCells.Add(id);
                    continue;
                }

                slot = other.Slot;
            }

            var value = entry.Value;
            bySlot[slot] = value;
            if (value.State != CellState.Number)
            {
                States[slot] = (byte)value.State;
                continue;
            }

            if (!TryScale(value.Number!.Value, out var scaled))
            {
                UnrepresentableCells.Add(id);
                Set(slot, CellState.Unreadable, 0);
                continue;
            }

            Set(slot, CellState.Number, scaled);
        }

        // Kept with the cells for the next check of the same unchanged report (the frame of a report is made once, not per check).
        var snapshot = new FrameSnapshot(Schema, version, (long[])Values.Clone(), (byte[])States.Clone(), bySlot, [.. UnknownCells], [.. UnrepresentableCells]);
        if (cells.Version == version)
        {
            cells.FrameCache = snapshot;
        }

        Snapshot = snapshot;
        _cellsBySlot = bySlot;
    }

    /// <summary>
    /// <see cref="Fixed.TryFromDecimal"/>, with a fast path for the usual cell: a whole number within range (read from the
    /// decimal's bits, no decimal arithmetic).
    /// </summary>
    internal static bool TryScale(decimal value, out long scaled)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[2] == 0 && (bits[3] & 0x00FF0000) == 0)
        {
            var magnitude = unchecked(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
            if (magnitude <= MaxWhole)
            {
                var whole = (long)magnitude * Fixed.Scale;
                scaled = bits[3] < 0 ? -whole : whole;
                return true;
            }
        }

        return Fixed.TryFromDecimal(value, out scaled);
    }

    private static readonly ulong MaxWhole = (ulong)Fixed.MaxMagnitude;

    public void Set(int slot, CellValue value)
    {
        // A number beyond the fixed-point range cannot be a real figure; it is read as unreadable rather than
        // overflowing the arithmetic, so the rules that use it are skipped; Load lists it and input.unrepresentable reports it.
        if (value.State == CellState.Number && Math.Abs(value.Number!.Value) > Fixed.MaxMagnitude)
        {
            States[slot] = (byte)CellState.Unreadable;
            Values[slot] = 0;
            return;
        }

        States[slot] = (byte)value.State;
        Values[slot] = value.State == CellState.Number ? Fixed.FromDecimal(value.Number!.Value) : 0;
    }

    /// <summary>Sets a slot directly (the benchmark and generator path, no model objects).</summary>
    public void Set(int slot, CellState state, long scaledValue)
    {
        States[slot] = (byte)state;
        Values[slot] = scaledValue;
    }

    /// <summary>The report's value of a cell as read (raw text, source line): as loaded, or from the snapshot the frame was loaded from.</summary>
    public CellValue? ValueOf(CellDefinition cell) => _cellsBySlot is { } bySlot ? bySlot[cell.Slot] : Report?.Cells[cell.Id];

    private CellValue?[]? _cellsBySlot;

    /// <summary>Loads a report as an earlier load saw it (a deferred finding or localization builds from it).</summary>
    public void LoadSnapshot(AnnualReport? report, int year, FrameSnapshot snapshot)
    {
        Reset(year);
        Report = report;
        snapshot.Values.AsSpan().CopyTo(Values);
        snapshot.States.AsSpan().CopyTo(States);
        UnknownCells.AddRange(snapshot.Unknown);
        UnrepresentableCells.AddRange(snapshot.Unrepresentable);
        Snapshot = snapshot;
        _cellsBySlot = snapshot.Cells;
    }

    public void Reset(int year)
    {
        _cellsBySlot = null;
        Snapshot = null;
        Array.Clear(Values);
        Array.Clear(States);
        UnknownCells.Clear();
        UnrepresentableCells.Clear();
        Year = year;
        Report = null;
    }
}

/// <summary>
/// A report's cells as loaded into a frame of <paramref name="Schema"/> at <paramref name="Version"/> of its
/// <see cref="ReportCells"/>: values, states and the cell values by slot (null where absent), the unknown and unrepresentable
/// ids. Never changed once made (kept with the cells for the next check, and by deferred findings and localizations).
/// </summary>
internal sealed record FrameSnapshot(ReportSchema Schema, int Version, long[] Values, byte[] States, CellValue?[] Cells, CellId[] Unknown, CellId[] Unrepresentable);
