using System.Xml.Linq;
using AngleSharp.Html.Parser;
using GovStatsValidation.Rules;
using GovStatsValidation.TestUtils;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Schema;
using NUnit.Framework;

namespace GovStatsValidation.Reporting.Tests;

/// <summary>Cross-report findings in every format: grouped by jurisdiction, counted in the summaries, every report involved named.</summary>
public sealed class CrossReportRenderingTests
{
    private static CheckRun Run => ExampleRuns.Cross;

    private static readonly string City = ExampleRuns.CrossSource("shiyi-government-2023");
    private static readonly string Dept2022 = ExampleRuns.CrossSource("shiyi-transport-2022-broken-carry-over");
    private static readonly string Dept2023 = ExampleRuns.CrossSource("shiyi-transport-2023");

    [Test]
    public void TextRender_CrossRunInChinese_MatchesSnapshot() =>
        Snapshot.Match(new TextRenderer().RenderToString(Run, new RenderOptions { Language = "zh" }));

    [Test]
    public void TextRender_CrossRunInEnglish_MatchesSnapshot() =>
        Snapshot.Match(new TextRenderer().RenderToString(Run, new RenderOptions { Language = "en" }));

    [Test]
    public void MarkdownRender_CrossRunInChinese_MatchesSnapshot() =>
        Snapshot.Match(new MarkdownRenderer().RenderToString(Run, new RenderOptions { Language = "zh" }));

    [Test]
    public void MarkdownRender_CrossRunInEnglish_MatchesSnapshot() =>
        Snapshot.Match(new MarkdownRenderer().RenderToString(Run, new RenderOptions { Language = "en" }));

    [Test]
    public void Count_CrossRun_IncludesCrossFindings()
    {
        var perReport = Run.Results.Sum(r => r.Count(Severity.Warning));

        Assert.Multiple(() =>
        {
            Assert.That(Run.CrossCount(Severity.Warning), Is.EqualTo(2));
            Assert.That(Run.Count(Severity.Warning), Is.EqualTo(perReport + 2));
            Assert.That(Run.Count(Severity.Info), Is.EqualTo(Run.Results.Sum(r => r.Count(Severity.Info)) + 2));
        });
    }

    [Test]
    public void TextRender_CrossRun_SectionPerJurisdictionAfterTheReportsNamingEveryReportInvolved()
    {
        var text = new TextRenderer().RenderToString(Run, new RenderOptions { Language = "en" });
        var section = text.IndexOf("Cross-report checks · 示例市", StringComparison.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(section, Is.GreaterThan(text.IndexOf(Dept2023 + "\n  示例市交通运输局 · 2023", StringComparison.Ordinal)).And.GreaterThan(0), "after the per-report sections");
            Assert.That(text, Does.Contain($"reports involved: {Dept2023}, {Dept2022}"));
            Assert.That(text, Does.Contain("  warning cross.carry-over: 总计 column: carried over this year is 13, the 示例市交通运输局 2022 report carried forward 11 (13 = 11)\n      formula: 13 = 11"));
            Assert.That(text, Does.Contain("  2  cross.carry-over  (0/2/0)"), "counted by rule");
            Assert.That(text, Does.Contain($"{Run.Count(Severity.Error)} error(s), {Run.Count(Severity.Warning)} warning(s), {Run.Count(Severity.Info)} info (4 cross-report)"));
        });
    }

    [Test]
    public void JsonRender_CrossRun_ValidAndSummaryCountsCrossFindings()
    {
        var json = JObject.Parse(new JsonRenderer().RenderToString(Run));
        var schema = JSchema.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Schemas", "govstats-run.schema.json")));

        Assert.Multiple(() =>
        {
            Assert.That(json.IsValid(schema, out IList<string> errors), Is.True, string.Join("\n", errors));
            Assert.That((int)json["summary"]!["warning"]!, Is.EqualTo(Run.Count(Severity.Warning)));
            Assert.That((int)json["summary"]!["crossReport"]!["warning"]!, Is.EqualTo(2));
            Assert.That(json["crossReport"]!.Select(j => (string?)j["jurisdiction"]), Is.EqualTo(new[] { "示例市" }));
        });
    }

    [Test]
    public void JUnitRender_CrossRun_SuitePerJurisdictionCasePerSubjectAndRule()
    {
        var xml = XDocument.Parse(new JUnitRenderer().RenderToString(Run, new RenderOptions { Language = "en" }));
        var suite = xml.Root!.Elements("testsuite").Single(s => (string?)s.Attribute("name") == "cross-report: 示例市");
        var cases = suite.Elements("testcase").Select(c => ((string?)c.Attribute("classname"), (string?)c.Attribute("name"), c.Element("failure") is not null)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(JUnitStructure.Problems(xml), Is.Empty);
            Assert.That(cases, Is.EqualTo(new[]
            {
                ("示例市交通运输局 2022", "cross.counterpart.missing", false),
                ("示例市交通运输局 2023", "cross.carry-over", true),
                ("示例市人民政府 2023", "cross.children-sum", false),
            }));
            var failure = suite.Elements("testcase").Single(c => (string?)c.Attribute("name") == "cross.carry-over").Element("failure")!;
            Assert.That(failure.Attribute("type")?.Value, Is.EqualTo("warning"));
            Assert.That(failure.Value, Does.Contain("[col=natural_person]").And.Contain("[col=total]").And.Contain($"reports: {Dept2023}, {Dept2022}"));
        });
    }

    [Test]
    public void SarifRender_CrossRun_ValidAndRelatedLocationsListEveryReportInvolved()
    {
        var sarif = JObject.Parse(new SarifRenderer().RenderToString(Run));
        var schema = JSchema.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Schemas", "sarif-2.1.0-subset.schema.json")));
        var run = sarif["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.Select(r => (string?)r["id"]).ToList();
        var cross = run["results"]!.Where(r => ((string?)r["ruleId"])!.StartsWith("cross.", StringComparison.Ordinal)).ToList();

        Assert.That(sarif.IsValid(schema, out IList<string> errors), Is.True, string.Join("\n", errors));
        Assert.That(cross, Has.Count.EqualTo(Run.CrossReport!.Count));
        for (var i = 0; i < cross.Count; i++)
        {
            var entry = Run.CrossReport![i];
            var result = cross[i];
            Assert.Multiple(() =>
            {
                Assert.That(rules[(int)result["ruleIndex"]!], Is.EqualTo(entry.Finding.RuleId));
                Assert.That((string?)result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"], Is.EqualTo(entry.Subject));
                Assert.That(result["relatedLocations"]!.Select(l => (string?)l["physicalLocation"]!["artifactLocation"]!["uri"]), Is.EqualTo(entry.Sources));
                Assert.That(result["relatedLocations"]!.Select(l => (int)l["id"]!), Is.Unique);
            });
        }
    }

    [Test]
    public void HtmlRender_CrossRun_JurisdictionViewPutsTheReportsSideBySide()
    {
        var document = new HtmlParser().ParseDocument(new HtmlRenderer().RenderToString(Run));
        var view = document.QuerySelector("section.jurisdiction[data-jurisdiction=示例市] table.jurisdiction-view")!;
        var columns = view.QuerySelectorAll("thead th.report-col").Select(th => th.GetAttribute("data-source")).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(columns, Is.EqualTo(new[] { Dept2022, City, Dept2023 }), "by year, the jurisdiction-wide report first");
            Assert.That(view.QuerySelector($"thead th.report-col.jurisdiction-wide")?.GetAttribute("data-source"), Is.EqualTo(City));
            Assert.That(view.QuerySelectorAll("tbody tr.concept").Select(tr => tr.GetAttribute("data-row")),
                Is.EqualTo(Run.Concepts.Select(c => c.Id)));
            Assert.That(document.QuerySelectorAll("script[src], link, img, iframe, object, embed"), Is.Empty);
        });
    }

    [Test]
    public void HtmlRender_CrossRun_ConceptRowsShowTheSumOfTheirCells()
    {
        var document = new HtmlParser().ParseDocument(new HtmlRenderer().RenderToString(Run));
        var row = document.QuerySelector("table.jurisdiction-view tr[data-row='lawsuits.total']")!;

        foreach (var result in Run.Results)
        {
            var r = result.Report;
            var expected = r.Cells[new Schemas.CellId("litigation.direct[total]")].Number + r.Cells[new Schemas.CellId("litigation.after_review[total]")].Number;
            var td = row.QuerySelectorAll("td").Single(t => t.GetAttribute("data-source") == r.Source);
            Assert.That(td.TextContent, Is.EqualTo(expected!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), r.Source);
        }
    }

    [Test]
    public void HtmlRender_CrossRun_HighlightsExactlyTheFiguresTheFindingsName()
    {
        var document = new HtmlParser().ParseDocument(new HtmlRenderer().RenderToString(Run));
        var section = document.QuerySelector("section.jurisdiction")!;
        var flagged = section.QuerySelectorAll("td.cell-flagged")
            .Select(td => (td.ParentElement!.GetAttribute("data-row"), td.GetAttribute("data-source")))
            .ToHashSet();

        Assert.Multiple(() =>
        {
            // carry-over: this year's carried over (2023) against last year's carried forward (2022), per column;
            // the city's received against the sum of its departments (the department's received).
            Assert.That(flagged, Is.EquivalentTo(new[]
            {
                ("applications.carried_over", Dept2023),
                ("applications.carried_forward", Dept2022),
                ("requests.carried_over[natural_person]", Dept2023),
                ("requests.carry_forward[natural_person]", Dept2022),
                ("applications.received", City),
                ("applications.received", Dept2023),
            }));
            Assert.That(section.QuerySelectorAll("ol.cross-findings li.finding"), Has.Length.EqualTo(Run.CrossReport!.Count));
            foreach (var td in section.QuerySelectorAll("td.cell-flagged"))
            {
                foreach (var id in td.GetAttribute("data-findings")!.Split(' '))
                {
                    Assert.That(section.QuerySelector($"li#{id}.finding"), Is.Not.Null, id);
                }
            }

            var warning = section.QuerySelector("tr[data-row='applications.carried_over'] td.cell-flagged")!;
            Assert.That(warning.ClassList, Does.Contain("sev-warning"));
        });
    }

    [Test]
    public void HtmlRender_CrossRun_SummaryCountsCrossFindingsAndLinksTheJurisdiction()
    {
        var document = new HtmlParser().ParseDocument(new HtmlRenderer().RenderToString(Run));

        int Card(string css) => int.Parse(document.QuerySelector($".card.{css} .card-value")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(Card("sev-warning"), Is.EqualTo(Run.Count(Severity.Warning)));
            Assert.That(Card("sev-info"), Is.EqualTo(Run.Count(Severity.Info)));
            Assert.That(document.QuerySelector("table.toc-jurisdictions a")?.GetAttribute("href"), Is.EqualTo("#jurisdiction-1"));
        });
    }

    [Test]
    public void BaselineApply_BaselineOfTheSameRun_AcceptsTheCrossFindingsToo()
    {
        var baseline = Reporting.Baselines.Baseline.FromRun(Run, "known", "tester", new DateOnly(2030, 1, 1));
        var applied = baseline.Apply(Run, new DateOnly(2025, 6, 1));

        Assert.Multiple(() =>
        {
            Assert.That(applied.CrossReport, Is.Empty);
            Assert.That(applied.Baseline!.Accepted, Is.EqualTo(Run.Results.Sum(r => r.Findings.Count) + Run.CrossReport!.Count));
            Assert.That(applied.Count(Severity.Warning), Is.Zero);
        });
    }

    [Test]
    public void BaselineApply_CrossFindingWithOtherFigures_IsKeptAsChanged()
    {
        var baseline = Reporting.Baselines.Baseline.FromRun(Run, "known", "tester", new DateOnly(2030, 1, 1));
        var changed = Run.CrossReport!.Select(c => c.Finding.RuleId == "cross.carry-over" && c.Finding.Instance == "col=total"
            ? c with { Finding = c.Finding with { Actual = 14 } }
            : c).ToList();
        var applied = baseline.Apply(Run with { CrossReport = changed }, new DateOnly(2025, 6, 1));
        var text = new TextRenderer().RenderToString(applied, new RenderOptions { Language = "en" });

        Assert.Multiple(() =>
        {
            Assert.That(applied.CrossReport!.Select(c => c.Finding.Instance), Is.EqualTo(new[] { "col=total" }));
            Assert.That(text, Does.Contain("warning cross.carry-over [accepted, figures changed]: 总计 column"));
        });
    }

    [Test]
    public void HtmlRender_SameRunTwice_SameBytes() =>
        Assert.That(new HtmlRenderer().RenderToString(Run), Is.EqualTo(new HtmlRenderer().RenderToString(ExampleRuns.Cross)));

    [Test]
    public void HtmlRender_WithoutConceptsOrMembers_ViewShowsTheNamedCellsOfTheInvolvedReports()
    {
        var run = Run with { Concepts = [], Jurisdictions = null };
        var document = new HtmlParser().ParseDocument(new HtmlRenderer().RenderToString(run));
        var view = document.QuerySelector("table.jurisdiction-view")!;

        Assert.Multiple(() =>
        {
            Assert.That(view.QuerySelectorAll("tbody tr.concept"), Is.Empty);
            Assert.That(view.QuerySelectorAll("tbody tr.named-cell").Select(tr => tr.GetAttribute("data-row")), Is.EqualTo(new[]
            {
                "requests.carried_over[natural_person]",
                "requests.carried_over[total]",
                "requests.carry_forward[natural_person]",
                "requests.carry_forward[total]",
                "requests.new[total]",
            }));
            Assert.That(view.QuerySelectorAll("thead th.report-col"), Has.Length.EqualTo(3), "every report a finding involves");
        });
    }
}
