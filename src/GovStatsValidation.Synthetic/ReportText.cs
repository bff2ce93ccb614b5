using System.Globalization;
using System.Text;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Synthetic;

/// <summary>
/// Writes a generated report as the plain text of a published report, in the layouts real reports use: the pre-2019
/// statistics table one cell per line (label, unit, value lines, tab-indented, as seed 002), and the 2019/2021 tables as
/// tab-separated rows (as seed 004 and the official template), with the numbered sections and narrative around them.
/// </summary>
public static class ReportText
{
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    private static readonly string[] Filler =
    [
        "我们坚持以公开为常态、不公开为例外，围绕中心工作深化政务公开，推进决策、执行、管理、服务、结果公开。",
        "进一步完善政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则，确保公开信息内容准确、规范。",
        "加强政府网站和政务新媒体管理，优化栏目设置，及时更新各类信息，提升平台的权威性和便民性。",
        "围绕群众关注的热点问题，通过新闻发布、政策解读、在线访谈等方式主动回应社会关切，正面引导舆论。",
        "规范依申请公开办理流程，明确受理、审查、答复各环节要求，确保在法定期限内依法依规答复。",
        "加强业务培训，组织工作人员学习《中华人民共和国政府信息公开条例》，提高依法公开的意识和能力。",
        "梳理主动公开目录，细化公开事项、公开内容、责任主体和公开时限，推动公开工作标准化规范化。",
        "完善政务公开监督考核机制，将政务公开工作纳入年度考核，定期通报检查情况并督促整改。",
    ];

    /// <summary>The report as text.</summary>
    public static string ToText(SyntheticReport report)
    {
        var sb = new StringBuilder(8 * 1024);
        using (var writer = new StringWriter(sb, CultureInfo.InvariantCulture))
        {
            Write(report, writer);
        }

        return sb.ToString();
    }

    /// <summary>Writes the report text (lines end with <c>\n</c>).</summary>
    public static void Write(SyntheticReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.NewLine = "\n";
        var rng = new SplitMix64(report.Year, report.Index);
        if (report.Schema == SchemaVersion.Pre2019)
        {
            WritePre2019(report, writer, ref rng);
        }
        else
        {
            WriteModern(report, writer, ref rng);
        }
    }

    private static void WritePre2019(SyntheticReport r, TextWriter w, ref SplitMix64 rng)
    {
        var year = r.Year.ToString(CultureInfo.InvariantCulture);
        w.WriteLine($"{r.Agency.Name}{year}年政府信息公开工作年度报告");
        w.WriteLine();
        w.WriteLine($"根据《中华人民共和国政府信息公开条例》规定，现公布{r.Agency.Name}{year}年政府信息公开工作年度报告。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。");
        w.WriteLine();
        w.WriteLine("一、概述");
        w.WriteLine();
        Paragraphs(w, ref rng, 3);
        w.WriteLine("二、主动公开政府信息情况");
        w.WriteLine();
        if (Number(r, "active.total") is { } active)
        {
            w.WriteLine($"{year}年，我单位主动公开政府信息{active}条。{rng.Pick(Filler)}");
            w.WriteLine();
        }

        w.WriteLine("三、依申请公开政府信息情况");
        w.WriteLine();
        if (Number(r, "requests.received") is { } received)
        {
            w.WriteLine(received == "0"
                ? $"{year}年度未收到政府信息公开申请。"
                : $"{year}年度共收到政府信息公开申请{received}件。{rng.Pick(Filler)}");
            w.WriteLine();
        }

        w.WriteLine("四、政府信息公开的收费及减免情况");
        w.WriteLine();
        w.WriteLine($"{year}年度未发生政府信息公开收费及减免情况。");
        w.WriteLine();
        w.WriteLine("五、因政府信息公开申请行政复议、提起行政诉讼的情况");
        w.WriteLine();
        Paragraphs(w, ref rng, 1);
        w.WriteLine("六、政府信息公开工作存在的主要问题及改进情况");
        w.WriteLine();
        Paragraphs(w, ref rng, 2);
        w.WriteLine("七、其他需要报告的事项");
        w.WriteLine();
        w.WriteLine("本年度无其他需要报告的事项。");
        w.WriteLine($"附件：政府信息公开情况统计表（{year}年度）");
        w.WriteLine(r.Agency.Name);
        w.WriteLine();
        w.WriteLine("政府信息公开情况统计表");
        w.WriteLine();
        w.WriteLine($"（{year}年度）");
        w.WriteLine();
        w.WriteLine($"填报单位（盖章）：{r.Agency.Name}");
        w.WriteLine();
        w.WriteLine("\t统　计　指　标");
        w.WriteLine("\t单位");
        w.WriteLine("\t统计数");
        w.WriteLine();
        var top = 0;
        foreach (var row in r.SchemaDefinition.Tables[0].Rows)
        {
            if (Printed(r, row))
            {
                WriteStatsRow(r, w, row, 0, Numerals[top++] + "、");
            }
        }
    }

    private static void WriteStatsRow(SyntheticReport r, TextWriter w, SchemaRow row, int depth, string number)
    {
        var indent = new string('　', depth * 2);
        var prefix = row.Role == RowRole.OfWhich ? "其中：" : row.Role == RowRole.Related ? "" : number;
        w.WriteLine($"\t{indent}{prefix}{row.Label}");
        if (row.Kind == RowKind.Value)
        {
            w.WriteLine($"\t{row.Unit}");
            w.WriteLine($"\t{r.PrintedText(row.Cells[0].Slot)}");
        }
        else
        {
            w.WriteLine("\t——");
            w.WriteLine("\t");
        }

        w.WriteLine();
        var child = 0;
        foreach (var c in row.Children)
        {
            if (!Printed(r, c))
            {
                continue;
            }

            var childNumber = depth == 0 ? $"（{Numerals[child]}）" : $"{child + 1}.";
            if (c.Role == RowRole.Part)
            {
                child++;
            }

            WriteStatsRow(r, w, c, depth + 1, childNumber);
        }
    }

    private static bool Printed(SyntheticReport r, SchemaRow row) =>
        row.Cells.Any(c => r.Frame.States[c.Slot] != (byte)CellState.Absent) || row.Children.Any(c => Printed(r, c));

    private static void WriteModern(SyntheticReport r, TextWriter w, ref SplitMix64 rng)
    {
        var schema = r.SchemaDefinition;
        var year = r.Year.ToString(CultureInfo.InvariantCulture);
        w.WriteLine();
        w.WriteLine($"{r.Agency.Name}{year}年度 政府信息公开工作年度报告");
        w.WriteLine();
        w.WriteLine($"本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。");
        w.WriteLine();
        foreach (var section in schema.Sections)
        {
            w.WriteLine($"{section.Numeral}、{section.Heading}");
            w.WriteLine();
            switch (section.Id)
            {
                case "overview":
                    Paragraphs(w, ref rng, 4);
                    if (Number(r, "requests.new[total]") is { } fresh && Number(r, "result.total[total]") is { } handled && Number(r, "requests.carry_forward[total]") is { } forward)
                    {
                        w.WriteLine($"全年共收到政府信息公开申请{fresh}件，办结{handled}件，结转下年度继续办理{forward}件。");
                        w.WriteLine();
                    }

                    break;
                case "active":
                    foreach (var table in schema.Tables.Where(t => t.Id.StartsWith("art20", StringComparison.Ordinal)))
                    {
                        WriteArticle20(r, w, table);
                    }

                    w.WriteLine();
                    break;
                case "requests":
                    WriteApplications(r, w, schema.Tables.Single(t => t.Id == "applications"));
                    w.WriteLine();
                    break;
                case "review":
                    WriteReview(r, w, schema.Tables.Single(t => t.Id == "review_litigation"));
                    w.WriteLine();
                    break;
                case "other":
                    w.WriteLine("本年度无其他需要报告的事项。");
                    break;
                default:
                    Paragraphs(w, ref rng, 3);
                    break;
            }
        }
    }

    private static void WriteArticle20(SyntheticReport r, TextWriter w, TableDefinition table)
    {
        var columns = table.Columns;
        w.WriteLine(table.Caption + new string('\t', 3));
        w.WriteLine("信息内容\t" + string.Join("\t", columns.Select(c => c.Label)) + new string('\t', 3 - columns.Count));
        foreach (var row in table.AllRows)
        {
            w.WriteLine(row.Label + "\t" + string.Join("\t", row.Cells.Select(c => r.PrintedText(c.Slot))) + new string('\t', 3 - columns.Count));
        }
    }

    private static void WriteApplications(SyntheticReport r, TextWriter w, TableDefinition table)
    {
        var applicants = table.Columns.Where(c => !c.IsTotal).ToList();
        w.WriteLine("\t申请人情况" + new string('\t', table.Columns.Count));
        w.WriteLine($"\t{applicants[0].Label}\t法人或其他组织" + new string('\t', applicants.Count - 1) + "总计\t");
        w.WriteLine("\t\t" + string.Join("\t", applicants.Skip(1).Select(c => c.Label)) + "\t\t");
        var top = 0;
        foreach (var row in table.Rows)
        {
            if (row.Kind == RowKind.Header)
            {
                var group = 0;
                var first = true;
                foreach (var child in row.Children)
                {
                    var label = child.Id == "result.total" ? $"({Numerals[group]}) 总计" : $"({Numerals[group]}) {child.Label}";
                    group++;
                    var lead = first ? $"{Numerals[top]}、{row.Label}" : "";
                    first = false;
                    if (child.Kind == RowKind.Value)
                    {
                        w.WriteLine($"{lead}\t{label}\t{Values(r, child)}\t");
                        continue;
                    }

                    var item = 0;
                    foreach (var leaf in child.Children)
                    {
                        w.WriteLine($"{lead}\t{(item == 0 ? label : "")}\t{item + 1}. {leaf.Label}\t{Values(r, leaf)}\t");
                        lead = "";
                        item++;
                    }
                }

                top++;
                continue;
            }

            w.WriteLine($"{Numerals[top++]}、{row.Label}\t{Values(r, row)}\t");
        }
    }

    private static void WriteReview(SyntheticReport r, TextWriter w, TableDefinition table)
    {
        var labels = string.Join("\t", table.Columns.Select(c => c.Label));
        // Merged header cells copied out of a Word table: one label per merged cell, no empty cells after them.
        w.WriteLine("行政复议\t行政诉讼");
        w.WriteLine("未经复议直接起诉\t复议后起诉");
        w.WriteLine($"{labels}\t{labels}\t{labels}");
        w.WriteLine(string.Join("\t", ((string[])["review", "litigation.direct", "litigation.after_review"])
            .Select(id => table.AllRows.Single(x => x.Id == id)).Select(row => Values(r, row))));
    }

    private static string Values(SyntheticReport r, SchemaRow row) => string.Join("\t", row.Cells.Select(c => r.PrintedText(c.Slot)));

    private static string? Number(SyntheticReport r, string id)
    {
        var slot = r.Slot(id);
        return r.IsNumber(slot) ? r.PrintedText(slot) : null;
    }

    private static void Paragraphs(TextWriter w, ref SplitMix64 rng, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var sentences = 2 + rng.Next(3);
            for (var s = 0; s < sentences; s++)
            {
                w.Write(rng.Pick(Filler));
            }

            w.WriteLine();
            w.WriteLine();
        }
    }
}
