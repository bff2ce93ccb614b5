using GovStatsValidation.TestUtils;
using NUnit.Framework;

namespace GovStatsValidation.Reporting.Tests;

public sealed class TextRendererTests
{
    [Test]
    public void Render_ExamplesInChinese_MatchesSnapshot() =>
        Snapshot.Match(new TextRenderer().RenderToString(ExampleRuns.Examples, new RenderOptions { Language = "zh" }));

    [Test]
    public void Render_ExamplesInEnglish_MatchesSnapshot() =>
        Snapshot.Match(new TextRenderer().RenderToString(ExampleRuns.Examples, new RenderOptions { Language = "en" }));

    [Test]
    public void Render_WithoutColor_HasNoEscapeSequences()
    {
        var text = new TextRenderer().RenderToString(ExampleRuns.Examples, new RenderOptions { Color = false });

        Assert.That(text.Contains('\u001b', StringComparison.Ordinal), Is.False);
    }

    [Test]
    public void Render_WithColor_PaintsSeverityWordsAndResets()
    {
        var text = new TextRenderer().RenderToString(ExampleRuns.Examples, new RenderOptions { Language = "en", Color = true });

        Assert.Multiple(() =>
        {
            Assert.That(text.Contains("\u001b[31merror\u001b[0m", StringComparison.Ordinal), Is.True, "red error");
            Assert.That(text.Contains("\u001b[33mwarning\u001b[0m", StringComparison.Ordinal), Is.True, "yellow warning");
            Assert.That(Count(text, "\u001b["), Is.EqualTo(2 * Count(text, "\u001b[0m")), "every colour is reset");
        });
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;

    [Test]
    public void Render_QuotedFinding_ShowsQuoteAndSuspectCorrection()
    {
        var text = new TextRenderer().RenderToString(ExampleRuns.WithQuote(), new RenderOptions { Language = "en" });

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("quote: “全年共收到政府信息公开申请15件。”"));
            Assert.That(text, Does.Contain("likely wrong: requests.new[total] (→ 15)"));
        });
    }
}
