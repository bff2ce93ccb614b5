using GovStatsValidation.Schemas;

namespace GovStatsValidation.Model;

/// <summary>What became of a correction made by a reviewer to one cell of a report.</summary>
public enum CorrectionStatus
{
    /// <summary>The correction was applied: the report's cell holds the corrected value.</summary>
    Applied,

    /// <summary>Not applied: the report file is not the one the correction was made against (its SHA-256 differs).</summary>
    ReportChanged,

    /// <summary>Not applied: the cell no longer holds the value the correction was made against.</summary>
    CellChanged,

    /// <summary>Not applied: the report's table format has no such cell.</summary>
    UnknownCell,
}

/// <summary>
/// A reviewer's correction of one cell, as applied (or not) to a report at reading time: the value as published, the value
/// used instead, why and by whom. A corrected cell is always shown as corrected in every output, so a correction never
/// passes for the published figure; a correction that no longer matches its report is reported and not applied.
/// </summary>
public sealed record CellCorrection
{
    /// <summary>The cell.</summary>
    public required CellId Cell { get; init; }

    /// <summary>The value as printed when the correction was made (<see cref="Printed"/> of the cell then).</summary>
    public required string Published { get; init; }

    /// <summary>The corrected value; <see langword="null"/> for a cell corrected to blank.</summary>
    public decimal? Value { get; init; }

    /// <summary>Why the value was corrected.</summary>
    public required string Reason { get; init; }

    /// <summary>Who corrected it.</summary>
    public required string By { get; init; }

    /// <summary>Whether the correction was applied, or why not.</summary>
    public CorrectionStatus Status { get; init; }

    /// <summary>When not applied: what the report or cell holds now (the file's hash, the printed value), for the message.</summary>
    public string? Found { get; init; }

    /// <summary>The corrected value as text: the number, or empty for blank.</summary>
    public string ValueText => (Value is { } v ? CellValue.Format(v) : "");

    /// <summary>
    /// A cell's value as printed, the text a correction is matched against: the raw text when the reader kept it, else the
    /// number; empty for a blank or absent cell.
    /// </summary>
    public static string Printed(CellValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.State switch
        {
            CellState.Absent or CellState.Blank => "",
            CellState.Number when value.Raw is null => CellValue.Format(value.Number!.Value),
            _ => value.Raw ?? "",
        };
    }
}
