using System.Xml.Linq;
using AngleSharp.Html.Parser;
using GovStatsValidation.TestUtils;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace GovStatsValidation.Cli.Tests;

/// <summary>
/// <c>check</c> over tests/data/cross (示例市: its government 2023 and its 交通运输局 2022 and 2023, whose carry-over breaks in
/// the 自然人 and 总计 columns): the cross-report findings in every format and in the exit code.
/// </summary>
public sealed class CrossReportOutputTests
{
    private const string Cross = "tests/data/cross";
    private const string Dept2022 = "tests/data/cross/shiyi-transport-2022-broken-carry-over.json";
    private const string Dept2023 = "tests/data/cross/shiyi-transport-2023.json";
    private const string City = "tests/data/cross/shiyi-government-2023.json";

    [Test]
    public void Check_CrossFolderInEnglish_MatchesSnapshot() =>
        Snapshot.Match(Cli.Run("check", Cross, "--lang", "en").Out);

    [Test]
    public void Check_CrossFolderAsMarkdown_MatchesSnapshot() =>
        Snapshot.Match(Cli.Run("check", Cross, "--format", "md").Out);

    [Test]
    public void Check_CrossFolder_OnlyTheCarryOverBreaksAndOnlyAcrossReports()
    {
        var json = JObject.Parse(Cli.Run("check", Cross, "--format", "json").Out);
        var warnings = json["crossReport"]!.SelectMany(j => j["findings"]!).Where(f => (string?)f["severity"] != "info").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(json["reports"]!.SelectMany(r => r["findings"]!), Is.Empty, "each report on its own is clean");
            Assert.That(warnings.Select(f => ((string?)f["rule"], (string?)f["instance"], (decimal?)f["actual"], (decimal?)f["expected"])), Is.EqualTo(new[]
            {
                ("cross.carry-over", "col=natural_person", (decimal?)9m, (decimal?)7m),
                ("cross.carry-over", "col=total", (decimal?)13m, (decimal?)11m),
            }));
            Assert.That(warnings.Select(f => f["sources"]!.Select(s => (string?)s)), Has.All.EqualTo(new[] { Dept2023, Dept2022 }));
            Assert.That((int)json["summary"]!["warning"]!, Is.EqualTo(2));
            Assert.That((int)json["summary"]!["crossReport"]!["warning"]!, Is.EqualTo(2));
        });
    }

    [Test]
    public void Check_CrossWarningsAlone_FailOnWarningExitsOneAndFailOnErrorZero()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Cli.Run("check", Cross, "--fail-on", "warning").Code, Is.EqualTo(CliApp.ExitFindings));
            Assert.That(Cli.Run("check", Cross, "--fail-on", "error").Code, Is.EqualTo(CliApp.ExitOk));
            Assert.That(Cli.Run("check", Dept2023, "--fail-on", "warning").Code, Is.EqualTo(CliApp.ExitOk), "one report alone: no cross-report checks");
        });
    }

    [Test]
    public void Check_CrossFolderAsJUnit_FailingCaseForTheCarryOver()
    {
        var xml = XDocument.Parse(Cli.Run("check", Cross, "--format", "junit").Out);
        var suite = xml.Root!.Elements("testsuite").Single(s => (string?)s.Attribute("name") == "cross-report: 示例市");
        var failing = suite.Elements("testcase").Where(c => c.Element("failure") is not null).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(failing.Select(c => ((string?)c.Attribute("classname"), (string?)c.Attribute("name"))), Is.EqualTo(new[] { ("示例市交通运输局 2023", "cross.carry-over") }));
            Assert.That((int)xml.Root!.Attribute("failures")!, Is.EqualTo(1));
        });
    }

    [Test]
    public void Check_CrossFolderAsSarif_CarryOverResultsNameBothYears()
    {
        var sarif = JObject.Parse(Cli.Run("check", Cross, "--format", "sarif").Out);
        var results = sarif["runs"]![0]!["results"]!.Where(r => (string?)r["ruleId"] == "cross.carry-over").ToList();

        Assert.That(results, Has.Count.EqualTo(2));
        Assert.That(results.Select(r => r["relatedLocations"]!.Select(l => (string?)l["physicalLocation"]!["artifactLocation"]!["uri"])),
            Has.All.EqualTo(new[] { Dept2023, Dept2022 }));
    }

    [Test]
    public void Check_CrossFolderAsHtml_JurisdictionViewHighlightsTheCarryOverFigures()
    {
        var document = new HtmlParser().ParseDocument(Cli.Run("check", Cross, "--format", "html").Out);
        var view = document.QuerySelector("section.jurisdiction[data-jurisdiction=示例市] table.jurisdiction-view")!;
        var flagged = view.QuerySelectorAll("td.cell-flagged").Select(td => (td.ParentElement!.GetAttribute("data-row"), td.GetAttribute("data-source"))).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(view.QuerySelectorAll("thead th.report-col").Select(th => th.GetAttribute("data-source")), Is.EqualTo(new[] { Dept2022, City, Dept2023 }));
            Assert.That(view.QuerySelector("thead th.jurisdiction-wide")?.GetAttribute("data-source"), Is.EqualTo(City));
            Assert.That(view.QuerySelectorAll("tbody tr.concept").Select(tr => tr.GetAttribute("data-row")), Is.SupersetOf(new[]
            {
                "applications.received", "applications.handled", "applications.carried_forward", "reviews.total", "lawsuits.total", "normative_docs.issued",
            }));
            Assert.That(flagged, Is.EquivalentTo(new[]
            {
                ("applications.carried_over", Dept2023),
                ("applications.carried_forward", Dept2022),
                ("requests.carried_over[natural_person]", Dept2023),
                ("requests.carry_forward[natural_person]", Dept2022),
            }));
        });
    }

    [Test]
    public void Check_SeedsAsHtml_TongxiangViewHasTheCityAndItsDepartments()
    {
        var seeds = TestPaths.RequireShared("seeds");
        var document = new HtmlParser().ParseDocument(Cli.Run("check", seeds, "--format", "html", "--fail-on", "never").Out);
        var view = document.QuerySelector("section.jurisdiction[data-jurisdiction=桐乡市] table.jurisdiction-view");

        Assert.That(view, Is.Not.Null);
        var columns = view!.QuerySelectorAll("thead th.report-col").Select(th => Path.GetFileName(th.GetAttribute("data-source"))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(columns, Has.Count.EqualTo(3));
            Assert.That(columns[0], Does.StartWith("003_"), "the city's 2017 report first");
            Assert.That(columns[1], Does.StartWith("000_"), "its department of the same year next");
            Assert.That(columns[2], Does.StartWith("004_"), "the 2020 department report last");
            Assert.That(view.QuerySelector("thead th.jurisdiction-wide a")?.TextContent, Is.EqualTo("桐乡市人民政府"));
        });
    }
}
