using GovStatsValidation.Readers.Schema;

namespace GovStatsValidation.Readers;

/// <summary>Report year and agency from the title; schema from table labels.</summary>
internal static class TitleDetector
{
    private const int TitleWindow = 15;

    public static (Detected<int>? Year, Detected<string>? Agency) Detect(SourceText text)
    {
        var lines = new List<(string Compact, int Line)>();
        for (var n = 1; n <= text.LineCount && lines.Count < TitleWindow; n++)
        {
            var c = TextNormalizer.NormalizeCompact(text.GetNormalizedLine(n));
            if (c.Length > 0)
            {
                lines.Add((c, text.OriginalLineNumber(n)));
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var (c, line) = lines[i];
            if (c.StartsWith("图解", StringComparison.Ordinal) || c.Contains("发布时间", StringComparison.Ordinal) || c.Length > 60)
            {
                continue;
            }

            var yearAt = FindYear(c, out var year);
            if (yearAt < 0)
            {
                continue;
            }

            var title = c;
            var joined = false;
            if (!c.Contains("报告", StringComparison.Ordinal) && i + 1 < lines.Count && lines[i + 1].Compact.Contains("报告", StringComparison.Ordinal) && lines[i + 1].Compact.Length <= 20)
            {
                title = c + lines[i + 1].Compact;
                joined = true;
            }

            if (!title.Contains("报告", StringComparison.Ordinal) || !(title.Contains("信息公开", StringComparison.Ordinal) || title.Contains("政务公开", StringComparison.Ordinal)))
            {
                continue;
            }

            var titleReason = joined ? $"title over lines {line}–{lines[i + 1].Line}: '{title}'" : $"title at line {line}: '{title}'";
            var yearDetected = new Detected<int>(year, $"year {year} in the {titleReason}", line);

            var before = title[..yearAt];
            var prefix = Model.AgencyNameText.StripDebris(before).Trim(' ', ':', '-', '—', '|');
            if (prefix.Length >= 2 && CellText.ContainsCjk(prefix) && !before.Contains("当前位置", StringComparison.Ordinal))
            {
                return (yearDetected, new Detected<string>(prefix, $"text before the year in the {titleReason}", line));
            }

            var afterYear = title[(yearAt + 4)..];
            afterYear = afterYear.StartsWith("年度", StringComparison.Ordinal) ? afterYear[2..] : afterYear.TrimStart('年');
            var stop = IndexOfAny(afterYear, "政府信息公开", "政务公开", "信息公开");
            if (stop > 1)
            {
                return (yearDetected, new Detected<string>(Model.AgencyNameText.StripDebris(afterYear[..stop]), $"text between the year and 政府信息公开 in the {titleReason}", line));
            }

            if (i > 0)
            {
                var prev = lines[i - 1];
                if (prev.Compact.Length <= 30 && CellText.ContainsCjk(prev.Compact) && !ContainsDigit(prev.Compact) && !prev.Compact.Contains('>'))
                {
                    return (yearDetected, new Detected<string>(Model.AgencyNameText.StripDebris(prev.Compact), $"the line before the {titleReason} (line {prev.Line})", prev.Line));
                }
            }

            return (yearDetected, null);
        }

        return (null, null);
    }

    private static int IndexOfAny(string s, params string[] needles)
    {
        var best = -1;
        foreach (var n in needles)
        {
            var i = s.IndexOf(n, StringComparison.Ordinal);
            if (i >= 0 && (best < 0 || i < best))
            {
                best = i;
            }
        }

        return best;
    }

    private static bool ContainsDigit(string s) => s.Any(char.IsAsciiDigit);

    /// <summary>Index of a year 1990–2099 followed by 年, or -1.</summary>
    private static int FindYear(string c, out int year)
    {
        year = 0;
        for (var i = 0; i + 4 < c.Length; i++)
        {
            if ((c[i] == '1' && c[i + 1] == '9') || (c[i] == '2' && c[i + 1] == '0'))
            {
                if (char.IsAsciiDigit(c[i + 2]) && char.IsAsciiDigit(c[i + 3]) && c[i + 4] == '年' && (i == 0 || !char.IsAsciiDigit(c[i - 1])))
                {
                    year = ((c[i] - '0') * 1000) + ((c[i + 1] - '0') * 100) + ((c[i + 2] - '0') * 10) + (c[i + 3] - '0');
                    return i;
                }
            }
        }

        return -1;
    }

    public static Detected<string>? DetectSchema(SourceText text, IReadOnlyList<TableSchema> schemas)
    {
        var all = string.Concat(text.NormalizedLines.Select(TextNormalizer.NormalizeCompact));
        Detected<string>? best = null;
        var bestHits = 0;
        foreach (var schema in schemas.OrderByDescending(s => s.YearFrom))
        {
            var hits = schema.Detect.Where(d => all.Contains(TextNormalizer.NormalizeCompact(d), StringComparison.Ordinal)).ToList();
            var required = schema.Detect.Contains("统计指标") ? 2 : 1;
            if (schema.Detect.Contains("统计指标") && !hits.Contains("统计指标"))
            {
                continue;
            }

            if (hits.Count >= required && hits.Count > bestHits)
            {
                best = new Detected<string>(schema.Id, $"labels of schema {schema.Id} found: {string.Join("、", hits)}", null);
                bestHits = hits.Count;
            }
        }

        return best;
    }
}
