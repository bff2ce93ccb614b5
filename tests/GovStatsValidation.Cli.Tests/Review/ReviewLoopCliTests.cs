using GovStatsValidation.Reporting.Baselines;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace GovStatsValidation.Cli.Tests.Review;

/// <summary>
/// The auditor's review loop on the command line (issue 15): a decisions file given as <c>--baseline</c>, a corrections file
/// given as <c>--corrections</c>, and an agency file given as <c>--agencies</c>, over <c>tests/data/review</c>.
/// </summary>
public sealed class ReviewLoopCliTests
{
    private const string Reports = "tests/data/review/reports";
    private const string Agencies = "tests/data/review/shiyi.agencies.json";
    private const string Education = "tests/data/review/reports/shiyi-education-2023.json";

    private static JObject Json(params string[] extra)
    {
        var result = Cli.Run(["check", Reports, "--format", "json", "--fail-on", "never", .. extra]);
        Assert.That(result.Code, Is.EqualTo(CliApp.ExitOk), result.Error);
        return JObject.Parse(result.Out);
    }

    private static IEnumerable<JObject> AllFindings(JObject run) =>
        run["reports"]!.SelectMany(r => r["findings"]!).Concat(run["crossReport"]?.SelectMany(j => j["findings"]!) ?? []).Cast<JObject>();

    [Test]
    public void Check_DecisionsFile_HidesOnlyAcceptedAndMarksTheOthers()
    {
        var before = Json();
        var findings = AllFindings(before).ToList();
        Assert.That(findings, Has.Count.GreaterThanOrEqualTo(3), "the review fixture has findings to decide on");
        var entries = findings.Take(3).Select((f, i) => new BaselineEntry
        {
            Fingerprint = (string)f["fingerprint"]!,
            Rule = (string)f["rule"]!,
            Agency = (string?)f["subject"]?["agency"] ?? (string)before["reports"]!.First(r => r["findings"]!.Contains(f))["agency"]!,
            Year = (int?)f["subject"]?["year"] ?? (int)before["reports"]!.First(r => r["findings"]!.Contains(f))["year"]!,
            Instance = (string)f["instance"]!,
            Expected = (decimal?)f["expected"],
            Actual = (decimal?)f["actual"],
            Expires = new DateOnly(2030, 1, 1),
            AcceptedBy = "张三",
            Decision = (BaselineDecision)i,
            Comment = $"comment {i}",
        }).ToList();
        var file = Path.Combine(Path.GetTempPath(), $"govstats-decisions-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, new Baseline(entries).ToJson());
        try
        {
            var after = Json("--baseline", file);
            var shown = AllFindings(after).ToDictionary(f => (string)f["fingerprint"]!);
            Assert.Multiple(() =>
            {
                Assert.That(shown.Keys, Does.Not.Contain(entries[0].Fingerprint), "accepted: hidden");
                Assert.That((string?)shown[entries[1].Fingerprint]["baselineState"], Is.EqualTo("confirmed"));
                Assert.That((string?)shown[entries[1].Fingerprint]["review"]!["comment"], Is.EqualTo("comment 1"));
                Assert.That((string?)shown[entries[2].Fingerprint]["baselineState"], Is.EqualTo("false-alarm"));
                Assert.That(shown, Has.Count.EqualTo(findings.Count - 1), "exactly the accepted finding is hidden");
                Assert.That((int)after["baseline"]!["accepted"]!, Is.EqualTo(1));
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Check_FalseAlarmOnTheOnlyErrors_ExitsZero()
    {
        var before = Json();
        var report = before["reports"]!.Single(r => (string?)r["source"] == Education);
        var errors = report["findings"]!.Where(f => (string?)f["severity"] == "error").ToList();
        Assert.That(errors, Is.Not.Empty);
        Assert.That(Cli.Run("check", Reports).Code, Is.EqualTo(CliApp.ExitFindings), "errors fail the run before the review");
        var entries = errors.Select(f => new BaselineEntry
        {
            Fingerprint = (string)f["fingerprint"]!,
            Rule = (string)f["rule"]!,
            Agency = (string)report["agency"]!,
            Year = (int)report["year"]!,
            Expires = new DateOnly(2030, 1, 1),
            Decision = BaselineDecision.FalseAlarm,
        });
        var file = Path.Combine(Path.GetTempPath(), $"govstats-decisions-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, new Baseline(entries).ToJson());
        try
        {
            var result = Cli.Run("check", Reports, "--baseline", file, "--lang", "en");
            Assert.That(result.Code, Is.EqualTo(CliApp.ExitOk), result.Out);
            Assert.That(result.Out, Does.Contain("[false alarm"), "still shown, marked");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Check_Corrections_ChecksTheCorrectedValueAndShowsItAsCorrectedInEveryFormat()
    {
        var hash = Readers.Corrections.CorrectionSet.HashFile(Education);
        var file = Path.Combine(Path.GetTempPath(), $"govstats-corrections-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, new JObject
        {
            ["version"] = 1,
            ["corrections"] = new JArray(new JObject
            {
                ["source"] = Education, ["agency"] = "示例市教育局", ["year"] = 2023, ["sha256"] = hash,
                ["cell"] = "requests.new[natural_person]", ["published"] = "113", ["value"] = 118,
                ["reason"] = "读错：原文为118", ["by"] = "李四",
            }),
        }.ToString());
        try
        {
            var run = Json("--corrections", file);
            var report = run["reports"]!.Single(r => (string?)r["source"] == Education);
            var rules = report["findings"]!.Select(f => (string)f["rule"]!).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(rules, Does.Not.Contain("2021.applications.row-total"), "the corrected value balances the row");
                Assert.That(rules, Does.Contain("input.corrected"));
                var correction = report["corrections"]!.Single();
                Assert.That((string?)correction["status"], Is.EqualTo("applied"));
                Assert.That((string?)correction["was"], Is.EqualTo("113"));
                Assert.That((decimal?)correction["now"], Is.EqualTo(118m));
                Assert.That((string?)correction["by"], Is.EqualTo("李四"));
            });

            foreach (var format in new[] { "text", "md", "html", "junit", "sarif" })
            {
                var output = Cli.Run("check", Reports, "--format", format, "--fail-on", "never", "--corrections", file).Out;
                Assert.That(output, Does.Contain("input.corrected").And.Contain("113").And.Contain("118").And.Contain("李四").And.Contain("读错：原文为118"), format);
            }

            // Even when only errors are asked for, a correction is shown.
            Assert.That(Cli.Run("check", Reports, "--min-severity", "error", "--fail-on", "never", "--corrections", file).Out, Does.Contain("input.corrected"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Check_CorrectionOfAChangedCell_ReportedNotApplied()
    {
        var file = Path.Combine(Path.GetTempPath(), $"govstats-corrections-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, new JObject
        {
            ["version"] = 1,
            ["corrections"] = new JArray(
                new JObject
                {
                    ["source"] = Education, ["agency"] = "示例市教育局", ["year"] = 2023, ["sha256"] = Readers.Corrections.CorrectionSet.HashFile(Education),
                    ["cell"] = "requests.new[natural_person]", ["published"] = "117", ["value"] = 118, ["reason"] = "r", ["by"] = "b",
                },
                new JObject
                {
                    ["source"] = Education, ["agency"] = "示例市教育局", ["year"] = 2023, ["sha256"] = new string('0', 64),
                    ["cell"] = "requests.new[total]", ["published"] = "159", ["value"] = 160, ["reason"] = "r", ["by"] = "b",
                }),
        }.ToString());
        try
        {
            var report = Json("--corrections", file)["reports"]!.Single(r => (string?)r["source"] == Education);
            var statuses = report["corrections"]!.ToDictionary(c => (string)c["cell"]!, c => (string)c["status"]!);
            Assert.Multiple(() =>
            {
                Assert.That(statuses["requests.new[natural_person]"], Is.EqualTo("cell-changed"));
                Assert.That(statuses["requests.new[total]"], Is.EqualTo("report-changed"));
                Assert.That(report["findings"]!.Count(f => (string?)f["rule"] == "input.correction.not-applied"), Is.EqualTo(2));
                Assert.That(report["findings"]!.Select(f => (string)f["rule"]!), Does.Contain("2021.applications.row-total"), "nothing was applied");
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Check_AgenciesFile_ListsTheMissingBodiesAndYears()
    {
        var run = Json("--agencies", Agencies);
        var coverage = run["coverage"]!.Single(c => (string?)c["jurisdiction"] == "示例市");
        var missing = coverage["missing"]!.Select(m => $"{m["body"]} {m["year"]}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That((bool)coverage["fromAgencyFile"]!, Is.True);
            Assert.That(missing, Is.EquivalentTo(new[] { "示例市人民政府 2022", "示例市教育局 2022", "示例市卫生健康委员会 2022", "示例市卫生健康委员会 2023" }));
        });
        var html = Cli.Run("check", Reports, "--agencies", Agencies, "--format", "html", "--fail-on", "never").Out;
        Assert.That(html, Does.Contain("示例市卫生健康委员会").And.Contain("class=\"coverage"), "the jurisdiction view shows who has not reported");
    }

    [Test]
    public void Check_WithoutAgenciesFile_ShowsBodiesSeenAndTheYearsEachLacks()
    {
        var coverage = Json()["coverage"]!.Single(c => (string?)c["jurisdiction"] == "示例市");
        var missing = coverage["missing"]!.Select(m => $"{m["body"]} {m["year"]}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That((bool)coverage["fromAgencyFile"]!, Is.False);
            Assert.That(missing, Is.EquivalentTo(new[] { "示例市人民政府 2022", "示例市教育局 2022" }));
        });
    }

    [Test]
    public void Check_BrokenAgenciesOrCorrectionsFile_Unusable()
    {
        var file = Path.Combine(Path.GetTempPath(), $"govstats-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"expected":[{"jurisdiction":"示例市","years":["2022"],"bodies":[]}]}""");
        try
        {
            var agencies = Cli.Run("check", Reports, "--agencies", file);
            Assert.That(agencies.Code, Is.EqualTo(CliApp.ExitUnusable));
            // Every problem with the file, line and column, and the jurisdiction of the block (it named the JSON path, expected[0].years).
            Assert.That(agencies.Error, Does.Contain($"{file}(1,").And.Contain("[示例市] 'years': '2022' is not a year").And.Contain("[示例市] 'bodies' must be a non-empty array of names"));
            var corrections = Cli.Run("check", Reports, "--corrections", file);
            Assert.That(corrections.Code, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(corrections.Error, Does.Contain("'version' must be 1"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
