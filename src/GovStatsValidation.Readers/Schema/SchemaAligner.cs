using System.Text;
using GovStatsValidation.Readers.Tables;

namespace GovStatsValidation.Readers.Schema;

/// <summary>Cells of a table that were seen (heading or row labels present) but could not be read, and why.</summary>
/// <param name="TableId">Schema table id.</param>
/// <param name="Line">First source line of the part.</param>
/// <param name="Reason">Why the cells were not read (with the candidates when several splits remain).</param>
/// <param name="CellIds">The cells not read.</param>
internal sealed record UnreadPart(string TableId, int Line, string Reason, IReadOnlyList<string> CellIds);

/// <summary>
/// The schema-guided reader: aligns a format's known row-label sequence (fixed order, labels and variants, known
/// column count) against a stream of text and number tokens, whatever the layout, and assigns numbers to cells.
/// Two readings are tried per table: rows anchored on their labels (each label followed by its row's numbers, split
/// when the digits ran together), and the whole table's numbers in block structure (the plain <c>pdftotext</c> order:
/// runs of single numbers row by row, blocks of equal columns stacked column by column). A reading is used only when
/// it is the only one the structure allows; otherwise the cells are not read and the reason is kept.
/// </summary>
internal sealed class SchemaAligner
{
    private const int MinExactLabel = 4;
    private const int MinFuzzyLabel = 6;
    private readonly TableSchema _schema;
    private readonly SourceText _text;
    private readonly List<StreamToken> _tokens;
    private readonly List<Item> _items = [];

    public SchemaAligner(TableSchema schema, SourceText text)
    {
        _schema = schema;
        _text = text;
        _tokens = TokenStream.FromText(text);
        BuildItems();
    }

    /// <summary>Cells read.</summary>
    public List<ExtractedCell> Cells { get; } = [];

    /// <summary>Tables (or rows) seen but not read.</summary>
    public List<UnreadPart> Unread { get; } = [];

    /// <summary>Decisions worth showing.</summary>
    public List<ReaderDiagnostic> Diagnostics { get; } = [];

    /// <summary>Source lines that hold row labels of a table read here (they are not section headings).</summary>
    public HashSet<int> LabelLines { get; } = [];

    /// <summary>Tables whose heading, caption or row labels are in the text, with the source line.</summary>
    public Dictionary<string, int> Seen { get; } = new(StringComparer.Ordinal);

    /// <summary>Value rows whose label was found inside a table this reader read (row id → source line of the label).</summary>
    public Dictionary<string, int> LabelRows { get; } = new(StringComparer.Ordinal);

    // ---------- items: segments of consecutive text tokens, and number tokens ----------

    private sealed class Item
    {
        public bool IsNumber => Number is not null;

        public StreamToken? Number { get; init; }

        public List<StreamToken> TextTokens { get; } = [];

        public string Compact { get; set; } = "";

        /// <summary>For each char of <see cref="Compact"/>, the index into <see cref="TextTokens"/>.</summary>
        public List<int> CharToken { get; } = [];
    }

    private void BuildItems()
    {
        Item? segment = null;
        foreach (var t in _tokens)
        {
            if (t.Kind == StreamTokenKind.Number)
            {
                segment = null;
                _items.Add(new Item { Number = t });
                continue;
            }

            if (segment is null)
            {
                segment = new Item();
                _items.Add(segment);
            }

            segment.TextTokens.Add(t);
        }

        foreach (var item in _items.Where(i => !i.IsNumber))
        {
            var sb = new StringBuilder();
            for (var k = 0; k < item.TextTokens.Count; k++)
            {
                var c = TextNormalizer.NormalizeCompact(item.TextTokens[k].Text);
                sb.Append(c);
                for (var x = 0; x < c.Length; x++)
                {
                    item.CharToken.Add(k);
                }
            }

            item.Compact = sb.ToString();
        }
    }

    private int SourceLine(StreamToken t) => _text.OriginalLineNumber(t.Line);

    // ---------- anchors and regions ----------

    /// <summary>A position in the stream: an item, and a character of its compact text.</summary>
    private readonly record struct Pos(int Item, int Char) : IComparable<Pos>
    {
        public int CompareTo(Pos other) => Item != other.Item ? Item.CompareTo(other.Item) : Char.CompareTo(other.Char);

        public static bool operator <(Pos a, Pos b) => a.CompareTo(b) < 0;

        public static bool operator >(Pos a, Pos b) => a.CompareTo(b) > 0;

        public static bool operator <=(Pos a, Pos b) => a.CompareTo(b) <= 0;

        public static bool operator >=(Pos a, Pos b) => a.CompareTo(b) >= 0;
    }

    /// <summary>The part of an item's compact text inside [from, to).</summary>
    private (int Start, int End) Window(int item, Pos from, Pos to)
    {
        var len = _items[item].Compact.Length;
        var start = item == from.Item ? Math.Min(from.Char, len) : 0;
        var end = item == to.Item ? Math.Min(to.Char, len) : len;
        return (start, Math.Max(start, end));
    }

    private Pos? Find(string key, Pos from, Pos to, bool last = false)
    {
        Pos? result = null;
        for (var i = from.Item; i <= Math.Min(to.Item, _items.Count - 1); i++)
        {
            if (_items[i].IsNumber)
            {
                continue;
            }

            var (start, end) = Window(i, from, to);
            var at = start;
            while (end - at >= key.Length && (at = _items[i].Compact.IndexOf(key, at, end - at, StringComparison.Ordinal)) >= 0)
            {
                result = new Pos(i, at);
                if (!last)
                {
                    return result;
                }

                at += key.Length;
            }
        }

        return result;
    }

    private static string Key(string label) => LabelMatcher.NormalizeLabel(label);

    private IEnumerable<string> HeadingKeys(string? sectionId) =>
        _schema.Sections.Where(s => s.Id == sectionId).SelectMany(s => s.Headings).Select(Key).Where(k => k.Length >= MinExactLabel);

    private Pos End => new(_items.Count, 0);

    /// <summary>Reads every table of the schema that <paramref name="alreadyRead"/> says is not read yet.</summary>
    public void Align(Func<string, bool> alreadyRead)
    {
        var tables = _schema.Tables;
        var anchors = new Pos?[tables.Count];
        var from = new Pos(0, 0);
        for (var ti = 0; ti < tables.Count; ti++)
        {
            var table = tables[ti];
            var firstLabel = FirstRowLabel(table, from);
            var limit = firstLabel is { } fl ? new Pos(fl.Item, fl.Char + 1) : End;
            Pos? anchor = null;
            if (table.Caption is { } caption && Key(caption) is { Length: > 0 } captionKey)
            {
                anchor = Find(captionKey, from, limit, last: true);
            }

            if (anchor is null && (ti == 0 || tables[ti - 1].Section != table.Section))
            {
                foreach (var h in HeadingKeys(table.Section))
                {
                    if (Find(h, from, limit, last: true) is { } found && (anchor is null || found > anchor.Value))
                    {
                        anchor = found;
                    }
                }
            }

            if (anchor is { } a)
            {
                _headingItems.Add(a);
            }

            if ((anchor ?? firstLabel) is { } start)
            {
                anchors[ti] = start;
                from = new Pos(start.Item, start.Char + 1);
            }
        }

        for (var ti = 0; ti < tables.Count; ti++)
        {
            if (anchors[ti] is not { } start)
            {
                continue;
            }

            var table = tables[ti];
            var end = End;
            for (var tj = ti + 1; tj < tables.Count; tj++)
            {
                if (anchors[tj] is { } next)
                {
                    end = next;
                    break;
                }
            }

            // A later section's heading ends the table too (五、存在的主要问题… after the review table).
            var sectionIndex = _schema.Sections.ToList().FindIndex(s => s.Id == table.Section);
            if (sectionIndex >= 0)
            {
                foreach (var later in _schema.Sections.Skip(sectionIndex + 1))
                {
                    foreach (var h in later.Headings.Select(Key).Where(k => k.Length >= MinExactLabel))
                    {
                        if (Find(h, new Pos(start.Item, start.Char + 1), end) is { } f && f < end)
                        {
                            end = f;
                        }
                    }
                }
            }

            if (alreadyRead(table.Id))
            {
                Seen[table.Id] = LineAt(start);
                continue;
            }

            ReadTable(table, start, end);
        }

        WithdrawCutsWhereBlanksVanish();
    }

    /// <summary>Rows whose digits ran together but are fewer than the row's columns: the document prints a blank cell as
    /// nothing, so in it a run of digits may hold fewer cells than the columns.</summary>
    private readonly List<(string RowId, int Line)> _shortGluedRows = [];

    /// <summary>Rows read by cutting digits that ran together (table, row, line, cells).</summary>
    private readonly List<(string TableId, string RowId, int Line, List<string> CellIds)> _cutRows = [];

    /// <summary>
    /// A cut of glued digits is unique only if every cell printed a number. Where a row of the same document shows that
    /// blank cells print nothing (fewer digits than columns), a unique cut may still be wrong (0|0|0|1|1|1 for 00 and
    /// 0111 whose cells were 0, blank, 0 and 0, 1, 11): every cut is withdrawn and reported as not read, with the evidence.
    /// </summary>
    private void WithdrawCutsWhereBlanksVanish()
    {
        if (_shortGluedRows.Count == 0 || _cutRows.Count == 0)
        {
            return;
        }

        var evidence = _shortGluedRows[0];
        var withdrawn = _cutRows.SelectMany(r => r.CellIds).ToHashSet(StringComparer.Ordinal);
        Cells.RemoveAll(c => withdrawn.Contains(c.CellId));
        foreach (var row in _cutRows)
        {
            Unread.Add(new UnreadPart(row.TableId, row.Line,
                $"row {row.RowId}: its digits ran together and were cut assuming every cell printed a number, but blank cells print nothing in this document (row {evidence.RowId}, line {evidence.Line}, has fewer digits than columns), so the cut is not safe",
                row.CellIds));
        }

        _cutRows.Clear();
    }

    private readonly HashSet<Pos> _headingItems = [];

    private bool IsHeadingOrCaption(Pos pos) => _headingItems.Contains(pos);

    private int LineAt(Pos pos)
    {
        var item = _items[Math.Min(pos.Item, _items.Count - 1)];
        if (item.IsNumber)
        {
            return SourceLine(item.Number!);
        }

        var k = item.CharToken.Count == 0 ? 0 : item.CharToken[Math.Min(pos.Char, item.CharToken.Count - 1)];
        return SourceLine(item.TextTokens[k]);
    }

    private Pos? FirstRowLabel(SchemaTable table, Pos from)
    {
        // The first place where two different rows of the table are named close together (one label alone may be narrative).
        var keys = table.Rows.Where(r => r.HasValue).SelectMany(r => r.Labels.Select(l => (Row: r, Key: Key(l)))).Where(k => k.Key.Length >= MinExactLabel).ToList();
        for (var i = from.Item; i < _items.Count; i++)
        {
            if (_items[i].IsNumber)
            {
                continue;
            }

            var (ws, we) = Window(i, from, End);
            var text = _items[i].Compact[ws..we];
            var first = keys.Select(k => (k.Row, At: text.IndexOf(k.Key, StringComparison.Ordinal))).Where(x => x.At >= 0).OrderBy(x => x.At).FirstOrDefault();
            if (first.Row is null)
            {
                continue;
            }

            for (var j = i; j < Math.Min(_items.Count, i + 40); j++)
            {
                if (!_items[j].IsNumber && keys.Any(k => k.Row != first.Row && _items[j].Compact.Contains(k.Key, StringComparison.Ordinal)))
                {
                    return new Pos(i, ws + first.At);
                }
            }
        }

        return null;
    }

    // ---------- label occurrences ----------

    private sealed record Occurrence(SchemaRow Row, int Item, int Start, int End, bool Fuzzy);

    private List<Occurrence> Occurrences(SchemaTable table, Pos from, Pos to)
    {
        var labels = table.Rows.SelectMany(r => r.Labels.Select(l => (Row: r, Key: Key(l)))).Where(x => x.Key.Length > 0)
            .DistinctBy(x => (x.Row.Id, x.Key)).OrderByDescending(x => x.Key.Length).ToList();
        var result = new List<Occurrence>();
        var last = Math.Min(to.Item, _items.Count - 1);
        for (var i = from.Item; i <= last; i++)
        {
            var item = _items[i];
            if (item.IsNumber)
            {
                continue;
            }

            var text = item.Compact;
            var covered = new bool[text.Length];
            var (ws, we) = Window(i, from, to);
            covered.AsSpan(0, ws).Fill(true);
            covered.AsSpan(we).Fill(true);
            var found = new List<Occurrence>();
            // A label that several rows share (被依法纠错数 under both 行政复议 and 行政诉讼) is an occurrence of each of
            // them; the order of the format decides which one it is (see Disambiguate).
            foreach (var group in labels.Where(l => l.Key.Length >= MinExactLabel).GroupBy(l => l.Key, StringComparer.Ordinal))
            {
                var key = group.Key;
                var at = 0;
                while ((at = text.IndexOf(key, at, StringComparison.Ordinal)) >= 0)
                {
                    if (!covered.AsSpan(at, key.Length).Contains(true))
                    {
                        covered.AsSpan(at, key.Length).Fill(true);
                        found.AddRange(group.Select(l => new Occurrence(l.Row, i, at, at + key.Length, false)));
                    }

                    at += key.Length;
                }
            }

            // Short labels (规章, 总计, 其他) only as a whole token, numbering aside, or ending the text right before a number.
            var offset = 0;
            var followedByNumber = i + 1 < _items.Count && _items[i + 1].IsNumber;
            foreach (var token in item.TextTokens)
            {
                var compact = TextNormalizer.NormalizeCompact(token.Text);
                var key = Key(token.Text);
                if (followedByNumber && ReferenceEquals(token, item.TextTokens[^1]) && key.Length >= MinExactLabel)
                {
                    foreach (var (_, k) in labels)
                    {
                        if (k.Length < MinExactLabel && key.EndsWith(k, StringComparison.Ordinal) && !covered.AsSpan(offset + compact.Length - k.Length, k.Length).Contains(true))
                        {
                            covered.AsSpan(offset + compact.Length - k.Length, k.Length).Fill(true);
                            found.AddRange(labels.Where(l => l.Key == k).Select(l => new Occurrence(l.Row, i, offset + compact.Length - k.Length, offset + compact.Length, false)));
                            break;
                        }
                    }
                }

                if (key.Length is > 0 and < MinExactLabel && !covered.AsSpan(offset, compact.Length).Contains(true))
                {
                    if (labels.Any(l => l.Key == key))
                    {
                        covered.AsSpan(offset, compact.Length).Fill(true);
                        found.AddRange(labels.Where(l => l.Key == key).Select(l => new Occurrence(l.Row, i, offset, offset + compact.Length, false)));
                    }
                }

                offset += compact.Length;
            }

            result.AddRange(found);
        }

        // Labels printed with a typo or an OCR slip (其他法律行政止公开): an approximate match in text no exact label covers.
        var exactRows = new HashSet<string>(result.Select(o => o.Row.Id), StringComparer.Ordinal);
        foreach (var (row, key) in labels.Where(l => l.Key.Length >= MinFuzzyLabel && !exactRows.Contains(l.Row.Id)))
        {
            var budget = key.Length / 4;
            Occurrence? best = null;
            var bestDistance = int.MaxValue;
            for (var i = from.Item; i <= last; i++)
            {
                var item = _items[i];
                if (item.IsNumber)
                {
                    continue;
                }

                var (ws, we) = Window(i, from, to);
                foreach (var (gapStart, gapEnd) in Gaps(item.Compact.Length, result.Where(o => o.Item == i)).Select(g => (Math.Max(g.Start, ws), Math.Min(g.End, we))).Where(g => g.Item2 > g.Item1))
                {
                    var gap = item.Compact[gapStart..gapEnd];
                    if (gap.Length < key.Length - budget)
                    {
                        continue;
                    }

                    if (ApproximateFind(gap, key, budget) is { } m && m.Distance < bestDistance)
                    {
                        bestDistance = m.Distance;
                        best = new Occurrence(row, i, gapStart + m.Start, gapStart + m.End, true);
                    }
                }
            }

            if (best is not null)
            {
                result.Add(best);
                exactRows.Add(row.Id);
            }
        }

        result.Sort((a, b) => a.Item != b.Item ? a.Item.CompareTo(b.Item) : a.Start.CompareTo(b.Start));
        return Disambiguate(result);
    }

    /// <summary>One row per place: where a printed label is shared by several rows, the row the longest chain of labels
    /// in the format's order gives it (the second 被依法纠错数 after 行政诉讼数量 is the litigation row); where the chain
    /// passes through none of them, the first row of the format that has the label.</summary>
    private static List<Occurrence> Disambiguate(List<Occurrence> occurrences)
    {
        var shared = occurrences.GroupBy(o => (o.Item, o.Start)).Where(g => g.Count() > 1).ToList();
        if (shared.Count == 0)
        {
            return occurrences;
        }

        var chain = LongestOrderedChain(occurrences).ToHashSet();
        var drop = new HashSet<Occurrence>(ReferenceEqualityComparer.Instance);
        foreach (var group in shared)
        {
            var keep = group.FirstOrDefault(chain.Contains) ?? group.OrderBy(o => o.Row.Order).First();
            drop.UnionWith(group.Where(o => !ReferenceEquals(o, keep)));
        }

        return occurrences.Where(o => !drop.Contains(o)).ToList();
    }

    private static IEnumerable<(int Start, int End)> Gaps(int length, IEnumerable<Occurrence> taken)
    {
        var pos = 0;
        foreach (var o in taken.OrderBy(o => o.Start))
        {
            if (o.Start > pos)
            {
                yield return (pos, o.Start);
            }

            pos = Math.Max(pos, o.End);
        }

        if (pos < length)
        {
            yield return (pos, length);
        }
    }

    /// <summary>Best approximate occurrence of <paramref name="pattern"/> in <paramref name="text"/> (edit distance, Sellers).</summary>
    internal static (int Start, int End, int Distance)? ApproximateFind(string text, string pattern, int budget)
    {
        var m = pattern.Length;
        var n = text.Length;
        if (m == 0 || n == 0)
        {
            return null;
        }

        var d = new int[m + 1, n + 1];
        var s = new int[m + 1, n + 1];
        for (var i = 0; i <= m; i++)
        {
            d[i, 0] = i;
            s[i, 0] = 0;
        }

        for (var j = 0; j <= n; j++)
        {
            d[0, j] = 0;
            s[0, j] = j;
        }

        for (var i = 1; i <= m; i++)
        {
            for (var j = 1; j <= n; j++)
            {
                var cost = pattern[i - 1] == text[j - 1] ? 0 : 1;
                var best = d[i - 1, j - 1] + cost;
                var start = s[i - 1, j - 1];
                if (d[i - 1, j] + 1 < best)
                {
                    best = d[i - 1, j] + 1;
                    start = s[i - 1, j];
                }

                if (d[i, j - 1] + 1 < best)
                {
                    best = d[i, j - 1] + 1;
                    start = s[i, j - 1];
                }

                d[i, j] = best;
                s[i, j] = start;
            }
        }

        (int, int, int)? result = null;
        for (var j = 1; j <= n; j++)
        {
            if (d[m, j] <= budget && (result is null || d[m, j] < result.Value.Item3))
            {
                result = (s[m, j], j, d[m, j]);
            }
        }

        // The match must keep most of the label's own characters (a deletion-heavy match of a long label is not a label).
        return result is { } r && r.Item2 - r.Item1 >= m - budget ? r : null;
    }

    // ---------- reading one table ----------

    private sealed record RowReading(SchemaRow Row, List<(string Text, StreamToken Token, bool Reconstructed)>? Values, string? Failure)
    {
        /// <summary>When the row's digits can be cut in several ways: the cuts (for the column totals to decide).</summary>
        public List<List<(string Text, StreamToken Token, bool Reconstructed)>> Candidates { get; init; } = [];

        /// <summary>True when the row's own numbers were found and only their cut into cells failed.</summary>
        public bool Cut { get; init; }

        /// <summary>Source line of the row's label.</summary>
        public int Line { get; init; }

        /// <summary>The identities the cut relied on (they cannot give a finding afterwards: they hold by construction).</summary>
        public string? Identities { get; init; }
    }

    private void ReadTable(SchemaTable table, Pos fromPos, Pos toPos)
    {
        var from = fromPos.Item;
        var to = Math.Min(toPos.Item, _items.Count);
        var columns = Math.Max(1, table.Columns.Count);
        var occurrences = Occurrences(table, fromPos, toPos);
        var found = new HashSet<SchemaRow>(occurrences.Select(o => o.Row));
        var anyNumber = Enumerable.Range(from, to - from).Any(i => _items[i].IsNumber);
        var valueLabels = found.Count(r => r.HasValue);
        // A table's own caption or heading followed by one of its row labels is a printed table even when no number can
        // be read after it (行政事业性收费270-265 run together): its cells are not read, never missing.
        if (valueLabels < 2 && !(anyNumber && found.Count > 0) && !(IsHeadingOrCaption(fromPos) && (anyNumber || valueLabels > 0)))
        {
            return; // a heading alone, or one label in the narrative: not a printed table
        }

        Seen[table.Id] = LineAt(fromPos);
        _pendingLabelLines.Clear();
        foreach (var o in occurrences.Where(o => o.Row.HasValue))
        {
            LabelRows.TryAdd(o.Row.Id, LineAt(new Pos(o.Item, o.Start)));
            foreach (var k in _items[o.Item].CharToken.Skip(o.Start).Take(o.End - o.Start).Distinct())
            {
                // A line that is (mostly) the label: not a section heading that merely names the row (…行政复议、行政诉讼情况).
                var token = _items[o.Item].TextTokens[k];
                if (Key(token.Text).Length <= o.End - o.Start + 2)
                {
                    _pendingLabelLines.Add(SourceLine(token));
                }
            }
        }

        var printedFound = PrintedRows(table, found, all: false);
        var printedFull = PrintedRows(table, found, all: true);
        var totals = Totals(table);
        var firstLine = LineAt(fromPos);

        // 1. Rows anchored on their labels.
        var anchored = ReadAnchored(table, occurrences, printedFound, to, columns, totals);
        var anchoredRows = anchored.Where(r => r.Values is not null).ToList();
        var complete = printedFound.Count > 0 && anchoredRows.Count == printedFound.Count;
        if (complete)
        {
            Emit(table, anchoredRows, "row labels each followed by their numbers");
            return;
        }

        if (columns > 1 && table.Columns[0].KeepsRowId && ReadCurrentColumnOnly(table, occurrences, printedFound, to) is { } current)
        {
            Emit(table, current, $"row labels each followed by one number: the table prints its {table.Columns[0].Labels[0]} column only");
            return;
        }

        // 2. The table's numbers in block structure.
        var numbers = Enumerable.Range(from, to - from).Where(i => _items[i].IsNumber).Select(i => _items[i].Number!).ToList();
        string? blockFailure = null;
        foreach (var rows in new[] { printedFound, printedFull }.Where(r => r.Count > 0).DistinctBy(r => string.Join(",", r.Select(x => x.Id))))
        {
            var (reading, failure) = ReadBlocks(numbers, rows, columns, totals, occurrences);
            if (reading is null)
            {
                blockFailure ??= failure;
                continue;
            }

            // A row read from its label must agree with the block reading.
            var conflict = anchoredRows.FirstOrDefault(a => reading.Single(r => r.Row == a.Row).Values!.Select(v => v.Text).SequenceEqual(a.Values!.Select(v => v.Text)) is false);
            if (conflict is not null)
            {
                blockFailure = $"the numbers after the label of {conflict.Row.Id} disagree with the table's block structure";
                break;
            }

            Emit(table, reading, rows == printedFound
                ? $"{numbers.Count} numbers for {rows.Count} printed rows × {columns} columns, read in the order of their blocks"
                : $"{numbers.Count} numbers for the {rows.Count} rows of the format × {columns} columns (some labels lost), read in the order of their blocks");
            return;
        }

        // 3. Every row label printed above the numbers (the review table's header names 行政复议 | 行政诉讼 over the
        // columns), and the numbers one cell per line below it: read in the order of the format's rows.
        if (anchoredRows.Count == 0 && printedFound.Count > 0 && TrailingSlots(from, to, printedFound.Count * columns) is { } flat)
        {
            Emit(table, printedFound.Select((r, k) => new RowReading(r, flat.Skip(k * columns).Take(columns).ToList(), null)).ToList(),
                $"every row label printed above the numbers, then {flat.Count} cells one per line, read in the order of the format's rows");
            return;
        }

        // 4. Neither reading is complete: keep the rows read from their labels, say why the rest is not read.
        if (numbers.Count == 0 && found.Count == 0)
        {
            Unread.Add(new UnreadPart(table.Id, firstLine, "the table's heading is printed but no row label and no number follow it", ValueCells(table, printedFull)));
            return;
        }

        Emit(table, anchoredRows, "row label followed by its numbers (the rest of the table could not be read)");
        var readRows = new HashSet<SchemaRow>(anchoredRows.Select(r => r.Row));
        var failures = anchored.Where(r => r.Values is null && r.Failure is not null).ToList();
        // Rows whose labels are not in the text are not printed (absent), unless no label at all survived.
        var missingRows = (printedFound.Count > 0 ? printedFound : printedFull).Where(r => !readRows.Contains(r)).ToList();
        if (missingRows.Count == 0)
        {
            return;
        }

        // Each row whose own numbers were found but could not be cut uniquely: its own part, at its label's line.
        var rest = new List<SchemaRow>();
        foreach (var row in missingRows)
        {
            if (failures.FirstOrDefault(f => f.Row == row) is { Cut: true } f && f.Line > 0 && row.HasValue)
            {
                Unread.Add(new UnreadPart(table.Id, f.Line, $"row {row.Id}: {f.Failure}", ValueCells(table, [row])));
            }
            else
            {
                rest.Add(row);
            }
        }

        if (rest.Any(r => r.HasValue))
        {
            var why = blockFailure ?? "the numbers could not be tied to the rows";
            if (Environment.GetEnvironmentVariable("GOVSTATS_ALIGN_DEBUG") == "1")
            {
                why += $" [found: {string.Join(",", printedFound.Select(r => r.Id))}] [full: {string.Join(",", printedFull.Select(r => r.Id))}]";
            }

            Unread.Add(new UnreadPart(table.Id, firstLine, why, ValueCells(table, rest)));
        }
    }

    /// <summary>
    /// A variant's table (本年度 | 历年累计) whose every printed row is followed by exactly one number, none of them digits
    /// that may have run together: the other columns are not printed, and the numbers are the current column's.
    /// </summary>
    private List<RowReading>? ReadCurrentColumnOnly(SchemaTable table, List<Occurrence> occurrences, List<SchemaRow> printed, int to)
    {
        if (printed.Count == 0)
        {
            return null;
        }

        var rows = ReadAnchored(table, occurrences, printed, to, 1, []).Where(r => r.Values is not null).ToList();
        if (rows.Count != printed.Count || rows.Any(r => r.Values!.Count != 1 || r.Values[0].Reconstructed || r.Values[0].Token.MayHoldSeveral))
        {
            return null;
        }

        Diagnostics.Add(new ReaderDiagnostic(DiagnosticSeverity.Info, "variant-columns-absent",
            $"Table {table.Id}: every row prints one value; read as the {table.Columns[0].Labels[0]} column, the {string.Join("、", table.Columns.Skip(1).Select(c => c.Labels[0]))} column is not printed.",
            rows[0].Line));
        return rows;
    }

    private static List<string> ValueCells(SchemaTable table, IEnumerable<SchemaRow> rows) =>
        rows.Where(r => r.HasValue).SelectMany(table.CellIds).ToList();

    /// <summary>The rows printed with numbers, in order: value rows, and a derived row printed alone (none of its parts printed).</summary>
    private static List<SchemaRow> PrintedRows(SchemaTable table, HashSet<SchemaRow> found, bool all)
    {
        var rows = new List<SchemaRow>();
        foreach (var row in table.Rows)
        {
            if (row.Kind == "header")
            {
                continue;
            }

            var collapsedParent = row.Parent is { Kind: "derived" } p && Collapsed(table, p, found);
            if (row.Kind == "derived")
            {
                if (Collapsed(table, row, found))
                {
                    rows.Add(row);
                }

                continue;
            }

            if (collapsedParent)
            {
                continue;
            }

            if (all || found.Contains(row))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static bool Collapsed(SchemaTable table, SchemaRow derived, HashSet<SchemaRow> found) =>
        found.Contains(derived) && !table.Rows.Any(r => r.Parent == derived && found.Contains(r));

    private static List<(int Total, int[] Parts)> Totals(SchemaTable table)
    {
        var totals = new List<(int, int[])>();
        var groupStart = 0;
        for (var c = 0; c < table.Columns.Count; c++)
        {
            if (table.Columns[c].Role == "total")
            {
                if (c > groupStart)
                {
                    totals.Add((c, Enumerable.Range(groupStart, c - groupStart).ToArray()));
                }

                groupStart = c + 1;
            }
        }

        return totals;
    }

    private List<RowReading> ReadAnchored(SchemaTable table, List<Occurrence> occurrences, List<SchemaRow> printed, int to, int columns, List<(int Total, int[] Parts)> totals)
    {
        // The labels in the format's order: the longest chain of occurrences whose rows follow the schema.
        var chain = WithRowsOutOfOrder(table, occurrences, LongestOrderedChain(occurrences), to, columns);
        var printedSet = new HashSet<SchemaRow>(printed);
        var readings = new List<RowReading>();
        var labelItems = new HashSet<int>(occurrences.Select(o => o.Item));
        for (var k = 0; k < chain.Count; k++)
        {
            var o = chain[k];
            if (!printedSet.Contains(o.Row) || readings.Any(r => r.Row == o.Row))
            {
                continue;
            }

            var lastInSegment = !occurrences.Any(x => x.Item == o.Item && x.Start > o.Start);
            if (!lastInSegment)
            {
                readings.Add(new RowReading(o.Row, null, "another label follows it before any number") { Line = SourceLine(_items[o.Item].TextTokens[_items[o.Item].CharToken[o.Start]]) });
                continue;
            }

            var numbers = new List<StreamToken>();
            for (var i = o.Item + 1; i < to && !labelItems.Contains(i); i++)
            {
                if (_items[i].IsNumber)
                {
                    numbers.Add(_items[i].Number!);
                }
            }

            if (numbers.Count == 0)
            {
                readings.Add(new RowReading(o.Row, null, "no number follows its label") { Line = SourceLine(_items[o.Item].TextTokens[_items[o.Item].CharToken[o.Start]]) });
                continue;
            }

            var split = SplitRow(numbers, columns, totals);
            if (numbers.Any(n => n.MayHoldSeveral) && numbers.Sum(n => n.Text.Count(char.IsAsciiDigit)) < columns)
            {
                _shortGluedRows.Add((o.Row.Id, SourceLine(numbers[0])));
            }

            if (split.Values is null && numbers.Count < columns && LineSlots(o, to, labelItems, columns) is { } slots)
            {
                split = new RowSplit(slots, null, false);
            }

            var labelLine = SourceLine(_items[o.Item].TextTokens[_items[o.Item].CharToken[Math.Min(o.End - 1, _items[o.Item].CharToken.Count - 1)]]);
            readings.Add(split.Values is null
                ? new RowReading(o.Row, null, split.Failure) { Candidates = split.Candidates, Line = labelLine, Cut = split.Cut }
                : new RowReading(o.Row, split.Values, null) { Identities = split.IdentityUsed ? "the row's total equals the sum of its parts" : null, Line = labelLine });
        }

        ResolveByColumnTotals(table, readings);
        return readings;
    }

    /// <summary>
    /// The chain of labels in the format's order, and the labels of rows printed out of that order (a province prints
    /// 政府网站 before 政府公报, or 行政复议 after 举报). Only in a table printed regularly, every value row's label followed
    /// by exactly its row's numbers (well-formed, none that may have run together) and every number after such a label:
    /// there a label is read where it stands when it is exact, its row's only label in the table's text, and no other
    /// row's label; in the order of the text. Where labels and numbers are scattered, the format's order decides alone.
    /// </summary>
    private List<Occurrence> WithRowsOutOfOrder(SchemaTable table, List<Occurrence> occurrences, List<Occurrence> chain, int to, int columns)
    {
        if (occurrences.Count == chain.Count || !PrintedRegularly(occurrences, to, columns))
        {
            return chain;
        }

        var onChain = new HashSet<SchemaRow>(chain.Select(o => o.Row));
        var extra = occurrences.Where(o => !o.Fuzzy && !onChain.Contains(o.Row) && o.Row.HasValue)
            .GroupBy(o => o.Row).Where(g => g.Count() == 1).Select(g => g.Single())
            .Where(o =>
            {
                var printedLabel = _items[o.Item].Compact[o.Start..o.End];
                return table.Rows.Count(r => r.Labels.Any(l => Key(l) == printedLabel)) == 1;
            })
            .ToList();
        if (extra.Count == 0)
        {
            return chain;
        }

        return chain.Concat(extra).OrderBy(o => o.Item).ThenBy(o => o.Start).ToList();
    }

    private bool PrintedRegularly(List<Occurrence> occurrences, int to, int columns)
    {
        var labelItems = new HashSet<int>(occurrences.Select(o => o.Item));
        var numbersAfterLabels = 0;
        foreach (var o in occurrences)
        {
            var lastInSegment = !occurrences.Any(x => x.Item == o.Item && x.Start > o.Start);
            var numbers = new List<StreamToken>();
            for (var i = o.Item + 1; lastInSegment && i < to && !labelItems.Contains(i) && _items[i].IsNumber; i++)
            {
                numbers.Add(_items[i].Number!);
            }

            if (o.Row.HasValue && (!lastInSegment || numbers.Count != columns || numbers.Any(n => n.MayHoldSeveral)))
            {
                return false;
            }

            numbersAfterLabels += numbers.Count;
        }

        var first = occurrences.Min(o => o.Item);
        var numbersInTable = Enumerable.Range(first, Math.Max(0, to - first)).Count(i => _items[i].IsNumber);
        return numbersInTable == numbersAfterLabels;
    }

    /// <summary>
    /// A row printed one cell per line (text copied cell by cell out of a table): the lines after the label are its cells
    /// in column order, a number or an indented empty line (a blank cell), then empty lines between rows. Read only when
    /// every line up to the next label is one of those, and the row's lines are exactly its columns (trailing empty lines
    /// aside); an empty line inside the row, or anything else on a line, and the row is not read this way.
    /// </summary>
    private List<(string Text, StreamToken Token, bool Reconstructed)>? LineSlots(Occurrence o, int to, HashSet<int> labelItems, int columns)
    {
        var label = _items[o.Item];
        var labelLine = label.TextTokens[^1].Line;
        var next = o.Item + 1;
        while (next < to && !labelItems.Contains(next))
        {
            if (!_items[next].IsNumber)
            {
                return null;
            }

            next++;
        }

        var endLine = next < _items.Count ? (_items[next].IsNumber ? _items[next].Number!.Line : _items[next].TextTokens[0].Line) : _text.LineCount + 1;
        var byLine = new Dictionary<int, List<StreamToken>>();
        for (var i = o.Item + 1; i < next; i++)
        {
            var t = _items[i].Number!;
            (byLine.TryGetValue(t.Line, out var list) ? list : byLine[t.Line] = []).Add(t);
        }

        if (byLine.Count == 0 || byLine.Keys.Any(l => l <= labelLine))
        {
            return null;
        }

        // Each line: a number (token), an indented empty line (a blank cell) or an empty line (between rows).
        var slots = new List<(StreamToken? Number, bool Empty)>();
        for (var line = labelLine + 1; line < endLine; line++)
        {
            if (byLine.TryGetValue(line, out var tokens))
            {
                if (tokens.Count != 1 || tokens[0].MayHoldSeveral || _text.GetNormalizedLine(line).Trim(' ', '\t', '\f', '\u3000') != tokens[0].Text)
                {
                    return null;
                }

                slots.Add((tokens[0], false));
                continue;
            }

            var raw = _text.GetNormalizedLine(line);
            if (raw.Length > 0 && raw.Trim(' ', '\t', '\f', '\u3000').Length > 0)
            {
                return null; // a page number or other text between the cells
            }

            slots.Add((null, raw.Length == 0));
        }

        while (slots.Count > columns && slots[^1].Number is null)
        {
            slots.RemoveAt(slots.Count - 1);
        }

        if (slots.Count != columns || slots.Any(x => x.Empty))
        {
            return null;
        }

        return slots.Select((x, k) => x.Number is { } n ? (n.Text, n, false) : ("", new StreamToken(StreamTokenKind.Number, "", labelLine + 1 + k, 0, false), false)).ToList();
    }

    /// <summary>The cells after the last text of the table region, one per line (a number, or an indented empty line for
    /// a blank cell), when they are exactly <paramref name="cells"/> (empty lines at the end aside).</summary>
    private List<(string Text, StreamToken Token, bool Reconstructed)>? TrailingSlots(int from, int to, int cells)
    {
        var lastText = -1;
        for (var i = from; i < to; i++)
        {
            if (!_items[i].IsNumber)
            {
                lastText = i;
            }
        }

        if (lastText < 0 || lastText + 1 >= to)
        {
            return null;
        }

        var startLine = _items[lastText].TextTokens[^1].Line;
        var endLine = to < _items.Count ? (_items[to].IsNumber ? _items[to].Number!.Line : _items[to].TextTokens[0].Line) : _text.LineCount + 1;
        var byLine = new Dictionary<int, StreamToken>();
        for (var i = lastText + 1; i < to; i++)
        {
            var t = _items[i].Number!;
            if (t.Line <= startLine || !byLine.TryAdd(t.Line, t))
            {
                return null;
            }
        }

        var slots = new List<(StreamToken? Number, bool Empty)>();
        for (var line = startLine + 1; line < endLine; line++)
        {
            var raw = _text.GetNormalizedLine(line);
            if (byLine.TryGetValue(line, out var t))
            {
                if (t.MayHoldSeveral || raw.Trim(' ', '\t', '\f', '\u3000') != t.Text)
                {
                    return null;
                }

                slots.Add((t, false));
            }
            else if (raw.Length > 0 && raw.Trim(' ', '\t', '\f', '\u3000').Length > 0)
            {
                break; // text after the table (the next section)
            }
            else
            {
                slots.Add((null, raw.Length == 0));
            }
        }

        while (slots.Count > cells && slots[^1].Number is null)
        {
            slots.RemoveAt(slots.Count - 1);
        }

        while (slots.Count > 0 && slots[0].Empty)
        {
            slots.RemoveAt(0); // empty lines between the header and the cells
        }

        if (slots.Count != cells || slots.Any(x => x.Empty) || slots.All(x => x.Number is null) || slots.Count(x => x.Number is not null) != byLine.Count)
        {
            return null;
        }

        return slots.Select((x, k) => x.Number is { } n ? (n.Text, n, false) : ("", new StreamToken(StreamTokenKind.Number, "", startLine + 1 + k, 0, false), false)).ToList();
    }

    /// <summary>
    /// Rows whose digits can be cut in several ways, decided by the table's column totals where every other row of
    /// the sum is read: a total row (总计) equals, column by column, the sum of the value rows under the same heading.
    /// </summary>
    private static void ResolveByColumnTotals(SchemaTable table, List<RowReading> readings)
    {
        foreach (var totalRow in table.Rows.Where(r => r.HasValue && r.Parent is not null && r.Labels.Any(l => Key(l) == "总计")))
        {
            var parts = table.Rows.Where(r => r.HasValue && r != totalRow && IsUnder(r, totalRow.Parent!)).ToList();
            var involved = parts.Append(totalRow).ToList();
            var byRow = involved.Select(r => readings.FirstOrDefault(x => x.Row == r)).ToList();
            if (byRow.Any(r => r is null || (r.Values is null && r.Candidates.Count == 0)))
            {
                continue;
            }

            var open = byRow.Where(r => r!.Values is null).ToList();
            if (open.Count == 0 || open.Aggregate(1L, (n, r) => n * r!.Candidates.Count) > 20_000)
            {
                continue;
            }

            var choice = new int[open.Count];
            var solutions = new List<int[]>();
            while (true)
            {
                if (Holds(byRow!, open!, choice, involved.Count - 1))
                {
                    solutions.Add((int[])choice.Clone());
                    if (solutions.Count > 1)
                    {
                        break;
                    }
                }

                var k = 0;
                while (k < open.Count && ++choice[k] == open[k]!.Candidates.Count)
                {
                    choice[k++] = 0;
                }

                if (k == open.Count)
                {
                    break;
                }
            }

            if (solutions.Count != 1)
            {
                continue;
            }

            for (var k = 0; k < open.Count; k++)
            {
                var reading = open[k]!;
                var index = readings.IndexOf(reading);
                readings[index] = new RowReading(reading.Row, reading.Candidates[solutions[0][k]], null)
                {
                    Line = reading.Line,
                    Identities = $"the row's total equals the sum of its parts, and column by column {totalRow.Id} equals the sum of the rows above it",
                };
            }
        }
    }

    private static bool IsUnder(SchemaRow row, SchemaRow ancestor)
    {
        for (var p = row.Parent; p is not null; p = p.Parent)
        {
            if (p == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Holds(List<RowReading> byRow, List<RowReading> open, int[] choice, int totalIndex)
    {
        List<(string Text, StreamToken Token, bool Reconstructed)> ValuesOf(RowReading r)
        {
            var k = open.IndexOf(r);
            return k >= 0 ? r.Candidates[choice[k]] : r.Values!;
        }

        var total = ValuesOf(byRow[totalIndex]);
        for (var c = 0; c < total.Count; c++)
        {
            var sum = 0m;
            for (var r = 0; r < totalIndex; r++)
            {
                sum += Model.CellValue.Parse(ValuesOf(byRow[r])[c].Text).Number ?? 0m;
            }

            if (sum != (Model.CellValue.Parse(total[c].Text).Number ?? 0m))
            {
                return false;
            }
        }

        return true;
    }

    private static List<Occurrence> LongestOrderedChain(List<Occurrence> occurrences)
    {
        var n = occurrences.Count;
        var length = new int[n];
        var previous = new int[n];
        var bestEnd = -1;
        for (var i = 0; i < n; i++)
        {
            length[i] = 1;
            previous[i] = -1;
            for (var j = 0; j < i; j++)
            {
                var before = occurrences[j].Item < occurrences[i].Item || (occurrences[j].Item == occurrences[i].Item && occurrences[j].Start < occurrences[i].Start);
                if (before && occurrences[j].Row.Order < occurrences[i].Row.Order && length[j] + 1 > length[i])
                {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }

            if (bestEnd < 0 || length[i] > length[bestEnd])
            {
                bestEnd = i;
            }
        }

        var chain = new List<Occurrence>();
        for (var i = bestEnd; i >= 0; i = previous[i])
        {
            chain.Add(occurrences[i]);
        }

        chain.Reverse();
        return chain;
    }

    private sealed record RowSplit(List<(string Text, StreamToken Token, bool Reconstructed)>? Values, string? Failure, bool IdentityUsed)
    {
        public bool Cut { get; init; }

        public List<List<(string Text, StreamToken Token, bool Reconstructed)>> Candidates { get; init; } = [];
    }

    private static RowSplit SplitRow(List<StreamToken> numbers, int cells, List<(int Total, int[] Parts)> totals)
    {
        if (numbers.Count == cells && numbers.All(n => !n.MustSplit))
        {
            return new RowSplit(numbers.Select(n => (n.Text, n, false)).ToList(), null, false);
        }

        if (numbers.Count > cells || !numbers.Any(n => n.MayHoldSeveral))
        {
            return new RowSplit(null, $"{numbers.Count} numbers follow its label for {cells} columns", false);
        }

        var result = GluedSplitter.Split(numbers.Select(n => n.Text).ToList(), numbers.Select(n => n.MayHoldSeveral).ToList(), cells, cells, totals);
        var (values, failure) = Describe(result, numbers);
        return new RowSplit(values, failure, result.IdentityUsed)
        {
            Cut = true,
            Candidates = result.Outcome == GluedSplitter.Outcome.Many && result.IdentityUsed && result.Candidates.Count < 12
                ? result.Candidates.Select(c => ToValues(c, numbers)).ToList()
                : [],
        };
    }

    private static List<(string Text, StreamToken Token, bool Reconstructed)> ToValues(GluedSplitter.Piece[] pieces, List<StreamToken> numbers)
    {
        var counts = pieces.GroupBy(p => p.Run).ToDictionary(g => g.Key, g => g.Count());
        return pieces.Select(p => (p.Text, numbers[p.Run], counts[p.Run] > 1)).ToList();
    }

    private static (List<(string Text, StreamToken Token, bool Reconstructed)>? Values, string? Failure) Describe(GluedSplitter.Result result, List<StreamToken> numbers)
    {
        string Show(GluedSplitter.Piece[] c) => string.Join("|", c.Select(p => p.Text));
        var printed = string.Join(" ", numbers.Select(n => n.Text));
        switch (result.Outcome)
        {
            case GluedSplitter.Outcome.Unique:
                return (ToValues(result.Candidates[0], numbers), null);
            case GluedSplitter.Outcome.None:
                return (null, $"the digits '{printed}' cannot be cut into the columns{(result.IdentityUsed ? " so that the row's total equals the sum of its parts" : "")}"
                    + (result.Candidates.Count > 0 ? $" (cuts ignoring the total: {string.Join(", ", result.Candidates.Take(6).Select(Show))}{(result.Candidates.Count > 6 ? ", …" : "")})" : ""));
            case GluedSplitter.Outcome.Many:
                return (null, $"the digits '{printed}' ran together and can be cut in several ways{(result.IdentityUsed ? " that all keep the row's total" : "")}: {string.Join(", ", result.Candidates.Take(8).Select(Show))}{(result.Candidates.Count > 8 ? ", …" : "")}");
            default:
                return (null, $"the digits '{printed}' ran together and can be cut in too many ways to list");
        }
    }

    private sealed record Group(List<StreamToken> Tokens, bool Vertical);

    private static List<Group> Groups(List<StreamToken> numbers, IReadOnlyList<Item> items, int from, int to)
    {
        var groups = new List<Group>();
        List<StreamToken>? current = null;
        var vertical = true;
        StreamToken? previous = null;
        var textBetween = false;
        var index = 0;
        for (var i = from; i < to; i++)
        {
            if (!items[i].IsNumber)
            {
                textBetween = true;
                continue;
            }

            var t = items[i].Number!;
            var continues = current is not null && !textBetween && !t.Gap && previous is not null && (t.Line == previous.Line || t.Line == previous.Line + 1);
            if (continues && current!.Count >= 1)
            {
                var lineStep = t.Line == previous!.Line + 1;
                if (current.Count == 1)
                {
                    vertical = lineStep;
                }
                else if (vertical != lineStep)
                {
                    continues = false;
                }
            }

            if (!continues)
            {
                if (current is not null)
                {
                    groups.Add(new Group(current, vertical && current.Count > 1));
                }

                current = [];
                vertical = true;
            }

            current!.Add(t);
            previous = t;
            textBetween = false;
            index++;
        }

        if (current is not null)
        {
            groups.Add(new Group(current, vertical && current.Count > 1));
        }

        _ = numbers;
        _ = index;
        return groups;
    }

    private const int MaxArrangedRuns = 8;

    /// <summary>
    /// The runs of numbers (numbers between two pieces of text) of a table whose text does not follow the table's order
    /// (plain <c>pdftotext</c> emits the blocks of a table in the order it finds them on the page): every order of the
    /// runs, laid into the rows of the format, that keeps each row's total equal to the sum of its parts. One such
    /// arrangement is read (its cells are reconstructed: the identity decided their places, so it holds by construction);
    /// several are not read, and the reason lists them; none keeps the first reason.
    /// </summary>
    private static (List<RowReading>? Reading, string? Failure) Arrange(List<Group> groups, List<SchemaRow> rows, int columns, List<(int Total, int[] Parts)> totals, string failure)
    {
        var cells = rows.Count * columns;
        if (totals.Count == 0 || groups.Count < 2 || groups.Count > MaxArrangedRuns || groups.Sum(g => g.Tokens.Count) != cells)
        {
            return (null, failure);
        }

        var values = groups.Select(g => g.Tokens.Select(t => Model.CellValue.Parse(t.Text).Number).ToArray()).ToList();
        if (values.Any(v => v.Any(x => x is null)))
        {
            return (null, failure);
        }

        var found = new List<int[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var order = new int[groups.Count];
        var used = new bool[groups.Count];
        var flat = new decimal[cells];

        bool RowsHold(int filled)
        {
            for (var r = 0; (r + 1) * columns <= filled; r++)
            {
                foreach (var (total, parts) in totals)
                {
                    if (parts.Sum(c => flat[(r * columns) + c]) != flat[(r * columns) + total])
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        void Place(int k, int filled)
        {
            if (k == groups.Count)
            {
                if (seen.Add(string.Join("|", flat)))
                {
                    found.Add((int[])order.Clone());
                }

                return;
            }

            for (var g = 0; g < groups.Count && found.Count < 12; g++)
            {
                if (used[g])
                {
                    continue;
                }

                values[g].Select(v => v!.Value).ToArray().CopyTo(flat, filled);
                if (!RowsHold(filled + values[g].Length))
                {
                    continue;
                }

                used[g] = true;
                order[k] = g;
                Place(k + 1, filled + values[g].Length);
                used[g] = false;
            }
        }

        Place(0, 0);
        string Runs(IEnumerable<int> sequence) => string.Join(" | ", sequence.Select(g => string.Join(" ", groups[g].Tokens.Select(t => t.Text))));
        if (found.Count == 0)
        {
            return (null, failure);
        }

        if (found.Count > 1)
        {
            return (null, $"{failure}; its runs of numbers ({Runs(Enumerable.Range(0, groups.Count))}) can be arranged in several ways that keep every row's total: "
                + string.Join("; ", found.Take(4).Select(Runs)) + (found.Count > 4 ? "; …" : ""));
        }

        var tokens = found[0].SelectMany(g => groups[g].Tokens).ToList();
        var readings = new List<RowReading>();
        for (var r = 0; r < rows.Count; r++)
        {
            readings.Add(new RowReading(rows[r], tokens.Skip(r * columns).Take(columns).Select(t => (t.Text, t, true)).ToList(), null)
            {
                Identities = $"the runs of numbers were out of the table's order ({Runs(Enumerable.Range(0, groups.Count))}); the only order that keeps each row's total equal to the sum of its parts was taken",
            });
        }

        return (readings, null);
    }

    /// <summary>The numbers of items [from, to) in runs: numbers with no text between them (blank lines and page numbers do not part them).</summary>
    private List<Group> Runs(int from, int to)
    {
        var runs = new List<Group>();
        List<StreamToken>? current = null;
        for (var i = from; i < to; i++)
        {
            if (!_items[i].IsNumber)
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                current = [];
                runs.Add(new Group(current, false));
            }

            current.Add(_items[i].Number!);
        }

        return runs;
    }

    private (List<RowReading>? Reading, string? Failure) ReadBlocks(List<StreamToken> numbers, List<SchemaRow> rows, int columns, List<(int Total, int[] Parts)> totals, List<Occurrence> occurrences)
    {
        var cells = rows.Count * columns;
        if (numbers.Count == 0)
        {
            return (null, "no number follows the table's labels");
        }

        List<(string Text, StreamToken Token, bool Reconstructed)> flat;
        if (numbers.Any(n => n.MustSplit) || (numbers.Count < cells && numbers.Any(n => n.MayHoldSeveral)))
        {
            if (numbers.Count > cells)
            {
                return (null, $"{numbers.Count} numbers for {rows.Count} rows × {columns} columns");
            }

            var result = GluedSplitter.Split(numbers.Select(n => n.Text).ToList(), numbers.Select(n => n.MayHoldSeveral).ToList(), cells, columns, totals);
            var (values, failure) = Describe(result, numbers);
            if (values is null)
            {
                return (null, $"{numbers.Count} number runs for {rows.Count} rows × {columns} columns: {failure}");
            }

            // A row's label printed among or after the runs must stand where its row begins in the cut: the cells cut from
            // the runs before the label are exactly the rows before it.
            foreach (var o in occurrences)
            {
                var index = rows.IndexOf(o.Row);
                if (index < 0)
                {
                    continue;
                }

                var runsBefore = numbers.Count(n => _items.FindIndex(i => ReferenceEquals(i.Number, n)) < o.Item);
                if (runsBefore == 0)
                {
                    continue; // a label above all the numbers (a header): it says nothing about where its row's cells begin
                }

                var cellsBefore = values.Count(v => numbers.IndexOf(v.Token) < runsBefore);
                if (cellsBefore != index * columns)
                {
                    return (null, $"{numbers.Count} number runs for {rows.Count} rows × {columns} columns: the only cut puts {cellsBefore} cells before the label of {o.Row.Id}, which begins cell {index * columns}");
                }
            }

            flat = values;
        }
        else if (numbers.Count != cells)
        {
            return (null, $"{numbers.Count} numbers for {rows.Count} printed rows × {columns} columns = {cells} cells");
        }
        else
        {
            var from = _items.FindIndex(i => ReferenceEquals(i.Number, numbers[0]));
            var to = _items.FindIndex(i => ReferenceEquals(i.Number, numbers[^1])) + 1;
            var groups = Groups(numbers, _items, from, to);
            var orders = new List<(StreamToken[] Order, int[] BlockEnd)>();
            ParseBlocks(groups, 0, 0, new StreamToken[cells], new int[rows.Count], columns, orders);
            var parses = orders.Count;
            orders = orders.Where(o => LabelsAgree(o.BlockEnd, rows, columns, numbers, occurrences, out _)).ToList();
            if (parses > 0 && orders.Count == 0)
            {
                LabelsAgree(ParseFirst(groups, cells, rows.Count, columns).BlockEnd, rows, columns, numbers, occurrences, out var why);
                return Arrange(Runs(from, to), rows, columns, totals, why);
            }

            var distinct = orders.Select(o => o.Order).DistinctBy(o => string.Join("|", o.Select(t => t.Text))).ToList();
            if (distinct.Count == 0)
            {
                return Arrange(Runs(from, to), rows, columns, totals,
                    $"the blocks of numbers ({string.Join(" ", groups.Select(g => g.Tokens.Count + (g.Vertical ? "↓" : "")))}) fit neither rows nor whole columns of {columns}");
            }

            if (distinct.Count > 1)
            {
                return (null, "the blocks of numbers can be read row by row or column by column with different results");
            }

            flat = distinct[0].Select(t => (t.Text, t, false)).ToList();
        }

        var readings = new List<RowReading>();
        for (var r = 0; r < rows.Count; r++)
        {
            readings.Add(new RowReading(rows[r], flat.Skip(r * columns).Take(columns).ToList(), null));
        }

        return (readings, null);
    }

    /// <summary>All readings of the groups: single numbers and rows row by row; <c>columns</c> equal blocks of k numbers,
    /// one per column, as k rows read column by column (plain <c>pdftotext</c> prints a column's cells as one block).</summary>
    private static (StreamToken[] Order, int[] BlockEnd) ParseFirst(List<Group> groups, int cells, int rows, int columns)
    {
        var orders = new List<(StreamToken[] Order, int[] BlockEnd)>();
        ParseBlocks(groups, 0, 0, new StreamToken[cells], new int[rows], columns, orders);
        return orders[0];
    }

    /// <summary>
    /// Plain pdftotext prints a table's labels apart from its numbers, but never a row's label inside another row's
    /// numbers: a label of the table met between the numbers must sit at a row boundary, and name a row already passed
    /// or one of the block that follows. Otherwise the order of the numbers is not the table's (cells printed in the
    /// order the PDF drew them), and no reading is safe.
    /// </summary>
    private bool LabelsAgree(int[] blockEnd, List<SchemaRow> rows, int columns, List<StreamToken> numbers, List<Occurrence> occurrences, out string why)
    {
        var numberItems = numbers.Select(n => _items.FindIndex(i => ReferenceEquals(i.Number, n))).ToArray();
        foreach (var o in occurrences)
        {
            var before = numberItems.Count(i => i < o.Item);
            if (before == 0 || before == numbers.Count)
            {
                continue;
            }

            var line = SourceLine(_items[o.Item].TextTokens[_items[o.Item].CharToken[o.Start]]);
            if (before % columns != 0)
            {
                why = $"the label of {o.Row.Id} (line {line}) stands between the numbers of one row ({before} numbers before it, {columns} per row): the text does not follow the table's order";
                return false;
            }

            var r = before / columns;
            var index = rows.FindIndex(x => x.Order >= o.Row.Order);
            if (index < 0)
            {
                index = rows.Count;
            }

            if (index >= blockEnd[r])
            {
                why = $"the label of {o.Row.Id} (line {line}) comes before the numbers of row {rows[r].Id}, ahead of its own: the text does not follow the table's order";
                return false;
            }
        }

        why = "";
        return true;
    }

    private static void ParseBlocks(List<Group> groups, int g, int cell, StreamToken[] order, int[] blockEnd, int columns, List<(StreamToken[] Order, int[] BlockEnd)> results)
    {
        if (results.Count >= 4)
        {
            return;
        }

        if (g == groups.Count)
        {
            if (cell == order.Length)
            {
                results.Add(((StreamToken[])order.Clone(), (int[])blockEnd.Clone()));
            }

            return;
        }

        var group = groups[g];
        var k = group.Tokens.Count;
        if (cell + k > order.Length)
        {
            return;
        }

        // Row by row.
        if (!group.Vertical || (cell % columns == 0 && k % columns == 0))
        {
            for (var x = 0; x < k; x++)
            {
                order[cell + x] = group.Tokens[x];
                if ((cell + x) % columns == 0)
                {
                    blockEnd[(cell + x) / columns] = ((cell + x) / columns) + 1;
                }
            }

            ParseBlocks(groups, g + 1, cell + k, order, blockEnd, columns, results);
        }

        // Column by column: this group and the next columns-1 groups, each k numbers.
        if (group.Vertical && cell % columns == 0 && g + columns <= groups.Count && cell + (k * columns) <= order.Length
            && groups.Skip(g).Take(columns).All(x => x.Vertical && x.Tokens.Count == k))
        {
            for (var c = 0; c < columns; c++)
            {
                for (var r = 0; r < k; r++)
                {
                    order[cell + (r * columns) + c] = groups[g + c].Tokens[r];
                }
            }

            for (var r = 0; r < k; r++)
            {
                blockEnd[(cell / columns) + r] = (cell / columns) + k;
            }

            ParseBlocks(groups, g + columns, cell + (k * columns), order, blockEnd, columns, results);
        }
    }

    private readonly List<int> _pendingLabelLines = [];

    private void Emit(SchemaTable table, List<RowReading> rows, string how)
    {
        if (rows.Any(r => r.Values is not null))
        {
            LabelLines.UnionWith(_pendingLabelLines);
        }

        foreach (var row in rows)
        {
            if (!row.Row.HasValue || row.Values is null)
            {
                continue; // a derived row printed alone: its numbers are counted, not read (as in every layout)
            }

            if (row.Values.Any(v => v.Reconstructed))
            {
                _cutRows.Add((table.Id, row.Row.Id, SourceLine(row.Values[0].Token),
                    [.. Enumerable.Range(0, row.Values.Count).Select(c => SchemaTable.CellId(row.Row, table.Columns.Count == 0 ? null : table.Columns[c]))]));
            }

            for (var c = 0; c < row.Values.Count; c++)
            {
                var (text, token, cut) = row.Values[c];
                var reconstructed = cut || token.CutFromNumbering;
                var id = SchemaTable.CellId(row.Row, table.Columns.Count == 0 ? null : table.Columns[c]);
                var line = SourceLine(token);
                Cells.Add(new ExtractedCell(id, text, line, token.Column)
                {
                    Reason = $"schema-guided reading of table {table.Id}, line {line}: {how}{(!reconstructed ? "" : row.Identities is { } runs && runs.StartsWith("the runs", StringComparison.Ordinal) ? $"; {runs}" : $"; digits that ran together, cut where the split is unique{(row.Identities is { } used ? $" given that {used}" : "")}")}",
                    Reconstructed = reconstructed,
                });
            }
        }
    }
}
