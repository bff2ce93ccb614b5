using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using GovStatsValidation.Readers.Tests.Fixtures;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace GovStatsValidation.Readers.Tests.Tables;

/// <summary>How the small tables a converter cut the application table into are headed.</summary>
public enum SplitHeader
{
    /// <summary>Generic names, one per cell of a row: <c>数据1 … 数据9</c>.</summary>
    Generic,

    /// <summary>Generic names, fewer than the cells of a row: <c>数据1 … 数据6</c>.</summary>
    GenericShort,

    /// <summary>A header row that lies: <c>本年新收件数|上年结转件数|予以公开|…</c> over the applicant columns.</summary>
    Lying,
}

/// <summary>
/// A synthetic 2021-format report (invented agency and figures, balanced: every row sums to its 总计, every column to
/// （七）总计, 新收 + 结转 = 总计 + 结转下年度) whose application table is printed as three small tables, each under a header
/// that does not name the applicant columns, followed by the review/litigation table. Rendered as markdown pipe tables,
/// space-aligned text, an HTML page or a Word file; the expected cells come from the values here, never from a reader.
/// </summary>
internal sealed class SplitTableReport
{
    private const string Title = "淮水县交通运输局2023年政府信息公开工作年度报告";

    private static readonly int[][] ApplicationValues =
    [
        [30, 4, 0, 1, 2, 0], [2, 1, 0, 0, 0, 0],
        [12, 2, 0, 0, 1, 0], [3, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0],
        [6, 1, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0],
        [2, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0],
        [1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [2, 1, 0, 1, 0, 0],
    ];

    private static readonly string[] Review = ["1", "0", "1", "0", "2", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"];

    private readonly List<object> _blocks = [];

    private SplitTableReport()
    {
    }

    /// <summary>Every cell of the application and review tables as printed (cell id → text).</summary>
    public Dictionary<string, string> TableCells { get; } = new(StringComparer.Ordinal);

    /// <summary>The cells of the 第二十条 tables as printed (empty when the report is cut to the application and review tables).</summary>
    public Dictionary<string, string> Article20Cells { get; } = new(StringComparer.Ordinal);

    /// <summary>The whole report: title, six sections, the 第二十条 tables, the split application table, the review table.</summary>
    public static SplitTableReport Full(SplitHeader header) => Build(header, cut: false, title: true);

    /// <summary>Only the application and review tables under their headings (no 第二十条 tables, no narrative before them).</summary>
    public static SplitTableReport Cut(SplitHeader header, bool title = true) => Build(header, cut: true, title);

    private sealed record Table(string[]? Header, List<string[]> Rows);

    private static SplitTableReport Build(SplitHeader header, bool cut, bool title)
    {
        var r = new SplitTableReport();
        if (title)
        {
            r._blocks.Add(Title);
        }

        if (!cut)
        {
            r._blocks.Add("一、总体情况");
            r._blocks.Add("2023年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，做好政府信息公开工作。");
            r._blocks.Add("二、主动公开政府信息情况");
            string[][] article20Values = [["0", "0", "0", "2", "1", "9"], ["412"], ["57", "3"], ["0"]];
            var a = 0;
            foreach (var (caption, head, rows) in FixtureLayouts.Article20("2021"))
            {
                var table = new Table([caption, .. Enumerable.Repeat("", head.Length - 1)], [head]);
                var v = 0;
                foreach (var (id, label, columns) in rows)
                {
                    var printed = columns.Select(_ => article20Values[a][v++]).ToArray();
                    table.Rows.Add([label, .. printed]);
                    for (var i = 0; i < columns.Length; i++)
                    {
                        r.Article20Cells[$"{id}[{columns[i]}]"] = printed[i];
                    }
                }

                r._blocks.Add(table);
                a++;
            }
        }

        r._blocks.Add("三、收到和处理政府信息公开申请情况");
        var ids = new List<(string Id, string Group, string Label)>
        {
            ("requests.new", "一、本年新收政府信息公开申请数量", ""),
            ("requests.carried_over", "二、上年结转政府信息公开申请数量", ""),
        };
        string? lastGroup = null;
        foreach (var (id, label, group) in FixtureLayouts.ResultRows("2021"))
        {
            var g = id == "result.granted" ? "三、本年度办理结果" : group ?? "";
            ids.Add((id, g == lastGroup ? "" : g, label));
            lastGroup = g.Length > 0 ? g : lastGroup;
        }

        ids.Add(("requests.carry_forward", "四、结转下年度继续办理", ""));
        var values = ApplicationValues.ToList();
        var total = Enumerable.Range(0, 6).Select(c => ApplicationValues.Skip(2).Sum(row => row[c])).ToArray();
        values.Add(total);
        values.Add(Enumerable.Range(0, 6).Select(c => ApplicationValues[0][c] + ApplicationValues[1][c] - total[c]).ToArray());
        var rowsPrinted = new List<string[]>();
        for (var i = 0; i < ids.Count; i++)
        {
            var printed = values[i].Append(values[i].Sum()).Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray();
            rowsPrinted.Add([ids[i].Group, ids[i].Label, .. printed]);
            for (var c = 0; c < FixtureLayouts.Applicants.Length; c++)
            {
                r.TableCells[$"{ids[i].Id}[{FixtureLayouts.Applicants[c]}]"] = printed[c];
            }
        }

        // Three small tables, cut where a converter cuts at page ends: after 部分公开 and after 补正后申请内容仍不明确.
        int[] cuts = [0, 4, 15, rowsPrinted.Count];
        for (var part = 0; part < 3; part++)
        {
            string[] head = header switch
            {
                SplitHeader.Generic => Enumerable.Range(1, 9).Select(i => $"数据{i}").ToArray(),
                SplitHeader.GenericShort => Enumerable.Range(1, 6).Select(i => $"数据{i}").ToArray(),
                _ => ["", "", "本年新收件数", "上年结转件数", "予以公开", "部分公开", "不予公开", "无法提供", "总计"],
            };
            r._blocks.Add(new Table(head, rowsPrinted.GetRange(cuts[part], cuts[part + 1] - cuts[part])));
        }

        r._blocks.Add("四、政府信息公开行政复议、行政诉讼情况");
        string[] kinds = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        r._blocks.Add(new Table(null,
        [
            ["行政复议", "", "", "", "", "行政诉讼", "", "", "", "", "", "", "", "", ""],
            [.. kinds, "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
            ["", "", "", "", "", .. kinds, .. kinds],
            Review,
        ]));
        string[] rowIds = ["review", "litigation.direct", "litigation.after_review"];
        for (var i = 0; i < Review.Length; i++)
        {
            r.TableCells[$"{rowIds[i / 5]}[{FixtureLayouts.Outcomes[i % 5]}]"] = Review[i];
        }

        if (!cut)
        {
            r._blocks.Add("五、存在的主要问题及改进情况");
            r._blocks.Add("本局政府信息公开工作仍存在公开内容不够全面等问题，下一步将加强培训。");
            r._blocks.Add("六、其他需要报告的事项");
            r._blocks.Add("本年度未收取信息处理费。");
        }

        return r;
    }

    /// <summary>Markdown: every table as pipe rows under its (generic or lying) header row and the |---| line.</summary>
    public string Markdown()
    {
        var sb = new StringBuilder();
        foreach (var block in _blocks)
        {
            if (block is string p)
            {
                sb.Append(p).Append("\n\n");
                continue;
            }

            var t = (Table)block;
            var rows = t.Header is { } h ? [h, .. t.Rows] : t.Rows;
            for (var i = 0; i < rows.Count; i++)
            {
                sb.Append("| ").AppendJoin(" | ", rows[i]).Append(" |\n");
                if (i == 0)
                {
                    sb.Append('|').AppendJoin("|", rows[0].Select(_ => "---")).Append("|\n");
                }
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Space-aligned text (as <c>pdftotext -layout</c> prints a table): each small table padded to its own columns.</summary>
    public string SpaceAligned()
    {
        var sb = new StringBuilder();
        foreach (var block in _blocks)
        {
            if (block is string p)
            {
                sb.Append(p).Append("\n\n");
                continue;
            }

            var t = (Table)block;
            var rows = t.Header is { } h ? [h, .. t.Rows] : t.Rows;
            var columns = rows.Max(r => r.Length);
            var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => c < r.Length ? Width(r[c]) : 0) + 4).ToArray();
            foreach (var row in rows)
            {
                var line = new StringBuilder();
                for (var c = 0; c < row.Length; c++)
                {
                    line.Append(row[c]).Append(' ', widths[c] - Width(row[c]));
                }

                sb.Append(line.ToString().TrimEnd()).Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>A saved web page: one &lt;table&gt; per small table, the header row as &lt;th&gt; cells.</summary>
    public string Html()
    {
        var sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body>\n");
        foreach (var block in _blocks)
        {
            if (block is string p)
            {
                sb.Append("<p>").Append(WebUtility.HtmlEncode(p)).Append("</p>\n");
                continue;
            }

            var t = (Table)block;
            sb.Append("<table border=\"1\">\n");
            if (t.Header is { } h)
            {
                sb.Append("<thead><tr>").AppendJoin("", h.Select(c => $"<th>{WebUtility.HtmlEncode(c)}</th>")).Append("</tr></thead>\n");
            }

            sb.Append("<tbody>\n");
            foreach (var row in t.Rows)
            {
                sb.Append("<tr>").AppendJoin("", row.Select(c => $"<td>{WebUtility.HtmlEncode(c)}</td>")).Append("</tr>\n");
            }

            sb.Append("</tbody></table>\n");
        }

        return sb.Append("</body></html>\n").ToString();
    }

    /// <summary>A Word file: paragraphs and one Word table per small table, its header row first.</summary>
    public byte[] Docx()
    {
        var body = new W.Body();
        foreach (var block in _blocks)
        {
            if (block is string p)
            {
                body.Append(new W.Paragraph(new W.Run(new W.Text(p) { Space = SpaceProcessingModeValues.Preserve })));
                continue;
            }

            var t = (Table)block;
            var rows = t.Header is { } h ? [h, .. t.Rows] : t.Rows;
            var columns = rows.Max(r => r.Length);
            var grid = new W.TableGrid();
            for (var c = 0; c < columns; c++)
            {
                grid.Append(new W.GridColumn { Width = "900" });
            }

            var table = new W.Table(new W.TableProperties(new W.TableWidth { Width = "0", Type = W.TableWidthUnitValues.Auto }), grid);
            foreach (var row in rows)
            {
                var tr = new W.TableRow();
                for (var c = 0; c < columns; c++)
                {
                    var text = c < row.Length ? row[c] : "";
                    var paragraph = new W.Paragraph();
                    if (text.Length > 0)
                    {
                        paragraph.Append(new W.Run(new W.Text(text)));
                    }

                    tr.Append(new W.TableCell(new W.TableCellProperties(new W.TableCellWidth { Width = "900", Type = W.TableWidthUnitValues.Dxa }), paragraph));
                }

                table.Append(tr);
            }

            body.Append(table);
        }

        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            doc.AddMainDocumentPart().Document = new W.Document(body);
        }

        return ms.ToArray();
    }

    /// <summary>Display columns as a monospaced print counts them: wide (CJK) characters take two.</summary>
    private static int Width(string s) => s.Sum(ch => ch >= '\u2E80' && ch is < '\uFF61' or > '\uFFDC' ? 2 : 1);
}
