using System.Globalization;
using System.Net;
using System.Text;

namespace GovStatsValidation.Readers.Tests.Fixtures;

/// <summary>What a writer produced: the file bytes, the line of every cell and of every section heading.</summary>
internal sealed record WrittenFixture(byte[] Bytes, IReadOnlyDictionary<string, int> CellLines, IReadOnlyList<(string Numeral, string Text, int Line)> Sections);

/// <summary>
/// Writes saved report pages the way government sites serve them: a page frame (navigation, breadcrumbs, footer), the
/// report as paragraphs, and <c>&lt;table&gt;</c>s with rowspan/colspan on the row-group labels and a two-row applicant header.
/// Three styles: <see cref="Style.WordSaved"/> (Word "save as web page": every <c>&lt;td&gt;</c> over three lines, the value on the
/// middle one inside <c>&lt;p&gt;&lt;span&gt;</c>), <see cref="Style.Cms"/> (one table row per line) and <see cref="Style.CellPerLine"/>
/// (one <c>&lt;td&gt;</c> per line).
/// </summary>
internal sealed class HtmlFixtureWriter
{
    public enum Style
    {
        WordSaved,
        Cms,
        CellPerLine,
    }

    private readonly List<string> _lines = [];
    private readonly Dictionary<string, int> _cellLines = new(StringComparer.Ordinal);
    private readonly List<(string, string, int)> _sections = [];
    private readonly Style _style;
    private readonly FixtureSpec _spec;
    private readonly StringBuilder _row = new();

    private HtmlFixtureWriter(FixtureSpec spec, Style style)
    {
        _spec = spec;
        _style = style;
    }

    private int Line(string text)
    {
        _lines.Add(text);
        return _lines.Count;
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private void Paragraph(string text) => Line(_style == Style.WordSaved
        ? $"<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span style='font-family:仿宋_GB2312'>{E(text)}</span></p>"
        : $"<p style=\"text-indent:2em;\">{E(text)}</p>");

    private void Heading(string numeral, string text)
    {
        var line = Line(_style == Style.WordSaved
            ? $"<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-family:黑体'>{E(text)}</span></b></p>"
            : $"<p style=\"text-indent:2em;\"><strong>{E(text)}</strong></p>");
        _sections.Add((numeral, text, line));
    }

    private void BeginRow()
    {
        if (_style == Style.Cms)
        {
            _row.Clear().Append("<tr>");
        }
        else
        {
            Line(_style == Style.WordSaved ? " <tr style='height:20.0pt'>" : "<tr>");
        }
    }

    private void EndRow()
    {
        if (_style == Style.Cms)
        {
            Line(_row.Append("</tr>").ToString());
        }
        else
        {
            Line(_style == Style.WordSaved ? " </tr>" : "</tr>");
        }
    }

    /// <summary>Writes a cell; returns the line its text is printed on.</summary>
    private int Cell(string text, int rowspan = 1, int colspan = 1, string? cellId = null)
    {
        var attrs = (rowspan > 1 ? $" rowspan=\"{rowspan}\"" : "") + (colspan > 1 ? $" colspan=\"{colspan}\"" : "");
        // Blank cells are written as saved pages write them: &nbsp; in a paragraph, or an empty cell.
        var content = text.Length == 0 ? (_style == Style.Cms ? "" : "&nbsp;") : E(text);
        int line;
        switch (_style)
        {
            case Style.Cms:
                _row.Append(CultureInfo.InvariantCulture, $"<td{attrs}>{content}</td>");
                line = _lines.Count + 1; // the row is written on the next line
                break;
            case Style.WordSaved:
                var tdLine = Line($"  <td{attrs.Replace("\"", "", StringComparison.Ordinal)} width=60 valign=middle style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>");
                line = Line($"  <p class=MsoNormal align=center style='text-align:center'><span lang=EN-US style='font-size:10.5pt'>{content}</span></p>");
                Line("  </td>");
                if (text.Length == 0)
                {
                    line = tdLine; // a blank cell has no text line: its <td> line
                }

                break;
            default:
                line = Line($"<td{attrs} style=\"text-align:center;\">{content}</td>");
                break;
        }

        if (cellId is not null)
        {
            _cellLines[cellId] = line;
        }

        return line;
    }

    private void BeginTable() => Line(_style == Style.WordSaved
        ? "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>"
        : "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"100%\" style=\"border-collapse:collapse;\">");

    private void EndTable() => Line("</table>");

    private void PageStart(string charsetMeta)
    {
        Line("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">");
        Line("<html xmlns=\"http://www.w3.org/1999/xhtml\">");
        Line("<head>");
        Line(charsetMeta);
        Line($"<title>{E(_spec.Title)}_政府信息公开年报_云溪县人民政府门户网站</title>");
        Line("<meta name=\"ArticleTitle\" content=\"" + E(_spec.Title) + "\" />");
        Line("<link rel=\"stylesheet\" type=\"text/css\" href=\"/images/common.css\" />");
        Line("<script type=\"text/javascript\" src=\"/js/jquery.min.js\"></script>");
        Line("<style type=\"text/css\">.TRS_Editor p{font-size:16px;line-height:2;} .TRS_Editor td{font-size:14px;}</style>");
        Line("</head>");
        Line("<body>");
        Line("<div class=\"top\"><div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/zwgk/\">政务公开</a> <a href=\"/hdjl/\">互动交流</a> <a href=\"/bsfw/\">办事服务</a></div></div>");
        Line("<div class=\"position\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政府信息公开</a> &gt; <a href=\"/zwgk/ndbg/\">政府信息公开年报</a></div>");
        Line("<div class=\"article\">");
        Line($"<h1 class=\"title\">{E(_spec.Title)}</h1>");
        Line($"<div class=\"info\"><span>发布时间：{_spec.Year + 1}-01-20</span><span>来源：{E(_spec.Agency)}</span><span>浏览次数：<script>document.write(hits)</script></span></div>");
        Line(_style == Style.WordSaved ? "<div class=\"TRS_Editor\"><div class=WordSection1>" : "<div class=\"TRS_Editor\">");
    }

    private void PageEnd()
    {
        Line(_style == Style.WordSaved ? "</div></div>" : "</div>");
        Line("</div>");
        Line("<div class=\"footer\"><p>主办：云溪县人民政府办公室　　网站标识码：0000000000</p><p>地址：云溪县人民路1号　　联系电话：0000-0000000</p></div>");
        Line("<script type=\"text/javascript\">var _hmt = _hmt || [];</script>");
        Line("</body>");
        Line("</html>");
    }

    public static WrittenFixture Write(FixtureSpec spec, Style style)
    {
        var w = new HtmlFixtureWriter(spec, style);
        var charset = spec.Encoding == "GB18030"
            ? "<meta charset=\"gb2312\" />"
            : style == Style.WordSaved ? "<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">" : "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />";
        w.PageStart(charset);
        if (spec.Schema == "pre2019")
        {
            w.Pre2019Body();
        }
        else
        {
            w.FormatBody();
        }

        w.PageEnd();
        var text = string.Join("\r\n", w._lines) + "\r\n";
        byte[] bytes;
        if (spec.Encoding == "GB18030")
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            bytes = Encoding.GetEncoding("GB18030").GetBytes(text);
        }
        else
        {
            bytes = new UTF8Encoding(false).GetBytes(text);
        }

        return new WrittenFixture(bytes, w._cellLines, w._sections);
    }

    private void Pre2019Body()
    {
        var s = _spec;
        Paragraph($"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，由{s.Agency}编制。全文包括概述，主动公开政府信息情况，依申请公开政府信息情况，政府信息公开收费及减免情况，因政府信息公开申请行政复议、提起行政诉讼的情况，政府信息公开工作存在的主要问题及改进措施，其他需要报告的事项。本报告中所列数据的统计期限自{s.Year}年1月1日起至{s.Year}年12月31日止。");
        Heading("一", "一、概述");
        Paragraph($"{s.Year}年，我办认真贯彻落实《条例》和上级关于政务公开工作的部署要求，进一步健全工作机制，规范公开流程，政府信息公开工作有序推进。");
        Heading("二", "二、主动公开政府信息情况");
        Paragraph($"全年主动公开政府信息{s.Printed("active.total")}条，其中主动公开规范性文件{s.Printed("active.normative_docs_published")}件。");
        Heading("三", "三、依申请公开政府信息情况");
        Paragraph("全年依申请公开工作按照法定时限办理，答复内容符合规定，详见附表。");
        Heading("四", "四、政府信息公开收费及减免情况");
        Paragraph("本年度未收取任何费用。");
        Heading("五", "五、因政府信息公开申请行政复议、提起行政诉讼的情况");
        Paragraph("本年度因政府信息公开申请行政复议、提起行政诉讼情况见附表。");
        Heading("六", "六、政府信息公开工作存在的主要问题及改进措施");
        Paragraph("一是公开内容不够全面；二是工作人员业务水平有待提高。下一步，我们将加强培训，提升公开质量。");
        Heading("七", "七、其他需要报告的事项");
        Paragraph("无其他需要报告的事项。");
        Paragraph("附件：政府信息公开情况统计表");
        Line("<p align=center style='text-align:center'><b>政府信息公开情况统计表</b></p>");
        Line($"<p align=center style='text-align:center'>（{s.Year}年度）</p>");
        Line($"<p>填报单位（盖章）：{E(s.Agency)}</p>");
        BeginTable();
        BeginRow();
        Cell("统计指标", colspan: 2);
        Cell("单位");
        Cell("统计数");
        EndRow();
        var groupRows = FixtureLayouts.Pre2019.Count(r => r.Group is not null);
        var groupWritten = false;
        foreach (var (id, label, unit, group) in FixtureLayouts.Pre2019)
        {
            BeginRow();
            if (group is not null)
            {
                if (!groupWritten)
                {
                    Cell(group, rowspan: groupRows);
                    groupWritten = true;
                }

                Cell(label);
            }
            else
            {
                Cell(label, colspan: 2);
            }

            Cell(unit);
            Cell(id is null ? "—" : s.Printed(id), cellId: id);
            EndRow();
        }

        EndTable();
        Line($"<p>单位负责人：张某某　　审核人：李某某　　填表人：王某某　　联系电话：0000-0000000　　填报日期：{s.Year + 1}年1月15日</p>");
    }

    private void FormatBody()
    {
        var s = _spec;
        Paragraph($"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》要求，由{s.Agency}编制。本报告所列数据的统计期限自{s.Year}年1月1日起至{s.Year}年12月31日止。");
        Heading("一", "一、总体情况");
        Paragraph($"{s.Year}年，{s.Agency}坚持以公开为常态、不公开为例外，围绕主动公开、依申请公开、政府信息管理、平台建设和监督保障等方面扎实推进政府信息公开工作。");
        Heading("二", "二、主动公开政府信息情况");
        Article20Table();
        Heading("三", "三、收到和处理政府信息公开申请情况");
        ApplicationTable();
        Heading("四", "四、政府信息公开行政复议、行政诉讼情况");
        ReviewTable();
        Heading("五", "五、存在的主要问题及改进情况");
        Paragraph("存在的主要问题：政策解读的形式不够丰富，基层政务公开标准化规范化水平有待提升。改进措施：加强业务培训，完善公开目录，及时更新公开内容。");
        Heading("六", "六、其他需要报告的事项");
        Paragraph(s.Schema == "2021"
            ? "本年度未收取信息处理费。本机关认真落实上级年度政务公开工作要点，按时办理人大代表建议和政协提案并公开办理结果。"
            : "无其他需要报告的事项。");
    }

    private void Article20Table()
    {
        BeginTable();
        foreach (var (caption, header, rows) in FixtureLayouts.Article20(_spec.Schema))
        {
            BeginRow();
            Cell(caption, colspan: 4);
            EndRow();
            BeginRow();
            for (var i = 0; i < header.Length; i++)
            {
                // The last header cell stretches over the unused columns of the 4-column grid.
                Cell(header[i], colspan: i == header.Length - 1 ? 5 - header.Length : 1);
            }

            EndRow();
            foreach (var (id, label, columns) in rows)
            {
                BeginRow();
                Cell(label);
                for (var i = 0; i < columns.Length; i++)
                {
                    var cellId = $"{id}[{columns[i]}]";
                    Cell(_spec.Printed(cellId), colspan: i == columns.Length - 1 ? 4 - columns.Length : 1, cellId: cellId);
                }

                EndRow();
            }
        }

        EndTable();
    }

    private void ValueCells(string row)
    {
        foreach (var col in FixtureLayouts.Applicants)
        {
            var id = $"{row}[{col}]";
            Cell(_spec.Printed(id), cellId: id);
        }
    }

    private void ApplicationTable()
    {
        BeginTable();
        BeginRow();
        Cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan: 3, colspan: 3);
        Cell("申请人情况", colspan: 7);
        EndRow();
        BeginRow();
        Cell("自然人", rowspan: 2);
        Cell("法人或其他组织", colspan: 5);
        Cell("总计", rowspan: 2);
        EndRow();
        BeginRow();
        foreach (var h in new[] { "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他" })
        {
            Cell(h);
        }

        EndRow();
        foreach (var (id, label) in new[] { ("requests.new", "一、本年新收政府信息公开申请数量"), ("requests.carried_over", "二、上年结转政府信息公开申请数量") })
        {
            BeginRow();
            Cell(label, colspan: 3);
            ValueCells(id);
            EndRow();
        }

        var results = FixtureLayouts.ResultRows(_spec.Schema);
        string? lastGroup = null;
        for (var i = 0; i < results.Length; i++)
        {
            var (id, label, group) = results[i];
            BeginRow();
            if (i == 0)
            {
                Cell("三、本年度办理结果", rowspan: results.Length);
            }

            if (group is null)
            {
                Cell(label, colspan: 2);
            }
            else
            {
                if (group != lastGroup)
                {
                    Cell(group, rowspan: results.Count(r => r.Group == group));
                }

                Cell(label);
            }

            lastGroup = group;
            ValueCells(id);
            EndRow();
        }

        BeginRow();
        Cell("四、结转下年度继续办理", colspan: 3);
        ValueCells("requests.carry_forward");
        EndRow();
        EndTable();
    }

    private void ReviewTable()
    {
        BeginTable();
        BeginRow();
        Cell("行政复议", colspan: 5);
        Cell("行政诉讼", colspan: 10);
        EndRow();
        BeginRow();
        foreach (var h in new[] { "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" })
        {
            Cell(h, rowspan: 2);
        }

        Cell("未经复议直接起诉", colspan: 5);
        Cell("复议后起诉", colspan: 5);
        EndRow();
        BeginRow();
        for (var k = 0; k < 2; k++)
        {
            foreach (var h in new[] { "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" })
            {
                Cell(h);
            }
        }

        EndRow();
        BeginRow();
        foreach (var row in new[] { "review", "litigation.direct", "litigation.after_review" })
        {
            foreach (var col in FixtureLayouts.Outcomes)
            {
                var id = $"{row}[{col}]";
                Cell(_spec.Printed(id), cellId: id);
            }
        }

        EndRow();
        EndTable();
    }
}
