using System.Globalization;
using System.Text;

namespace GovStatsValidation.Model;

/// <summary>What a printed table cell holds.</summary>
public enum CellState
{
    /// <summary>The cell is not in the report at all (row or table not printed).</summary>
    Absent,

    /// <summary>The cell holds a number.</summary>
    Number,

    /// <summary>The cell is printed but empty.</summary>
    Blank,

    /// <summary>The cell holds a placeholder such as ——, /, 无.</summary>
    Placeholder,

    /// <summary>The cell holds text that is not a number; the raw text is kept.</summary>
    Unreadable,
}

/// <summary>
/// The value of one cell as printed: a number, blank, absent, a placeholder or unreadable text, with the raw
/// text always kept, an optional annotation (<c>5177（含2019年3527份）</c> → 5177, note 含2019年3527份) and the source location.
/// </summary>
public sealed record CellValue
{
    private static readonly string[] Placeholders = ["—", "——", "－", "-", "--", "/", "／", "无", "－－", "— —", "\\", "不适用", "/ "];

    /// <summary>The state of the cell.</summary>
    public required CellState State { get; init; }

    /// <summary>The number, when <see cref="State"/> is <see cref="CellState.Number"/>.</summary>
    public decimal? Number { get; init; }

    /// <summary>The text as printed (trimmed); <see langword="null"/> when typed as a plain number.</summary>
    public string? Raw { get; init; }

    /// <summary>An annotation printed with the value, e.g. 含2019年3527份.</summary>
    public string? Note { get; init; }

    /// <summary>Where the value was read, when known.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>True when the reader cut this value out of digits that ran together in the source (<c>801000081</c> →
    /// 80|1|0|0|0|0|81) because the cut was the only one the column count and the table's totals allow. An identity
    /// used to make the cut holds by construction, so it proves nothing about the report.</summary>
    public bool Reconstructed { get; init; }

    /// <summary>A blank cell.</summary>
    public static CellValue Blank { get; } = new() { State = CellState.Blank };

    /// <summary>A cell holding a number.</summary>
    public static CellValue Of(decimal number, SourceLocation? location = null) => new() { State = CellState.Number, Number = number, Location = location };

    /// <summary>
    /// Reads printed cell text the way the table readers do: numbers with thousands separators, a sign
    /// (<c>+5869</c>, <c>-3</c>, <c>增5</c>, <c>减3</c>), full-width digits, placeholders (——, /, 无), an annotation in brackets
    /// after the number; anything else is <see cref="CellState.Unreadable"/> with the raw text kept.
    /// </summary>
    public static CellValue Parse(string? text, SourceLocation? location = null)
    {
        var raw = text?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return new CellValue { State = CellState.Blank, Raw = text is null ? null : raw, Location = location };
        }

        var normal = NormalizeWidth(raw);
        if (Array.IndexOf(Placeholders, normal) >= 0 || IsDashRun(normal))
        {
            return new CellValue { State = CellState.Placeholder, Raw = raw, Location = location };
        }

        string? note = null;
        var body = normal;
        var open = body.IndexOf('(');
        if (open > 0 && body.EndsWith(')'))
        {
            note = raw.Substring(open + 1, raw.Length - open - 2).Trim();
            body = body[..open].Trim();
        }

        if (TryParseNumber(body, out var number))
        {
            return new CellValue { State = CellState.Number, Number = number, Raw = raw, Note = note, Location = location };
        }

        return new CellValue { State = CellState.Unreadable, Raw = raw, Location = location };
    }

    /// <summary>
    /// A number as this library writes it everywhere (messages, formulas, reasons, outputs): invariant culture, every
    /// decimal it holds and no trailing zero (<c>1234.567891</c>, <c>803</c>, <c>-3</c>), never rounded.
    /// </summary>
    public static string Format(decimal number) => number.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses a printed number: optional sign (+, -, 增, 减), digits with optional thousands separators and decimals, optional trailing unit 件/条/万元/元/项/个/次/人.</summary>
    public static bool TryParseNumber(string text, out decimal number)
    {
        number = 0;
        var s = NormalizeWidth(text).Trim();
        var negative = false;
        if (s.StartsWith('+') || s.StartsWith('增'))
        {
            s = s[1..].TrimStart();
        }
        else if (s.StartsWith('-') || s.StartsWith('减') || s.StartsWith('−'))
        {
            negative = true;
            s = s[1..].TrimStart();
        }

        foreach (var unit in (ReadOnlySpan<string>)["万元", "件", "条", "元", "项", "个", "次", "人", "篇", "份"])
        {
            if (s.EndsWith(unit, StringComparison.Ordinal))
            {
                s = s[..^unit.Length].TrimEnd();
                break;
            }
        }

        if (s.Length == 0 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1]) && s[^1] != '.')
        {
            return false;
        }

        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c) || c == '.')
            {
                sb.Append(c);
            }
            else if (c == ',' && i + 3 < s.Length + 1 && i > 0)
            {
                // thousands separator: exactly three digits must follow before the next separator or the end
                var next = s.IndexOfAny([',', '.'], i + 1);
                var groupLength = (next < 0 ? s.Length : next) - i - 1;
                if (groupLength != 3)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        if (!decimal.TryParse(sb.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }

        if (negative)
        {
            number = -number;
        }

        return true;
    }

    private static bool IsDashRun(string s)
    {
        foreach (var c in s)
        {
            if (c is not ('—' or '-' or '－' or '─' or ' ' or '–'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Folds full-width digits, signs and brackets to ASCII for matching; the raw text is kept elsewhere.</summary>
    internal static string NormalizeWidth(string s)
    {
        var needs = false;
        foreach (var c in s)
        {
            if (c is >= '\uFF01' and <= '\uFF5E' or '\u3000')
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return s;
        }

        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                chars[i] = (char)(c - 0xFEE0);
            }
            else if (c == '\u3000')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    /// <summary>A number typed in C#: <c>report.Cells[id] = 803;</c>.</summary>
    public static implicit operator CellValue(decimal number) => Of(number);

    /// <inheritdoc/>
    public override string ToString() => State switch
    {
        CellState.Number => Number!.Value.ToString(CultureInfo.InvariantCulture) + (Note is null ? "" : $" ({Note})"),
        CellState.Blank => "(blank)",
        CellState.Absent => "(absent)",
        _ => Raw ?? State.ToString(),
    };
}
