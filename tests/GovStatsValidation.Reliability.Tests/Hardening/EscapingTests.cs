using System.Text.RegularExpressions;
using System.Xml.Linq;
using GovStatsValidation.Checking;
using GovStatsValidation.Cli;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Reliability.Tests.Support;
using GovStatsValidation.Reporting;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using Markdig;

namespace GovStatsValidation.Reliability.Tests.Hardening;

/// <summary>
/// Issue 14, cases 15, 16 and 17: one escaping function per format (Markdown, terminal text, XML), each tested on hostile
/// text, and the renderers that use them by construction tested on a run whose file names, agency and rule ids are hostile.
/// </summary>
public class EscapingTests
{
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private static readonly string[] Hostile =
    [
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "![x](http://evil.invalid/x.png)",
        "see http://evil.invalid and www.evil.invalid or a@evil.invalid",
        "<javascript:alert(1)>",
        "line\n# injected heading",
        "line\n- injected item",
        "# heading at the start",
        "- item at the start",
        "1. numbered at the start",
        "a | b | c",
        "`code` and ``more``",
        "*emphasis* _and_ ~~strike~~",
        "<script>alert(1)</script>",
        "a\\b&amp;c",
        "\u001b]0;owned\u0007 title and \u001b[2J clear",
    ];

    private static IEnumerable<string> HostileTexts() => Hostile;

    /// <summary>Markdown rendered to HTML by a CommonMark/GFM parser, as a table cell the way the renderer uses it.</summary>
    private static string ToHtml(string markdown) => Markdig.Markdown.ToHtml($"| a | b |\n|---|---|\n| x | {markdown} |\n", Gfm);

    private static void AssertNoMarkup(string html)
    {
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<img"));
            Assert.That(html, Does.Not.Contain("<a "));
            Assert.That(html, Does.Not.Contain("<script"));
            Assert.That(html, Does.Not.Match("<h[1-6]"));
            Assert.That(html, Does.Not.Contain("<li"));
            Assert.That(html, Does.Not.Contain("<em>").And.Not.Contain("<del>").And.Not.Contain("<strong>"));
            Assert.That(html.Contains('\u001b', StringComparison.Ordinal), Is.False, "no raw escape character");
        });
    }

    [TestCaseSource(nameof(HostileTexts))]
    public void Markdown_HostileText_ShownAsTextNotMarkup(string text)
    {
        var html = ToHtml(Escaping.Markdown(text));
        AssertNoMarkup(html);
        var cells = Regex.Matches(html, "<td>(.*?)</td>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.That(cells, Has.Count.EqualTo(2), "the text stays in its one cell");
        var shown = System.Net.WebUtility.HtmlDecode(cells[1].Replace("<br />", "\n", StringComparison.Ordinal).Replace("<br>", "\n", StringComparison.Ordinal));
        Assert.That(shown, Is.EqualTo(string.Join("\n", text.Split('\n').Select(Escaping.Terminal))), "the reader sees the text as it was (controls shown as \\xNN)");
    }

    [TestCaseSource(nameof(HostileTexts))]
    public void MarkdownCode_HostileText_LiteralInOneCodeSpan(string text)
    {
        var html = ToHtml(Escaping.MarkdownCode(text));
        AssertNoMarkup(html);
        Assert.That(Regex.Count(html, "<code>"), Is.EqualTo(1));
    }

    [Test]
    public void Terminal_EscapeSequencesAndControls_ShownNeverRaw()
    {
        var text = "title\u001b]0;owned\u0007 colour\u001b[31m erase\u001b[2K\r back\u0008 csi\u009b1m bidi\u202eevil nul\0 raw\uDCFF";
        var shown = Escaping.Terminal(text);
        Assert.Multiple(() =>
        {
            Assert.That(shown.Where(c => char.IsControl(c) || c is '\u202e' || char.IsSurrogate(c)), Is.Empty);
            Assert.That(shown, Is.EqualTo("title\\x1B]0;owned\\x07 colour\\x1B[31m erase\\x1B[2K\\x0D back\\x08 csi\\x9B1m bidi\\u202Eevil nul\\x00 raw\\xFF"));
            Assert.That(Escaping.Terminal("报告 2021 年"), Is.EqualTo("报告 2021 年"), "ordinary text unchanged");
        });
    }

    [Test]
    public void Xml_InvalidCharacters_EncodedVisiblyNotDropped()
    {
        var shown = Escaping.Xml("rule\u0001id\u0000 \uFFFE \uD800 ok 报告 \U0001F600");
        Assert.Multiple(() =>
        {
            Assert.That(shown, Is.EqualTo("rule\\x01id\\x00 \\uFFFE \\uD800 ok 报告 \U0001F600"));
            Assert.DoesNotThrow(() => XDocument.Parse($"<a b=\"{System.Security.SecurityElement.Escape(shown)}\">{System.Security.SecurityElement.Escape(shown)}</a>"));
        });
    }

    private static CheckRun HostileRun()
    {
        var report = new AnnualReport
        {
            Agency = new Agency("\u001b]0;owned\u0007示例县 <img src=x onerror=alert(1)>"),
            Year = 2021,
            Schema = SchemaVersion.Format2021,
            Source = "reports/`x` [click](javascript:alert(1))\n# heading.txt",
        };
        var finding = new Finding
        {
            RuleId = "user.rule\u0001`[x](javascript:alert(1))`",
            Severity = Severity.Error,
            Title = new LocalizedText("标题", "title"),
            Message = new LocalizedText("消息 \u001b[2J <script>alert(1)</script>", "message \u001b[2J <script>alert(1)</script>"),
            Formula = "a | b ` c \u0000",
            Quote = "\u001b[31mred\n- item",
        };
        return new CheckRun([new ReportCheckResult(report, [finding])],
            [new InputError("in/<img src=x onerror=alert(1)>\u001b[2K.txt", "bad \u0007 input\n# heading")]);
    }

    private static string Render(string format, bool color = false)
    {
        var writer = new StringWriter();
        CheckPipeline.Renderers.Get(format).Render(HostileRun(), writer, new RenderOptions { Language = "en", Color = color });
        return writer.ToString();
    }

    [Test]
    public void MarkdownRenderer_HostileNamesAndIds_NoMarkupInjected()
    {
        var html = Markdig.Markdown.ToHtml(Render("md"), Gfm);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<img"));
            Assert.That(html, Does.Not.Contain("href=\"javascript"));
            Assert.That(html, Does.Not.Contain("<script"));
            Assert.That(Regex.Count(html, "<h1"), Is.Zero, "no injected heading");
            Assert.That(Regex.Count(html, "<li>"), Is.EqualTo(1), "the input error is the only list item");
            Assert.That(html.Contains('\u001b', StringComparison.Ordinal), Is.False, "no raw escape character");
        });
    }

    [Test]
    public void TextRenderer_HostileText_OnlyTheRenderersOwnColourCodes()
    {
        var text = Render("text", color: true);
        var withoutColours = Regex.Replace(text, "\u001b\\[[0-9]+m", "");
        Assert.Multiple(() =>
        {
            Assert.That(withoutColours.Where(c => char.IsControl(c) && c != '\n'), Is.Empty, "no control character but the renderer's colours and line breaks");
            Assert.That(text, Does.Contain("\\x1B]0;owned\\x07"), "the title sequence is shown");
            Assert.That(text, Does.Contain("\\x1B[2J"));
        });
    }

    [Test]
    public void JUnitRenderer_ControlCharacterInRuleId_ValidXmlWithTheCharacterShown()
    {
        var xml = Render("junit");
        var doc = XDocument.Parse(xml);
        Assert.Multiple(() =>
        {
            Assert.That(doc.Descendants("testcase").Select(t => (string?)t.Attribute("name")), Has.Some.Contains("user.rule\\x01"));
            Assert.That(xml, Does.Contain("bad \\x07 input"));
        });
    }

    [Test]
    public void RulesLint_EscapeSequenceInRuleId_ProblemListedAndShownEscaped()
    {
        using var dir = new TempDir();
        dir.Write("user.rules.json", """
            {
              "id": "user",
              "title": { "zh": "用户规则", "en": "user rules" },
              "rules": [
                {
                  "id": "user.a\u001b]0;owned\u0007",
                  "severity": "error",
                  "title": { "zh": "标题", "en": "title" },
                  "message": { "zh": "消息", "en": "message" },
                  "expression": "review[total] >= 0"
                }
              ]
            }
            """);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(["rules", "lint", dir.Path], stdout, stderr);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(stdout.ToString(), Does.Contain("a rule id may not hold control characters"));
            Assert.That((stdout.ToString() + stderr).Where(c => char.IsControl(c) && c is not '\n' and not '\r'), Is.Empty);
        });
    }
}
