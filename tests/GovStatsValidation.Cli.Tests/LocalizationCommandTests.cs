using System.Text.RegularExpressions;
using GovStatsValidation.CrossReport;
using GovStatsValidation.Readers;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace GovStatsValidation.Cli.Tests;

/// <summary>The localization as the command line shows it: explain's reasoning, the JSON's report-level localization, the coverage listing (the injection benchmark moved to the benchmarks project: InjectionBenchTests).</summary>
public sealed class LocalizationCommandTests
{
    private const string Seed003 = "tests/data/examples/seed-003-tongxiang-2017.json";

    [Test]
    public void Explain_ReportWithWrongTotal_ShowsLocalizationReasoning()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "broken.json");
        var json = JObject.Parse(File.ReadAllText(Seed003));
        var cells = (JObject)json["cells"]!;
        var received = (int)cells["requests.received"]!;
        cells["requests.received"] = received * 10;
        File.WriteAllText(path, json.ToString());

        var (code, output, _) = Cli.Run("explain", path, "--lang", "en", "--outcome", "failed");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitOk));
            Assert.That(output, Does.Contain("Localization (which cell is wrong):"));
            Assert.That(output, Does.Contain($"best: requests.received (total) {received * 10} → {received}"));
            Assert.That(output, Does.Contain("digit-added"));
            Assert.That(output, Does.Match(@"confidence: (high|medium|low) — "));
        });
    }

    [Test]
    public void Check_Json_HasReportLevelLocalizationAndSuspectFromIt()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "broken.json");
        var json = JObject.Parse(File.ReadAllText(Seed003));
        var cells = (JObject)json["cells"]!;
        var received = (int)cells["requests.received"]!;
        cells["requests.received"] = received * 10;
        File.WriteAllText(path, json.ToString());

        var (_, output, _) = Cli.Run("check", path, "--format", "json", "--lang", "en");
        var report = JObject.Parse(output)["reports"]![0]!;
        var located = report["localization"]!["errors"]![0]!;
        var finding = report["findings"]!.First(f => (string?)f["rule"] == "pre2019.parts-sum");

        Assert.Multiple(() =>
        {
            Assert.That((string?)located["cells"]![0]!["cell"], Is.EqualTo("requests.received"));
            Assert.That((decimal?)located["cells"]![0]!["proposed"], Is.EqualTo(received));
            Assert.That((decimal?)located["cells"]![0]!["current"], Is.EqualTo(received * 10));
            Assert.That(located["cells"]![0]!["evidence"]!.Select(e => (string?)e["kind"]), Does.Contain("digit-added"));
            Assert.That((string?)located["confidence"], Is.AnyOf("high", "medium", "low"));
            Assert.That((string?)finding["suspect"]!["cell"], Is.EqualTo("requests.received"));
            Assert.That((decimal?)finding["suspect"]!["correctedValue"], Is.EqualTo(received));
        });
    }

    [Test]
    public void RulesCoverage_EveryFormat_ListsEveryCellAndFlagsUncovered()
    {
        var (code, output, _) = Cli.Run("rules", "coverage");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitOk));
            foreach (var version in SchemaVersions.All)
            {
                var schema = SchemaCatalog.Get(version);
                Assert.That(output, Does.Contain($"{version.ToToken()}: {schema.Cells.Count} cells"));
                foreach (var cell in schema.Cells)
                {
                    Assert.That(output, Does.Contain(" " + cell.Id.Value + " "), cell.Id.Value);
                }
            }

            // An application-table leaf of the 2021 format is read by its row's and its column's identity.
            var granted = Regex.Match(output, @"result\.granted\[org\.commercial\]\s+leaf\s+=(\d+) ");
            Assert.That(granted.Success, Is.True);
            Assert.That(int.Parse(granted.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(2));
        });
    }

    [Test]
    public void RulesCoverage_EveryFormat_CountsRulesOfEveryKindWithCrossReportRules()
    {
        var (code, output, _) = Cli.Run("rules", "coverage");
        using var services = new ServiceCollection().AddGovStatsValidation().AddReaders().AddCrossReport().BuildServiceProvider();
        var rules = services.GetRequiredService<IRuleCatalog>().Rules;
        var cross = rules.Count(r => r.Kind == RuleKind.Cross);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitOk));
            Assert.That(cross, Is.GreaterThan(5));
            Assert.That(output, Does.Contain($"{rules.Count(r => r.Kind == RuleKind.Table)} table, "));
            Assert.That(output, Does.Contain($", {cross} cross ({rules.Count} in all)"));
            Assert.That(output, Does.Contain($"2021: {SchemaCatalog.Get(SchemaVersion.Format2021).Cells.Count} cells"));
            var perFormat = rules.Count(r => r.Kind == RuleKind.Cross && r.Definition is { } d && d.Schemas.Contains(SchemaVersion.Format2021));
            Assert.That(perFormat, Is.GreaterThan(0));
            Assert.That(output, Does.Match($@"\n2021: [^\n]*; {perFormat} cross-report rule\(s\) compare it with other reports\n"));
        });
    }

    [Test]
    public void RulesCoverage_Flagged_ListsOnlyFlaggedCells()
    {
        var (_, output, _) = Cli.Run("rules", "coverage", "--schema", "2021", "--flagged");
        // Cell lines are indented; the format's summary line and the closing count of rules by kind are not.
        var cellLines = output.Split('\n').Where(l => l.StartsWith(' ')).ToList();
        Assert.That(cellLines, Is.All.Match(@"^\s+(UNCOVERED|BOUNDS-ONLY)\s"));
        Assert.That(output.Split('\n').Count(l => l.Length > 0 && !l.StartsWith(' ')), Is.EqualTo(2), "summary and rules-by-kind lines");
    }
}
