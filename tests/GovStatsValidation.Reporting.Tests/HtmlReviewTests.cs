using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;
using NUnit.Framework;

namespace GovStatsValidation.Reporting.Tests;

/// <summary>The review loop's parts of the HTML report (issue 15) that can be seen without a browser; tests/browser drives the script.</summary>
public sealed class HtmlReviewTests
{
    private static IDocument Render(CheckRun run, string language = "zh") =>
        new HtmlParser().ParseDocument(new HtmlRenderer().RenderToString(run, new RenderOptions { Language = language }));

    [Test]
    public void Render_Examples_EveryFindingCarriesWhatTheDecisionsFileNeeds()
    {
        var run = ExampleRuns.Examples;
        var document = Render(run);
        var expected = run.Results.SelectMany(r => r.Findings.Select(f => (Fp: f.FingerprintFor(r.Report.Agency.Name, r.Report.Year), r.Report, f))).ToList();
        var items = document.QuerySelectorAll("li.finding[data-fp]").ToList();

        Assert.That(items.Select(li => li.GetAttribute("data-fp")), Is.EquivalentTo(expected.Select(e => e.Fp)));
        foreach (var (fp, report, finding) in expected)
        {
            var li = items.First(i => i.GetAttribute("data-fp") == fp);
            Assert.Multiple(() =>
            {
                Assert.That(li.GetAttribute("data-rule"), Is.EqualTo(finding.RuleId));
                Assert.That(li.GetAttribute("data-agency"), Is.EqualTo(report.Agency.Name));
                Assert.That(li.GetAttribute("data-year"), Is.EqualTo(report.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                Assert.That(li.GetAttribute("data-instance"), Is.EqualTo(finding.Instance));
                Assert.That(li.QuerySelectorAll("button.decide").Select(b => b.GetAttribute("data-decision")), Is.EqualTo(new[] { "confirmed", "false-alarm", "accepted" }));
            });
        }

        Assert.That(document.Body!.GetAttribute("data-review-key"), Has.Length.EqualTo(16));
        Assert.That(document.QuerySelectorAll("select[data-filter]").Select(s => s.GetAttribute("data-filter")),
            Is.EqualTo(new[] { "severity", "rule", "agency", "jurisdiction", "year", "status" }));
    }

    [Test]
    public void Render_ReviewKey_DependsOnTheFindingsOnly()
    {
        var run = ExampleRuns.Examples;
        var key = Render(run).Body!.GetAttribute("data-review-key");

        Assert.Multiple(() =>
        {
            Assert.That(Render(run, "en").Body!.GetAttribute("data-review-key"), Is.EqualTo(key), "same findings, same key");
            Assert.That(Render(run with { Results = run.Results.Skip(1).ToList() }).Body!.GetAttribute("data-review-key"), Is.Not.EqualTo(key));
        });
    }

    [Test]
    public void Render_CorrectedCell_ShownWithPublishedValueReasonAndWho()
    {
        var report = new AnnualReport { Agency = new Agency("示例区人民政府"), Year = 2022, Schema = SchemaVersion.Format2021, Source = "x.txt" };
        var cell = new CellId("requests.new[total]");
        report.Cells[cell] = CellValue.Of(118);
        report.Corrections.Add(new CellCorrection { Cell = cell, Published = "113", Value = 118, Reason = "原文为118", By = "李四" });
        var result = new Checking.ReportChecker().Check(report);

        var document = Render(new CheckRun([result], []));
        var td = document.QuerySelector("td.cell-corrected")!;

        Assert.Multiple(() =>
        {
            Assert.That(td.GetAttribute("data-cell"), Is.EqualTo(cell.Value));
            Assert.That(td.QuerySelector("del.published")?.TextContent, Is.EqualTo("113"));
            Assert.That(td.GetAttribute("data-published"), Is.EqualTo("113"), "a new correction is made against the published value");
            Assert.That(td.GetAttribute("title"), Does.Contain("李四").And.Contain("原文为118"));
            Assert.That(document.QuerySelector("table.corrections tr.applied")?.TextContent, Does.Contain("113").And.Contain("118").And.Contain("李四"));
            Assert.That(result.Findings.Select(f => f.RuleId), Does.Contain("input.corrected"));
        });
    }

    [Test]
    public void Render_Coverage_MarksMissingAndReportedBodies()
    {
        var run = ExampleRuns.Examples with
        {
            Jurisdictions = [new JurisdictionReports("示例市", [new JurisdictionMember(ExampleRuns.Examples.Results[0].Report.Source!, false)])],
            Coverage =
            [
                new ReportingCoverage("示例市", true, [2016, 2017],
                [
                    new BodyCoverage("甲局", [new BodyYear(2016, true, []), new BodyYear(2017, true, [ExampleRuns.Examples.Results[0].Report.Source!])]),
                    new BodyCoverage("乙局", [new BodyYear(2016, false, []), new BodyYear(2017, true, [])]),
                ]),
                new ReportingCoverage("别的县", true, [2017], [new BodyCoverage("丙局", [new BodyYear(2017, true, [])])]),
            ],
        };

        var document = Render(run);
        var table = document.QuerySelector("section.jurisdiction[data-jurisdiction='示例市'] table.coverage")!;

        Assert.Multiple(() =>
        {
            Assert.That(table.GetAttribute("data-missing"), Is.EqualTo("2"));
            Assert.That(table.QuerySelectorAll("td.missing").Select(td => td.ParentElement!.GetAttribute("data-body") + " " + td.GetAttribute("data-year")),
                Is.EqualTo(new[] { "甲局 2016", "乙局 2017" }));
            Assert.That(table.QuerySelector("td.reported a")?.GetAttribute("href"), Is.EqualTo("#report-1"));
            Assert.That(table.QuerySelectorAll("td.not-expected"), Has.Length.EqualTo(1));
            Assert.That(document.QuerySelector("section.coverage-only[data-jurisdiction='别的县'] td.missing"), Is.Not.Null,
                "a jurisdiction with no report in the set still shows who has not reported");
        });
    }

    [Test]
    public void Render_JurisdictionSummary_CountsByRuleAgencyAndYearWithAnInlineChart()
    {
        var results = ExampleRuns.Examples.Results;
        var run = ExampleRuns.Examples with
        {
            Jurisdictions = [new JurisdictionReports("示例市", results.Select(r => new JurisdictionMember(r.Report.Source!, false)).ToList())],
            CrossReport = [],
        };
        var errors = results.Sum(r => r.Count(Rules.Severity.Error));

        var section = Render(run).QuerySelector("section.jurisdiction[data-jurisdiction='示例市']")!;
        var byRule = section.QuerySelectorAll("table.by-rule tbody tr").Sum(tr => int.Parse(tr.Children[1].TextContent, System.Globalization.CultureInfo.InvariantCulture));
        var byYear = section.QuerySelectorAll("table.trend-table tbody tr").Sum(tr => int.Parse(tr.Children[2].TextContent, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Multiple(() =>
        {
            Assert.That(byRule, Is.EqualTo(errors));
            Assert.That(byYear, Is.EqualTo(errors));
            Assert.That(section.QuerySelectorAll("table.trend-table tbody tr").Select(tr => tr.Children[0].TextContent),
                Is.EqualTo(results.Select(r => r.Report.Year).Distinct().Order().Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            Assert.That(section.QuerySelector("svg.trend-chart rect"), Is.Not.Null);
            Assert.That(section.QuerySelector("table.top-agencies tbody tr td")?.TextContent,
                Is.EqualTo(results.OrderByDescending(r => r.Count(Rules.Severity.Error)).First().Report.Agency.Name));
        });
    }
}
