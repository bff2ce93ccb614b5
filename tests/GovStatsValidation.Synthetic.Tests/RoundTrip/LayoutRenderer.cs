using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace GovStatsValidation.Synthetic.Tests.RoundTrip;

/// <summary>The layouts a report is published in, as the readers support them.</summary>
public enum Layout
{
    /// <summary>One table cell per line (tab-indented, rows separated by a blank line), as text copied from a PDF or Word table.</summary>
    CellPerLine,

    /// <summary>One table row per line, cells separated by tabs (text copied out of a Word table).</summary>
    TabSeparated,

    /// <summary>Cells placed in columns by spaces, as <c>pdftotext -layout</c> prints a table.</summary>
    SpaceAligned,

    /// <summary>Every table on one line with no separator at all between cells (a crawled page's text).</summary>
    Glued,

    /// <summary>Markdown pipe tables (a PDF-to-markdown conversion): merged cells printed empty.</summary>
    Markdown,

    /// <summary>A saved web page: <c>&lt;table&gt;</c> with rowspan/colspan.</summary>
    Html,

    /// <summary>A Word .docx: tables with gridSpan/vMerge.</summary>
    Word,

    /// <summary>A PDF with an embedded CJK TrueType font, tables as text placed by x position.</summary>
    Pdf,
}

/// <summary>Renders a <see cref="ReportDocument"/> in one <see cref="Layout"/>. Test side only: the shipped readers never
/// see how a file was made.</summary>
internal static class LayoutRenderer
{
    /// <summary>The file bytes, and the cells whose digits touch another cell's digits in what was printed (only the
    /// glued layout has any).</summary>
    public static (byte[] Bytes, HashSet<string> Glued) Render(ReportDocument doc, Layout layout, byte[]? cjkFont = null)
    {
        var glued = new HashSet<string>(StringComparer.Ordinal);
        var bytes = layout switch
        {
            Layout.CellPerLine => Utf8(Text(doc, CellPerLine)),
            Layout.TabSeparated => Utf8(Text(doc, g => Flat(g).Select(r => string.Join('\t', r.Select(c => c.Text))))),
            Layout.SpaceAligned => Utf8(Text(doc, SpaceAligned)),
            Layout.Glued => Utf8(Text(doc, g => [Glue(g, glued)])),
            Layout.Markdown => Utf8(Text(doc, Markdown)),
            Layout.Html => Utf8(Html(doc)),
            Layout.Word => Word(doc),
            Layout.Pdf => PdfPrinter.Print(Text(doc, g => Flat(g).Select(r => string.Join('\t', r.Select(c => c.Text)))), cjkFont ?? throw new ArgumentNullException(nameof(cjkFont))),
            _ => throw new ArgumentOutOfRangeException(nameof(layout)),
        };
        return (bytes, glued);
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static string Text(ReportDocument doc, Func<Grid, IEnumerable<string>> table)
    {
        var sb = new StringBuilder();
        foreach (var block in doc.Blocks)
        {
            if (block is Paragraph p)
            {
                sb.Append(p.Text).Append('\n').Append('\n');
            }
            else if (block is TableBlock t)
            {
                foreach (var line in table(t.Grid))
                {
                    sb.Append(line).Append('\n');
                }

                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>The rows as a copy out of a word processor gives them: one field per cell of the row, a cell merged down
    /// from above as an empty field, a cell merged across columns once.</summary>
    private static List<List<GridCell>> Flat(Grid g) =>
        Enumerable.Range(0, g.Rows).Select(r => g.RowCells(r).Select(x => x.Starts ? x.Cell : x.Cell with { Text = "", CellId = null }).ToList()).ToList();

    private static IEnumerable<string> CellPerLine(Grid g)
    {
        foreach (var row in Flat(g))
        {
            foreach (var cell in row)
            {
                yield return "\t" + cell.Text;
            }

            yield return "";
        }
    }

    // pdftotext -layout places text by character count, a CJK character counting one like a digit (see the real
    // -layout conversions under ../shared/corpus/pdf): columns line up by character offset, not by display width.
    private static int Width(string s) => s.Length;

    /// <summary>Columns placed by grid position: each grid column as wide as its widest single-column cell (a merged
    /// cell widens its last column when it needs more), two spaces between columns, every cell centred in its columns;
    /// empty cells print nothing.</summary>
    private static IEnumerable<string> SpaceAligned(Grid g)
    {
        var width = new int[g.Columns];
        foreach (var c in g.Cells.Where(c => c.ColSpan == 1))
        {
            width[c.Col] = Math.Max(width[c.Col], Width(c.Text));
        }

        foreach (var c in g.Cells.Where(c => c.ColSpan > 1))
        {
            var have = Enumerable.Range(c.Col, c.ColSpan).Sum(i => width[i] + 2) - 2;
            width[c.Col + c.ColSpan - 1] += Math.Max(0, Width(c.Text) - have);
        }

        var start = new int[g.Columns];
        for (var i = 1; i < g.Columns; i++)
        {
            start[i] = start[i - 1] + width[i - 1] + 2;
        }

        for (var r = 0; r < g.Rows; r++)
        {
            var sb = new StringBuilder();
            foreach (var (cell, starts) in g.RowCells(r))
            {
                if (!starts || cell.Text.Length == 0)
                {
                    continue;
                }

                // Centred in its (merged) column, as a word processor's table cell prints it.
                var span = Enumerable.Range(cell.Col, cell.ColSpan).Sum(i => width[i] + 2) - 2;
                var at = start[cell.Col] + ((span - Width(cell.Text)) / 2);
                if (Width(sb.ToString()) < at)
                {
                    sb.Append(' ', at - Width(sb.ToString()));
                }
                else if (sb.Length > 0)
                {
                    sb.Append("  ");
                }

                sb.Append(cell.Text);
            }

            yield return sb.ToString();
        }
    }

    /// <summary>The whole table on one line, cells run together; records the value cells whose digits touch the digits
    /// of the cell before or after them.</summary>
    private static string Glue(Grid g, HashSet<string> glued)
    {
        var cells = Flat(g).SelectMany(r => r).Where(c => c.Text.Length > 0).ToList();
        for (var i = 0; i < cells.Count; i++)
        {
            static bool Digit(char c) => c is >= '0' and <= '9';
            var touchesBefore = i > 0 && Digit(cells[i].Text[0]) && Digit(cells[i - 1].Text[^1]);
            var touchesAfter = i + 1 < cells.Count && Digit(cells[i].Text[^1]) && Digit(cells[i + 1].Text[0]);
            if (cells[i].CellId is { } id && (touchesBefore || touchesAfter))
            {
                glued.Add(id);
            }
        }

        return string.Concat(cells.Select(c => c.Text));
    }

    private static IEnumerable<string> Markdown(Grid g)
    {
        static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
        for (var r = 0; r < g.Rows; r++)
        {
            var fields = new string[g.Columns];
            Array.Fill(fields, "");
            foreach (var (cell, starts) in g.RowCells(r))
            {
                if (starts)
                {
                    fields[cell.Col] = Escape(cell.Text);
                }
            }

            yield return "| " + string.Join(" | ", fields) + " |";
            if (r == 0)
            {
                yield return "|" + string.Concat(Enumerable.Repeat(" --- |", g.Columns));
            }
        }
    }

    private static string Html(ReportDocument doc)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(((Paragraph)doc.Blocks[0]).Text)).Append("</title></head>\n<body>\n<div class=\"article\">\n");
        foreach (var block in doc.Blocks)
        {
            if (block is Paragraph p)
            {
                sb.Append("<p>").Append(WebUtility.HtmlEncode(p.Text)).Append("</p>\n");
                continue;
            }

            var g = ((TableBlock)block).Grid;
            sb.Append("<table border=\"1\">\n");
            for (var r = 0; r < g.Rows; r++)
            {
                sb.Append("<tr>");
                foreach (var (cell, starts) in g.RowCells(r))
                {
                    if (!starts)
                    {
                        continue;
                    }

                    sb.Append("<td");
                    if (cell.RowSpan > 1)
                    {
                        sb.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
                    }

                    if (cell.ColSpan > 1)
                    {
                        sb.Append(" colspan=\"").Append(cell.ColSpan).Append('"');
                    }

                    // As Word-saved and CMS pages print them: every cell's text in a paragraph, a long number's digits split
                    // over two inline runs (one number all the same).
                    var text = WebUtility.HtmlEncode(cell.Text);
                    if (cell.CellId is not null && cell.Text.Length >= 3 && char.IsAsciiDigit(cell.Text[^1]) && char.IsAsciiDigit(cell.Text[^2]))
                    {
                        text = $"<span>{WebUtility.HtmlEncode(cell.Text[..^1])}</span><span lang=EN-US>{cell.Text[^1]}</span>";
                    }

                    sb.Append("><p>").Append(text).Append("</p></td>");
                }

                sb.Append("</tr>\n");
            }

            sb.Append("</table>\n");
        }

        sb.Append("</div>\n</body></html>\n");
        return sb.ToString();
    }

    private static byte[] Word(ReportDocument doc)
    {
        var body = new W.Body();
        foreach (var block in doc.Blocks)
        {
            if (block is Paragraph p)
            {
                body.Append(new W.Paragraph(new W.Run(new W.Text(p.Text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })));
                continue;
            }

            var g = ((TableBlock)block).Grid;
            var grid = new W.TableGrid();
            for (var i = 0; i < g.Columns; i++)
            {
                grid.Append(new W.GridColumn { Width = "900" });
            }

            var table = new W.Table(new W.TableProperties(new W.TableStyle { Val = "TableGrid" }), grid);
            for (var r = 0; r < g.Rows; r++)
            {
                var row = new W.TableRow();
                foreach (var (cell, starts) in g.RowCells(r))
                {
                    var props = new W.TableCellProperties();
                    if (cell.ColSpan > 1)
                    {
                        props.Append(new W.GridSpan { Val = cell.ColSpan });
                    }

                    if (cell.RowSpan > 1)
                    {
                        props.Append(starts ? new W.VerticalMerge { Val = W.MergedCellValues.Restart } : new W.VerticalMerge());
                    }

                    var paragraph = new W.Paragraph();
                    if (starts && cell.Text.Length > 0)
                    {
                        paragraph.Append(new W.Run(new W.Text(cell.Text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
                    }

                    row.Append(new W.TableCell(props, paragraph));
                }

                table.Append(row);
            }

            body.Append(table);
        }

        using var ms = new MemoryStream();
        using (var word = WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new W.Document(body);
        }

        return ms.ToArray();
    }
}
