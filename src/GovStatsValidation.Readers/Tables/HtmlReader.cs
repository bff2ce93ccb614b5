using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace GovStatsValidation.Readers.Tables;

/// <summary>HTML reports: block text for headings and title, <c>&lt;table&gt;</c> grids with row and column spans expanded.</summary>
internal static class HtmlReader
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "title", "section", "article", "header", "footer", "tr", "caption", "center", "blockquote", "pre",
    };

    /// <summary>Content sniffing: markup in the first few kilobytes.</summary>
    public static bool LooksLikeHtml(string content)
    {
        var head = content.Length > 4096 ? content[..4096] : content;
        var trimmed = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var tags = 0;
        foreach (var tag in new[] { "<table", "<tr", "<td", "<p>", "<p ", "<div", "<body", "<span", "<br" })
        {
            var idx = 0;
            while ((idx = head.IndexOf(tag, idx, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                tags++;
                idx += tag.Length;
            }
        }

        return tags >= 3 || head.Contains("<table", StringComparison.OrdinalIgnoreCase);
    }

    public static (SourceText Text, List<RawTable> Tables) Read(string html)
    {
        // Nesting is measured before parsing: the parser's cost and the walks below grow with depth.
        MarkupBudget.CheckHtmlNesting(html);
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var doc = parser.ParseDocument(html);
        var lines = new List<(string Text, int Line)>();
        var sb = new StringBuilder();
        var lineOfBuffer = 0;

        void FlushLine()
        {
            var t = sb.ToString().Trim();
            if (t.Length > 0)
            {
                lines.Add((t, Math.Max(1, lineOfBuffer)));
            }

            sb.Clear();
            lineOfBuffer = 0;
        }

        void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IElement el)
                {
                    var name = el.LocalName;
                    if (name is "script" or "style" or "table" or "head")
                    {
                        if (name == "table")
                        {
                            FlushLine();
                        }

                        continue;
                    }

                    var block = BlockTags.Contains(name);
                    if (block)
                    {
                        FlushLine();
                    }

                    Walk(el);
                    if (block)
                    {
                        FlushLine();
                    }
                }
                else if (child is IText text)
                {
                    var parent = text.ParentElement;
                    if (lineOfBuffer == 0)
                    {
                        lineOfBuffer = parent?.SourceReference?.Position.Line ?? 0;
                    }

                    sb.Append(CollapseSpaces(text.Data));
                }
            }
        }

        if (doc.Head?.QuerySelector("title") is { } title && !string.IsNullOrWhiteSpace(title.TextContent))
        {
            lines.Add((title.TextContent.Trim(), title.SourceReference?.Position.Line ?? 1));
        }

        if (doc.Body is { } body)
        {
            Walk(body);
        }

        FlushLine();
        var tables = new List<RawTable>();
        var grid = new MarkupBudget.GridCounter("HTML");
        foreach (var table in doc.QuerySelectorAll("table").OfType<IHtmlTableElement>())
        {
            if (ReadTable(table, grid) is { } t)
            {
                tables.Add(t);
            }
        }

        return (SourceText.FromLines(lines), tables);
    }

    /// <summary>
    /// The text of a table cell: inline markup never splits a token (<c>78&lt;span&gt;967&lt;/span&gt;</c> is 78967), a block
    /// boundary inside the cell does (<c>&lt;p&gt;12&lt;/p&gt;&lt;p&gt;34&lt;/p&gt;</c> is "12 34", two tokens, never 1234).
    /// </summary>
    private static string CellText(IElement cell)
    {
        var sb = new StringBuilder();

        void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText t)
                {
                    sb.Append(t.Data);
                }
                else if (child is IElement el && el.LocalName is not ("script" or "style"))
                {
                    var block = BlockTags.Contains(el.LocalName) || el.LocalName is "table" or "td" or "th";
                    if (block)
                    {
                        sb.Append(' ');
                    }

                    Walk(el);
                    if (block)
                    {
                        sb.Append(' ');
                    }
                }
            }
        }

        Walk(cell);
        return CollapseSpaces(sb.ToString()).Trim();
    }

    private static string CollapseSpaces(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (c is '\r' or '\n' or '\t' or ' ')
            {
                if (!space)
                {
                    sb.Append(' ');
                }

                space = true;
            }
            else
            {
                sb.Append(c);
                space = false;
            }
        }

        return sb.ToString();
    }

    /// <summary>The line where a cell's text is printed: the start line of the innermost element holding its first
    /// non-blank text (Word-saved pages put <c>&lt;td&gt;</c> and <c>&lt;p&gt;&lt;span&gt;value</c> on different lines); null for a blank cell.</summary>
    private static int? TextLine(IElement cell)
    {
        foreach (var node in cell.ChildNodes)
        {
            if (node is IText text && !string.IsNullOrWhiteSpace(text.Data))
            {
                return cell.SourceReference?.Position.Line;
            }

            if (node is IElement child && TextLine(child) is { } line)
            {
                return line;
            }
        }

        return null;
    }

    private static RawTable? ReadTable(IHtmlTableElement table, MarkupBudget.GridCounter budget)
    {
        var grid = new Dictionary<(int Row, int Col), RawCell>();
        var origin = new Dictionary<(int Row, int Col), int>();
        var spans = new Dictionary<(int Row, int Col), (int RowSpan, int ColSpan)>();
        var rowLines = new List<int>();
        var r = 0;
        var rowCount = table.Rows.Length;
        // The grid's width: the widest row by its own cells (a row without cells merged down into it spans the table).
        var width = table.Rows.Select(tr => tr.Cells.Sum(td => Math.Clamp(td.ColumnSpan, 1, 100))).DefaultIfEmpty(0).Max();
        foreach (var tr in table.Rows)
        {
            // Skip rows of nested tables (the Rows collection is the table's own rows).
            var line = tr.SourceReference?.Position.Line ?? 0;
            rowLines.Add(line);
            var col = 0;
            var need = tr.Cells.Sum(td => Math.Clamp(td.ColumnSpan, 1, 100));
            // Spans that do not add up (a cell repeated with its whole span after a page break): where a row's own cells
            // need more of the width than the cells merged down from above leave free, those spans ended before this row.
            for (var c = 0; c < width && need > width - Enumerable.Range(0, width).Count(k => grid.ContainsKey((r, k))); c++)
            {
                if (grid.ContainsKey((r, c)) && origin[(r, c)] < r)
                {
                    var from = origin[(r, c)];
                    for (var below = r; origin.TryGetValue((below, c), out var o) && o == from; below++)
                    {
                        grid.Remove((below, c));
                        origin.Remove((below, c));
                        spans.Remove((below, c));
                    }
                }
            }

            foreach (var td in tr.Cells)
            {
                var text = CellText(td);
                while (grid.TryGetValue((r, col), out var occupant))
                {
                    // A cell merged down from a row above and printed again in this row with the same text and spans (Word
                    // repeats a row-spanning label when a table breaks across pages): the same cell, not one more column.
                    if (text.Length > 0 && origin[(r, col)] < r && !occupant.SpanContinuation && occupant.Text == text
                        && td.RowSpan > 1 && spans[(r, col)] == (td.RowSpan, td.ColumnSpan))
                    {
                        break;
                    }

                    col++;
                }

                // A row span never reaches past the table's last row; every span counts against the grid budget.
                var rs = Math.Clamp(td.RowSpan, 1, Math.Max(1, Math.Min(200, rowCount - r)));
                var cs = Math.Clamp(td.ColumnSpan, 1, 100);
                var cellLine = TextLine(td) ?? td.SourceReference?.Position.Line ?? line;
                budget.Add(col + cs, cs, rs, cellLine);
                for (var dr = 0; dr < rs; dr++)
                {
                    for (var dc = 0; dc < cs; dc++)
                    {
                        grid[(r + dr, col + dc)] = new RawCell(text, cellLine, col + dc) { SpanContinuation = dc > 0 };
                        origin[(r + dr, col + dc)] = r;
                        spans[(r + dr, col + dc)] = (td.RowSpan, td.ColumnSpan);
                    }
                }

                col += cs;
            }

            r++;
        }

        if (r == 0 || grid.Count == 0)
        {
            // Rows without any cell (<tr></tr> only): nothing to read.
            return null;
        }

        width = grid.Keys.Max(k => k.Col) + 1;
        var rows = new List<RawRow>();
        for (var i = 0; i < r; i++)
        {
            var cells = new RawCell[width];
            for (var c = 0; c < width; c++)
            {
                cells[c] = grid.TryGetValue((i, c), out var cell) ? cell : new RawCell("", rowLines[i], c);
            }

            rows.Add(new RawRow(cells));
        }

        var first = rowLines.Where(l => l > 0).DefaultIfEmpty(0).Min();
        var last = grid.Values.Select(c => c.Line).DefaultIfEmpty(first).Max();
        return new RawTable(TableLayout.Html, first, last, rows);
    }
}
