using System.Text.Json;
using GovStatsValidation.Reporting.Baselines;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace GovStatsValidation.Cli.Tests.Browser;

/// <summary>
/// The auditor's review loop in a real browser (issue 15), on the HTML report of <c>tests/data/review</c>: decisions are
/// marked, survive a reload, are merged with a second reviewer's file and exported, and <c>check --baseline</c> with the
/// export hides exactly the accepted findings; a value corrected in the page and exported is what the next <c>check</c> sees,
/// shown as corrected; the jurisdiction view lists who has not reported. Skipped (with the reason) when chromium is absent.
/// Set <c>GOVSTATS_SCREENSHOTS</c> to a folder (tests/browser/review-loop-check.sh sets docs/images) to save the screenshots of docs/cli.md.
/// </summary>
[NonParallelizable]
public sealed class ReviewLoopBrowserTests
{
    private const string Reports = "tests/data/review/reports";
    private const string Agencies = "tests/data/review/shiyi.agencies.json";
    private const string Education = "tests/data/review/reports/shiyi-education-2023.json";

    private static string Js(string text) => JsonSerializer.Serialize(text);

    private static async Task<string> Downloaded(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(path) && !File.Exists(path + ".crdownload") && new FileInfo(path).Length > 0)
            {
                return path;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the page did not download {name}");
        return path;
    }

    private static async Task Shot(HeadlessChromium browser, string name, string? selector = null)
    {
        if (Environment.GetEnvironmentVariable("GOVSTATS_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, name), await browser.Screenshot(selector));
        }
    }

    /// <summary>Clicks a decision button of the finding with a fingerprint and types its comment, as a user would.</summary>
    private static async Task Decide(HeadlessChromium browser, string fingerprint, string decision, string comment)
    {
        await browser.Eval($$"""
            (function () {
              var li = document.querySelector('li.finding[data-fp=' + JSON.stringify({{Js(fingerprint)}}) + ']');
              li.scrollIntoView();
              li.querySelector('button.decide[data-decision={{decision}}]').click();
              var c = li.querySelector('input.comment');
              c.focus(); c.value = {{Js(comment)}}; c.dispatchEvent(new Event('input', { bubbles: true })); c.blur();
            })()
            """);
    }

    private static async Task<string?> Pressed(HeadlessChromium browser, string fingerprint) =>
        (string?)await browser.Eval($"(function(){{var b=document.querySelector('li.finding[data-fp={Js(fingerprint)}] button.decide[aria-pressed=true]');return b?b.getAttribute('data-decision'):null;}})()");

    [Test]
    [CancelAfter(240_000)]
    public async Task ReviewLoop_MarkReloadMergeExportAndCorrect_CheckAppliesExactlyWhatThePageExported()
    {
        using var work = new TempFolder();
        var downloads = Directory.CreateDirectory(Path.Combine(work.Path, "downloads")).FullName;
        var html = Path.Combine(work.Path, "report.html");
        var json = Path.Combine(work.Path, "before.json");
        Assert.That(Cli.Run("check", Reports, "--agencies", Agencies, "--format", "html", "--fail-on", "never", "--out", html).Code, Is.EqualTo(CliApp.ExitOk));
        Assert.That(Cli.Run("check", Reports, "--agencies", Agencies, "--format", "json", "--fail-on", "never", "--out", json).Code, Is.EqualTo(CliApp.ExitOk));
        Assert.That(File.ReadAllText(html), Does.Not.Match("<(script|link|img|iframe)[^>]+(src|href)="), "the report loads nothing from outside the file");
        var before = JObject.Parse(File.ReadAllText(json));
        var education = before["reports"]!.Single(r => (string?)r["source"] == Education);
        var errors = education["findings"]!.Where(f => (string?)f["severity"] == "error").Select(f => (string)f["fingerprint"]!).ToList();
        var cross = before["crossReport"]!.SelectMany(j => j["findings"]!).ToList();
        var crossWarning = cross.First(f => (string?)f["severity"] == "warning");
        var crossInfos = cross.Where(f => (string?)f["severity"] == "info").Select(f => (string)f["fingerprint"]!).ToList();
        Assert.That(errors, Has.Count.EqualTo(2), "the fixture's one typing error breaks a row and the flow");
        Assert.That(crossInfos, Has.Count.GreaterThanOrEqualTo(2));
        var accepted = crossInfos[0];
        var confirmed = errors[0];
        var falseAlarm = (string)crossWarning["fingerprint"]!;
        var fromColleague = crossInfos[1];

        await using var browser = await HeadlessChromium.Start(downloads);
        await browser.Navigate(new Uri(html).AbsoluteUri);

        // 1. Mark three findings, each with a comment, as reviewer 张三.
        await browser.Eval("(function(){var r=document.getElementById('reviewer');r.value='张三';r.dispatchEvent(new Event('input',{bubbles:true}));})()");
        await Decide(browser, accepted, "accepted", "无上年报告，已知");
        await Decide(browser, confirmed, "confirmed", "自然人新收件数录入错误");
        await Decide(browser, falseAlarm, "false-alarm", "结转口径不同");
        await Shot(browser, "review-decisions.png", "#report-1");

        // 2. Reload: the decisions are still there (browser storage keyed by the findings' fingerprints).
        await browser.Navigate(null);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await Pressed(browser, accepted), Is.EqualTo("accepted"));
            Assert.That(await Pressed(browser, confirmed), Is.EqualTo("confirmed"));
            Assert.That(await Pressed(browser, falseAlarm), Is.EqualTo("false-alarm"));
            Assert.That((string?)await browser.Eval($"document.querySelector('li.finding[data-fp={Js(confirmed)}] input.comment').value"), Is.EqualTo("自然人新收件数录入错误"));
            Assert.That((string?)await browser.Eval("document.getElementById('reviewer').value"), Is.EqualTo("张三"));
        });

        // 3. Filters: undecided findings only, then errors only.
        await browser.Eval("(function(){var s=document.getElementById('filter-status');s.value='undecided';s.dispatchEvent(new Event('change'));})()");
        var visible = (await browser.Eval("Array.from(document.querySelectorAll('li.finding[data-fp]')).filter(li=>!li.hidden).map(li=>li.getAttribute('data-fp'))"))!.AsArray()
            .Select(n => (string)n!).ToList();
        Assert.That(visible, Does.Not.Contain(accepted).And.Not.Contain(confirmed).And.Not.Contain(falseAlarm).And.Contain(fromColleague));
        await browser.Eval("(function(){var s=document.getElementById('filter-status');s.value='';s.dispatchEvent(new Event('change'));var v=document.getElementById('filter-severity');v.value='error';v.dispatchEvent(new Event('change'));})()");
        var severities = (await browser.Eval("Array.from(document.querySelectorAll('li.finding[data-fp]')).filter(li=>!li.hidden).map(li=>li.getAttribute('data-severity'))"))!.AsArray()
            .Select(n => (string)n!).Distinct().ToList();
        Assert.That(severities, Is.EqualTo(new[] { "error" }));
        await browser.Eval("(function(){var v=document.getElementById('filter-severity');v.value='';v.dispatchEvent(new Event('change'));})()");

        // 4. A colleague's decisions file is loaded and merged: one new decision, one conflict (ours is kept and the conflict shown).
        var colleague = Path.Combine(work.Path, "colleague.json");
        var colleagueEntry = (string fp, BaselineDecision decision, string comment) => new JObject
        {
            ["fingerprint"] = fp, ["rule"] = "r", ["agency"] = "a", ["year"] = 2023, ["expires"] = "2030-01-01",
            ["acceptedBy"] = "王五", ["decision"] = Baseline.DecisionToken(decision), ["comment"] = comment,
        };
        File.WriteAllText(colleague, new JObject
        {
            ["version"] = 1,
            ["entries"] = new JArray(colleagueEntry(fromColleague, BaselineDecision.Accepted, "同意"), colleagueEntry(confirmed, BaselineDecision.FalseAlarm, "我认为是误报")),
        }.ToString());
        await browser.SetFile("#load-decisions", colleague);
        await browser.Until("document.getElementById('review-status').textContent.indexOf('合并') >= 0", "the merge");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await Pressed(browser, fromColleague), Is.EqualTo("accepted"));
            Assert.That(await Pressed(browser, confirmed), Is.EqualTo("confirmed"), "on a conflict, ours is kept");
            Assert.That((string?)await browser.Eval($"document.querySelector('li.finding[data-fp={Js(confirmed)}] .conflict').textContent"), Does.Contain("王五"));
        });

        // 5. Export the decisions; check --baseline with the export hides exactly the accepted findings.
        await browser.Eval("document.getElementById('export-decisions').click()");
        var decisions = await Downloaded(downloads, "govstats-decisions.json");
        var after = JObject.Parse(Cli.Run("check", Reports, "--agencies", Agencies, "--format", "json", "--fail-on", "never", "--baseline", decisions).Out);
        var shownBefore = before["reports"]!.SelectMany(r => r["findings"]!).Concat(cross).Select(f => (string)f["fingerprint"]!).ToList();
        var shownAfter = after["reports"]!.SelectMany(r => r["findings"]!).Concat(after["crossReport"]!.SelectMany(j => j["findings"]!)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(shownBefore.Except(shownAfter.Select(f => (string)f["fingerprint"]!)), Is.EquivalentTo(new[] { accepted, fromColleague }));
            Assert.That((int)after["baseline"]!["accepted"]!, Is.EqualTo(2));
            Assert.That((string?)shownAfter.Single(f => (string?)f["fingerprint"] == confirmed)["baselineState"], Is.EqualTo("confirmed"));
            Assert.That((string?)shownAfter.Single(f => (string?)f["fingerprint"] == falseAlarm)["baselineState"], Is.EqualTo("false-alarm"));
            Assert.That((string?)shownAfter.Single(f => (string?)f["fingerprint"] == falseAlarm)["review"]!["comment"], Is.EqualTo("结转口径不同"));
            Assert.That((JArray)after["baseline"]!["stale"]!, Is.Empty);
        });

        // 6. Correct the misread cell by double-clicking it in the table, with a reason; export the corrections.
        var section = $"section.report[data-source={Js(Education)}]";
        await browser.Eval($$"""
            (function () {
              var td = document.querySelector({{Js(section + " td.cell[data-cell='requests.new[natural_person]']")}});
              td.scrollIntoView();
              td.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
            })()
            """);
        await browser.Until("document.getElementById('correct-dialog').open", "the correction dialog");
        Assert.That((string?)await browser.Eval("document.getElementById('correct-published').textContent"), Is.EqualTo("113"));
        await browser.Eval("(function(){document.getElementById('correct-value').value='118';document.getElementById('correct-reason').value='原文第12行为118，录入时误作113';})()");
        await Shot(browser, "review-correction.png");
        await browser.Eval("document.getElementById('correct-save').click()");
        await browser.Until($"document.querySelector({Js(section + " td.cell-pending")}) !== null", "the corrected cell to be marked");
        await browser.Eval("document.getElementById('export-corrections').click()");
        var corrections = await Downloaded(downloads, "govstats-corrections.json");

        // 7. The next check sees the corrected value and shows it as corrected.
        var corrected = JObject.Parse(Cli.Run("check", Reports, "--format", "json", "--fail-on", "never", "--corrections", corrections).Out);
        var report = corrected["reports"]!.Single(r => (string?)r["source"] == Education);
        var rules = report["findings"]!.Select(f => (string)f["rule"]!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That((string?)report["corrections"]!.Single()["status"], Is.EqualTo("applied"));
            Assert.That((string?)report["corrections"]!.Single()["by"], Is.EqualTo("张三"));
            Assert.That(rules, Does.Contain("input.corrected"));
            Assert.That(rules, Does.Not.Contain("2021.applications.row-total"), "118 balances the row the misread 113 broke");
        });

        // 8. The corrected run's page shows the cell as corrected; the jurisdiction view lists who has not reported.
        var correctedHtml = Path.Combine(work.Path, "corrected.html");
        Cli.Run("check", Reports, "--agencies", Agencies, "--format", "html", "--fail-on", "never", "--corrections", corrections, "--out", correctedHtml);
        await browser.Navigate(new Uri(correctedHtml).AbsoluteUri);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That((string?)await browser.Eval($"document.querySelector({Js(section + " td.cell-corrected del.published")}).textContent"), Is.EqualTo("113"));
            Assert.That((string?)await browser.Eval("Array.from(document.querySelectorAll('table.coverage td.missing')).map(td => td.parentElement.getAttribute('data-body') + ' ' + td.getAttribute('data-year')).join('|')"),
                Is.EqualTo("示例市人民政府 2022|示例市教育局 2022|示例市卫生健康委员会 2022|示例市卫生健康委员会 2023"));
        });
        await browser.Eval("document.querySelector('section.jurisdiction').scrollIntoView()");
        await Shot(browser, "review-jurisdiction.png", "section.jurisdiction");
        await Shot(browser, "review-corrected-report.png", section);
        Assert.That(browser.Exceptions, Is.Empty, "the page threw script errors");
    }

    /// <summary>A temporary folder removed afterwards.</summary>
    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("govstats-review-").FullName;

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // best effort
            }
        }
    }
}
