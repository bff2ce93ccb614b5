using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GovStatsValidation.Checking;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Schema;

/// <summary>
/// The pre-2019 table as several provinces print it, with two value columns (本年度 | 历年累计) and the variant's own rows
/// (信函、传真申请数, 其他类型答复数, 收费减免金额): detected from the table's header and read in every layout to the same
/// cells (<c>ROW</c> for 本年度, <c>ROW[cumulative]</c> for 历年累计). Synthetic reports written here.
/// </summary>
[TestFixture]
public sealed class TwoColumnVariantReadingTests
{
    private static readonly ReportChecker Checker = new();

    /// <summary>Printed label, unit, cell id, 本年度, 历年累计 (every sum of the table holds in both columns).</summary>
    /// <summary>One printed row: label, unit, cell id, 本年度, 历年累计.</summary>
    internal sealed record Row(string Label, string Unit, string Id, int Current, int Cumulative);

    private static readonly Row[] Rows = new (string Label, string Unit, string Id, int Current, int Cumulative)[]
    {
        ("主动公开政府信息数", "条", "active.total", 320, 4120),
        ("其中：1、政府公报公开数", "条", "active.channels.gazette", 20, 300),
        ("2、政府网站公开数", "条", "active.channels.website", 300, 3820),
        ("收到申请数", "件", "requests.received", 12, 96),
        ("其中：1、当面申请数", "件", "requests.received.in_person", 2, 20),
        ("2、网上申请数", "件", "requests.received.online", 7, 50),
        ("3、信函、传真申请数", "件", "requests.received.letter_fax", 3, 26),
        ("对申请的答复总数", "件", "requests.replies", 12, 96),
        ("其中：1、同意公开答复数", "件", "requests.replies.granted", 9, 70),
        ("2、同意部分公开答复数", "件", "requests.replies.partial", 1, 10),
        ("3、不予公开答复数", "件", "requests.replies.refused", 0, 4),
        ("4、其他类型答复数", "件", "requests.replies.other_kinds", 2, 12),
        ("行政复议数", "件", "review.total", 1, 5),
        ("行政诉讼数", "件", "litigation.total", 0, 2),
        ("政府信息公开收费减免金额", "元", "fees.waived", 0, 150),
    }.Select(r => new Row(r.Label, r.Unit, r.Id, r.Current, r.Cumulative)).ToArray();

    private const string Title = "示例综合实验区管委会2014年度政府信息公开工作年度报告";

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string CellPerLine(Row[] rows, bool units)
    {
        var sb = new StringBuilder(Title + "\n\n六、政府信息公开情况统计表\n\n统计指标\n" + (units ? "单位\n" : "") + "本年度\n历年累计\n");
        foreach (var r in rows)
        {
            sb.Append(r.Label).Append('\n').Append(units ? r.Unit + "\n" : "").Append(Number(r.Current)).Append('\n').Append(Number(r.Cumulative)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>A crawled page: the whole text on one line, cells separated by single spaces.</summary>
    private static string OneLine() => OneLine(Rows, units: true);

    private static string OneLine(Row[] rows, bool units) =>
        Title + "\n" + $"一、概述 本年度我区继续推进政府信息公开工作。 六、政府信息公开情况统计表 指标名称{(units ? " 计量单位" : "")} 2014年度 历年累计 "
        + string.Join(" ", rows.Select(r => $"{r.Label}{(units ? " " + r.Unit : "")} {Number(r.Current)} {Number(r.Cumulative)}")) + " 附件下载\n";

    /// <summary><c>pdftotext -layout</c>: columns aligned by runs of spaces.</summary>
    private static string Aligned(Row[] rows, bool units)
    {
        var sb = new StringBuilder(Title + "\n\n六、政府信息公开情况统计表\n\n");
        sb.Append("    指标名称                              " + (units ? "计量单位" : "        ") + "        本年度        历年累计\n");
        foreach (var r in rows)
        {
            sb.Append("    ").Append(r.Label.PadRight(28, '\u3000')).Append("     ").Append(units ? r.Unit : "\u3000").Append("             ")
                .Append(Number(r.Current).PadLeft(6)).Append("        ").Append(Number(r.Cumulative).PadLeft(6)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Markdown(Row[] rows, bool units)
    {
        var sb = new StringBuilder(Title + "\n\n六、政府信息公开情况统计表\n\n" + (units ? "| 指标名称 | 计量单位 | 本年度 | 历年累计 |\n|---|---|---|---|\n" : "| 指标名称 | 本年度 | 历年累计 |\n|---|---|---|\n"));
        foreach (var r in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {r.Label} |{(units ? $" {r.Unit} |" : "")} {Number(r.Current)} | {Number(r.Cumulative)} |\n");
        }

        return sb.ToString();
    }

    private static string Tabs(Row[] rows, bool units)
    {
        var sb = new StringBuilder(Title + "\n\n六、政府信息公开情况统计表\n\n指标名称\t" + (units ? "计量单位\t" : "") + "本年度\t历年累计\n");
        foreach (var r in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{r.Label}\t{(units ? r.Unit + "\t" : "")}{Number(r.Current)}\t{Number(r.Cumulative)}\n");
        }

        return sb.ToString();
    }

    /// <summary>A Word-generated page: a number split across inline elements (78<span>967</span>).</summary>
    private static string Html(Row[] rows, bool units)
    {
        static string Split(int n)
        {
            var s = Number(n);
            return s.Length < 2 ? s : $"{s[..(s.Length / 2)]}<span lang=\"EN-US\">{s[(s.Length / 2)..]}</span>";
        }

        var sb = new StringBuilder($"<html><head><meta charset=\"utf-8\"><title>{Title}</title></head><body><h1>{Title}</h1>"
            + $"<p>六、政府信息公开情况统计表</p><table><tr><td>指标名称</td>{(units ? "<td>计量单位</td>" : "")}<td>2014年度</td><td>历年累计</td></tr>");
        foreach (var r in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td><p>{r.Label}</p></td>{(units ? $"<td>{r.Unit}</td>" : "")}<td><p>{Split(r.Current)}</p></td><td><p>{Split(r.Cumulative)}</p></td></tr>");
        }

        return sb.Append("</table></body></html>").ToString();
    }

    private static byte[] Word(Row[] rows, bool units)
    {
        static TableCell Cell(string text) => new(new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
        static TableRow Row(params string[] cells) => new(cells.Select(Cell));
        var body = new Body(new Paragraph(new Run(new Text(Title))), new Paragraph(new Run(new Text("六、政府信息公开情况统计表"))));
        var table = new Table(new TableGrid(Enumerable.Range(0, units ? 4 : 3).Select(_ => new GridColumn { Width = "2000" })));
        table.Append(units ? Row("指标名称", "计量单位", "本年度", "历年累计") : Row("指标名称", "本年度", "历年累计"));
        foreach (var r in rows)
        {
            table.Append(units ? Row(r.Label, r.Unit, Number(r.Current), Number(r.Cumulative)) : Row(r.Label, Number(r.Current), Number(r.Cumulative)));
        }

        body.Append(table);
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            doc.AddMainDocumentPart().Document = new Document(body);
        }

        return ms.ToArray();
    }

    private static readonly Dictionary<string, Func<Row[], bool, byte[]>> Renderers = new(StringComparer.Ordinal)
    {
        ["cell-per-line"] = (rows, units) => Encoding.UTF8.GetBytes(CellPerLine(rows, units)),
        ["one-line"] = (rows, units) => Encoding.UTF8.GetBytes(OneLine(rows, units)),
        ["aligned"] = (rows, units) => Encoding.UTF8.GetBytes(Aligned(rows, units)),
        ["markdown"] = (rows, units) => Encoding.UTF8.GetBytes(Markdown(rows, units)),
        ["tabs"] = (rows, units) => Encoding.UTF8.GetBytes(Tabs(rows, units)),
        ["html"] = (rows, units) => Encoding.UTF8.GetBytes(Html(rows, units)),
        ["word"] = Word,
    };

    private static readonly Dictionary<string, Func<byte[]>> Layouts = Renderers.ToDictionary(l => l.Key, l => (Func<byte[]>)(() => l.Value(Rows, true)), StringComparer.Ordinal);

    private static IEnumerable<string> LayoutNames => Layouts.Keys;

    private static Dictionary<string, string> Expected() => Expected(Rows);

    private static Dictionary<string, string> Expected(Row[] rows) =>
        rows.SelectMany(r => new[] { (r.Id, Number(r.Current)), ($"{r.Id}[cumulative]", Number(r.Cumulative)) }).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

    private static AnnualReport Read(byte[] content, string name) => new PublishedReportReader().Read(content, name);

    [TestCaseSource(nameof(LayoutNames))]
    public void Read_TwoColumnTableInLayout_EveryCellOfBothColumns(string layout)
    {
        var report = Read(Layouts[layout](), layout);

        var read = report.Cells.Where(c => c.Value.Raw is not null).ToDictionary(c => c.Key.Value, c => c.Value.Raw!, StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(report.Schema, Is.EqualTo(Schemas.SchemaVersion.Pre2019));
            Assert.That(report.Variant, Is.EqualTo("two-column"), string.Join("\n", report.Input!.Notes));
            Assert.That(read, Is.EquivalentTo(Expected()), string.Join("\n", report.Input!.Notes));
            Assert.That(report.Cells.Any(c => c.Value.Reconstructed), Is.False);
        });
    }

    /// <summary>
    /// A drawn table (seeded, so the run is deterministic): every sum holding in both columns, 历年累计 = 本年度 + an
    /// earlier total, zeros often, the unit column printed or not, the rows of each group in a drawn order.
    /// </summary>
    private static Row[] Draw(int seed)
    {
        var random = new Random(seed);
        int Value(int max) => random.Next(4) == 0 ? 0 : random.Next(1, max);
        Row Make(string label, string unit, string id, int current) => new(label, unit, id, current, current + Value(100_000));
        Row Sum(string label, string unit, string id, IReadOnlyList<Row> parts) =>
            new(label, unit, id, parts.Sum(p => p.Current), parts.Sum(p => p.Cumulative));
        List<Row> Order(List<Row> rows) => random.Next(2) == 0 ? rows : [.. rows.OrderBy(_ => random.Next())];

        var channels = new List<Row> { Make("政府公报公开政府信息数", "条", "active.channels.gazette", Value(500)), Make("政府网站公开政府信息数", "条", "active.channels.website", Value(5000)) };
        var received = new List<Row> { Make("当面申请数", "件", "requests.received.in_person", Value(50)), Make("网络申请数", "件", "requests.received.online", Value(300)), Make("信函、传真申请数", "件", "requests.received.letter_fax", Value(50)) };
        var replies = new List<Row> { Make("同意公开答复数", "件", "requests.replies.granted", Value(200)), Make("同意部分公开答复数", "件", "requests.replies.partial", Value(50)), Make("不同意公开答复数", "件", "requests.replies.refused", Value(20)), Make("其他类型答复数", "件", "requests.replies.other_kinds", Value(80)) };
        var tail = new List<Row> { Make("行政复议数量", "件", "review.total", Value(10)), Make("行政诉讼数量", "件", "litigation.total", Value(10)), Make("举报投诉数量", "件", "complaints.total", Value(10)), Make("政府信息公开收费减免金额", "元", "fees.waived", Value(1000)) };
        return
        [
            Sum("主动公开政府信息数", "条", "active.total", channels), .. Order(channels),
            Sum("收到申请数", "件", "requests.received", received), .. Order(received),
            Sum("申请答复数", "件", "requests.replies", replies), .. Order(replies),
            .. Order(tail),
        ];
    }

    private static IEnumerable<TestCaseData> DrawnCases() =>
        from seed in Enumerable.Range(1, 12)
        from layout in Renderers.Keys
        select new TestCaseData(seed, layout).SetName($"Read_DrawnTwoColumnTable_ReadsBackTheSameCells(seed {seed}, {layout})");

    [TestCaseSource(nameof(DrawnCases))]
    public void Read_DrawnTwoColumnTable_ReadsBackTheSameCells(int seed, string layout)
    {
        var rows = Draw(seed);
        var units = seed % 3 != 0;

        var report = Read(Renderers[layout](rows, units), layout);

        var read = report.Cells.Where(c => c.Value.Raw is not null).ToDictionary(c => c.Key.Value, c => c.Value.Raw!, StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(report.Variant, Is.EqualTo("two-column"), string.Join("\n", report.Input!.Notes));
            Assert.That(read, Is.EquivalentTo(Expected(rows)), string.Join("\n", report.Input!.Notes));
            Assert.That(Checker.Check(report).Findings.Where(f => f.Severity >= Severity.Warning).Select(f => $"{f.RuleId} {f.Message.En}"), Is.Empty);
        });
    }

    [TestCaseSource(nameof(LayoutNames))]
    public void Check_TwoColumnTableInLayout_NoErrorOrWarning(string layout)
    {
        var result = Checker.Check(Read(Layouts[layout](), layout));

        Assert.That(result.Findings.Where(f => f.Severity >= Severity.Warning).Select(f => $"{f.RuleId} {f.Message.En}"), Is.Empty);
    }

    [Test]
    public void Check_CumulativePartsDoNotAddUp_OneErrorOnTheCumulativeColumn()
    {
        var text = OneLine().Replace("3、信函、传真申请数 件 3 26", "3、信函、传真申请数 件 3 29", StringComparison.Ordinal);

        var errors = Checker.Check(Read(Encoding.UTF8.GetBytes(text), "one-line")).Findings.Where(f => f.Severity == Severity.Error).ToList();

        Assert.That(errors.Select(f => (f.RuleId, f.Instance)), Is.EqualTo(new[] { ("pre2019.parts-sum", "row=requests.received,column=cumulative") }));
    }

    [Test]
    public void Read_CumulativeColumnNotPrinted_CurrentColumnOnlyAndNoFinding()
    {
        // The header names both columns, every row prints one value (a PDF prints a blank column as nothing).
        var text = OneLine();
        foreach (var r in Rows)
        {
            text = text.Replace($"{r.Label} {r.Unit} {Number(r.Current)} {Number(r.Cumulative)}", $"{r.Label} {r.Unit} {Number(r.Current)}", StringComparison.Ordinal);
        }

        var report = Read(Encoding.UTF8.GetBytes(text), "one-line");
        var result = Checker.Check(report);

        Assert.Multiple(() =>
        {
            Assert.That(report.Variant, Is.EqualTo("two-column"));
            Assert.That(report.Cells.Where(c => c.Value.Raw is not null).ToDictionary(c => c.Key.Value, c => c.Value.Raw!),
                Is.EquivalentTo(Rows.ToDictionary(r => r.Id, r => Number(r.Current))));
            Assert.That(report.Cells.Any(c => c.Key.Column == "cumulative"), Is.False, "the column not printed is not read (never 0)");
            Assert.That(result.Findings.Where(f => f.Severity >= Severity.Warning).Select(f => $"{f.RuleId} {f.Message.En}"), Is.Empty);
        });
    }

    [Test]
    public void Read_CellPerLineWithOneValueARow_CurrentColumnOnly()
    {
        var sb = new StringBuilder(Title + "\n\n统计指标\n单位\n本年度\n历年累计\n");
        foreach (var r in Rows)
        {
            sb.Append(r.Label).Append('\n').Append(r.Unit).Append('\n').Append(Number(r.Current)).Append('\n');
        }

        var report = Read(Encoding.UTF8.GetBytes(sb.ToString()), "cell-per-line");

        Assert.Multiple(() =>
        {
            Assert.That(report.Cells.Where(c => c.Value.Raw is not null).ToDictionary(c => c.Key.Value, c => c.Value.Raw!),
                Is.EquivalentTo(Rows.ToDictionary(r => r.Id, r => Number(r.Current))));
            Assert.That(Checker.Check(report).Findings.Where(f => f.Severity >= Severity.Warning), Is.Empty);
        });
    }

    [Test]
    public void Read_HeaderNamesTheColumnsOtherwise_StillTheVariant()
    {
        // 本年数 | 累计数: the columns' other printed headers, side by side over the rows.
        var report = Read(Encoding.UTF8.GetBytes(CellPerLine(Rows, units: true).Replace("本年度\n历年累计\n", "本年数\n累计数\n", StringComparison.Ordinal)), "other-headers");

        Assert.Multiple(() =>
        {
            Assert.That(report.Variant, Is.EqualTo("two-column"));
            Assert.That(report.Cells.Where(c => c.Value.Raw is not null).ToDictionary(c => c.Key.Value, c => c.Value.Raw!), Is.EquivalentTo(Expected()));
        });
    }

    [Test]
    public void Read_AccumulatedFigureInTheNarrativeRightBeforeANationalTable_NationalForm()
    {
        // 累计 alone, with no header of the current column beside it, is not a column header.
        var text = Title + "\n统计表（累计）\n统计指标\n单位\n统计数\n主动公开政府信息数\n条\n320\n政府公报公开政府信息数\n条\n20\n政府网站公开政府信息数\n条\n300\n";

        var report = Read(Encoding.UTF8.GetBytes(text), "national");

        Assert.Multiple(() =>
        {
            Assert.That(report.Variant, Is.Null);
            Assert.That(report.Cells["active.total"].Raw, Is.EqualTo("320"));
        });
    }

    [Test]
    public void Read_HistoricalTotalInTheNarrativeOnly_NationalForm()
    {
        // 历年累计 in a sentence before a national table is no header: the table is read in the national form.
        var text = Title + "\n本机关历年累计主动公开政府信息5000条。\n\n统计指标\n单位\n统计数\n主动公开政府信息数\n条\n320\n政府公报公开政府信息数\n条\n20\n政府网站公开政府信息数\n条\n300\n";

        var report = Read(Encoding.UTF8.GetBytes(text), "national");

        Assert.Multiple(() =>
        {
            Assert.That(report.Variant, Is.Null);
            Assert.That(report.Cells["active.total"].Raw, Is.EqualTo("320"));
            Assert.That(report.Cells.Any(c => c.Key.Column == "cumulative"), Is.False);
        });
    }

    [Test]
    public void Read_GluedDigits_UniqueCutsReconstructedOthersNotReadWithCandidates()
    {
        // The page lost the spaces between the cells: 本年度 and 历年累计 run together after the unit.
        var text = Title + "\n六、政府信息公开情况统计表 指标名称计量单位2014年度历年累计 收到申请数件25 其中：1、当面申请数件00 2、网上申请数件13 3、信函、传真申请数件12 行政复议数件3204120 行政诉讼数件00\n";

        var report = Read(Encoding.UTF8.GetBytes(text), "glued");

        Assert.Multiple(() =>
        {
            Assert.That(report.Variant, Is.EqualTo("two-column"));
            Assert.That(report.Cells["requests.received"].Raw, Is.EqualTo("2"));
            Assert.That(report.Cells["requests.received[cumulative]"].Raw, Is.EqualTo("5"));
            Assert.That(report.Cells["requests.received.online[cumulative]"].Raw, Is.EqualTo("3"));
            Assert.That(report.Cells["requests.received"].Reconstructed, Is.True);
            Assert.That(report.Cells["review.total"].State, Is.EqualTo(CellState.Unreadable), "3204120 cuts as 3|204120, 32|04120 (no), 320|4120, …: several");
            Assert.That(report.Cells["review.total[cumulative]"].State, Is.EqualTo(CellState.Unreadable));
            Assert.That(report.Input!.Notes, Has.Some.Contains("3204120").And.Contain("several ways"));
        });
    }
    /// <summary>../shared/corpus/INDEX.md, pingtan_zone_2014: the table (本年度/历年累计) of the crawled page and of the web page.</summary>
    private static readonly Dictionary<string, string> Pingtan2014 = new(StringComparer.Ordinal)
    {
        ["active.total"] = "2543", ["active.total[cumulative]"] = "78967",
        ["active.channels.website"] = "2543", ["active.channels.website[cumulative]"] = "78967",
        ["active.channels.gazette"] = "0", ["active.channels.gazette[cumulative]"] = "0",
        ["requests.received"] = "1", ["requests.received[cumulative]"] = "1",
        ["requests.received.in_person"] = "0", ["requests.received.in_person[cumulative]"] = "0",
        ["requests.received.online"] = "0", ["requests.received.online[cumulative]"] = "0",
        ["requests.received.letter_fax"] = "1", ["requests.received.letter_fax[cumulative]"] = "1",
        ["requests.replies"] = "1", ["requests.replies[cumulative]"] = "1",
        ["requests.replies.granted"] = "1", ["requests.replies.granted[cumulative]"] = "1",
        ["requests.replies.partial"] = "0", ["requests.replies.partial[cumulative]"] = "0",
        ["requests.replies.refused"] = "0", ["requests.replies.refused[cumulative]"] = "0",
        ["requests.replies.other_kinds"] = "0", ["requests.replies.other_kinds[cumulative]"] = "0",
        ["fees.waived"] = "0", ["fees.waived[cumulative]"] = "0",
        ["complaints.with_litigation"] = "0", ["complaints.with_litigation[cumulative]"] = "0",
        ["review.total"] = "0", ["review.total[cumulative]"] = "0",
        ["litigation.total"] = "0", ["litigation.total[cumulative]"] = "0",
    };

    [TestCase("pingtan_zone_2014.txt")]
    [TestCase("pingtan_zone_2014.html")]
    public void Read_RealPingtan2014_TheCellsOfIndexMdAndNoTableError(string file)
    {
        var path = TestPaths.Shared(Path.Combine("corpus", "pingtan", file));

        var report = new PublishedReportReader().Read(path);
        var result = Checker.Check(report);

        Assert.Multiple(() =>
        {
            Assert.That(report.Variant, Is.EqualTo("two-column"));
            Assert.That(report.Cells.Where(c => c.Value.Raw is not null).ToDictionary(c => c.Key.Value, c => c.Value.Raw!), Is.EquivalentTo(Pingtan2014));
            Assert.That(report.Cells.Any(c => c.Value.State == CellState.Unreadable || c.Value.Reconstructed), Is.False);
            Assert.That(result.Findings.Where(f => f.Severity >= Severity.Warning || f.RuleId.EndsWith(".missing", StringComparison.Ordinal)).Select(f => $"{f.RuleId} {f.Message.En}"), Is.Empty);
        });
    }
    /// <summary>A report of the two-column table for a year, as a crawled page (one line, spaces between cells).</summary>
    private static AnnualReport YearReport(int year, params (string Label, string Unit, int Current, int Cumulative)[] rows) =>
        Read(Encoding.UTF8.GetBytes($"示例综合实验区管委会{year}年度政府信息公开工作年度报告\n六、政府信息公开情况统计表 指标名称 计量单位 {year}年度 历年累计 "
            + string.Join(" ", rows.Select(r => $"{r.Label} {r.Unit} {Number(r.Current)} {Number(r.Cumulative)}")) + "\n"), $"pingtan-like-{year}.txt");

    private static IReadOnlyList<CrossReport.CrossReportFinding> Cumulative(params AnnualReport[] reports) =>
        new CrossReport.CrossReportChecker(new CrossReport.CrossReportOptions { TextProvider = _ => null }).Check(reports)
            .Where(f => f.Finding.RuleId == "cross.cumulative").ToList();

    [Test]
    public void CrossCheck_TwoYearsReadFromText_CumulativeShortOfLastYearPlusThisYearWarns()
    {
        var y2014 = YearReport(2014, ("主动公开文件数", "条", 2543, 78967), ("其中：1、政府网站公开数", "条", 2543, 78967), ("2、政府公报公开数", "条", 0, 0));
        var y2015 = YearReport(2015, ("主动公开文件数", "条", 3000, 81000), ("其中：1、政府网站公开数", "条", 3000, 81000), ("2、政府公报公开数", "条", 0, 0));

        var findings = Cumulative(y2014, y2015);

        Assert.Multiple(() =>
        {
            Assert.That(y2015.Variant, Is.EqualTo("two-column"));
            Assert.That(findings.Where(f => f.Finding.Severity == Severity.Warning).Select(f => f.Finding.Instance),
                Is.EquivalentTo(new[] { "row=active.total", "row=active.channels.website" }));
            Assert.That(findings.Single(f => f.Finding.Instance == "row=active.total").Finding.Formula, Is.EqualTo("81000 ≠ 78967 + 3000 (= 81967)"));
        });
    }

    [Test]
    public void CrossCheck_TwoYearsReadFromText_CumulativeFollowsLastYear_NoFinding()
    {
        var y2014 = YearReport(2014, ("主动公开文件数", "条", 2543, 78967), ("其中：1、政府网站公开数", "条", 2543, 78967), ("2、政府公报公开数", "条", 0, 0));
        var y2015 = YearReport(2015, ("主动公开文件数", "条", 3000, 81967), ("其中：1、政府网站公开数", "条", 3000, 81967), ("2、政府公报公开数", "条", 0, 0));

        var findings = Cumulative(y2014, y2015);

        Assert.Multiple(() =>
        {
            Assert.That(y2014.Cells["active.total[cumulative]"].Raw, Is.EqualTo("78967"));
            Assert.That(y2015.Cells["active.total[cumulative]"].Raw, Is.EqualTo("81967"));
            Assert.That(findings, Is.Empty, string.Join("\n", findings.Select(f => f.Finding.Message.En)));
        });
    }
}
