using System.Text.RegularExpressions;
using GovStatsValidation.Checking;
using GovStatsValidation.CrossReport;
using GovStatsValidation.Readers;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace GovStatsValidation.Cli.Tests;

public sealed class ExplainCommandTests
{
    private const string Seed004 = "tests/data/examples/seed-004-tongxiang-enforcement-2020.json";

    [Test]
    public void Explain_Report_ListsEveryRuleInstanceWithItsOutcome()
    {
        var report = CheckPipeline.Read(Seed004);
        var evaluations = new ReportChecker().Explain(report);

        var (code, output, _) = Cli.Run("explain", Seed004, "--lang", "en");
        var lines = output.Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitOk));
            Assert.That(lines.Count(l => l.StartsWith("  PASS ", StringComparison.Ordinal)), Is.EqualTo(evaluations.Count(e => e.Outcome == RuleOutcome.Passed)));
            Assert.That(lines.Count(l => l.StartsWith("  FAIL ", StringComparison.Ordinal)), Is.EqualTo(evaluations.Count(e => e.Outcome == RuleOutcome.Failed)));
            Assert.That(lines.Count(l => l.StartsWith("  N/A ", StringComparison.Ordinal)), Is.EqualTo(evaluations.Count(e => e.Outcome == RuleOutcome.NotApplicable)));
            Assert.That(output, Does.Contain("  FAIL  2019.table.missing [row=review_litigation]"));
            Assert.That(output, Does.Contain("result.total[total] is blank and 1 + 1 + 17 blank (= 2) ≠ 0"), "numbers filled in");
        });
    }

    [Test]
    public void Explain_OutcomeFailed_ShowsOnlyFailures()
    {
        var (_, output, _) = Cli.Run("explain", Seed004, "--outcome", "failed", "--lang", "en");

        Assert.That(output.Split('\n').Count(l => l.StartsWith("  FAIL ", StringComparison.Ordinal)), Is.EqualTo(3));
        Assert.That(output, Does.Not.Contain("  PASS "));
    }

    [Test]
    public void Explain_TextReport_ListsChecksOfTheOtherKindsFromTheCatalogue()
    {
        var seed = TestPaths.RequireShared("seeds", "004_4624beab2357406a.txt");
        using var services = new ServiceCollection().AddGovStatsValidation().AddReaders().AddCrossReport().BuildServiceProvider();
        var catalog = services.GetRequiredService<IRuleCatalog>();
        var result = services.GetRequiredService<Readers.Pipeline.IReportPipeline>().CheckFileAsync(seed).GetAwaiter().GetResult();
        var other = result.Findings.Where(f => catalog.Find(f.RuleId)?.Kind is RuleKind.Input or RuleKind.Narrative or RuleKind.Structure).ToList();

        var (code, output, _) = Cli.Run("explain", seed, "--lang", "en");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitOk));
            Assert.That(other, Is.Not.Empty, "the seed has a missing section or a narrative finding");
            Assert.That(output, Does.Contain($"Input, narrative and structure checks: {other.Count} finding(s)"));
            foreach (var finding in other)
            {
                Assert.That(output, Does.Contain($"  {finding.Severity.ToString().ToLowerInvariant()}  {finding.RuleId}: "), finding.RuleId);
            }

            Assert.That(output, Does.Contain($"{catalog.Rules.Count(r => r.Kind == RuleKind.Cross)} cross-report rules compare a report with others"));
        });
    }

    [Test]
    public void Explain_MissingFile_ExitsTwo() =>
        Assert.That(Cli.Run("explain", "nope.json").Code, Is.EqualTo(CliApp.ExitUnusable));
}

public sealed class RulesCommandTests
{
    [Test]
    public void RulesList_BuiltIn_ListsEveryRule()
    {
        var (code, output, _) = Cli.Run("rules", "list");
        using var services = new ServiceCollection().AddGovStatsValidation().AddReaders().AddCrossReport().BuildServiceProvider();
        var ids = services.GetRequiredService<IRuleCatalog>().Rules.Select(r => r.Id).ToList();

        Assert.That(code, Is.EqualTo(CliApp.ExitOk));
        foreach (var id in ids)
        {
            Assert.That(output, Does.Contain($"  {id} "), id);
        }

        Assert.That(output, Does.EndWith($"{ids.Count} rule(s)\n"));
    }

    [Test]
    public void RulesList_Schema_ShowsOnlyRulesOfThatFormat()
    {
        var (_, output, _) = Cli.Run("rules", "list", "--schema", "pre2019");

        Assert.That(output, Does.Contain("pre2019.channels.cover"));
        Assert.That(output, Does.Not.Contain("2021.applications.row-total"));
    }

    [Test]
    public void RulesShow_RowTotal_ShowsExpressionMessagesAndAFailingExample()
    {
        var (code, output, _) = Cli.Run("rules", "show", "2021.applications.row-total", "--lang", "en");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitOk));
            Assert.That(output, Does.Contain("  expression $row[total] == $row[natural_person] + "));
            Assert.That(output, Does.Contain("  schemas    2021"));
            Assert.That(output, Does.Contain("  message zh {rowLabel}："));
            Assert.That(output, Does.Contain("  example (2021): a 2023 report in format 2021 with every cell 0, changed: requests.new[natural_person]"));
            Assert.That(output, Does.Contain("    formula   0 ≠ 1 + 0 + 0 + 0 + 0 + 0 (= 1)"));
            Assert.That(output, Does.Contain("    finding   error: "));
        });
    }

    [TestCase("2021.applications.result-total-blank", "(blank)")]
    [TestCase("2019.table.missing", "removed")]
    [TestCase("common.count.whole", "= 0.5")]
    [TestCase("common.placeholder", "= ——")]
    public void RulesShow_Rule_FindsAnExampleOnWhichItFails(string rule, string change)
    {
        var (_, output, _) = Cli.Run("rules", "show", rule, "--lang", "en");

        Assert.That(output, Does.Contain(change));
        Assert.That(output, Does.Contain("    finding   "));
        Assert.That(output, Does.Not.Contain("none found"));
    }

    [Test]
    public void RuleExamples_Example_ReallyFailsWhenChecked()
    {
        var example = RuleExamples.Find(RuleCatalog.BuiltIn, "pre2019.channels.cover", SchemaVersion.Pre2019, out var instances);

        Assert.That(instances, Is.GreaterThan(0));
        Assert.That(example, Is.Not.Null);
        Assert.That(example!.Evaluation.Outcome, Is.EqualTo(RuleOutcome.Failed));
        Assert.That(example.Finding?.RuleId, Is.EqualTo("pre2019.channels.cover"));
    }

    [Test]
    public void RulesShow_UnknownRule_ExitsTwoWithSuggestions()
    {
        var (code, _, error) = Cli.Run("rules", "show", "row-total");

        Assert.That(code, Is.EqualTo(CliApp.ExitUnusable));
        Assert.That(error, Does.Contain("did you mean: 2019.applications.row-total"));
    }

    [Test]
    public void RulesLint_BuiltInRules_NoProblems()
    {
        var (code, output, _) = Cli.Run("rules", "lint", "rules");

        Assert.That(code, Is.EqualTo(CliApp.ExitOk));
        Assert.That(output, Does.Contain("no problems"));
    }

    [Test]
    public void RulesLint_BrokenFolder_ListsEveryProblemWithFileLineColumnAndRule()
    {
        using var temp = new TempFolder();
        temp.File("a.rules.json", """
            {
              "id": "a",
              "title": { "zh": "a", "en": "a" },
              "rules": [
                { "id": "a.bad-severity", "severity": "fatal", "title": { "zh": "t", "en": "t" }, "message": { "zh": "{actual}", "en": "{actual}" }, "expression": "1 == 1" }
              ]
            }
            """);
        temp.File("b.rules.json", """
            {
              "id": "b",
              "title": { "zh": "b", "en": "b" },
              "schemas": ["2021"],
              "rules": [
                { "id": "b.unknown-cell", "severity": "error", "title": { "zh": "t", "en": "t" }, "message": { "zh": "{actual}", "en": "{actual}" },
                  "expression": "requests.new[total] == no.such[cell]" }
              ]
            }
            """);

        var (code, output, _) = Cli.Run("rules", "lint", temp.Path);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(lines, Has.Some.Match(@"a\.rules\.json:5:\d+: error: \[a\.bad-severity\] unknown severity 'fatal'"));
            Assert.That(lines, Has.Some.Match(@"b\.rules\.json:7:\d+: error: \[b\.unknown-cell\] expression: unknown cell id 'no\.such\[cell\]'"));
            Assert.That(lines[^1], Is.EqualTo("2 problem(s) in 2 file(s)"));
        });
    }
}

public sealed class RulesCrossTests
{
    [Test]
    public void RulesShow_CrossRule_ShowsKindRelationExpressionAndFile()
    {
        var (code, output, _) = Cli.Run("rules", "show", "cross.carry-over", "--lang", "en");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitOk));
            Assert.That(output, Does.Contain("  kind       cross"));
            Assert.That(output, Does.Contain("  relation   previousYear (prev.) (2019,2021)"));
            Assert.That(output, Does.Contain("  expression requests.carried_over[$col] == prev.requests.carry_forward[$col]"));
            Assert.That(output, Does.Contain("  defined in rules/cross/previous-year.cross.json:"));
            Assert.That(output, Does.Not.Contain("example ("), "no single-report example for a rule over two reports");
        });
    }

    [Test]
    public void RulesList_CrossRules_ListedWithTheirFormats()
    {
        var (_, output, _) = Cli.Run("rules", "list", "--schema", "pre2019");

        Assert.That(output, Does.Contain("cross  跨报告比对"));
        Assert.That(output, Does.Not.Contain("  cross.carry-over "), "2019/2021 only");
        Assert.That(output, Does.Contain("  cross.cumulative "));
    }

    [Test]
    public void RulesLint_BrokenCrossFile_ListsLoadAndCompileProblemsWithFileAndLine()
    {
        using var temp = new TempFolder();
        temp.File("y.cross.json", """
            {
              "id": "y",
              "title": { "zh": "y", "en": "y" }, "relation": "previousYear",
              "rules": [
                { "id": "y.bad-relation", "relation": "cousin", "severity": "warning", "title": { "zh": "t", "en": "t" }, "message": { "zh": "{actual}", "en": "{actual}" }, "expression": "1 == 1" },
                { "id": "y.typo", "severity": "warning", "title": { "zh": "t", "en": "t" }, "message": { "zh": "{actual}", "en": "{actual}" },
                  "schemas": ["2021"], "counterpartSchemas": ["2021"], "expression": "review[total] == prev.review[totl]" }
              ]
            }
            """);
        temp.File("z.cross.json", """
            {
              "id": "z",
              "title": { "zh": "z", "en": "z" }, "relation": "parent",
              "rules": [
                { "id": "z.ok", "severity": "info", "title": { "zh": "t", "en": "t" }, "message": { "zh": "{actual}", "en": "{actual}" },
                  "schemas": ["2021"], "counterpartSchemas": ["2021"], "expression": "review[total] <= parent.review[total]" },
                { "id": "z.prefix", "severity": "info", "title": { "zh": "t", "en": "t" }, "message": { "zh": "{actual}", "en": "{actual}" },
                  "schemas": ["2021"], "counterpartSchemas": ["2021"], "expression": "review[total] <= prev.review[total]" }
              ]
            }
            """);

        var (code, output, _) = Cli.Run("rules", "lint", temp.Path);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(lines, Has.Some.Match(@"y\.cross\.json:5:\d+: error: \[y\.bad-relation\] unknown relation 'cousin'"));
            Assert.That(lines, Has.Some.Match(@"z\.cross\.json:7:\d+: error: \[z\.prefix\] expression for 2021→2021: 'prev\.' is not available"));
            Assert.That(lines[^1], Is.EqualTo("2 problem(s) in 2 file(s)"));
        });
    }

    [Test]
    public void RulesLint_RepositoryRules_LintsTableAndCrossFiles()
    {
        var (code, output, _) = Cli.Run("rules", "lint", "rules");
        var cross = RuleSetLoader.LoadEmbedded().Sum(s => s.Rules.Count(r => r.Relation is not null));

        Assert.That(code, Is.EqualTo(CliApp.ExitOk));
        Assert.That(cross, Is.GreaterThan(5));
        Assert.That(output, Does.Contain($" table, {cross} cross-report): no problems"));
    }
}

public sealed class SchemasCommandTests
{
    [Test]
    public void SchemasList_ListsTheThreeFormats()
    {
        var (_, output, _) = Cli.Run("schemas", "list");

        Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]), Is.EqualTo(new[] { "pre2019", "2019", "2021" }));
    }

    [Test]
    public void SchemasShow_2021_ShowsEveryRowWithIdAndLabelIndentedByDepth()
    {
        var (code, output, _) = Cli.Run("schemas", "show", "2021");
        var schema = SchemaCatalog.Get(SchemaVersion.Format2021);

        Assert.That(code, Is.EqualTo(CliApp.ExitOk));
        foreach (var row in schema.Rows)
        {
            var depth = 1;
            for (var p = row.Parent; p is not null; p = p.Parent)
            {
                depth++;
            }

            Assert.That(output, Does.Contain($"\n{new string(' ', depth * 2)}{row.Id}  {row.Label}"), row.Id);
        }

        Assert.That(output, Does.Contain("columns: natural_person 自然人"));
    }

    [Test]
    public void SchemasShow_Unknown_ExitsTwo() =>
        Assert.That(Cli.Run("schemas", "show", "1999").Code, Is.EqualTo(CliApp.ExitUnusable));
}

public sealed class BaselineCommandTests
{
    private const string Examples = "tests/data/examples";

    [Test]
    public void BaselineCreateThenCheck_SameInputs_HidesEveryFinding()
    {
        using var temp = new TempFolder();
        var baseline = temp.File("baseline.json");

        var create = Cli.Run("baseline", "create", Examples, "--out", baseline, "--reason", "known", "--accepted-by", "auditor");
        var check = Cli.Run("check", Examples, "--baseline", baseline, "--lang", "en");

        Assert.Multiple(() =>
        {
            Assert.That(create.Code, Is.EqualTo(CliApp.ExitOk));
            Assert.That(File.ReadAllText(baseline), Does.Contain("\"expires\": \"2026-06-01\""), "one year after the fixed clock");
            Assert.That(check.Code, Is.EqualTo(CliApp.ExitOk));
            Assert.That(check.Out, Does.Contain("14 accepted finding(s) hidden; 0 expired entr(y/ies), 0 stale"), "9 in reports, 5 cross-report");
            Assert.That(check.Out, Does.Contain("5 report(s) checked: 0 error(s), 0 warning(s), 0 info"));
        });
    }

    [Test]
    public void Check_BaselineExpired_ShowsFindingsAgainAndListsExpiredEntries()
    {
        using var temp = new TempFolder();
        var baseline = temp.File("baseline.json");
        Cli.Run("baseline", "create", Examples, "--out", baseline, "--expires", "2025-12-31");

        var check = Cli.Run(new FixedTimeProvider(2026, 1, 1), "check", Examples, "--baseline", baseline, "--lang", "en");

        Assert.Multiple(() =>
        {
            Assert.That(check.Code, Is.EqualTo(CliApp.ExitFindings));
            Assert.That(check.Out, Does.Contain("0 accepted finding(s) hidden; 14 expired entr(y/ies)"), "9 in reports, 5 cross-report");
            Assert.That(check.Out, Does.Contain("[acceptance expired]"));
        });
    }

    [Test]
    public void Check_BaselineOfOtherInputs_ReportsStaleEntriesAndNewFindings()
    {
        using var temp = new TempFolder();
        var baseline = temp.File("baseline.json");
        Cli.Run("baseline", "create", $"{Examples}/seed-004-tongxiang-enforcement-2020.json", "--out", baseline);
        var text = File.ReadAllText(baseline).Replace("2019.table.missing", "2019.table.gone", StringComparison.Ordinal);
        var fingerprintLine = text.Split('\n').First(l => l.Contains("fingerprint", StringComparison.Ordinal));
        File.WriteAllText(baseline, text.Replace(fingerprintLine, "      \"fingerprint\": \"ffffffffffffffff\",", StringComparison.Ordinal));

        var check = Cli.Run("check", Examples, "--baseline", baseline, "--lang", "en", "--format", "json");
        var json = Newtonsoft.Json.Linq.JObject.Parse(check.Out);

        Assert.Multiple(() =>
        {
            Assert.That((int)json["baseline"]!["accepted"]!, Is.EqualTo(4));
            Assert.That(json["baseline"]!["stale"]!.Select(e => (string?)e["fingerprint"]), Is.EqualTo(new[] { "ffffffffffffffff" }));
            Assert.That((int)json["summary"]!["info"]! + (int)json["summary"]!["warning"]! + (int)json["summary"]!["error"]!, Is.EqualTo(10), "14 findings (9 in reports, 5 cross-report), 4 accepted");
        });
    }

    [Test]
    public void BaselineCreate_BadExpiry_ExitsTwo() =>
        Assert.That(Cli.Run("baseline", "create", Examples, "--out", "/tmp/x.json", "--expires", "soon").Code, Is.EqualTo(CliApp.ExitUnusable));

    [Test]
    public void Check_BrokenBaseline_ExitsTwoAndNamesTheProblem()
    {
        using var temp = new TempFolder();
        var baseline = temp.File("baseline.json", "{ \"entries\": [ { \"rule\": \"x\" } ] }");

        var (code, _, error) = Cli.Run("check", Examples, "--baseline", baseline);

        Assert.That(code, Is.EqualTo(CliApp.ExitUnusable));
        Assert.That(error, Does.Contain("'fingerprint' must be a non-empty string"));
    }
}

public sealed class CliAppTests
{
    [Test]
    public void Help_ListsEveryCommand()
    {
        var (code, output, _) = Cli.Run("--help");

        Assert.That(code, Is.EqualTo(CliApp.ExitOk));
        foreach (var name in new[] { "check", "explain", "rules", "schemas", "baseline" })
        {
            Assert.That(output, Does.Contain($"  {name}"), name);
        }
    }

    [Test]
    public void UnknownCommand_ExitsTwo() => Assert.That(Cli.Run("frobnicate").Code, Is.EqualTo(CliApp.ExitUnusable));
}

/// <summary><c>rules lint</c> checks every kind of data file of a folder with the loader that reads it, in one error model.</summary>
public sealed class DataFileLintTests
{
    [Test]
    public void RulesLint_ShippedRulesFolder_EveryKindLoadsWithoutProblems()
    {
        var (code, output, _) = Cli.Run("rules", "lint", "rules");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitOk));
            Assert.That(output, Does.Not.Contain("note:"));
            Assert.That(output, Does.Contain("9 data file(s) (1 agency file, 1 agency lexicon, 1 concept map, 1 fact word lists, 1 narrative lexicon, 1 narrative checks, 3 table description): no problems"));
        });
    }

    [Test]
    public void RulesLint_BrokenCopyOfEveryKind_EveryProblemWithFileLineAndExit2()
    {
        using var temp = new TempFolder();
        // One broken copy of each kind: a duplicate key and a misspelt property (and for a table, a value of the wrong type).
        string[] files = ["tables/2021.table.json", "cross/concepts.json", "cross/facts.json", "agencies/lexicon.json", "agencies/aliases.json", "lexicon/narrative.lexicon.json", "narrative/narrative.checks.json"];
        foreach (var file in files)
        {
            var copy = BrokenDataFiles.Copy(file, root => root["misspelt"] = 1);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(temp.Path, file))!);
            File.WriteAllText(Path.Combine(temp.Path, file), copy);
        }

        var (code, output, _) = Cli.Run("rules", "lint", temp.Path);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitUnusable));
            foreach (var file in files)
            {
                var name = Regex.Escape(Path.Combine(temp.Path, file));
                Assert.That(lines, Has.One.Match($@"^{name}:3:\d+: error: duplicate key '\$dup'"), file);
                Assert.That(lines, Has.One.Match($@"^{name}:\d+:\d+: error: unknown property 'misspelt'"), file);
            }

            Assert.That(lines[^1], Is.EqualTo($"{2 * files.Length} problem(s) in {files.Length} file(s)"));
        });
    }

    [Test]
    public void RulesLint_JsonOfNoKnownKind_NotedNotChecked()
    {
        using var temp = new TempFolder();
        temp.File("notes.json", """{ "hello": 1 }""");

        var (code, output, _) = Cli.Run("rules", "lint", temp.Path);

        Assert.That(code, Is.EqualTo(CliApp.ExitOk));
        Assert.That(output, Does.Contain("notes.json: note: not a kind of data file govstats loads"));
    }

    [Test]
    public void Check_BrokenAgenciesFile_Exit2NamingTheFileAndLineOfEveryProblem()
    {
        using var temp = new TempFolder();
        var agencies = temp.File("my.agencies.json", """
            {
              "agencies": {
                "桐乡市人民政府": { "scope": "everything" }
              },
              "expectd": []
            }
            """);

        var (code, _, error) = Cli.Run("check", "tests/data/examples", "--agencies", agencies);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(error, Does.Contain($"{agencies}(3,").And.Contain("[桐乡市人民政府] unknown scope 'everything'"));
            Assert.That(error, Does.Contain($"{agencies}(5,").And.Contain("unknown property 'expectd'"));
        });
    }
}
