using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using GovStatsValidation.Rules;
using NUnit.Framework;

namespace GovStatsValidation.Reporting.Tests;

public sealed class HtmlRendererTests
{
    private static IDocument Render(CheckRun run, string language = "zh") =>
        new HtmlParser().ParseDocument(new HtmlRenderer().RenderToString(run, new RenderOptions { Language = language }));

    [Test]
    public void Render_Examples_LoadsNothingFromOutside()
    {
        var document = Render(ExampleRuns.Examples);

        Assert.Multiple(() =>
        {
            Assert.That(document.QuerySelectorAll("script[src], link, img, iframe, object, embed"), Is.Empty);
            Assert.That(document.QuerySelectorAll("style").Select(s => s.TextContent), Has.None.Contains("url(").And.None.Contains("@import"));
            Assert.That(document.QuerySelectorAll("[style]").Select(e => e.GetAttribute("style")), Has.None.Contains("url("));
        });
    }

    [Test]
    public void Render_Examples_SummaryCardsShowTheRunCounts()
    {
        var run = ExampleRuns.Examples;
        var document = Render(run);

        int Card(string css) => int.Parse(document.QuerySelector($".card.{css} .card-value")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(Card("reports"), Is.EqualTo(run.Results.Count));
            Assert.That(Card("sev-error"), Is.EqualTo(run.Count(Severity.Error)));
            Assert.That(Card("sev-warning"), Is.EqualTo(run.Count(Severity.Warning)));
            Assert.That(Card("sev-info"), Is.EqualTo(run.Count(Severity.Info)));
            Assert.That(Card("input"), Is.EqualTo(run.InputErrors.Count));
            Assert.That(document.QuerySelectorAll("svg.severity-chart rect"), Has.Length.EqualTo(3));
            Assert.That(document.QuerySelectorAll("figure.bars")[0].QuerySelectorAll(".bar-row"), Has.Length.EqualTo(run.Results.SelectMany(r => r.Findings).Select(f => f.RuleId).Distinct().Count()));
        });
    }

    [Test]
    public void Render_Examples_EveryCellAFindingNamesIsHighlightedAndLinked()
    {
        var run = ExampleRuns.Examples;
        var document = Render(run);
        var sections = document.QuerySelectorAll("section.report");

        Assert.That(sections, Has.Length.EqualTo(run.Results.Count));
        for (var i = 0; i < run.Results.Count; i++)
        {
            var result = run.Results[i];
            var section = sections[i];
            var printed = section.QuerySelectorAll("td[data-cell]").Select(td => td.GetAttribute("data-cell")!).ToHashSet();
            var named = result.Findings.SelectMany(f => f.Cells.Select(c => c.Id.Value)).Where(printed.Contains).ToHashSet();
            var flagged = section.QuerySelectorAll("td.cell-flagged").Select(td => td.GetAttribute("data-cell")!).ToHashSet();
            Assert.That(flagged, Is.EquivalentTo(named), result.Report.Source);
            Assert.That(section.QuerySelectorAll("li.finding"), Has.Length.EqualTo(result.Findings.Count));
            foreach (var td in section.QuerySelectorAll("td.cell-flagged"))
            {
                foreach (var id in td.GetAttribute("data-findings")!.Split(' '))
                {
                    Assert.That(document.GetElementById(id)?.ClassList, Does.Contain("finding"), $"{td.GetAttribute("data-cell")} links to {id}");
                }
            }
        }
    }

    [Test]
    public void Render_Examples_TablesFollowTheSchemaRowsAndColumns()
    {
        var run = ExampleRuns.Examples;
        var document = Render(run);
        var result = run.Results.First(r => r.Report.Schema == Schemas.SchemaVersion.Format2021);
        var schema = result.Report.SchemaDefinition;
        var section = document.QuerySelectorAll("section.report")[run.Results.ToList().IndexOf(result)];
        var table = section.QuerySelector("table.stats[data-table=applications]")!;
        var definition = schema.Tables.Single(t => t.Id == "applications");

        Assert.Multiple(() =>
        {
            Assert.That(table.QuerySelectorAll("tbody tr"), Has.Length.EqualTo(definition.AllRows.Count()));
            Assert.That(table.QuerySelectorAll("thead th").Skip(1).Select(th => th.TextContent), Is.EqualTo(definition.Columns.Select(c => c.Label)));
            var cell = table.QuerySelector("td[data-cell='requests.new[total]']")!;
            Assert.That(cell.TextContent, Is.EqualTo(result.Report.Cells[new Schemas.CellId("requests.new[total]")].Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public void Render_QuotedFinding_ShowsQuoteFormulaAndSuspectCell()
    {
        var document = Render(ExampleRuns.WithQuote(), "en");
        var finding = document.QuerySelector("li.finding")!;

        Assert.Multiple(() =>
        {
            Assert.That(finding.QuerySelector("blockquote.quote")?.TextContent, Is.EqualTo("全年共收到政府信息公开申请15件。"));
            Assert.That(finding.QuerySelector(".formula code")?.TextContent, Is.EqualTo("15 = 12"));
            Assert.That(document.QuerySelector("td.cell-suspect")?.GetAttribute("data-cell"), Is.EqualTo("requests.new[total]"));
            Assert.That(document.QuerySelector("section.report h2")?.TextContent, Does.StartWith("示例区人民政府 <b>&"), "text is escaped, not markup");
            Assert.That(document.QuerySelectorAll("section.report h2 b"), Is.Empty);
        });
    }

    [Test]
    public void Render_SameRunTwice_IsIdentical() =>
        Assert.That(new HtmlRenderer().RenderToString(ExampleRuns.Examples), Is.EqualTo(new HtmlRenderer().RenderToString(ExampleRuns.Examples)));
}
