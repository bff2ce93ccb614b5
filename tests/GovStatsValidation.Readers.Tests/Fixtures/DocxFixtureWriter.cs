using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GovStatsValidation.Readers.Tests.Fixtures;

/// <summary>
/// Writes Word reports. pre2019 and 2019: built with OpenXml, tables with merged cells (gridSpan for labels spanning
/// columns, vMerge for the row-group labels 其中：/三、本年度办理结果/（三）不予公开… and the two-row applicant header).
/// 2021: the official blank template (../shared/corpus/template_2021_format.docx) filled in.
/// Lines are block ordinals, as the reader numbers them: every paragraph directly in the body and every table row counts
/// one, in document order, starting at 1 (paragraphs inside table cells and the section properties do not count).
/// </summary>
internal static class DocxFixtureWriter
{
    private const string FontSong = "仿宋_GB2312";

    private sealed class Builder
    {
        public Body Body { get; } = new();

        public int Ordinal { get; private set; }

        public Dictionary<string, int> CellLines { get; } = new(StringComparer.Ordinal);

        public List<(string, string, int)> Sections { get; } = [];

        public void Paragraph(string text, bool bold = false, bool center = false)
        {
            var props = new ParagraphProperties();
            if (center)
            {
                props.Append(new Justification { Val = JustificationValues.Center });
            }
            else
            {
                props.Append(new Indentation { FirstLine = "640" });
            }

            Body.Append(new Paragraph(props, TextRun(text, bold)));
            Ordinal++;
        }

        public void Heading(string numeral, string text)
        {
            Paragraph(text, bold: true);
            Sections.Add((numeral, text, Ordinal));
        }

        public void Add(Table table)
        {
            Body.Append(table);
            Ordinal += table.Elements<TableRow>().Count();
        }
    }

    private static Run TextRun(string text, bool bold = false)
    {
        var rp = new RunProperties(new RunFonts { Ascii = FontSong, HighAnsi = FontSong, EastAsia = FontSong }, new FontSize { Val = "21" });
        if (bold)
        {
            rp.PrependChild(new Bold());
        }

        return new Run(rp, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>A table cell; <paramref name="vmerge"/> "restart" or "continue" (a continuation cell is empty).</summary>
    private static TableCell Cell(string text, int span = 1, string? vmerge = null, int width = 900)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = (width * span).ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            props.Append(new GridSpan { Val = span });
        }

        if (vmerge == "restart")
        {
            props.Append(new VerticalMerge { Val = MergedCellValues.Restart });
        }
        else if (vmerge == "continue")
        {
            props.Append(new VerticalMerge());
        }

        props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var paragraph = new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        if (text.Length > 0 && vmerge != "continue")
        {
            paragraph.Append(TextRun(text));
        }

        return new TableCell(props, paragraph);
    }

    private static Table NewTable(int columns, int width = 900)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var grid = new TableGrid();
        for (var i = 0; i < columns; i++)
        {
            grid.Append(new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        return new Table(new TableProperties(new TableStyle { Val = "TableGrid" }, new TableWidth { Width = "0", Type = TableWidthUnitValues.Auto }, border), grid);
    }

    private static byte[] Save(Body body)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1440, Bottom = 1440, Left = 1247, Right = 1247 }));
            main.Document = new Document(body);
            doc.PackageProperties.Creator = "GovStatsValidation fixture generator";
            doc.PackageProperties.Created = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            doc.PackageProperties.Modified = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        }

        return ms.ToArray();
    }

    public static WrittenFixture Write(FixtureSpec spec, string? templatePath) => spec.Schema switch
    {
        "pre2019" => BuildPre2019(spec),
        "2019" => Build2019(spec),
        _ => FillTemplate(spec, templatePath ?? throw new ArgumentNullException(nameof(templatePath))),
    };

    private static WrittenFixture BuildPre2019(FixtureSpec s)
    {
        var b = new Builder();
        b.Paragraph(s.Title, bold: true, center: true);
        b.Paragraph($"本报告是根据《中华人民共和国政府信息公开条例》要求，由{s.Agency}编制的{s.Year}年度政府信息公开工作年度报告。本报告中所列数据的统计期限自{s.Year}年1月1日起至{s.Year}年12月31日止。");
        b.Heading("一", "一、概述");
        b.Paragraph($"{s.Year}年，我局严格落实《条例》要求，健全政府信息公开工作机制，推进重点领域信息公开。");
        b.Heading("二", "二、主动公开政府信息情况");
        b.Paragraph($"全年主动公开政府信息{s.Printed("active.total")}条。");
        b.Heading("三", "三、依申请公开政府信息情况");
        b.Paragraph("依申请公开办理情况详见附表。");
        b.Heading("四", "四、政府信息公开的收费及减免情况");
        b.Paragraph("本年度未收取检索、复制、邮寄等费用。");
        b.Heading("五", "五、因政府信息公开申请行政复议、提起行政诉讼的情况");
        b.Paragraph("详见附表。");
        b.Heading("六", "六、政府信息公开工作存在的主要问题及改进情况");
        b.Paragraph("信息公开的及时性有待加强。下一步将完善工作制度，加强督促检查。");
        b.Heading("七", "七、其他需要报告的事项");
        b.Paragraph("无。");
        b.Paragraph("附表", bold: true);
        b.Paragraph("政府信息公开情况统计表", bold: true, center: true);

        var table = NewTable(4, 1800);
        table.Append(new TableRow(Cell("统计指标", 2, width: 3000), Cell("单位"), Cell("统计数")));
        var first = b.Ordinal + 1;
        var row = 1;
        var inGroup = false;
        foreach (var (id, label, unit, group) in FixtureLayouts.Pre2019)
        {
            row++;
            var cells = new List<TableCell>();
            if (group is not null)
            {
                cells.Add(Cell(group, vmerge: inGroup ? "continue" : "restart", width: 900));
                cells.Add(Cell(label, width: 2100));
                inGroup = true;
            }
            else
            {
                cells.Add(Cell(label, 2, width: 1500));
                inGroup = false;
            }

            cells.Add(Cell(unit));
            cells.Add(Cell(id is null ? "—" : s.Printed(id)));
            table.Append(new TableRow(cells));
            if (id is not null)
            {
                b.CellLines[id] = first + row - 1;
            }
        }

        b.Add(table);
        b.Paragraph($"填报单位：{s.Agency}　　填报日期：{s.Year + 1}年1月10日");
        return new WrittenFixture(Save(b.Body), b.CellLines, b.Sections);
    }

    private static WrittenFixture Build2019(FixtureSpec s)
    {
        var b = new Builder();
        b.Paragraph(s.Title, bold: true, center: true);
        b.Paragraph($"本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自{s.Year}年1月1日起至{s.Year}年12月31日止。");
        b.Heading("一", "一、总体情况");
        b.Paragraph($"{s.Year}年，{s.Agency}认真贯彻新修订的《条例》，推进自然资源领域信息公开。");
        b.Heading("二", "二、主动公开政府信息情况");

        // Section 二: one 4-column table split by caption rows.
        var t20 = NewTable(4, 2000);
        var rows20 = new List<(TableRow Row, IReadOnlyList<string> Ids)>();
        foreach (var (caption, header, rows) in FixtureLayouts.Article20("2019"))
        {
            rows20.Add((new TableRow(Cell(caption, 4)), []));
            rows20.Add((new TableRow(header.Select((h, i) => Cell(h, i == header.Length - 1 ? 5 - header.Length : 1))), []));
            foreach (var (id, label, columns) in rows)
            {
                var ids = columns.Select(c => $"{id}[{c}]").ToList();
                var tr = new TableRow(new[] { Cell(label) }.Concat(ids.Select((cid, i) => Cell(s.Printed(cid), i == ids.Count - 1 ? 4 - ids.Count : 1))));
                rows20.Add((tr, ids));
            }
        }

        AddRows(b, t20, rows20);
        b.Heading("三", "三、收到和处理政府信息公开申请情况");
        AddRows(b, NewTable(10), ApplicationRows(s));
        b.Heading("四", "四、政府信息公开行政复议、行政诉讼情况");
        AddRows(b, NewTable(15, 600), ReviewRows(s));
        b.Heading("五", "五、存在的主要问题及改进情况");
        b.Paragraph("主要问题是公开内容的规范性有待提高。下一步将对照新《条例》要求，梳理完善公开目录。");
        b.Heading("六", "六、其他需要报告的事项");
        b.Paragraph("无其他需要报告的事项。");
        return new WrittenFixture(Save(b.Body), b.CellLines, b.Sections);
    }

    private static void AddRows(Builder b, Table table, List<(TableRow Row, IReadOnlyList<string> Ids)> rows)
    {
        var first = b.Ordinal + 1;
        for (var i = 0; i < rows.Count; i++)
        {
            table.Append(rows[i].Row);
            foreach (var id in rows[i].Ids)
            {
                b.CellLines[id] = first + i;
            }
        }

        b.Add(table);
    }

    private static IEnumerable<TableCell> ValueCells(FixtureSpec s, string row) =>
        FixtureLayouts.Applicants.Select(c => Cell(s.Printed($"{row}[{c}]")));

    private static IReadOnlyList<string> Ids(string row) => FixtureLayouts.Applicants.Select(c => $"{row}[{c}]").ToList();

    private static List<(TableRow, IReadOnlyList<string>)> ApplicationRows(FixtureSpec s)
    {
        var rows = new List<(TableRow, IReadOnlyList<string>)>
        {
            (new TableRow(Cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, "restart"), Cell("申请人情况", 7)), []),
            (new TableRow(Cell("", 3, "continue"), Cell("自然人", vmerge: "restart"), Cell("法人或其他组织", 5), Cell("总计", vmerge: "restart")), []),
            (new TableRow(new[] { Cell("", 3, "continue"), Cell("", vmerge: "continue") }
                .Concat(new[] { "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他" }.Select(h => Cell(h)))
                .Append(Cell("", vmerge: "continue"))), []),
            (new TableRow(new[] { Cell("一、本年新收政府信息公开申请数量", 3) }.Concat(ValueCells(s, "requests.new"))), Ids("requests.new")),
            (new TableRow(new[] { Cell("二、上年结转政府信息公开申请数量", 3) }.Concat(ValueCells(s, "requests.carried_over"))), Ids("requests.carried_over")),
        };
        var results = FixtureLayouts.ResultRows(s.Schema);
        string? lastGroup = null;
        for (var i = 0; i < results.Length; i++)
        {
            var (id, label, group) = results[i];
            var cells = new List<TableCell> { Cell(i == 0 ? "三、本年度办理结果" : "", vmerge: i == 0 ? "restart" : "continue") };
            if (group is null)
            {
                cells.Add(Cell(label, 2));
            }
            else
            {
                cells.Add(Cell(group, vmerge: group == lastGroup ? "continue" : "restart"));
                cells.Add(Cell(label));
            }

            lastGroup = group;
            rows.Add((new TableRow(cells.Concat(ValueCells(s, id))), Ids(id)));
        }

        rows.Add((new TableRow(new[] { Cell("四、结转下年度继续办理", 3) }.Concat(ValueCells(s, "requests.carry_forward"))), Ids("requests.carry_forward")));
        return rows;
    }

    private static List<(TableRow, IReadOnlyList<string>)> ReviewRows(FixtureSpec s)
    {
        string[] outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        var ids = new[] { "review", "litigation.direct", "litigation.after_review" }.SelectMany(r => FixtureLayouts.Outcomes.Select(c => $"{r}[{c}]")).ToList();
        return
        [
            (new TableRow(Cell("行政复议", 5), Cell("行政诉讼", 10)), []),
            (new TableRow(outcomes.Select(h => Cell(h, vmerge: "restart")).Append(Cell("未经复议直接起诉", 5)).Append(Cell("复议后起诉", 5))), []),
            (new TableRow(outcomes.Select(_ => Cell("", vmerge: "continue")).Concat(outcomes.Select(h => Cell(h))).Concat(outcomes.Select(h => Cell(h)))), []),
            (new TableRow(ids.Select(id => Cell(s.Printed(id)))), ids),
        ];
    }

    // ---- 2021: the official template, filled in ----

    private static WrittenFixture FillTemplate(FixtureSpec s, string templatePath)
    {
        using var ms = new MemoryStream();
        ms.Write(File.ReadAllBytes(templatePath));
        using (var doc = WordprocessingDocument.Open(ms, true))
        {
            var body = doc.MainDocumentPart!.Document!.Body!;
            var paragraphs = body.Elements<Paragraph>().ToList();
            SetText(paragraphs.First(p => p.InnerText.Contains("年度报告格式模板", StringComparison.Ordinal)), s.Title);
            var descriptions = paragraphs.Where(p => p.InnerText.StartsWith("（文字描述", StringComparison.Ordinal)).ToList();
            SetText(descriptions[0], $"{s.Year}年，{s.Agency}坚持以公开为常态、不公开为例外，扎实推进交通运输领域政府信息公开工作。全年共收到政府信息公开申请{s.Printed("requests.new[total]")}件，均在法定期限内答复。");
            SetText(descriptions[1], "存在的主要问题：政策解读形式较为单一。改进情况：丰富图文、视频等解读形式，提升解读质量。");
            SetText(descriptions[2], "本年度未收取信息处理费。本机关按要求落实上级年度政务公开工作要点，人大代表建议和政协提案办理结果已按规定公开。");

            var tables = body.Elements<Table>().ToList();
            foreach (var (_, _, rows) in FixtureLayouts.Article20("2021"))
            {
                foreach (var (id, label, columns) in rows)
                {
                    var tr = tables[0].Elements<TableRow>().Single(r => Norm(r.Elements<TableCell>().First().InnerText) == label);
                    var valueCells = tr.Elements<TableCell>().Skip(1).ToList();
                    for (var i = 0; i < columns.Length; i++)
                    {
                        SetText(valueCells[i], s.Printed($"{id}[{columns[i]}]"));
                    }
                }
            }

            var appRows = tables[1].Elements<TableRow>().ToList();
            var labels = new List<(string Id, string Prefix)>
            {
                ("requests.new", "一、本年新收"),
                ("requests.carried_over", "二、上年结转"),
            };
            labels.AddRange(FixtureLayouts.ResultRows("2021").Select(r => (r.Id, r.Label.Length > 10 ? r.Label[..10] : r.Label)));
            labels.Add(("requests.carry_forward", "四、结转下年度"));
            foreach (var (id, prefix) in labels)
            {
                var tr = appRows.Single(r => r.Elements<TableCell>().Any(c => Norm(c.InnerText).StartsWith(prefix, StringComparison.Ordinal))
                    && r.Elements<TableCell>().Count() >= 8);
                var valueCells = tr.Elements<TableCell>().TakeLast(7).ToList();
                for (var i = 0; i < 7; i++)
                {
                    SetText(valueCells[i], s.Printed($"{id}[{FixtureLayouts.Applicants[i]}]"));
                }
            }

            var reviewValues = tables[2].Elements<TableRow>().Last().Elements<TableCell>().ToList();
            var k = 0;
            foreach (var row in new[] { "review", "litigation.direct", "litigation.after_review" })
            {
                foreach (var col in FixtureLayouts.Outcomes)
                {
                    SetText(reviewValues[k++], s.Printed($"{row}[{col}]"));
                }
            }

            doc.PackageProperties.Modified = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            doc.MainDocumentPart.Document.Save();
        }

        var bytes = ms.ToArray();
        var (cellLines, sections) = Locate(bytes, s);
        return new WrittenFixture(bytes, cellLines, sections);
    }

    private static string Norm(string s) => s.Replace("\u3000", "", StringComparison.Ordinal).Trim();

    /// <summary>Replaces the text of a paragraph or cell: the first run keeps its formatting, other runs go.</summary>
    private static void SetText(OpenXmlElement container, string text)
    {
        var paragraph = container as Paragraph ?? container.Elements<Paragraph>().First();
        foreach (var extra in container.Elements<Paragraph>().Skip(1).ToList())
        {
            extra.Remove();
        }

        var runs = paragraph.Elements<Run>().ToList();
        var props = runs.FirstOrDefault()?.RunProperties?.CloneNode(true) as RunProperties;
        foreach (var r in runs)
        {
            r.Remove();
        }

        if (text.Length > 0)
        {
            var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
            if (props is not null)
            {
                run.PrependChild(props);
            }

            paragraph.Append(run);
        }
    }

    /// <summary>Block ordinals of the filled template: each body paragraph and each table row counts one.</summary>
    private static (Dictionary<string, int>, List<(string, string, int)>) Locate(byte[] bytes, FixtureSpec s)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var ordinal = 0;
        var cellLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var sections = new List<(string, string, int)>();
        var tableIndex = 0;
        foreach (var block in body.ChildElements)
        {
            if (block is Paragraph p)
            {
                ordinal++;
                var text = p.InnerText.Trim();
                if (text.Length > 2 && text[1] == '、' && "一二三四五六".Contains(text[0], StringComparison.Ordinal))
                {
                    sections.Add((text[..1], text, ordinal));
                }
            }
            else if (block is Table t)
            {
                var rows = t.Elements<TableRow>().ToList();
                var first = ordinal + 1;
                ordinal += rows.Count;
                foreach (var id in s.Cells.Select(c => c.Id))
                {
                    var row = RowOf(tableIndex, rows, id);
                    if (row >= 0)
                    {
                        cellLines[id] = first + row;
                    }
                }

                tableIndex++;
            }
        }

        return (cellLines, sections);
    }

    private static int RowOf(int table, List<TableRow> rows, string cellId)
    {
        var rowId = cellId[..cellId.IndexOf('[', StringComparison.Ordinal)];
        switch (table)
        {
            case 0 when rowId.StartsWith("art20", StringComparison.Ordinal):
                var label = FixtureLayouts.Article20("2021").SelectMany(t => t.Rows).Single(r => r.Id == rowId).Label;
                return rows.FindIndex(r => Norm(r.Elements<TableCell>().First().InnerText) == label);
            case 1 when rowId.StartsWith("requests", StringComparison.Ordinal) || rowId.StartsWith("result", StringComparison.Ordinal):
                var order = new List<string> { "requests.new", "requests.carried_over" };
                order.AddRange(FixtureLayouts.ResultRows("2021").Select(r => r.Id));
                order.Add("requests.carry_forward");
                return 3 + order.IndexOf(rowId); // three header rows, then one row per value row
            case 2 when rowId.StartsWith("review", StringComparison.Ordinal) || rowId.StartsWith("litigation", StringComparison.Ordinal):
                return rows.Count - 1;
            default:
                return -1;
        }
    }
}
