using System.Globalization;
using System.Text.RegularExpressions;

namespace GovStatsValidation.Readers.Narrative;

/// <summary>A number printed in prose, with its unit, hedge and printed precision.</summary>
/// <param name="Start">Index of the first character (hedge included) in the paragraph text.</param>
/// <param name="NumberStart">Index of the first digit.</param>
/// <param name="End">Index after the unit (or after the number when there is no unit).</param>
/// <param name="Value">The value (multipliers applied).</param>
/// <param name="Precision">The place value of the last printed digit.</param>
/// <param name="Unit">The unit (条, 件, %…), or null.</param>
/// <param name="Hedge">A hedge word (约, 近, 超过, 余, 多…), or null.</param>
/// <param name="InParentheses">Whether the number is inside brackets.</param>
internal sealed record NumberToken(int Start, int NumberStart, int End, decimal Value, decimal Precision, string? Unit, string? Hedge, bool InParentheses)
{
    public bool IsPercent => Unit is "%";

    public bool IsCount => Unit is not null && Unit is not "%" && Unit is not "‰";
}

/// <summary>Reads Arabic and Chinese numerals (三十八, 两千, 1.03万, 536万) with hedges and units.</summary>
internal static partial class NumberReader
{
    public static readonly string[] Units =
    [
        "%", "‰", "万元", "亿元", "元", "人次", "批次", "家次", "条次", "件次", "件", "条", "项", "个", "次", "人", "篇", "份", "期",
        "场", "家", "起", "宗", "户", "亩", "所", "名", "册", "部", "套", "台", "张", "类", "封",
    ];

    [GeneratedRegex(@"(?<hb>将近|接近|超过|不足|不到|约|近|超|逾)?(?<num>\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+)(?<mult>万|亿)?(?<ha>余|多)?(?<unit>%|‰|万元|亿元|元|人次|批次|家次|条次|件次|件|条|项|个|次|人|篇|份|期|场|家|起|宗|户|亩|所|名|册|部|套|台|张|类|封)?(?<hc>以上|左右)?", RegexOptions.NonBacktracking)]
    private static partial Regex TokenRegex();

    public static IReadOnlyList<NumberToken> Tokens(string text)
    {
        var list = new List<NumberToken>();
        foreach (Match m in TokenRegex().Matches(text))
        {
            var num = m.Groups["num"];
            var unit = m.Groups["unit"].Success ? m.Groups["unit"].Value : null;
            var chinese = !char.IsAsciiDigit(num.Value[0]);
            var after = m.Index + m.Length < text.Length ? text[m.Index + m.Length] : '\0';
            var before = num.Index > 0 ? text[num.Index - 1] : '\0';

            if (chinese)
            {
                // Chinese numerals count only with a unit, not in ordinals (第三) or words such as 一是, 万人 alone is fine.
                // A lone 一 (一次, 一个) is mostly idiom, not a count.
                if (unit is null or "%" || before == '第' || num.Value is "一" or "万" or "亿" && m.Groups["hb"].Success is false)
                {
                    continue;
                }
            }
            else
            {
                // Dates, document numbers, phone numbers and the like are not figures.
                if (unit is null && after is '年' or '月' or '日' or '号' or '时' or '届' or '〕' or ']' or '-' or '.' or '/'
                    || before is '〔' or '[' or '-' or '/' or '.' || char.IsAsciiLetter(before) || char.IsAsciiLetter(after) && unit is null)
                {
                    continue;
                }
            }

            if (!TryValue(num.Value, out var value, out var precision))
            {
                continue;
            }

            if (m.Groups["mult"].Success)
            {
                var factor = m.Groups["mult"].Value == "万" ? 10_000m : 100_000_000m;
                if (Math.Abs(value) > decimal.MaxValue / factor)
                {
                    continue; // 99999999999999999999999亿: beyond any figure, not a number the narrative can state
                }

                value *= factor;
                precision *= factor;
            }

            var hedge = m.Groups["hb"].Success ? m.Groups["hb"].Value
                : m.Groups["ha"].Success ? m.Groups["ha"].Value
                : m.Groups["hc"].Success ? m.Groups["hc"].Value : null;
            var end = m.Groups["unit"].Success ? m.Groups["unit"].Index + m.Groups["unit"].Length
                : m.Groups["ha"].Success ? m.Groups["ha"].Index + m.Groups["ha"].Length
                : m.Groups["mult"].Success ? m.Groups["mult"].Index + m.Groups["mult"].Length
                : num.Index + num.Length;
            if (m.Groups["hc"].Success)
            {
                end = m.Groups["hc"].Index + m.Groups["hc"].Length;
            }

            if (InQuotes(text, num.Index))
            {
                // “最多跑一次”, “1+N”: names, not figures.
                continue;
            }

            list.Add(new NumberToken(m.Index, num.Index, end, value, precision, unit, hedge, InParentheses(text, num.Index)));
        }

        return list;
    }

    /// <summary>Reads a numeral: Arabic with optional thousands separators and decimals, or Chinese (三十八, 两千, 一万二千).</summary>
    public static bool TryValue(string s, out decimal value, out decimal precision)
    {
        value = 0;
        precision = 1;
        if (s.Length == 0)
        {
            return false;
        }

        if (char.IsAsciiDigit(s[0]))
        {
            var plain = s.Replace(",", "", StringComparison.Ordinal);
            if (!decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
            {
                return false;
            }

            var dot = plain.IndexOf('.');
            var decimals = dot < 0 ? 0 : plain.Length - dot - 1;
            precision = 1m;
            for (var i = 0; i < decimals; i++)
            {
                precision /= 10m;
            }

            return true;
        }

        return TryChinese(s, out value, out precision);
    }

    /// <summary>Reads a Chinese numeral (三十八, 两千, 一万二千, 十); the precision is 1, or the multiplier when it ends in 万/亿.</summary>
    public static bool TryChinese(string s, out decimal value, out decimal precision)
    {
        value = 0;
        precision = s.EndsWith('亿') ? 100_000_000m : s.EndsWith('万') ? 10_000m : 1m;
        decimal total = 0, section = 0, digit = 0;
        foreach (var c in s)
        {
            switch (c)
            {
                case '零' or '〇': digit = 0; break;
                case '一': digit = 1; break;
                case '二' or '两': digit = 2; break;
                case '三': digit = 3; break;
                case '四': digit = 4; break;
                case '五': digit = 5; break;
                case '六': digit = 6; break;
                case '七': digit = 7; break;
                case '八': digit = 8; break;
                case '九': digit = 9; break;
                case '十': section += (digit == 0 ? 1 : digit) * 10; digit = 0; break;
                case '百': section += digit * 100; digit = 0; break;
                case '千': section += digit * 1000; digit = 0; break;
                case '万': total += (section + digit == 0 ? 1 : section + digit) * 10_000; section = 0; digit = 0; break;
                case '亿': total = (total + section + digit == 0 ? 1 : total + section + digit) * 100_000_000; section = 0; digit = 0; break;
                default: return false;
            }
        }

        value = total + section + digit;
        return value > 0 || s is "零" or "〇";
    }

    private static bool InQuotes(string text, int index)
    {
        for (var i = index - 1; i >= 0 && index - i < 30; i--)
        {
            switch (text[i])
            {
                case '“' or '《':
                    return true;
                case '”' or '》' or '。':
                    return false;
            }
        }

        return false;
    }

    private static bool InParentheses(string text, int index)
    {
        var depth = 0;
        for (var i = index - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is ')' or '）')
            {
                depth++;
            }
            else if (c is '(' or '（')
            {
                if (depth == 0)
                {
                    return true;
                }

                depth--;
            }
            else if (c is '。' or ';')
            {
                return false;
            }
        }

        return false;
    }
}
