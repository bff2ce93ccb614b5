using System.Text;

namespace GovStatsValidation.Readers.Schema;

/// <summary>How a printed label was matched to a schema row.</summary>
internal enum MatchQuality
{
    None,
    Ambiguous,
    Substring,
    BareExact,
    Exact,
}

internal sealed record LabelMatch(SchemaRow? Row, MatchQuality Quality, string Reason, IReadOnlyList<SchemaRow> Candidates)
{
    public bool IsMatch => Row is not null;

    public static LabelMatch None(string reason) => new(null, MatchQuality.None, reason, []);
}

/// <summary>Maps printed labels to schema row ids and column headers to column ids.</summary>
internal sealed class LabelMatcher
{
    private const int MinSubstringLength = 4;
    private readonly Dictionary<string, List<SchemaRow>> _full = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SchemaRow>> _bare = new(StringComparer.Ordinal);
    private readonly List<(string Key, SchemaRow Row)> _allKeys = [];

    public LabelMatcher(TableSchema schema)
    {
        Schema = schema;
        foreach (var row in schema.AllRows)
        {
            foreach (var label in row.Labels)
            {
                var full = NormalizeLabel(label);
                if (full.Length == 0)
                {
                    continue;
                }

                AddTo(_full, full, row);
                AddTo(_bare, StripBracketed(full), row);
                _allKeys.Add((full, row));
            }
        }
    }

    public TableSchema Schema { get; }

    private static void AddTo(Dictionary<string, List<SchemaRow>> map, string key, SchemaRow row)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        if (!list.Contains(row))
        {
            list.Add(row);
        }
    }

    // One matcher per table schema is shared by every report read in parallel, so its cache must be safe for concurrent use.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string?, bool), LabelMatch> _cache = new();
    private int _cached;

    /// <summary>Matches a printed label. <paramref name="context"/> is the row matched just before (for ambiguous labels such as 被依法纠错数).</summary>
    public LabelMatch Match(string printed, SchemaRow? context = null, bool allowSubstring = true)
    {
        var key = (printed, context?.Id, allowSubstring);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = MatchUncached(printed, context, allowSubstring);
        if (Volatile.Read(ref _cached) < 100_000 && _cache.TryAdd(key, result))
        {
            Interlocked.Increment(ref _cached);
        }

        return result;
    }

    private LabelMatch MatchUncached(string printed, SchemaRow? context, bool allowSubstring)
    {
        var full = NormalizeLabel(printed);
        if (full.Length == 0)
        {
            return LabelMatch.None("empty label");
        }

        if (_full.TryGetValue(full, out var exact))
        {
            return Pick(exact, MatchQuality.Exact, $"label '{full}' equals a schema label", context);
        }

        var bare = StripBracketed(full);
        if (bare.Length > 0 && _bare.TryGetValue(bare, out var bareRows))
        {
            return Pick(bareRows, MatchQuality.BareExact, $"label '{bare}' (bracketed text ignored) equals a schema label", context);
        }

        if (!allowSubstring)
        {
            return LabelMatch.None($"no schema label equals '{full}'");
        }

        // Fragments of wrapped labels: the printed text is part of exactly one schema label.
        var probe = bare.Length >= MinSubstringLength ? bare : full;
        if (probe.Length < MinSubstringLength)
        {
            return LabelMatch.None($"label '{full}' too short for a partial match");
        }

        var found = new List<SchemaRow>();
        foreach (var (key, row) in _allKeys)
        {
            if (key.Contains(probe, StringComparison.Ordinal) && !found.Contains(row))
            {
                found.Add(row);
            }
        }

        if (found.Count == 0)
        {
            return LabelMatch.None($"no schema label contains '{probe}'");
        }

        return Pick(found, MatchQuality.Substring, $"'{probe}' is part of the schema label", context);
    }

    private static LabelMatch Pick(List<SchemaRow> rows, MatchQuality quality, string reason, SchemaRow? context)
    {
        if (rows.Count == 1)
        {
            return new LabelMatch(rows[0], quality, reason, rows);
        }

        if (context is not null)
        {
            var ctx = context.Chain();
            var scored = rows.Select(r => (Row: r, Score: CommonPrefix(ctx, r.Chain()))).OrderByDescending(x => x.Score).ToList();
            if (scored[0].Score > scored[1].Score)
            {
                return new LabelMatch(scored[0].Row, quality, $"{reason}; chosen by context (after {context.Id})", rows);
            }
        }

        return new LabelMatch(null, MatchQuality.Ambiguous, $"{reason}, but it fits {string.Join(", ", rows.Select(r => r.Id))}", rows);
    }

    private static int CommonPrefix(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var n = 0;
        while (n < a.Count && n < b.Count && a[n] == b[n])
        {
            n++;
        }

        return n;
    }

    /// <summary>Maps a column header to a column id of <paramref name="table"/>, or null.</summary>
    public static string? MatchColumn(string header, SchemaTable table)
    {
        var h = NormalizeLabel(header);
        if (h.Length == 0)
        {
            return null;
        }

        foreach (var c in table.Columns)
        {
            foreach (var l in c.Labels)
            {
                var n = NormalizeLabel(l);
                if (n == h || StripBracketed(n) == StripBracketed(h))
                {
                    return c.Id;
                }
            }
        }

        return null;
    }

    /// <summary>Maps the brackets and colon of a compact text to the forms labels are matched in (〔［ → (, 〕］ → ), ： → :).</summary>
    internal static string MatchPunctuation(string compact)
    {
        var sb = new StringBuilder(compact.Length);
        foreach (var c in compact)
        {
            sb.Append(c switch
            {
                '〔' or '［' => '(',
                '〕' or '］' => ')',
                '：' => ':',
                _ => c,
            });
        }

        return sb.ToString();
    }

    /// <summary>Normalises a label for matching: width, quotes, no white space, leading numbering (一、 （一） 1. 1、 其中：) removed.</summary>
    public static string NormalizeLabel(string label)
    {
        var s = TextNormalizer.NormalizeCompact(label);
        if (s.Length == 0)
        {
            return s;
        }

        s = MatchPunctuation(s);
        var changed = true;
        while (changed && s.Length > 0)
        {
            changed = false;
            var cut = NumberingLength(s);
            if (cut > 0)
            {
                s = s[cut..];
                changed = true;
                continue;
            }

            if (s.StartsWith("其中:", StringComparison.Ordinal) || s.StartsWith("其中,", StringComparison.Ordinal))
            {
                s = s[3..];
                changed = true;
            }
            else if (s.StartsWith("其中", StringComparison.Ordinal) && s.Length > 4)
            {
                s = s[2..];
                changed = true;
            }
        }

        return s.TrimEnd(':', ',', '。', '、');
    }

    /// <summary>Length of a leading numbering such as 一、 (一) 1. 1、 1) ①, or 0.</summary>
    internal static int NumberingLength(string s)
    {
        if (s.Length == 0)
        {
            return 0;
        }

        if (s[0] == '(')
        {
            var close = s.IndexOf(')');
            if (close > 1 && close <= 4 && AllNumerals(s.AsSpan(1, close - 1)))
            {
                return close + 1;
            }

            return 0;
        }

        if (s[0] >= '\u2460' && s[0] <= '\u2473')
        {
            return 1;
        }

        var i = 0;
        while (i < s.Length && i < 4 && IsNumeral(s[i]))
        {
            i++;
        }

        if (i == 0 || i >= s.Length)
        {
            return 0;
        }

        var sep = s[i];
        if (sep == '、' || sep == '.' || sep == ')' || sep == ',')
        {
            // "2.5万" is not numbering: require a non-digit after the separator.
            if (sep == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
            {
                return 0;
            }

            return i + 1;
        }

        return 0;
    }

    private static bool AllNumerals(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!IsNumeral(c))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsNumeral(char c) => char.IsAsciiDigit(c) || ChineseNumeralValue(c) >= 0;

    internal static int ChineseNumeralValue(char c) => c switch
    {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        _ => -1,
    };

    /// <summary>Removes bracketed text "(…)"; an unclosed "(" removes the rest.</summary>
    internal static string StripBracketed(string s)
    {
        var open = s.IndexOf('(');
        if (open < 0)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        var depth = 0;
        foreach (var c in s)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                if (depth > 0)
                {
                    depth--;
                }
            }
            else if (depth == 0)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
