namespace GovStatsValidation.Readers.Schema;

/// <summary>Maps raw table rows to cell ids through a schema's labels.</summary>
internal sealed class CellMapper
{
    private readonly LabelMatcher _matcher;
    private readonly SourceText? _text;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public CellMapper(LabelMatcher matcher, SourceText? text)
    {
        _matcher = matcher;
        _text = text;
    }

    public List<ExtractedCell> Cells { get; } = [];

    public List<ReaderDiagnostic> Diagnostics { get; } = [];

    internal sealed record Split(List<RawCell> Labels, List<RawCell> Units, List<RawCell> Values)
    {
        public bool IsLabelOnly => Values.Count == 0 && Units.Count == 0;
    }

    internal static Split SplitRow(RawRow row)
    {
        var cells = row.Cells;
        var lastLabel = -1;
        for (var i = 0; i < cells.Count; i++)
        {
            var t = cells[i].Text;
            if (!CellText.IsValueLike(t) && !CellText.IsUnit(t))
            {
                lastLabel = i;
            }
        }

        var labels = new List<RawCell>();
        for (var i = 0; i <= lastLabel; i++)
        {
            var c = cells[i];
            if (CellText.IsBlank(c.Text))
            {
                continue;
            }

            if (labels.Count > 0 && labels[^1].Text == c.Text)
            {
                continue; // spans expanded into repeated cells
            }

            labels.Add(c);
        }

        var units = new List<RawCell>();
        var values = new List<RawCell>();
        for (var i = lastLabel + 1; i < cells.Count; i++)
        {
            if (CellText.IsUnit(cells[i].Text))
            {
                units.Add(cells[i]);
            }
            else
            {
                values.Add(cells[i]);
            }
        }

        return new Split(labels, units, values);
    }

    public void MapTable(RawTable table)
    {
        SchemaRow? context = null;
        var rows = table.Rows;
        var splits = rows.Select(SplitRow).ToList();
        _splits = splits;
        _oneValueColumn = splits.Any(s => s.Labels.Count > 0 && s.Values.Count == 1) && splits.All(s => s.Labels.Count == 0 || s.Values.Count <= 1);
        _variantNoted = false;
        var used = new bool[rows.Count];
        var detached = 0;
        for (var idx = 0; idx < rows.Count; idx++)
        {
            _index = idx;
            var s = splits[idx];
            var cellPerLine = table.Layout == TableLayout.CellPerLine;
            if (s.IsLabelOnly && !cellPerLine)
            {
                continue;
            }

            if (s.Labels.Count == 0 && table.Layout == TableLayout.SpaceAligned
                && MatchWithFragments(splits, used, idx, s, context) is { Match.Row: { } fragRow } frag
                && frag.Match.Quality >= MatchQuality.BareExact
                && (FitsColumns(fragRow, s.Values) || (fragRow.Table.Columns.Count > 1 && PlaceByPosition(table, fragRow.Table.Columns.Count, s.Values) is not null)))
            {
                // Numbers line between the two halves of a wrapped label.
                foreach (var f in frag.Used)
                {
                    used[f] = true;
                }

                context = fragRow;
                if (fragRow.HasValue)
                {
                    Emit(table, frag.Match, s, frag.Text, rows[idx].Line);
                }

                continue;
            }

            if (s.Labels.Count == 0)
            {
                if (!TryFlattened(table, idx, s))
                {
                    detached++;
                    Diagnostics.Add(new ReaderDiagnostic(DiagnosticSeverity.Warning, "detached-values",
                        $"Line {rows[idx].Line}: {s.Values.Count} value(s) without a label ({string.Join(" ", s.Values.Select(v => v.Text.Length == 0 ? "∅" : v.Text))}); not assigned rather than guessed.",
                        rows[idx].Line));
                }

                continue;
            }

            var (match, labelText, labelLine) = MatchRow(s, context);
            if (table.Layout == TableLayout.SpaceAligned && (match is null || match.Quality < MatchQuality.BareExact))
            {
                var combined = MatchWithFragments(splits, used, idx, s, context);
                if (combined is not null && (match is null || combined.Value.Match.Quality > match.Quality))
                {
                    (match, labelText) = (combined.Value.Match, combined.Value.Text);
                    foreach (var f in combined.Value.Used)
                    {
                        used[f] = true;
                    }
                }
            }

            if (match is null || match.Row is null)
            {
                if (s.Values.Count > 0 && s.Values.Any(v => !CellText.IsBlank(v.Text)) && !cellPerLine)
                {
                    Diagnostics.Add(new ReaderDiagnostic(DiagnosticSeverity.Info, "label-unmatched",
                        $"Line {labelLine}: label '{labelText}' matches no row of schema {_matcher.Schema.Id} ({match?.Reason ?? "no match"}); its values are not read.", labelLine));
                    if (match?.Quality == MatchQuality.Ambiguous)
                    {
                        detached++;
                    }
                }

                continue;
            }

            context = match.Row;
            if (!match.Row.HasValue)
            {
                continue;
            }

            Emit(table, match, s, labelText, labelLine);
        }

        if (detached > 0)
        {
            Diagnostics.Add(new ReaderDiagnostic(DiagnosticSeverity.Warning, "table-mangled",
                $"Table at lines {table.FirstLine}–{table.LastLine} ({table.Layout}): {detached} row(s) of numbers could not be tied to their labels; those cells are reported as missing, not guessed.",
                table.FirstLine));
        }
    }

    private (LabelMatch? Match, string Text, int Line) MatchRow(Split s, SchemaRow? context)
    {
        var labels = s.Labels;
        var candidates = new List<string> { labels[^1].Text };
        if (labels.Count > 1)
        {
            candidates.Add(string.Concat(labels.Select(l => l.Text)));
            candidates.Add(labels[^2].Text + labels[^1].Text);
            for (var i = labels.Count - 2; i >= 0; i--)
            {
                candidates.Add(labels[i].Text);
            }
        }

        LabelMatch? best = null;
        var bestText = candidates[0];
        foreach (var c in candidates)
        {
            var m = _matcher.Match(c, context);
            if (m.Row is not null && (best?.Row is null || m.Quality > best.Quality))
            {
                best = m;
                bestText = c;
            }
            else if (best is null)
            {
                best = m;
            }
        }

        return (best, bestText, labels[^1].Line);
    }

    private (LabelMatch Match, string Text, List<int> Used)? MatchWithFragments(List<Split> splits, bool[] used, int idx, Split s, SchemaRow? context)
    {
        var own = s.Labels.Count > 0 ? s.Labels[^1] : null;
        var ownText = own?.Text ?? "";
        var before = new List<(int Index, RawCell Cell)>();
        for (var k = idx - 1; k >= 0 && before.Count < 2; k--)
        {
            if (!splits[k].IsLabelOnly)
            {
                break;
            }

            if (used[k] || PickFragmentCell(splits[k], own) is not { } cell)
            {
                continue;
            }

            before.Add((k, cell));
        }

        var after = new List<(int Index, RawCell Cell)>();
        for (var k = idx + 1; k < splits.Count && after.Count < 2; k++)
        {
            if (!splits[k].IsLabelOnly)
            {
                break;
            }

            if (used[k] || PickFragmentCell(splits[k], own) is not { } cell)
            {
                continue;
            }

            after.Add((k, cell));
        }

        (LabelMatch Match, string Text, List<int> Used)? best = null;
        for (var nb = 0; nb <= before.Count; nb++)
        {
            for (var na = 0; na <= after.Count; na++)
            {
                if (nb == 0 && na == 0)
                {
                    continue;
                }

                var parts = before.Take(nb).Reverse().Select(b => b.Cell.Text).Append(ownText).Concat(after.Take(na).Select(a => a.Cell.Text));
                var text = string.Concat(parts);
                var m = _matcher.Match(text, context);
                if (m.Row is null)
                {
                    continue;
                }

                var usedIdx = before.Take(nb).Select(b => b.Index).Concat(after.Take(na).Select(a => a.Index)).ToList();
                if (best is null || m.Quality > best.Value.Match.Quality || (m.Quality == best.Value.Match.Quality && text.Length > best.Value.Text.Length))
                {
                    best = (m, text, usedIdx);
                }
            }
        }

        return best;
    }

    private static RawCell? PickFragmentCell(Split fragment, RawCell? own)
    {
        if (fragment.Labels.Count == 0)
        {
            return null;
        }

        if (own?.Column is { } col)
        {
            foreach (var c in fragment.Labels)
            {
                if (c.Column is { } fc && Math.Abs(fc - col) <= 4)
                {
                    return c;
                }
            }

            return null;
        }

        var last = fragment.Labels[^1];
        return TextNormalizer.NormalizeCompact(last.Text).Length <= 3 ? null : last;
    }

    private void Emit(RawTable table, LabelMatch match, Split s, string labelText, int labelLine)
    {
        var row = match.Row!;
        var columns = row.Table.Columns;
        var unit = s.Units.Count > 0 ? CellText.Clean(s.Units[^1].Text) : null;
        var reason = $"{table.Layout} table, line {labelLine}: {match.Reason}";
        if (columns.Count == 0)
        {
            var valueCell = s.Values.LastOrDefault();
            var raw = valueCell?.Text ?? "";
            Add(new ExtractedCell(row.Id, raw, valueCell?.Line ?? labelLine, valueCell?.Column) { Unit = unit, Reason = reason });
            return;
        }

        var values = TrimLeadingBlanks(TrimTrailingBlanks(s.Values.ToList(), columns.Count), columns.Count);
        if (values.Count != columns.Count && s.Values.Any(v => v.SpanContinuation))
        {
            // A value merged across columns of the grid that the row does not use (行政许可 | 11,398 over three
            // columns): read each merged cell once. Kept as expanded when that already fits (规章 | —— over all three).
            var merged = TrimTrailingBlanks(s.Values.Where(v => !v.SpanContinuation).ToList(), columns.Count);
            if (merged.Count == columns.Count)
            {
                values = merged;
            }
        }

        if (values.Count == columns.Count)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                Add(new ExtractedCell(SchemaTable.CellId(row, columns[i]), values[i].Text, values[i].Line, values[i].Column) { Unit = unit, Reason = reason });
            }

            return;
        }

        if (values.Count == 1 && columns.Count > 1 && columns[0].KeepsRowId && _oneValueColumn)
        {
            // A variant's table (本年度 | 历年累计) printed with one value column in every row: the figures are the
            // current column's; the other columns are not printed, so their cells are not read (never guessed, never 0).
            if (!_variantNoted)
            {
                _variantNoted = true;
                Diagnostics.Add(new ReaderDiagnostic(DiagnosticSeverity.Info, "variant-columns-absent",
                    $"Table at lines {table.FirstLine}–{table.LastLine}: every row prints one value; read as the {columns[0].Labels[0]} column, the {string.Join("、", columns.Skip(1).Select(c => c.Labels[0]))} column is not printed.",
                    table.FirstLine));
            }

            Add(new ExtractedCell(row.Id, values[0].Text, values[0].Line, values[0].Column) { Unit = unit, Reason = reason + $"; one value printed: the {columns[0].Labels[0]} column" });
            return;
        }

        if (table.Layout is TableLayout.SpaceAligned && values.Count < columns.Count && PlaceByPosition(table, columns.Count, values) is { } placed)
        {
            // Blank cells print nothing in a PDF or its -layout text: the numbers are placed in the columns their x
            // positions fall in, as the rows around print them.
            var why = reason + $"; {values.Count} numbers for {columns.Count} columns placed by their positions, the other columns blank";
            for (var i = 0; i < columns.Count; i++)
            {
                Add(new ExtractedCell(SchemaTable.CellId(row, columns[i]), placed[i].Text, placed[i].Line, placed[i].Column) { Unit = unit, Reason = why });
            }

            return;
        }

        if (table.Layout is TableLayout.TabSeparated && values.Count >= 2 && values.Count < columns.Count && columns[^1].Role == "total"
            && values.Skip(1).Take(values.Count - 2).All(v => CellText.IsBlank(v.Text)))
        {
            // Exporters drop empty cells after rowspan labels: the first value is the first column and the last is the total.
            var missing = columns.Count - values.Count;
            Diagnostics.Add(new ReaderDiagnostic(DiagnosticSeverity.Info, "row-short",
                $"Line {labelLine}: row '{labelText}' has {values.Count} value cells for {columns.Count} columns; read first as {columns[0].Id} and last as {columns[^1].Id}, the {missing + values.Count - 2} columns between are blank.",
                labelLine));
            var why = reason + $"; row short by {missing} cell(s), middle cells all blank";
            Add(new ExtractedCell(SchemaTable.CellId(row, columns[0]), values[0].Text, values[0].Line, values[0].Column) { Unit = unit, Reason = why });
            for (var i = 1; i < columns.Count - 1; i++)
            {
                Add(new ExtractedCell(SchemaTable.CellId(row, columns[i]), "", labelLine, null) { Unit = unit, Reason = why });
            }

            Add(new ExtractedCell(SchemaTable.CellId(row, columns[^1]), values[^1].Text, values[^1].Line, values[^1].Column) { Unit = unit, Reason = why });
            return;
        }

        Diagnostics.Add(new ReaderDiagnostic(DiagnosticSeverity.Warning, "row-values-mismatch",
            $"Line {labelLine}: row '{labelText}' ({row.Id}) has {values.Count} value(s) for {columns.Count} columns ({string.Join(" | ", values.Select(v => v.Text))}); not assigned rather than guessed.",
            labelLine));
    }

    private static List<RawCell> TrimTrailingBlanks(List<RawCell> values, int columns)
    {
        while (values.Count > columns && CellText.IsBlank(values[^1].Text))
        {
            values.RemoveAt(values.Count - 1);
        }

        return values;
    }

    /// <summary>Empty cells between a row's label and its values, beyond the columns: the rest of a label merged across
    /// several columns, printed as empty cells where the layout has no spans (a markdown table). The values are the last
    /// cells of the row, so these are dropped from the left.</summary>
    private static List<RawCell> TrimLeadingBlanks(List<RawCell> values, int columns)
    {
        var drop = 0;
        while (values.Count - drop > columns && CellText.IsBlank(values[drop].Text) && !values[drop].SpanContinuation)
        {
            drop++;
        }

        return drop == 0 ? values : values.Skip(drop).ToList();
    }

    private static bool FitsColumns(SchemaRow row, List<RawCell> values)
    {
        var n = row.Table.Columns.Count;
        var count = values.Count;
        while (count > Math.Max(n, 1) && CellText.IsBlank(values[count - 1].Text))
        {
            count--;
        }

        var first = 0;
        while (count - first > Math.Max(n, 1) && CellText.IsBlank(values[first].Text) && !values[first].SpanContinuation)
        {
            first++;
        }

        count -= first;

        return n == 0 ? count == 1 : count == n;
    }

    private bool TryFlattened(RawTable table, int idx, Split s)
    {
        var values = s.Values.ToList();
        foreach (var t in _matcher.Schema.Tables)
        {
            if (t.Columns.Count == 0)
            {
                continue;
            }

            var valueRows = t.ValueRows.ToList();
            var size = valueRows.Count * t.Columns.Count;
            if (size < 10)
            {
                continue;
            }

            var vals = values.ToList();
            while (vals.Count > size && CellText.IsBlank(vals[^1].Text))
            {
                vals.RemoveAt(vals.Count - 1);
            }

            if (table.Layout is TableLayout.SpaceAligned && vals.Count < size && vals.Count > 0 && PlaceByPosition(table, size, vals) is { } placed)
            {
                vals = placed;
            }

            if (vals.Count != size || !ContextMentions(table, idx, t.Rows[0].Labels[0]))
            {
                continue;
            }

            var line = table.Rows[idx].Line;
            var reason = $"{table.Layout} table, line {line}: a row of {size} values without labels after '{t.Rows[0].Labels[0]}': read in the order of table {t.Id} ({string.Join(", ", valueRows.Select(r => r.Id))}) × ({string.Join(", ", t.Columns.Select(c => c.Id))})";
            var k = 0;
            foreach (var r in valueRows)
            {
                foreach (var c in t.Columns)
                {
                    var v = vals[k++];
                    Add(new ExtractedCell(SchemaTable.CellId(r, c), v.Text, v.Line, v.Column) { Reason = reason });
                }
            }

            return true;
        }

        return false;
    }

    private List<Split>? _splits;

    /// <summary>No labelled row of the table prints more than one value (a variant's extra columns left out).</summary>
    private bool _oneValueColumn;
    private bool _variantNoted;
    private int _index;

    /// <summary>
    /// The values of a space-aligned row that prints fewer numbers than its columns (blank cells print nothing), placed
    /// by position: the column centres come from the nearest rows above and below that print all <paramref name="columns"/>
    /// numbers (both must agree), or else from the nearest header line with one label per column. Each number must fall
    /// within reach of exactly one column, in order; otherwise null (the row stays unread). Unfilled columns are blank.
    /// </summary>
    private List<RawCell>? PlaceByPosition(RawTable table, int columns, List<RawCell> values)
    {
        if (_splits is null || values.Count == 0 || values.Count >= columns || values.Any(v => v.Column is null || CellText.IsBlank(v.Text)))
        {
            return null;
        }

        static double Center(RawCell c) => c.Column!.Value + (c.Text.Length / 2.0);
        List<double>? Full(int k)
        {
            var v = _splits[k].Values;
            return v.Count == columns && v.All(x => x.Column is not null && !CellText.IsBlank(x.Text)) ? v.Select(Center).ToList() : null;
        }

        List<double>? above = null, below = null;
        for (var k = _index - 1; k >= 0 && above is null; k--)
        {
            above = Full(k);
        }

        for (var k = _index + 1; k < _splits.Count && below is null; k++)
        {
            below = Full(k);
        }

        var centers = above ?? below ?? HeaderCenters(values[0].Line, columns);
        if (centers is null)
        {
            return null;
        }

        var gaps = centers.Zip(centers.Skip(1), (a, b) => b - a).ToList();
        if (gaps.Count == 0 || gaps.Min() < 3)
        {
            return null;
        }

        var reach = gaps.Min() * 0.4;
        if (above is not null && below is not null && above.Zip(below, (a, b) => Math.Abs(a - b)).Any(d => d > reach))
        {
            return null; // the rows around disagree (another page, another grid): no position is safe
        }

        var placed = Enumerable.Range(0, columns).Select(_ => (RawCell?)null).ToArray();
        var last = -1;
        foreach (var v in values)
        {
            var c = Center(v);
            var near = Enumerable.Range(0, columns).Where(k => Math.Abs(centers[k] - c) <= reach).ToList();
            if (near.Count != 1 || near[0] <= last)
            {
                return null;
            }

            placed[near[0]] = v;
            last = near[0];
        }

        var line = values[0].Line;
        return placed.Select((p, k) => p ?? new RawCell("", line, null)).ToList();
    }

    /// <summary>Column centres from the nearest of the few lines above <paramref name="line"/> that print exactly
    /// <paramref name="columns"/> labels separated by two or more spaces (the header of column labels).</summary>
    private List<double>? HeaderCenters(int line, int columns)
    {
        if (_text is null)
        {
            return null;
        }

        for (var n = line - 1; n >= Math.Max(1, line - 6); n--)
        {
            var norm = _text.GetNormalizedLine(n);
            var fields = new List<(int Start, int End)>();
            var i = 0;
            while (i < norm.Length)
            {
                while (i < norm.Length && TextNormalizer.IsSpace(norm[i]))
                {
                    i++;
                }

                if (i >= norm.Length)
                {
                    break;
                }

                var start = i;
                var end = i;
                while (i < norm.Length)
                {
                    if (TextNormalizer.IsSpace(norm[i]))
                    {
                        var j = i;
                        while (j < norm.Length && TextNormalizer.IsSpace(norm[j]))
                        {
                            j++;
                        }

                        if (j - i >= 2 || j >= norm.Length)
                        {
                            break;
                        }

                        i = j;
                        continue;
                    }

                    end = ++i;
                }

                fields.Add((start, end));
            }

            if (fields.Count == columns && fields.All(f => !CellText.IsValueLike(norm[f.Start..f.End])))
            {
                return fields.Select(f => f.Start + ((f.End - f.Start) / 2.0)).ToList();
            }
        }

        return null;
    }

    private bool ContextMentions(RawTable table, int idx, string label)
    {
        var key = TextNormalizer.NormalizeCompact(label);
        for (var k = idx - 1; k >= 0; k--)
        {
            if (table.Rows[k].Cells.Any(c => TextNormalizer.NormalizeCompact(c.Text).Contains(key, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        if (_text is null)
        {
            return false;
        }

        var line = table.Rows[idx].Line;
        var from = _text.IsIdentityMapped ? Math.Max(1, line - 25) : 1;
        var to = _text.IsIdentityMapped ? Math.Min(_text.LineCount, line - 1) : _text.LineCount;
        for (var n = from; n <= to; n++)
        {
            var src = _text.OriginalLineNumber(n);
            if (src < line - 25 || src >= line)
            {
                continue;
            }

            if (TextNormalizer.NormalizeCompact(_text.GetNormalizedLine(n)).Contains(key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void Add(ExtractedCell cell)
    {
        if (!_seen.Add(cell.CellId))
        {
            Diagnostics.Add(new ReaderDiagnostic(DiagnosticSeverity.Info, "duplicate-cell",
                $"Line {cell.Line}: cell {cell.CellId} was already read; the later value '{cell.RawText}' is ignored.", cell.Line));
            return;
        }

        Cells.Add(cell);
    }
}
