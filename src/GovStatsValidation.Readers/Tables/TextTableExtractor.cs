namespace GovStatsValidation.Readers.Tables;

/// <summary>Finds tables in plain text: one cell per line, tab-separated rows, space-aligned columns (pdftotext -layout)
/// and markdown pipe tables. Schema-independent: rows are lists of printed cells.</summary>
internal static class TextTableExtractor
{
    private const int MaxFragmentLength = 40;

    public static List<RawTable> Extract(SourceText text)
    {
        var tables = new List<RawTable>();
        var consumed = new bool[text.LineCount + 2];
        ExtractCellPerLine(text, tables, consumed);
        ExtractLineTables(text, tables, consumed);
        tables.Sort((a, b) => a.FirstLine.CompareTo(b.FirstLine));
        return tables;
    }

    // ---------- one cell per line (statistics table of 2014–2018) ----------

    private enum TokenKind
    {
        Label,
        Unit,
        Value,
        Placeholder,
        Empty,
    }

    private static void ExtractCellPerLine(SourceText text, List<RawTable> tables, bool[] consumed)
    {
        for (var n = 1; n <= text.LineCount; n++)
        {
            var compact = TextNormalizer.NormalizeCompact(text.GetNormalizedLine(n));
            if (compact is not ("统计指标" or "指标名称"))
            {
                continue;
            }

            var start = n;
            var i = n + 1;
            // Skip the header cells 单位 / 统计数, counting the value columns they name (本年度 | 历年累计: two values a row).
            var valueHeaders = 0;
            while (i <= text.LineCount)
            {
                var c = TextNormalizer.NormalizeCompact(text.GetNormalizedLine(i));
                if (c.Length == 0 || c == "单位" || c == "计量单位")
                {
                    i++;
                    continue;
                }

                if (IsValueColumnHeader(c))
                {
                    valueHeaders++;
                    i++;
                    continue;
                }

                break;
            }

            var valueColumns = Math.Max(1, valueHeaders);
            var valuesInRow = 0;

            var tabIndented = false;
            for (var k = i; k <= Math.Min(text.LineCount, i + 20); k++)
            {
                if (text.GetOriginalLine(k).StartsWith('\t'))
                {
                    tabIndented = true;
                    break;
                }
            }

            var rows = new List<RawRow>();
            var current = new List<RawCell>();
            string? label = null;
            var labelLine = 0;
            var hasUnitOrValue = false;
            var last = i - 1;

            void FlushLabel()
            {
                if (label is not null)
                {
                    current.Insert(0, new RawCell(label, labelLine, null));
                    label = null;
                }
            }

            void FlushRow()
            {
                FlushLabel();
                if (current.Count > 0)
                {
                    rows.Add(new RawRow(current.ToArray()));
                }

                current.Clear();
                hasUnitOrValue = false;
                valuesInRow = 0;
            }

            // A row ends with its last value column (one value column: the first value ends it, as always).
            void ValueCell()
            {
                if (++valuesInRow >= valueColumns)
                {
                    FlushRow();
                }
            }

            for (; i <= text.LineCount; i++)
            {
                var original = text.GetOriginalLine(i);
                var norm = text.GetNormalizedLine(i);
                var trimmed = norm.Trim(' ', '\t', '\f');
                TokenKind kind;
                if (trimmed.Length == 0)
                {
                    if (tabIndented && original.Contains('\t') && hasUnitOrValue)
                    {
                        kind = TokenKind.Empty;
                    }
                    else
                    {
                        continue;
                    }
                }
                else if (trimmed.Length > 60 || (trimmed.Contains('。') && trimmed.Length > 20))
                {
                    break; // narrative resumes
                }
                else if (CellText.IsUnit(trimmed))
                {
                    kind = TokenKind.Unit;
                }
                else if (CellText.IsPlaceholder(trimmed))
                {
                    kind = TokenKind.Placeholder;
                }
                else if (CellText.IsValue(trimmed))
                {
                    kind = TokenKind.Value;
                }
                else
                {
                    kind = TokenKind.Label;
                }

                consumed[i] = true;
                last = i;
                switch (kind)
                {
                    case TokenKind.Label:
                        if (label is not null && !hasUnitOrValue)
                        {
                            label += trimmed; // wrapped label
                        }
                        else
                        {
                            FlushRow();
                            label = trimmed;
                            labelLine = i;
                        }

                        break;
                    case TokenKind.Unit:
                        current.Add(new RawCell(trimmed, i, null));
                        hasUnitOrValue = true;
                        break;
                    case TokenKind.Placeholder:
                        current.Add(new RawCell(trimmed, i, null));
                        if (hasUnitOrValue)
                        {
                            ValueCell();
                        }
                        else
                        {
                            hasUnitOrValue = true;
                        }

                        break;
                    case TokenKind.Value:
                        current.Add(new RawCell(trimmed, i, null));
                        hasUnitOrValue = true;
                        ValueCell();
                        break;
                    case TokenKind.Empty:
                        current.Add(new RawCell("", i, null));
                        hasUnitOrValue = true;
                        ValueCell();
                        break;
                }
            }

            FlushRow();
            for (var k = start; k <= last; k++)
            {
                consumed[k] = true;
            }

            tables.Add(new RawTable(TableLayout.CellPerLine, start, last, rows));
            n = last;
        }
    }

    /// <summary>A header cell naming a value column: 统计数, 本年度, 历年累计, 累计, 2014年度, 2014年.</summary>
    private static bool IsValueColumnHeader(string compact)
    {
        if (compact is "统计数" or "本年度" or "本年" or "本年数" or "年度" or "历年累计" or "累计" or "累计数")
        {
            return true;
        }

        var digits = 0;
        while (digits < compact.Length && char.IsAsciiDigit(compact[digits]))
        {
            digits++;
        }

        return digits == 4 && compact[digits..] is "年度" or "年";
    }

    // ---------- line-based layouts ----------

    private sealed class Builder
    {
        public required TableLayout Layout { get; init; }
        public int First { get; set; }
        public int Last { get; set; }
        public int LastData { get; set; }
        public List<RawRow> Rows { get; } = [];
        public List<RawRow> PendingFragments { get; } = [];
    }

    private static void ExtractLineTables(SourceText text, List<RawTable> tables, bool[] consumed)
    {
        Builder? b = null;
        // Tab tables: the exporter may end every row with a tab; remember per table.
        var allEndWithTab = true;

        void Flush()
        {
            if (b is null)
            {
                return;
            }

            if (b.Layout == TableLayout.SpaceAligned)
            {
                // Fragments right after the last numbers line finish its wrapped label.
                foreach (var f in b.PendingFragments)
                {
                    if (f.Line - b.LastData <= 2)
                    {
                        b.Rows.Add(f);
                        b.Last = Math.Max(b.Last, f.Line);
                    }
                }
            }

            var rows = b.Rows;
            if (b.Layout == TableLayout.TabSeparated && allEndWithTab)
            {
                rows = rows.Select(r => r.Cells.Count > 1 && r.Cells[^1].Text.Length == 0 ? new RawRow(r.Cells.Take(r.Cells.Count - 1).ToArray()) : r).ToList();
            }

            var hasNumbers = rows.Any(r => r.Cells.Any(c => CellText.IsValue(c.Text)));
            if (rows.Count > 0 && (hasNumbers || b.Layout is TableLayout.Markdown or TableLayout.TabSeparated))
            {
                tables.Add(new RawTable(b.Layout, b.First, b.Last, rows));
            }

            b = null;
            allEndWithTab = true;
        }

        for (var n = 1; n <= text.LineCount; n++)
        {
            if (consumed[n])
            {
                continue;
            }

            var original = text.GetOriginalLine(n);
            var norm = text.GetNormalizedLine(n);
            var trimmed = norm.Trim(' ', '\t', '\f');
            if (trimmed.Length == 0 || IsPageNumber(trimmed))
            {
                continue;
            }

            if (trimmed[0] == '|')
            {
                if (b is null || b.Layout != TableLayout.Markdown || n - b.LastData > 12)
                {
                    Flush();
                    b = new Builder { Layout = TableLayout.Markdown, First = n };
                }

                b.Last = b.LastData = n;
                if (!IsMarkdownSeparator(trimmed))
                {
                    b.Rows.Add(new RawRow(SplitMarkdown(norm, original, n)));
                }

                continue;
            }

            if (IsTabRow(original))
            {
                if (b is null || b.Layout != TableLayout.TabSeparated || n - b.LastData > 3)
                {
                    Flush();
                    b = new Builder { Layout = TableLayout.TabSeparated, First = n };
                }

                b.Last = b.LastData = n;
                allEndWithTab &= original.EndsWith('\t');
                b.Rows.Add(new RawRow(SplitTabs(original, n)));
                continue;
            }

            var spaceRow = TrySpaceRow(norm, original, n);
            if (spaceRow is not null)
            {
                if (b is null || b.Layout != TableLayout.SpaceAligned || n - b.LastData > 10)
                {
                    Flush();
                    b = new Builder { Layout = TableLayout.SpaceAligned, First = n };
                    var back = CollectPrecedingFragments(text, n, consumed, tables.Count > 0 ? tables[^1].LastLine : 0);
                    if (back.Count > 0)
                    {
                        b.First = back[0].Line;
                        b.Rows.AddRange(back);
                    }
                }
                else
                {
                    b.Rows.AddRange(b.PendingFragments);
                }

                b.PendingFragments.Clear();
                b.Last = b.LastData = n;
                b.Rows.Add(spaceRow);
                continue;
            }

            if (b is not null && b.Layout == TableLayout.SpaceAligned && n - b.LastData <= 2 && BlankValueRow(norm, original, n, b.Rows) is { } blankRow)
            {
                // 六、依申请公开信息收取的费用  万元  (and nothing in the value column): a row of a label | unit | value
                // table whose value cell is blank, which a PDF prints as nothing.
                b.Rows.AddRange(b.PendingFragments);
                b.PendingFragments.Clear();
                b.Last = b.LastData = n;
                b.Rows.Add(blankRow);
                continue;
            }

            if (b is not null && b.Layout == TableLayout.SpaceAligned && IsFragment(trimmed) && !SectionDetector.IsTopLevelHeading(trimmed))
            {
                if (n - b.LastData <= 10)
                {
                    b.PendingFragments.Add(new RawRow(SplitFields(norm, original, n, norm.Length)));
                    continue;
                }
            }

            if (b is not null && n - b.LastData > (b.Layout == TableLayout.SpaceAligned ? 10 : b.Layout == TableLayout.Markdown ? 12 : 3))
            {
                Flush();
            }
            else if (b is not null && b.Layout == TableLayout.TabSeparated)
            {
                Flush();
            }
            else if (b is not null && (!IsFragment(trimmed) || (b.Layout == TableLayout.SpaceAligned && SectionDetector.IsTopLevelHeading(trimmed))))
            {
                Flush();
            }
        }

        Flush();
    }

    private static List<RawRow> CollectPrecedingFragments(SourceText text, int n, bool[] consumed, int notBefore)
    {
        var rows = new List<RawRow>();
        for (var k = n - 1; k > Math.Max(notBefore, n - 18); k--)
        {
            if (consumed[k])
            {
                break;
            }

            var norm = text.GetNormalizedLine(k);
            var trimmed = norm.Trim(' ', '\t', '\f');
            if (trimmed.Length == 0 || IsPageNumber(trimmed))
            {
                continue;
            }

            if (!IsFragment(trimmed) || SectionDetector.IsTopLevelHeading(trimmed) || trimmed[0] == '|' || text.GetOriginalLine(k).Contains('\t'))
            {
                break;
            }

            rows.Add(new RawRow(SplitFields(norm, text.GetOriginalLine(k), k, norm.Length)));
        }

        rows.Reverse();
        return rows;
    }

    internal static bool IsPageNumber(string trimmed)
    {
        if (trimmed.Length > 16)
        {
            return false;
        }

        var c = TextNormalizer.NormalizeCompact(trimmed);
        if (c.Length < 1 || c.Length > 8)
        {
            return false;
        }

        var i = 0;
        while (i < c.Length && (c[i] == '-' || c[i] == '—' || c[i] == '–' || c[i] == '第'))
        {
            i++;
        }

        var d = i;
        while (i < c.Length && char.IsAsciiDigit(c[i]))
        {
            i++;
        }

        if (i == d)
        {
            return false;
        }

        var digitsEnd = i;
        while (i < c.Length && (c[i] == '-' || c[i] == '—' || c[i] == '–' || c[i] == '页'))
        {
            i++;
        }

        // A bare number alone on a line is a value, not a page number, unless decorated; a leading minus alone is a signed
        // value (-3 in a column of changes printed one cell per line), a page number is decorated after its digits too
        // (-3-, 3-, 第3页) or led by 第.
        return i == c.Length && (i > digitsEnd || c[..d].Contains('第', StringComparison.Ordinal));
    }

    private static bool IsFragment(string trimmed)
    {
        if (trimmed.Contains('。'))
        {
            return false;
        }

        var len = 0;
        foreach (var c in trimmed)
        {
            if (!TextNormalizer.IsSpace(c))
            {
                len++;
            }
        }

        return len <= MaxFragmentLength;
    }

    private static bool IsMarkdownSeparator(string trimmed)
    {
        foreach (var c in trimmed)
        {
            if (c != '|' && c != '-' && c != ':' && c != ' ')
            {
                return false;
            }
        }

        return true;
    }

    private static RawCell[] SplitMarkdown(string norm, string original, int line)
    {
        var cells = new List<RawCell>();
        var start = norm.IndexOf('|') + 1;
        var field = 0;
        for (var i = start; i <= norm.Length; i++)
        {
            if (i == norm.Length || norm[i] == '|')
            {
                if (i == norm.Length && string.IsNullOrWhiteSpace(norm[start..]))
                {
                    break; // nothing after the closing pipe
                }

                cells.Add(new RawCell(original[start..i].Trim(' ', '\t', '\u3000', '\u00A0'), line, field++));
                start = i + 1;
            }
        }

        return cells.ToArray();
    }

    private static bool IsTabRow(string original)
    {
        var first = original.IndexOf('\t');
        if (first < 0)
        {
            return false;
        }

        var second = original.IndexOf('\t', first + 1);
        if (second >= 0)
        {
            // At least one cell must carry text.
            return !CellText.IsBlank(original);
        }

        return !CellText.IsBlank(original[..first]) && !CellText.IsBlank(original[(first + 1)..]);
    }

    private static RawCell[] SplitTabs(string original, int line)
    {
        var parts = original.Split('\t');
        var cells = new RawCell[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            cells[i] = new RawCell(parts[i].Trim(' ', '\u3000', '\u00A0'), line, i);
        }

        return cells;
    }

    /// <summary>A space-aligned row: label fields (split at runs of two or more spaces) followed by trailing number tokens.</summary>
    private static RawRow? TrySpaceRow(string norm, string original, int line)
    {
        // Scan trailing number tokens from the end.
        var end = norm.Length;
        while (end > 0 && TextNormalizer.IsSpace(norm[end - 1]))
        {
            end--;
        }

        var numbers = new List<(int Start, int End)>();
        var pos = end;
        var gapBeforeNumbers = 0;
        while (pos > 0)
        {
            var tokEnd = pos;
            var tokStart = tokEnd;
            while (tokStart > 0 && !TextNormalizer.IsSpace(norm[tokStart - 1]))
            {
                tokStart--;
            }

            if (!CellText.IsStrictNumber(norm.AsSpan(tokStart, tokEnd - tokStart)))
            {
                break;
            }

            numbers.Add((tokStart, tokEnd));
            pos = tokStart;
            var gap = 0;
            while (pos > 0 && TextNormalizer.IsSpace(norm[pos - 1]))
            {
                pos--;
                gap++;
            }

            gapBeforeNumbers = gap;
        }

        if (numbers.Count == 0)
        {
            return null;
        }

        var labelEnd = pos;
        var labelText = norm[..labelEnd].Trim();
        if (labelText.Length == 0)
        {
            if (numbers.Count < 2)
            {
                return null;
            }
        }
        else
        {
            if (labelText.Contains('。') || labelText.Contains('；') || labelText.Contains(';'))
            {
                return null;
            }

            if (gapBeforeNumbers < 2 && TextNormalizer.NormalizeCompact(labelText).Length > 20)
            {
                return null;
            }

            if (!CellText.ContainsCjk(labelText))
            {
                return null;
            }
        }

        var cells = new List<RawCell>();
        if (labelEnd > 0)
        {
            cells.AddRange(SplitFields(norm, original, line, labelEnd));
        }

        numbers.Reverse();
        foreach (var (s, e) in numbers)
        {
            cells.Add(new RawCell(original[s..e], line, s));
        }

        return new RawRow(cells.ToArray());
    }

    /// <summary>A line of a label | unit | value table whose value is blank: a label and, two or more spaces after it,
    /// a unit, in a table whose rows print units.</summary>
    private static RawRow? BlankValueRow(string norm, string original, int line, List<RawRow> rows)
    {
        var fields = SplitFields(norm, original, line, norm.Length);
        if (fields.Count < 2 || !CellText.IsUnit(fields[^1].Text) || !CellText.ContainsCjk(fields[0].Text) || CellText.IsUnit(fields[0].Text)
            || !rows.Any(r => r.Cells.Count >= 3 && r.Cells.Any(c => CellText.IsUnit(c.Text))))
        {
            return null;
        }

        return new RawRow(fields.ToArray());
    }

    /// <summary>Splits <c>norm[..end]</c> into fields separated by two or more spaces (or a tab).</summary>
    private static List<RawCell> SplitFields(string norm, string original, int line, int end)
    {
        var cells = new List<RawCell>();
        var i = 0;
        while (i < end)
        {
            while (i < end && TextNormalizer.IsSpace(norm[i]))
            {
                i++;
            }

            if (i >= end)
            {
                break;
            }

            var start = i;
            var lastNonSpace = i;
            while (i < end)
            {
                if (TextNormalizer.IsSpace(norm[i]))
                {
                    var j = i;
                    while (j < end && TextNormalizer.IsSpace(norm[j]))
                    {
                        j++;
                    }

                    if (j - i >= 2 || norm[i] == '\t' || j >= end)
                    {
                        break;
                    }

                    i = j;
                    continue;
                }

                lastNonSpace = i;
                i++;
            }

            cells.Add(new RawCell(original[start..(lastNonSpace + 1)], line, start));
        }

        return cells;
    }
}
