using System.Globalization;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Readers.Narrative;

/// <summary>
/// A sum of table cells a narrative figure is compared with: <c>requests.new[total] + requests.carried_over[total]</c>;
/// a term <c>result.withheld.*[total]</c> stands for every cell under that row with that column. A blank or absent
/// <c>[total]</c> cell is read as the sum of its row's other columns when any of them holds a number.
/// </summary>
public sealed class CellExpression
{
    private CellExpression(string text, IReadOnlyList<IReadOnlyList<CellDefinition>> terms)
    {
        Text = text;
        Terms = terms;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>The cells of each term (one cell, or the cells a wildcard stands for).</summary>
    public IReadOnlyList<IReadOnlyList<CellDefinition>> Terms { get; }

    /// <summary>Every cell the expression reads.</summary>
    public IEnumerable<CellDefinition> AllCells => Terms.SelectMany(t => t);

    /// <summary>Parses an expression against a schema.</summary>
    /// <exception cref="FormatException">A term names no cell of the schema.</exception>
    public static CellExpression Parse(string text, ReportSchema schema, string where)
    {
        var terms = new List<IReadOnlyList<CellDefinition>>();
        foreach (var raw in text.Split('+'))
        {
            var term = raw.Trim();
            var star = term.IndexOf(".*", StringComparison.Ordinal);
            if (star >= 0)
            {
                var prefix = term[..(star + 1)];
                var column = new CellId(term).Column;
                var cells = schema.Cells.Where(c => c.Id.Row.StartsWith(prefix, StringComparison.Ordinal) && c.Id.Column == column).ToList();
                if (cells.Count == 0)
                {
                    throw new FormatException($"{where}: '{term}' matches no cell of schema {schema.Version.ToToken()}");
                }

                terms.Add(cells);
            }
            else if (schema.TryGetCell(new CellId(term), out var cell))
            {
                terms.Add([cell]);
            }
            else
            {
                throw new FormatException($"{where}: schema {schema.Version.ToToken()} has no cell '{term}'");
            }
        }

        return new CellExpression(text, terms);
    }

    /// <summary>
    /// Evaluates the expression on a report: the value, or <see langword="null"/> when no cell it reads holds a number
    /// or a cell of a sum was not read at all or could not be read (a blank cell counts as 0; a blank total falls back to the sum of its row's columns).
    /// </summary>
    public decimal? Evaluate(AnnualReport report)
    {
        decimal sum = 0;
        var any = false;
        var absent = false;
        foreach (var term in Terms)
        {
            foreach (var cell in term)
            {
                if (Read(report, cell) is { } v)
                {
                    sum += v;
                    any = true;
                }
                else if (!report.Cells.Contains(cell.Id) || report.Cells[cell.Id].State == CellState.Unreadable)
                {
                    absent = true;
                }
            }
        }

        // A sum with a cell that was not read at all (not printed, or lost in a mangled table) cannot be trusted.
        return any && !absent ? sum : null;
    }

    /// <summary>The cells the expression reads, with their values, for a finding.</summary>
    public IEnumerable<FindingCell> FindingCells(AnnualReport report) => AllCells.Select(c => Cell(report, c));

    internal static FindingCell Cell(AnnualReport report, CellDefinition cell)
    {
        var value = report.Cells[cell.Id];
        return new FindingCell(cell.Id, cell.Label, value.State, value.State == CellState.Number ? value.Number : null, value.Raw, value.Location?.Line)
        {
            Reconstructed = value.Reconstructed,
        };
    }

    /// <summary>A cell's number; a blank or absent total column reads as the sum of the row's other columns.</summary>
    internal static decimal? Read(AnnualReport report, CellDefinition cell)
    {
        var value = report.Cells[cell.Id];
        if (value.State == CellState.Number)
        {
            return value.Number;
        }

        if (cell.Column is { IsTotal: true } && value.State != CellState.Unreadable)
        {
            decimal sum = 0;
            var any = false;
            foreach (var sibling in cell.Row.Cells)
            {
                if (sibling != cell && report.Cells[sibling.Id] is { State: CellState.Number, Number: { } n })
                {
                    sum += n;
                    any = true;
                }
            }

            return any ? sum : null;
        }

        return null;
    }

    /// <summary>The expression with values: <c>requests.new[total] 34 + requests.carried_over[total] 2</c>.</summary>
    public string Render(AnnualReport report) => RenderIds(report);

    private string RenderIds(AnnualReport report) =>
        string.Join(" + ", Terms.Select(t => t.Count == 1
            ? $"{t[0].Id} {Format(Read(report, t[0]))}"
            : $"Σ {t[0].Id.Row[..(t[0].Id.Row.LastIndexOf('.') + 1)]}*[{t[0].Id.Column}] {Format(t.Select(c => Read(report, c)).Aggregate((decimal?)null, (a, b) => b is null ? a : (a ?? 0) + b))}"));

    /// <summary>
    /// The expression with values in the words of a culture: in Chinese each cell by its label
    /// (<c>行政处罚 / 处理决定数量 3107</c>, a wildcard as <c>Σ 本机关不予公开 … 2</c>), otherwise as <see cref="Render(AnnualReport)"/>.
    /// </summary>
    public string Render(AnnualReport report, CultureInfo culture)
    {
        if (!Messages.MessageCatalog.IsChinese(culture))
        {
            return RenderIds(report);
        }

        return string.Join(" + ", Terms.Select(t => t.Count == 1
            ? $"{t[0].Label} {Format(Read(report, t[0]))}"
            : $"Σ {t[0].Row.Parent?.Label ?? t[0].Label}{(t[0].Column is { } column ? $" / {column.Label}" : "")} {Format(t.Select(c => Read(report, c)).Aggregate((decimal?)null, (a, b) => b is null ? a : (a ?? 0) + b))}"));
    }

    /// <summary>The cells of the expression named as in <see cref="Render(AnnualReport, CultureInfo)"/>, without values.</summary>
    public string Names(CultureInfo culture) => !Messages.MessageCatalog.IsChinese(culture)
        ? Text
        : string.Join(" + ", Terms.Select(t => t.Count == 1 ? t[0].Label : $"Σ {t[0].Row.Parent?.Label ?? t[0].Label}{(t[0].Column is { } column ? $" / {column.Label}" : "")}"));

    internal static string Format(decimal? v) => v is { } d ? CellValue.Format(d) : "—";

    /// <inheritdoc/>
    public override string ToString() => Text;
}

/// <summary>The values a printed figure stands for: its precision interval, widened or bounded by a hedge.</summary>
/// <param name="Low">The lower bound.</param>
/// <param name="High">The upper bound.</param>
/// <param name="LowInclusive">Whether the lower bound is included.</param>
/// <param name="HighInclusive">Whether the upper bound is included.</param>
public readonly record struct FigureInterval(decimal Low, decimal High, bool LowInclusive, bool HighInclusive)
{
    /// <summary>Whether a value lies in the interval.</summary>
    public bool Contains(decimal x) =>
        (LowInclusive ? x >= Low : x > Low) && (HighInclusive ? x <= High : x < High);

    /// <summary>
    /// The interval a printed figure stands for. Without a hedge: [v − ½p, v + p), where p is the place value of the last
    /// printed digit; that accepts a value rounded (48.4 → 48) or truncated (48.5 → 48) to the printed precision, which
    /// is how reports print rates. A count printed to units (793条) is therefore exact. Hedges: 约/左右 widen to ±10%
    /// (at least the precision); 近/将近/接近/不足/不到 bound from above ([0.9v, v)); 超过/超/逾/以上 bound from below
    /// ((v, ∞)); 余/多 mean "more than v, less than v plus the place value of its last non-zero digit" (400余 → (400, 500)).
    /// </summary>
    public static FigureInterval For(decimal value, decimal precision, string? hedge)
    {
        var p = precision <= 0 ? 1 : precision;
        switch (hedge)
        {
            case "约" or "左右":
                var w = Math.Max(p, Math.Abs(value) * 0.1m);
                return new FigureInterval(value - w, value + w, true, true);
            case "近" or "将近" or "接近" or "不足" or "不到":
                return new FigureInterval(value * 0.9m, value, true, false);
            case "超过" or "超" or "逾" or "以上":
                return new FigureInterval(value, decimal.MaxValue, false, true);
            case "余" or "多":
                return new FigureInterval(value, value + LastPlace(value, p), false, false);
            default:
                return new FigureInterval(value - p / 2, value + p, true, false);
        }
    }

    /// <summary>The place value of the last non-zero digit of a whole number (400 → 100, 5500 → 100, 30 → 10).</summary>
    private static decimal LastPlace(decimal value, decimal precision)
    {
        var place = precision;
        var v = decimal.Truncate(Math.Abs(value) / precision);
        while (v != 0 && v % 10 == 0)
        {
            v /= 10;
            place *= 10;
        }

        return place;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{(LowInclusive ? "[" : "(")}{CellExpression.Format(Low)}, {(High == decimal.MaxValue ? "∞" : CellExpression.Format(High))}{(HighInclusive ? "]" : ")")}";
}
