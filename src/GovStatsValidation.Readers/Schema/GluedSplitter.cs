using System.Globalization;

namespace GovStatsValidation.Readers.Schema;

/// <summary>
/// Splits number runs whose separators were lost (<c>801000081</c>, <c>230 000023</c>) into a known number of cells:
/// every way of cutting the digits into that many well-formed numbers (no leading zero, at most one decimal point),
/// keeping only the cuts under which each row's total column equals the sum of its parts when the table has one.
/// A space in the source always stays a cell boundary.
/// </summary>
internal static class GluedSplitter
{
    private const int MaxSteps = 400_000;

    internal enum Outcome
    {
        Unique,
        None,
        Many,
        TooMany,
    }

    /// <summary>One piece of a cut: the printed digits and the index of the run it was cut from.</summary>
    internal readonly record struct Piece(string Text, int Run);

    internal sealed record Result(Outcome Outcome, List<Piece[]> Candidates, bool IdentityUsed);

    /// <summary>Cuts <paramref name="runs"/> into <paramref name="cells"/> cells filled row by row over
    /// <paramref name="columns"/> columns; <paramref name="totals"/> maps a total column to its part columns.</summary>
    public static Result Split(IReadOnlyList<string> runs, IReadOnlyList<bool> splittable, int cells, int columns, IReadOnlyList<(int Total, int[] Parts)> totals, int listCap = 12)
    {
        var plain = Enumerate(runs, splittable, cells, columns, [], 2, out var plainAborted);
        if (!plainAborted && plain.Count == 1)
        {
            return new Result(Outcome.Unique, plain, false);
        }

        if (plain.Count == 0 && !plainAborted)
        {
            return new Result(Outcome.None, plain, false);
        }

        if (totals.Count == 0)
        {
            var listed = Enumerate(runs, splittable, cells, columns, [], listCap, out var aborted);
            return new Result(aborted ? Outcome.TooMany : Outcome.Many, listed, false);
        }

        var checkedCuts = Enumerate(runs, splittable, cells, columns, totals, listCap, out var checkedAborted);
        if (checkedAborted)
        {
            return new Result(Outcome.TooMany, checkedCuts, true);
        }

        return checkedCuts.Count switch
        {
            1 => new Result(Outcome.Unique, checkedCuts, true),
            0 => new Result(Outcome.None, Enumerate(runs, splittable, cells, columns, [], listCap, out _), true),
            _ => new Result(Outcome.Many, checkedCuts, true),
        };
    }

    private static List<Piece[]> Enumerate(IReadOnlyList<string> runs, IReadOnlyList<bool> splittable, int cells, int columns, IReadOnlyList<(int Total, int[] Parts)> totals, int cap, out bool aborted)
    {
        var found = new List<Piece[]>();
        var current = new Piece[cells];
        var values = new decimal[cells];
        var steps = 0;
        var stop = false;
        var remainingChars = new int[runs.Count + 1];
        for (var r = runs.Count - 1; r >= 0; r--)
        {
            remainingChars[r] = remainingChars[r + 1] + runs[r].Length;
        }

        void Walk(int run, int pos, int cell)
        {
            if (stop)
            {
                return;
            }

            if (++steps > MaxSteps)
            {
                stop = true;
                return;
            }

            if (run == runs.Count)
            {
                if (cell == cells)
                {
                    found.Add((Piece[])current.Clone());
                    stop = found.Count >= cap;
                }

                return;
            }

            var left = cells - cell;
            if (left <= 0 || runs.Count - run > left || remainingChars[run] - pos < left)
            {
                return;
            }

            var text = runs[run];
            for (var end = splittable[run] ? pos + 1 : text.Length; end <= text.Length; end++)
            {
                var piece = text[pos..end];
                if (!WellFormed(piece))
                {
                    if (piece.Length > 1 && piece[0] == '0' && piece[1] != '.')
                    {
                        break; // a leading zero stays invalid however long the piece grows
                    }

                    continue;
                }

                // Characters left after this piece must still fit the cells left.
                var after = remainingChars[run] - end;
                if (after < left - 1)
                {
                    break;
                }

                if (end < text.Length && (text[end] == '.' || text[end] == ','))
                {
                    continue; // never cut next to a decimal point or a thousands comma
                }

                current[cell] = new Piece(piece, run);
                values[cell] = decimal.Parse(piece.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
                if (!TotalsHold(values, cell, columns, totals))
                {
                    continue;
                }

                if (end == text.Length)
                {
                    Walk(run + 1, 0, cell + 1);
                }
                else
                {
                    Walk(run, end, cell + 1);
                }

                if (stop)
                {
                    return;
                }
            }

        }

        Walk(0, 0, 0);
        aborted = steps > MaxSteps;
        return found;
    }

    private static bool TotalsHold(decimal[] values, int cell, int columns, IReadOnlyList<(int Total, int[] Parts)> totals)
    {
        if (totals.Count == 0)
        {
            return true;
        }

        var col = cell % columns;
        var rowStart = cell - col;
        foreach (var (total, parts) in totals)
        {
            if (total != col)
            {
                continue;
            }

            var sum = 0m;
            foreach (var p in parts)
            {
                sum += values[rowStart + p];
            }

            if (sum != values[cell])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>0, or digits without a leading zero, optionally with thousands commas and one decimal part.</summary>
    internal static bool WellFormed(string piece)
    {
        if (piece.Length > 1 && piece[0] is '+' or '-')
        {
            piece = piece[1..];
        }

        if (piece.Length == 0 || !char.IsAsciiDigit(piece[0]) || piece[0] == '.' || piece[0] == ',' || piece[^1] == '.' || piece[^1] == ',')
        {
            return false;
        }

        var dot = piece.IndexOf('.', StringComparison.Ordinal);
        var integer = dot < 0 ? piece : piece[..dot];
        if (integer.Length > 1 && integer[0] == '0')
        {
            return false;
        }

        if (dot >= 0 && piece.IndexOf('.', dot + 1) >= 0)
        {
            return false;
        }

        if (integer.Contains(',', StringComparison.Ordinal))
        {
            var groups = integer.Split(',');
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return false;
            }
        }

        return dot < 0 || !piece[(dot + 1)..].Contains(',', StringComparison.Ordinal);
    }
}
