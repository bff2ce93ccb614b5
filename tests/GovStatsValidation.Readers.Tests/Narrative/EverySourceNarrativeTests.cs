using System.Text;
using GovStatsValidation.Checking;
using GovStatsValidation.Model;
using GovStatsValidation.Readers.Narrative;
using GovStatsValidation.Rules;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Narrative;

/// <summary>HTML, Word and PDF reports feed the narrative and structure checks exactly as text files do.</summary>
public sealed class EverySourceNarrativeTests
{
    private static readonly ReportChecker Checker = new(null, [new NarrativeFindingSource(), new StructureFindingSource()]);

    private static AnnualReport Read(string path) => new PublishedReportReader { Enrichers = { new NarrativeReader().Enrich } }.Read(path);

    private static string Claim(NarrativeClaim c) => $"{c.Kind} {c.Concept} {c.Cell?.Value} {c.Value}";

    private static IEnumerable<string> Claims(AnnualReport r) => r.Claims.Select(Claim);

    [TestCase("pingtan/pingtan_zone_2014")]
    [TestCase("pingtan/pingtan_zone_2023")]
    public void Read_WebPageWholeContentOnOneLine_SameClaimsAsItsText(string stem)
    {
        var html = Read(TestPaths.Shared($"corpus/{stem}.html"));
        var text = Read(TestPaths.Shared($"corpus/{stem}.txt"));
        Assert.Multiple(() =>
        {
            Assert.That(html.Claims, Is.Not.Empty);
            Assert.That(Claims(html), Is.EquivalentTo(Claims(text)));
            Assert.That(html.Claims.All(c => !string.IsNullOrEmpty(c.Sentence) && c.Location.Line > 0), Is.True);
        });
    }

    [Test]
    public void Check_Pingtan2023Html_NarrativeInForceFigureAgainstTheTable()
    {
        var report = Read(TestPaths.Shared("corpus/pingtan/pingtan_zone_2023.html"));
        var findings = Checker.Check(report).Findings;
        Assert.Multiple(() =>
        {
            Assert.That(report.Sections.Select(s => s.Numeral), Is.EqualTo(new[] { "一", "二", "三", "四", "五", "六" }));
            Assert.That(findings.Where(f => f.RuleId == "narrative.figure.table").Select(f => $"{f.Severity} {f.Actual} {f.Expected} {f.Cells[0].Id}"),
                Is.EqualTo(new[] { "Warning 393 470 art20_1.normative_docs[in_force]" }));
            Assert.That(findings.Where(f => f.RuleId.StartsWith("structure.", StringComparison.Ordinal) && f.Severity >= Severity.Warning), Is.Empty);
        });
    }

    [Test]
    public void Read_RealPdf_SameClaimsAsItsLayoutText()
    {
        var pdf = Read(TestPaths.Shared("corpus/pdf/huaian_2024.pdf"));
        var layout = Read(TestPaths.Shared("corpus/pdf/huaian_2024.layout.txt"));
        Assert.That(pdf.Claims, Has.Count.GreaterThan(10));
        Assert.That(Claims(pdf), Is.EquivalentTo(Claims(layout)));
    }

    [Test]
    public void Read_HtmlFixture_SectionsFoundAndNoStructureFinding()
    {
        var report = Read(Path.Combine(TestPaths.RepoRoot, "tests", "data", "fixtures", "2021-county-government-2022.html"));
        var findings = Checker.Check(report).Findings;
        Assert.Multiple(() =>
        {
            Assert.That(report.Sections.Select(s => s.Line), Is.EqualTo(new[] { 19, 21, 82, 356, 401, 403 }));
            Assert.That(findings.Where(f => f.RuleId.StartsWith("structure.", StringComparison.Ordinal)), Is.Empty);
        });
    }

    [Test]
    public void Read_WordFixture_NarrativeFigureRead()
    {
        var report = Read(Path.Combine(TestPaths.RepoRoot, "tests", "data", "fixtures", "2021-transport-bureau-2023.docx"));
        Assert.That(report.Claims.Select(c => $"{Claim(c)} line {c.Location.Line}"), Is.EqualTo(new[] { "Figure requests.received requests.new[total] 26 line 5", "Statement fees.total  0 line 78" }));
    }

    [Test]
    public void Read_HtmlOnOneSourceLine_ClaimsTakeTheirSectionFromTheHeadingBeforeThem()
    {
        // A saved page whose body is one line: headings, prose and table share source line 1.
        var html = "<html><head><title>某县人民政府2022年政府信息公开工作年度报告</title></head><body>"
            + "<h1>某县人民政府2022年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本年度共计培训2次。</p>"
            + "<p>二、主动公开政府信息情况</p><p>全年主动公开政府信息1200条。</p>"
            + "<p>三、收到和处理政府信息公开申请情况</p><p>全年共收到政府信息公开申请26件。</p>"
            + "<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p><p>无。</p></body></html>";
        var path = Path.Combine(Path.GetTempPath(), $"one-line-{Guid.NewGuid():N}.html");
        File.WriteAllText(path, html, Encoding.UTF8);
        try
        {
            var report = Read(path);
            Assert.Multiple(() =>
            {
                Assert.That(report.Sections, Has.Count.EqualTo(6));
                Assert.That(report.Sections.All(s => s.Line == 1), Is.True);
                Assert.That(report.Claims.Where(c => c.Cell is not null).Select(c => $"{c.Cell} {c.Value}"), Is.EquivalentTo(new[] { "requests.new[total] 26" }));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }
}
