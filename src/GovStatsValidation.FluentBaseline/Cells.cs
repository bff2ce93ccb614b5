using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.FluentBaseline;

/// <summary>
/// Reading the typed model the way the built-in rules do: a blank or placeholder cell counts as zero; an absent or
/// unreadable cell is missing, and a check that needs a missing cell is skipped.
/// </summary>
internal static class Cells
{
    /// <summary>The value of a cell, zero for blank or placeholder, <see langword="null"/> when missing.</summary>
    public static decimal? Value(AnnualReport report, CellId id)
    {
        var cell = report.Cells[id];
        return cell.State switch
        {
            CellState.Number => cell.Number,
            CellState.Blank or CellState.Placeholder => 0m,
            _ => null,
        };
    }

    /// <summary>Whether the cell holds a reported number.</summary>
    public static bool IsNumber(AnnualReport report, CellId id) => report.Cells[id].State == CellState.Number;

    /// <summary>The sum of the cells, <see langword="null"/> when any is missing.</summary>
    public static decimal? Sum(AnnualReport report, IReadOnlyList<CellId> ids)
    {
        decimal sum = 0;
        foreach (var id in ids)
        {
            if (Value(report, id) is not { } v)
            {
                return null;
            }

            sum += v;
        }

        return sum;
    }

    /// <summary>Whether every cell of the list is printed blank.</summary>
    public static bool AllBlank(AnnualReport report, IReadOnlyList<CellId> ids) => ids.All(id => report.Cells[id].State == CellState.Blank);

    /// <summary>Whether some cell of the list is printed with content (not blank, not absent).</summary>
    public static bool AnyFilled(AnnualReport report, IReadOnlyList<CellId> ids) => ids.Any(id => report.Cells[id].State is not (CellState.Blank or CellState.Absent));

    /// <summary>Whether any cell of the list is printed.</summary>
    public static bool AnyPrinted(AnnualReport report, IReadOnlyList<CellId> ids)
    {
        foreach (var id in ids)
        {
            if (report.Cells.Contains(id))
            {
                return true;
            }
        }

        return false;
    }

    public static CellId[] Ids(params string[] ids) => ids.Select(i => new CellId(i)).ToArray();

    public static CellId[] Row(string row, IEnumerable<string> columns) => columns.Select(c => new CellId($"{row}[{c}]")).ToArray();
}
