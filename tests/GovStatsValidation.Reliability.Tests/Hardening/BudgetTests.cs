using System.Text;
using GovStatsValidation.Reliability.Tests.Catalogue;
using GovStatsValidation.Reliability.Tests.Support;

namespace GovStatsValidation.Reliability.Tests.Hardening;

/// <summary>
/// Issue 14, cases 6–10 and 27: the budgets of <see cref="ProcessingLimits"/> (nesting depth, grid cells after spans, rule
/// instances and expanded terms), each at its edge (the limit passes, one more is refused with the budget named) and at
/// the size of the reported attack (refused, no hang, no stack overflow, no out-of-memory).
/// </summary>
public class BudgetTests
{
    private const string ReportTitle = "示例县人民政府2021年政府信息公开工作年度报告";

    private static string Html(string body) => $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{body}</body></html>";

    private static string NestedDivs(int depth) =>
        string.Concat(Enumerable.Repeat("<div>", depth)) + $"<p>{ReportTitle}</p>" + string.Concat(Enumerable.Repeat("</div>", depth));

    // Case 6: 100k nested <div> took 63 s (200k: 379 s); nothing capped nesting below the 32 MB size limit.
    [Test]
    public void Check_HundredThousandNestedDivs_RefusedNamingTheBudget()
    {
        var outcome = CatalogueCase.Check("nested.html", Html(NestedDivs(100_000)));
        Assert.That(outcome, Does.StartWith("input error: nested.html: HTML elements nest more than 256 deep (line 1, <div>)").And.Contain("limit: nesting depth 256"));
    }

    [Test]
    public void Check_NestedDivsAtTheLimit_ReadOneMore_Refused()
    {
        var atLimit = CatalogueCase.Check("at-limit.html", Html(NestedDivs(ProcessingLimits.MaxMarkupNesting)));
        var over = CatalogueCase.Check("over.html", Html(NestedDivs(ProcessingLimits.MaxMarkupNesting + 1)));
        Assert.Multiple(() =>
        {
            Assert.That(atLimit, Does.StartWith("report: at-limit.html · 示例县人民政府 · 2021"));
            Assert.That(over, Does.StartWith("input error: over.html: HTML elements nest more than 256 deep"));
        });
    }

    [Test]
    public void Check_ManyUnclosedParagraphsAndCells_NotCountedAsNesting()
    {
        // Elements HTML closes by itself (p, li, td, tr) do not nest in the parsed tree and must not trip the budget.
        var body = $"<p>{ReportTitle}" + string.Concat(Enumerable.Repeat("<p>段落<li>项<br>", 5_000)) + "<table>" + string.Concat(Enumerable.Repeat("<tr><td>1<td>2", 500)) + "</table>";
        Assert.That(CatalogueCase.Check("sloppy.html", Html(body)), Does.StartWith("report: sloppy.html"));
    }

    // Case 10: colspan=100 rowspan=200 cells: a 76 KB page took 3.7 GB.
    [Test]
    public void Check_SpanBombHtml_RefusedNamingTheBudget()
    {
        var cells = string.Concat(Enumerable.Repeat("<td colspan=100 rowspan=200>1</td>", 2_000));
        var rows = string.Concat(Enumerable.Repeat("<tr>" + string.Concat(Enumerable.Repeat("<td colspan=100 rowspan=200>1</td>", 10)) + "</tr>", 200));
        var outcome = CatalogueCase.Check("spans.html", Html($"<p>{ReportTitle}</p><table><tr>{cells}</tr>{rows}</table>"));
        Assert.That(outcome, Does.StartWith("input error: spans.html: A HTML table row at line 1 spans").Or.StartWith("input error: spans.html: The HTML tables expand to more than 50,000 grid cells"));
    }

    [Test]
    public void Check_GridCellsAtTheLimit_ReadOneMore_Refused()
    {
        // 50 rows of 10 cells spanning 100 columns: exactly 50,000 grid cells; one more cell passes the budget.
        static string Table(int extra) =>
            "<table>" + string.Concat(Enumerable.Repeat("<tr>" + string.Concat(Enumerable.Repeat("<td colspan=100>0</td>", 10)) + "</tr>", 50)) +
            string.Concat(Enumerable.Repeat("<tr><td>0</td></tr>", extra)) + "</table>";
        var atLimit = CatalogueCase.Check("at-limit.html", Html($"<p>{ReportTitle}</p>" + Table(0)));
        var over = CatalogueCase.Check("over.html", Html($"<p>{ReportTitle}</p>" + Table(1)));
        Assert.Multiple(() =>
        {
            Assert.That(atLimit, Does.StartWith("report: at-limit.html"));
            Assert.That(over, Does.StartWith("input error: over.html: The HTML tables expand to more than 50,000 grid cells"));
        });
    }

    [Test]
    public void Check_RowTooWideHtml_RefusedNamingTheBudget()
    {
        var row = "<tr>" + string.Concat(Enumerable.Repeat("<td colspan=100>0</td>", 11)) + "</tr>";
        Assert.That(CatalogueCase.Check("wide.html", Html($"<p>{ReportTitle}</p><table>{row}</table>")),
            Does.StartWith("input error: wide.html: A HTML table row at line 1 spans 1,100 columns after merged cells").And.Contain("limit: 1,000 grid columns per row"));
    }

    // Case 8: a 2.5 KB .docx with >= 10,000 nested tables, content controls or hyperlinks overflowed the stack (exit 134).
    [TestCase("tables")]
    [TestCase("content controls")]
    [TestCase("hyperlinks")]
    public void Check_TenThousandNestedDocxElements_RefusedNoStackOverflow(string kind)
    {
        var body = kind switch
        {
            "tables" => Docx.NestedTables(10_000),
            "content controls" => Docx.NestedContentControls(10_000),
            _ => Docx.NestedHyperlinks(10_000),
        };
        var outcome = CatalogueCase.Check("nested.docx", Docx.Make(Docx.Title + body));
        Assert.That(outcome, Does.StartWith("input error: nested.docx: The .docx word/document.xml nests elements more than 256 deep").And.Contain("limit: nesting depth 256"));
    }

    [Test]
    public void Check_DocxNestingAtTheLimit_ReadOneMore_Refused()
    {
        // document(0)/body(1)/p(2)/hyperlink(3..2+n)/r(3+n)/t(4+n): the deepest element is at depth 4 + n.
        var atLimit = CatalogueCase.Check("at-limit.docx", Docx.Make(Docx.Title + Docx.NestedHyperlinks(ProcessingLimits.MaxMarkupNesting - 4)));
        var over = CatalogueCase.Check("over.docx", Docx.Make(Docx.Title + Docx.NestedHyperlinks(ProcessingLimits.MaxMarkupNesting - 3)));
        Assert.Multiple(() =>
        {
            Assert.That(atLimit, Does.StartWith("report: at-limit.docx · 示例县人民政府 · 2021"));
            Assert.That(over, Does.StartWith("input error: over.docx: The .docx word/document.xml nests elements more than 256 deep"));
        });
    }

    // Case 9: gridSpan of 10^8 on one cell (1.4 KB file): 18 GB, then out of memory.
    [Test]
    public void Check_DocxGridSpanHundredMillion_RefusedNamingTheBudget()
    {
        var outcome = CatalogueCase.Check("span.docx", Docx.Make(Docx.Title + Docx.GridSpan(100_000_000)));
        Assert.That(outcome, Does.StartWith("input error: span.docx: A Word table row at line 2 spans 100,000,000 columns after merged cells").And.Contain("limit: 1,000 grid columns per row"));
    }

    [Test]
    public void Check_DocxGridSpanAtTheLimit_ReadOneMore_Refused()
    {
        var atLimit = CatalogueCase.Check("at-limit.docx", Docx.Make(Docx.Title + Docx.GridSpan(ProcessingLimits.MaxGridColumns)));
        var over = CatalogueCase.Check("over.docx", Docx.Make(Docx.Title + Docx.GridSpan(ProcessingLimits.MaxGridColumns + 1)));
        Assert.Multiple(() =>
        {
            Assert.That(atLimit, Does.StartWith("report: at-limit.docx"));
            Assert.That(over, Does.StartWith("input error: over.docx: A Word table row at line 2 spans 1,001 columns"));
        });
    }

    // Case 27: altChunk content of a .docx was dropped without a note.
    [Test]
    public void Check_DocxWithAltChunk_NoteSaysTheImportedContentIsNotRead()
    {
        var bytes = Docx.Make(Docx.Title + "<w:altChunk r:id=\"rIdChunk\"/>",
            "<Relationship Id=\"rIdChunk\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk\" Target=\"chunk.html\"/>",
            ("word/chunk.html", Encoding.UTF8.GetBytes("<html><body><table><tr><td>收到申请数</td><td>7</td></tr></table></body></html>")));
        var outcome = CatalogueCase.Check("chunk.docx", bytes);
        Assert.That(outcome, Does.Contain("note: warning docx-altchunk-not-read: The .docx imports content from 1 other file(s) (w:altChunk"));
    }

    private const string RuleHead = "{\n  \"id\": \"user.checks\",\n  \"title\": { \"zh\": \"自定义\", \"en\": \"Custom\" },\n  \"schemas\": [\"2021\"],\n  \"rules\": [\n";

    private static string RuleFile(string expression, string forEach = "") =>
        RuleHead + "    {\n      \"id\": \"user.a\",\n      \"severity\": \"error\",\n      \"title\": { \"zh\": \"测试\", \"en\": \"Test\" },\n" +
        "      \"message\": { \"zh\": \"{formula}\", \"en\": \"{formula}\" },\n" +
        $"      \"expression\": {Newtonsoft.Json.JsonConvert.ToString(expression)}{forEach}\n    }}\n  ]\n}}\n";

    // Case 7: forEach over three variables of all cells (360 bytes): more than 240 s and 3 GB at load.
    [Test]
    public void Load_ForEachThreeVariablesOverAllCells_RefusedBeforeExpanding()
    {
        var file = RuleFile("$a >= 0 || $b >= 0 || $c >= 0", ",\n      \"forEach\": { \"a\": \"@cells:all\", \"b\": \"@cells:all\", \"c\": \"@cells:all\" }");
        var outcome = RuleCatalogueTests.Load(("user.rules.json", file));
        Assert.That(outcome, Does.Contain("[user.a] forEach expands to more than 2000 instances in schema 2021").And.Contain("limit: rule instances 2000"));
    }

    [Test]
    public void Load_ForEachAtTheInstanceLimit_LoadsOneMore_Refused()
    {
        static string Values(int n) => "[" + string.Join(", ", Enumerable.Range(1, n).Select(i => $"\"{i}\"")) + "]";
        var atLimit = RuleCatalogueTests.Load(("user.rules.json", RuleFile("review[total] + $a >= $b", $",\n      \"forEach\": {{ \"a\": {Values(40)}, \"b\": {Values(50)} }}")));
        var over = RuleCatalogueTests.Load(("user.rules.json", RuleFile("review[total] + $a >= $b", $",\n      \"forEach\": {{ \"a\": {Values(40)}, \"b\": {Values(51)} }}")));
        Assert.Multiple(() =>
        {
            Assert.That(atLimit, Does.StartWith("loaded;"));
            Assert.That(over, Does.Contain("forEach expands to more than 2000 instances in schema 2021 (40 values of 'a' × 51 values of 'b')"));
        });
    }

    // Case 7: 300 descendants calls: 127 s / 1.5 GB.
    [Test]
    public void Load_ThreeHundredDescendantsCalls_RefusedNamingTheBudget()
    {
        var expression = string.Join(" + ", Enumerable.Repeat("sum(descendants(applications))", 300)) + " >= 0";
        var outcome = RuleCatalogueTests.Load(("user.rules.json", RuleFile(expression)));
        Assert.That(outcome, Does.Contain("expression expands to more than 10000 cell terms").And.Contain("limit: expanded terms per rule instance 10000"));
    }

    [Test]
    public void Load_ExpandedTermsUnderTheLimit_Loads()
    {
        var expression = string.Join(" + ", Enumerable.Repeat("sum(descendants(applications))", 10)) + " >= 0";
        Assert.That(RuleCatalogueTests.Load(("user.rules.json", RuleFile(expression))), Does.StartWith("loaded;"));
    }
}
