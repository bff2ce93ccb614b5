using GovStatsValidation.TestUtils;
using NUnit.Framework;

namespace GovStatsValidation.Reporting.Tests;

/// <summary>
/// Cells split from digits that ran together carry <c>Reconstructed</c>; every readable output shows it where a finding
/// lists a cell's value (issue 11): a mark after the value and the mark's legend, in the output's language.
/// </summary>
public sealed class ReconstructedCellTests
{
    private static string Render(IRunRenderer renderer, string language) =>
        renderer.RenderToString(ExampleRuns.WithReconstructed(), new RenderOptions { Language = language });

    [Test]
    public void WithReconstructed_ReviewRowFails_FindingListsReconstructedCells()
    {
        // The premise of the other tests: the checker's finding names the glued cells, marked.
        var findings = ExampleRuns.WithReconstructed().Results.Single().Findings;

        Assert.That(findings.Where(f => f.Cells.Any(c => c.Reconstructed)).Select(f => f.RuleId), Is.Not.Empty);
    }

    [Test]
    public void TextRender_ReconstructedCellsInChinese_MatchesSnapshot() => Snapshot.Match(Render(new TextRenderer(), "zh"));

    [Test]
    public void TextRender_ReconstructedCellsInEnglish_MatchesSnapshot() => Snapshot.Match(Render(new TextRenderer(), "en"));

    [Test]
    public void MarkdownRender_ReconstructedCellsInChinese_MatchesSnapshot() => Snapshot.Match(Render(new MarkdownRenderer(), "zh"));

    [Test]
    public void MarkdownRender_ReconstructedCellsInEnglish_MatchesSnapshot() => Snapshot.Match(Render(new MarkdownRenderer(), "en"));

    [Test]
    public void TextRender_ReconstructedCell_ValueMarkedAndLegendShown()
    {
        var text = Render(new TextRenderer(), "en");

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("review[total]=3*@42"));
            Assert.That(text, Does.Contain("Values marked * were split from digits that ran together"));
        });
    }

    [Test]
    public void MarkdownRender_ReconstructedCell_ListedInTheMessageWithLegend()
    {
        var md = Render(new MarkdownRenderer(), "zh");

        Assert.Multiple(() =>
        {
            Assert.That(md, Does.Contain("<br>由连在一起的数字拆出的单元格："));
            Assert.That(md, Does.Contain("=3\\*"), "the mark, escaped for markdown");
            Assert.That(md, Does.Contain("带 \\* 的值是从原文中连在一起的数字拆分出来的"));
        });
    }

    [Test]
    public void HtmlRender_ReconstructedCell_MarkedInTheTableAndInTheFinding()
    {
        var html = Render(new HtmlRenderer(), "en");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Match("class=\"cell cell-number[^\"]* cell-reconstructed\" data-cell=\"review\\[total\\]\""));
            Assert.That(html, Does.Contain("3<span class=\"reconstructed-mark\">*</span>"));
            Assert.That(html, Does.Contain("<p class=\"reconstructed\" title=\"Values marked * were split"));
            Assert.That(html, Does.Contain("cells split from digits that ran together: review[upheld]=1*, review[corrected]=0*"));
            Assert.That(html, Does.Contain("<p class=\"reconstructed-legend\">"));
        });
    }

    [Test]
    public void Render_NoReconstructedCell_NoMarkNoLegend()
    {
        var run = ExampleRuns.Examples;
        var options = new RenderOptions { Language = "en" };

        Assert.Multiple(() =>
        {
            Assert.That(new TextRenderer().RenderToString(run, options), Does.Not.Contain("split from digits"));
            Assert.That(new MarkdownRenderer().RenderToString(run, options), Does.Not.Contain("split from digits"));
            Assert.That(new HtmlRenderer().RenderToString(run, options), Does.Not.Contain("reconstructed-legend\">"));
        });
    }
}
