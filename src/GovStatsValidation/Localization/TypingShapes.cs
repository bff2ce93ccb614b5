namespace GovStatsValidation.Localization;

/// <summary>The kinds of single-cell typing error the localization and the injection benchmark know.</summary>
internal enum TypingErrorKind
{
    DigitChanged,
    DigitsSwapped,
    DigitDropped,
    DigitAdded,
    NeighbourCopied,
}

/// <summary>
/// The shape of the difference between a printed value and a proposed original, as a likelihood: how probable it is that
/// typing the original produced the printed value by one slip of each kind. Each kind has the same prior; within a kind
/// the probability is spread evenly over the values the slip can produce (a longer number has more digits to mistype, so a
/// given one-digit change is less likely in it).
/// </summary>
internal static class TypingShapes
{
    /// <summary>The probability of an error of each kind, given an error.</summary>
    public const double KindPrior = 0.2;

    /// <summary>The likelihood of any other change (an error of no recognisable shape).</summary>
    public const double Other = 1e-4;

    public static string Digits(decimal value) => Model.CellValue.Format(value);

    /// <summary>The shapes that turn <paramref name="original"/> into <paramref name="printed"/>, each with its likelihood.</summary>
    public static List<(TypingErrorKind Kind, double Likelihood)> Shapes(string original, string printed)
    {
        var result = new List<(TypingErrorKind, double)>(2);
        if (original == printed)
        {
            return result;
        }

        var n = original.Length;
        if (printed.Length == n)
        {
            var first = -1;
            var second = -1;
            var count = 0;
            for (var i = 0; i < n; i++)
            {
                if (original[i] != printed[i])
                {
                    count++;
                    if (first < 0)
                    {
                        first = i;
                    }
                    else
                    {
                        second = i;
                    }
                }
            }

            if (count == 1 && char.IsAsciiDigit(original[first]) && char.IsAsciiDigit(printed[first]) && !(first == 0 && printed[0] == '0' && n > 1))
            {
                result.Add((TypingErrorKind.DigitChanged, 1.0 / (9 * DigitCount(original))));
            }
            else if (count == 2 && second == first + 1 && original[first] == printed[second] && original[second] == printed[first]
                && char.IsAsciiDigit(original[first]) && char.IsAsciiDigit(original[second]))
            {
                result.Add((TypingErrorKind.DigitsSwapped, 1.0 / Math.Max(1, DigitCount(original) - 1)));
            }
        }
        else if (printed.Length == n - 1 && n >= 2)
        {
            var ways = 0;
            for (var i = 0; i < n; i++)
            {
                if (char.IsAsciiDigit(original[i]) && string.CompareOrdinal(original, 0, printed, 0, i) == 0
                    && string.CompareOrdinal(original, i + 1, printed, i, n - i - 1) == 0)
                {
                    ways++;
                }
            }

            if (ways > 0 && IsNumber(printed))
            {
                result.Add((TypingErrorKind.DigitDropped, (double)ways / DigitCount(original)));
            }
        }
        else if (printed.Length == n + 1)
        {
            var ways = 0;
            for (var i = 0; i <= n; i++)
            {
                if (char.IsAsciiDigit(printed[i]) && string.CompareOrdinal(printed, 0, original, 0, i) == 0
                    && string.CompareOrdinal(printed, i + 1, original, i, n - i) == 0)
                {
                    ways++;
                }
            }

            if (ways > 0 && IsNumber(printed))
            {
                result.Add((TypingErrorKind.DigitAdded, (double)ways / (10 * (DigitCount(original) + 1))));
            }
        }

        return result;
    }

    /// <summary>The values one slip of each kind makes of <paramref name="value"/> (non-negative, no leading zero), for the benchmark and for bounds.</summary>
    public static IEnumerable<(TypingErrorKind Kind, string Value)> Variants(string value)
    {
        var n = value.Length;
        for (var i = 0; i < n; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                continue;
            }

            for (var d = '0'; d <= '9'; d++)
            {
                if (d != value[i])
                {
                    var v = string.Concat(value.AsSpan(0, i), d.ToString(), value.AsSpan(i + 1));
                    if (IsNumber(v))
                    {
                        yield return (TypingErrorKind.DigitChanged, v);
                    }
                }
            }
        }

        for (var i = 0; i + 1 < n; i++)
        {
            if (char.IsAsciiDigit(value[i]) && char.IsAsciiDigit(value[i + 1]) && value[i] != value[i + 1])
            {
                var v = string.Concat(value.AsSpan(0, i), value[i + 1].ToString(), value[i].ToString(), value.AsSpan(i + 2));
                if (IsNumber(v))
                {
                    yield return (TypingErrorKind.DigitsSwapped, v);
                }
            }
        }

        if (n >= 2)
        {
            for (var i = 0; i < n; i++)
            {
                var v = string.Concat(value.AsSpan(0, i), value.AsSpan(i + 1));
                if (char.IsAsciiDigit(value[i]) && IsNumber(v))
                {
                    yield return (TypingErrorKind.DigitDropped, v);
                }
            }
        }

        for (var i = 0; i <= n; i++)
        {
            for (var d = '0'; d <= '9'; d++)
            {
                var v = string.Concat(value.AsSpan(0, i), d.ToString(), value.AsSpan(i));
                if (IsNumber(v))
                {
                    yield return (TypingErrorKind.DigitAdded, v);
                }
            }
        }
    }

    /// <summary>A plain non-negative number as printed: digits, at most one point, no leading zero before another digit.</summary>
    public static bool IsNumber(string text)
    {
        if (text.Length == 0 || text[0] == '.' || text[^1] == '.')
        {
            return false;
        }

        if (text.Length > 1 && text[0] == '0' && text[1] != '.')
        {
            return false;
        }

        var points = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                points++;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return points <= 1;
    }

    public static string Describe(TypingErrorKind kind, bool zh) => (kind, zh) switch
    {
        (TypingErrorKind.DigitChanged, true) => "一位数字之差",
        (TypingErrorKind.DigitChanged, false) => "one digit changed",
        (TypingErrorKind.DigitsSwapped, true) => "相邻两位数字颠倒",
        (TypingErrorKind.DigitsSwapped, false) => "two adjacent digits swapped",
        (TypingErrorKind.DigitDropped, true) => "漏了一位数字",
        (TypingErrorKind.DigitDropped, false) => "a digit dropped",
        (TypingErrorKind.DigitAdded, true) => "多了一位数字",
        (TypingErrorKind.DigitAdded, false) => "a digit added or doubled",
        (TypingErrorKind.NeighbourCopied, true) => "与相邻单元格的数相同",
        _ => "equal to a neighbouring cell",
    };

    public static string Code(TypingErrorKind kind) => kind switch
    {
        TypingErrorKind.DigitChanged => "digit-changed",
        TypingErrorKind.DigitsSwapped => "digits-swapped",
        TypingErrorKind.DigitDropped => "digit-dropped",
        TypingErrorKind.DigitAdded => "digit-added",
        _ => "neighbour-copied",
    };

    private static int DigitCount(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                count++;
            }
        }

        return Math.Max(1, count);
    }
}
