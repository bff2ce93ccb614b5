namespace GovStatsValidation.Readers;

/// <summary>Classification of printed cell text (hand-written scanning, no regular expressions).</summary>
internal static class CellText
{
    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "条", "件", "次", "篇", "个", "人", "人次", "万元", "元", "项", "份", "场", "期",
    };

    private static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal)
    {
        "—", "——", "–", "-", "--", "/", "无", "—/—", "\\",
    };

    public static bool IsBlank(string text)
    {
        foreach (var c in text)
        {
            if (!TextNormalizer.IsSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    public static string Clean(string text) => TextNormalizer.NormalizeCompact(text);

    public static bool IsUnit(string text) => Units.Contains(Clean(text));

    public static bool IsPlaceholder(string text) => Placeholders.Contains(Clean(text));

    /// <summary>A strict number token: optional sign, digits with optional thousands commas, optional decimals.</summary>
    public static bool IsStrictNumber(ReadOnlySpan<char> s)
    {
        if (s.Length == 0)
        {
            return false;
        }

        var i = 0;
        if (s[0] == '+' || s[0] == '-' || s[0] == '＋' || s[0] == '－')
        {
            i = 1;
        }

        var digits = 0;
        var dot = false;
        for (; i < s.Length; i++)
        {
            var c = TextNormalizer.Map(s[i]);
            if (c >= '0' && c <= '9')
            {
                digits++;
            }
            else if (c == ',' && digits > 0 && !dot)
            {
            }
            else if (c == '.' && !dot && digits > 0)
            {
                dot = true;
            }
            else
            {
                return false;
            }
        }

        return digits > 0 && TextNormalizer.Map(s[^1]) != '.';
    }

    /// <summary>A value cell: a number, possibly with a unit suffix or an annotation in brackets (<c>5177（含2019年3527份）</c>),
    /// or a signed change written <c>增N</c>/<c>减N</c>.</summary>
    public static bool IsValue(string text)
    {
        var c = Clean(text);
        if (c.Length == 0)
        {
            return false;
        }

        if ((c[0] == '增' || c[0] == '减') && c.Length > 1)
        {
            c = c[1..];
        }

        var end = 0;
        if (c[0] == '+' || c[0] == '-')
        {
            end = 1;
        }

        while (end < c.Length && (char.IsAsciiDigit(c[end]) || c[end] == ',' || c[end] == '.'))
        {
            end++;
        }

        if (!IsStrictNumber(c.AsSpan(0, end)))
        {
            return false;
        }

        if (end == c.Length)
        {
            return true;
        }

        var rest = c[end..];
        if (rest[0] == '(' || rest[0] == '[')
        {
            return true;
        }

        return Units.Contains(rest) || rest == "%" || rest == "元" || rest == "万元";
    }

    /// <summary>A cell that belongs in the value part of a row: a value, a placeholder, or blank.</summary>
    public static bool IsValueLike(string text) => IsBlank(text) || IsValue(text) || IsPlaceholder(text);

    public static bool ContainsCjk(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u4E00' && c <= '\u9FFF')
            {
                return true;
            }
        }

        return false;
    }
}
