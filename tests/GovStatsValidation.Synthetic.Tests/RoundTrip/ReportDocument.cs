using System.Globalization;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Synthetic.Tests.RoundTrip;

/// <summary>A cell of a table grid as a word processor holds it: its place, its spans, its text and, for a value cell,
/// the schema cell it prints.</summary>
internal sealed record GridCell(int Row, int Col, int RowSpan, int ColSpan, string Text, string? CellId);

/// <summary>A table as a grid of merged cells (the form of a Word or HTML table), built row by row.</summary>
internal sealed class Grid
{
    private readonly HashSet<(int, int)> _taken = [];

    public Grid(int columns) => Columns = columns;

    public int Columns { get; }

    public int Rows { get; private set; }

    public List<GridCell> Cells { get; } = [];

    /// <summary>Starts a new row; cells are placed left to right in the first free grid positions.</summary>
    public Grid Row(params (string Text, string? CellId, int RowSpan, int ColSpan)[] cells)
    {
        var r = Rows++;
        var c = 0;
        foreach (var (text, id, rowSpan, colSpan) in cells)
        {
            while (_taken.Contains((r, c)))
            {
                c++;
            }

            if (c + colSpan > Columns)
            {
                throw new InvalidOperationException($"row {r}: cell '{text}' does not fit in {Columns} columns");
            }

            Cells.Add(new GridCell(r, c, rowSpan, colSpan, text, id));
            for (var dr = 0; dr < rowSpan; dr++)
            {
                for (var dc = 0; dc < colSpan; dc++)
                {
                    _taken.Add((r + dr, c + dc));
                }
            }

            c += colSpan;
        }

        return this;
    }

    /// <summary>The cells a row holds, left to right: those that start in it and those merged down into it from above.</summary>
    public IEnumerable<(GridCell Cell, bool Starts)> RowCells(int row) =>
        Cells.Where(c => c.Row <= row && row < c.Row + c.RowSpan).OrderBy(c => c.Col).Select(c => (c, c.Row == row));
}

internal abstract record Block;

internal sealed record Paragraph(string Text) : Block;

internal sealed record TableBlock(Grid Grid) : Block;

/// <summary>
/// A generated report as a document: title, numbered sections with prose, and its statistics tables as grids of merged
/// cells with the schema cell id of every value cell. Every layout is rendered from this one document, so what a layout
/// prints and what the model holds are known cell for cell.
/// </summary>
internal sealed class ReportDocument
{
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    private static readonly string[] Filler =
    [
        "我们坚持以公开为常态、不公开为例外，围绕中心工作深化政务公开。",
        "进一步完善政府信息公开保密审查制度，确保公开信息内容准确、规范。",
        "加强政府网站和政务新媒体管理，及时更新各类信息。",
    ];

    private ReportDocument(SyntheticReport report) => Report = report;

    public SyntheticReport Report { get; }

    public List<Block> Blocks { get; } = [];

    /// <summary>Schema cell id → the text printed in its cell (empty for a blank cell).</summary>
    public Dictionary<string, string> Printed { get; } = new(StringComparer.Ordinal);

    public static ReportDocument Of(SyntheticReport report)
    {
        var d = new ReportDocument(report);
        if (report.Schema == SchemaVersion.Pre2019)
        {
            d.Pre2019();
        }
        else
        {
            d.Modern();
        }

        return d;
    }

    private void P(string text) => Blocks.Add(new Paragraph(text));

    private (string, string?, int, int) Value(CellDefinition cell)
    {
        var text = Report.PrintedText(cell.Slot) ?? throw new InvalidOperationException($"{cell.Id}: absent cell in a printed row");
        Printed[cell.Id.Value] = text;
        return (text, cell.Id.Value, 1, 1);
    }

    private static (string, string?, int, int) Label(string text, int rowSpan = 1, int colSpan = 1) => (text, null, rowSpan, colSpan);

    private void Pre2019()
    {
        var r = Report;
        var year = r.Year.ToString(CultureInfo.InvariantCulture);
        P($"{r.Agency.Name}{year}年政府信息公开工作年度报告");
        P($"根据《中华人民共和国政府信息公开条例》规定，现公布{r.Agency.Name}{year}年政府信息公开工作年度报告。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。");
        string[] headings = ["概述", "主动公开政府信息情况", "依申请公开政府信息情况", "政府信息公开的收费及减免情况", "因政府信息公开申请行政复议、提起行政诉讼的情况", "政府信息公开工作存在的主要问题及改进情况", "其他需要报告的事项"];
        for (var i = 0; i < headings.Length; i++)
        {
            P($"{Numerals[i]}、{headings[i]}");
            P(Filler[i % Filler.Length]);
        }

        P($"附件：政府信息公开情况统计表（{year}年度）");
        P("政府信息公开情况统计表");
        P($"（{year}年度）");
        P($"填报单位（盖章）：{r.Agency.Name}");
        var grid = new Grid(3).Row(Label("统　计　指　标"), Label("单位"), Label("统计数"));
        var top = 0;
        foreach (var row in r.SchemaDefinition.Tables[0].Rows)
        {
            if (IsPrinted(row))
            {
                StatsRow(grid, row, 0, Numerals[top++] + "、");
            }
        }

        Blocks.Add(new TableBlock(grid));
    }

    private void StatsRow(Grid grid, SchemaRow row, int depth, string number)
    {
        // Top rows carry their numeral in the format's label (一、主动公开情况): not numbered twice.
        var numbered = row.Label.Length > 1 && row.Label[1] == '、' && Array.IndexOf(Numerals, row.Label[..1]) >= 0;
        var prefix = row.Role == RowRole.OfWhich ? "其中：" : row.Role == RowRole.Related || numbered ? "" : number;
        grid.Row(row.Kind == RowKind.Value
            ? [Label(prefix + row.Label), Label(row.Unit ?? ""), Value(row.Cells[0])]
            : [Label(prefix + row.Label), Label("——"), Label("")]);
        var child = 0;
        foreach (var c in row.Children.Where(IsPrinted))
        {
            var childNumber = depth == 0 ? $"（{Numerals[child]}）" : $"{child + 1}.";
            if (c.Role == RowRole.Part)
            {
                child++;
            }

            StatsRow(grid, c, depth + 1, childNumber);
        }
    }

    private bool IsPrinted(SchemaRow row) =>
        row.Cells.Any(c => Report.StateOf(c.Id.Value) != CellState.Absent) || row.Children.Any(IsPrinted);

    private void Modern()
    {
        var r = Report;
        var schema = r.SchemaDefinition;
        var year = r.Year.ToString(CultureInfo.InvariantCulture);
        P($"{r.Agency.Name}{year}年度政府信息公开工作年度报告");
        P($"本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。");
        foreach (var section in schema.Sections)
        {
            P($"{section.Numeral}、{section.Heading}");
            switch (section.Id)
            {
                case "active":
                    Article20(schema.Tables.Where(t => t.Id.StartsWith("art20", StringComparison.Ordinal)).ToList());
                    break;
                case "requests":
                    Applications(schema.Tables.Single(t => t.Id == "applications"));
                    break;
                case "review":
                    Review(schema.Tables.Single(t => t.Id == "review_litigation"));
                    break;
                case "other":
                    P("本年度无其他需要报告的事项。");
                    break;
                default:
                    P(Filler[section.Numeral.Length % Filler.Length]);
                    break;
            }
        }
    }

    private void Article20(IReadOnlyList<TableDefinition> tables)
    {
        // One Word table of four columns, as the official template prints it: a caption row over the whole width, a header
        // row, the value rows; tables with fewer columns leave the rest of the width as one merged empty cell.
        var grid = new Grid(4);
        foreach (var table in tables)
        {
            var pad = 3 - table.Columns.Count;
            grid.Row(Label(table.Caption ?? "", colSpan: 4));
            grid.Row([Label("信息内容"), .. table.Columns.Select(c => Label(c.Label)), .. pad > 0 ? [Label("", colSpan: pad)] : Array.Empty<(string, string?, int, int)>()]);
            foreach (var row in table.AllRows)
            {
                grid.Row([Label(row.Label), .. row.Cells.Select(Value), .. pad > 0 ? [Label("", colSpan: pad)] : Array.Empty<(string, string?, int, int)>()]);
            }
        }

        Blocks.Add(new TableBlock(grid));
    }

    private void Applications(TableDefinition table)
    {
        var applicants = table.Columns.Where(c => !c.IsTotal).ToList();
        var grid = new Grid(3 + table.Columns.Count);
        grid.Row(Label("", rowSpan: 3, colSpan: 3), Label("申请人情况", colSpan: table.Columns.Count));
        grid.Row(Label(applicants[0].Label, rowSpan: 2), Label("法人或其他组织", colSpan: applicants.Count - 1), Label("总计", rowSpan: 2));
        grid.Row([.. applicants.Skip(1).Select(c => Label(c.Label))]);
        var top = 0;
        foreach (var row in table.Rows)
        {
            if (row.Kind != RowKind.Header)
            {
                grid.Row([Label($"{Numerals[top++]}、{row.Label}", colSpan: 3), .. row.Cells.Select(Value)]);
                continue;
            }

            var height = row.Children.Sum(c => c.Kind == RowKind.Value ? 1 : c.Children.Count);
            var lead = true;
            var group = 0;
            foreach (var child in row.Children)
            {
                var label = child.Id == "result.total" ? $"({Numerals[group]}) 总计" : $"({Numerals[group]}) {child.Label}";
                group++;
                var first = lead ? new[] { Label($"{Numerals[top]}、{row.Label}", rowSpan: height) } : [];
                lead = false;
                if (child.Kind == RowKind.Value)
                {
                    grid.Row([.. first, Label(label, colSpan: 2), .. child.Cells.Select(Value)]);
                    continue;
                }

                var item = 0;
                foreach (var leaf in child.Children)
                {
                    var groupCell = item == 0 ? new[] { Label(label, rowSpan: child.Children.Count) } : [];
                    grid.Row([.. item == 0 ? first : [], .. groupCell, Label($"{item + 1}. {leaf.Label}"), .. leaf.Cells.Select(Value)]);
                    item++;
                }
            }

            top++;
        }

        Blocks.Add(new TableBlock(grid));
    }

    private void Review(TableDefinition table)
    {
        var n = table.Columns.Count;
        var grid = new Grid(3 * n);
        grid.Row(Label("行政复议", rowSpan: 2, colSpan: n), Label("行政诉讼", colSpan: 2 * n));
        grid.Row(Label("未经复议直接起诉", colSpan: n), Label("复议后起诉", colSpan: n));
        grid.Row([.. Enumerable.Range(0, 3).SelectMany(_ => table.Columns.Select(c => Label(c.Label)))]);
        grid.Row([.. ((string[])["review", "litigation.direct", "litigation.after_review"]).SelectMany(id => table.AllRows.Single(x => x.Id == id).Cells.Select(Value))]);
        Blocks.Add(new TableBlock(grid));
    }
}
