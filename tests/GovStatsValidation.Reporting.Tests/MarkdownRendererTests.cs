using GovStatsValidation.TestUtils;
using NUnit.Framework;

namespace GovStatsValidation.Reporting.Tests;

public sealed class MarkdownRendererTests
{
    [Test]
    public void Render_ExamplesInChinese_MatchesSnapshot() =>
        Snapshot.Match(new MarkdownRenderer().RenderToString(ExampleRuns.Examples, new RenderOptions { Language = "zh" }));

    [Test]
    public void Render_ExamplesInEnglish_MatchesSnapshot() =>
        Snapshot.Match(new MarkdownRenderer().RenderToString(ExampleRuns.Examples, new RenderOptions { Language = "en" }));

    [Test]
    public void Render_Examples_EveryTableRowHasTheHeaderColumnCount()
    {
        var markdown = new MarkdownRenderer().RenderToString(ExampleRuns.Examples, new RenderOptions { Language = "en" });
        var tables = markdown.Split("\n\n").Where(block => block.StartsWith('|')).ToList();

        Assert.That(tables, Is.Not.Empty);
        foreach (var table in tables)
        {
            var rows = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var columns = Cells(rows[0]);
            Assert.That(rows.Select(Cells), Has.All.EqualTo(columns), table);
        }
    }

    [TestCase("a|b", "a\\|b")]
    [TestCase("<b>", "&lt;b&gt;")]
    [TestCase("x_y*z", "x\\_y\\*z")]
    [TestCase("line1\nline2", "line1<br>line2")]
    public void Cell_MarkupCharacters_AreEscaped(string text, string expected) =>
        Assert.That(MarkdownRenderer.Cell(text), Is.EqualTo(expected));

    /// <summary>Counts the cells of a table row: pipes not preceded by a backslash, minus the outer two.</summary>
    private static int Cells(string row)
    {
        var pipes = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == '|' && (i == 0 || row[i - 1] != '\\'))
            {
                pipes++;
            }
        }

        return pipes - 1;
    }
}
