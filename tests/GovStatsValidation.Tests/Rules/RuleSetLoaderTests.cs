using GovStatsValidation.Checking;
using GovStatsValidation.Rules;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Rules;

[TestFixture]
public sealed class RuleSetLoaderTests
{
    private const string File = "broken.rules.json";

    /// <summary>Line and 1-based column of the first occurrence of <paramref name="marker"/> in <paramref name="text"/>.</summary>
    private static (int Line, int Column) Where(string text, string marker, int occurrence = 1)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var c = lines[i].IndexOf(marker, StringComparison.Ordinal);
            if (c >= 0 && --occurrence == 0)
            {
                return (i + 1, c + 1);
            }
        }

        throw new ArgumentException($"'{marker}' not in text");
    }

    private static IReadOnlyList<DataFileProblem> LoadProblems(string text) =>
        Assert.Throws<RuleLoadException>(() => RuleSetLoader.Parse(text, File))!.Problems;

    private static IReadOnlyList<DataFileProblem> CompileProblems(string text)
    {
        var options = new GovStatsValidationOptions { UseBuiltInRules = false };
        options.RuleSets.Add(RuleSetLoader.Parse(text, File));
        return Assert.Throws<RuleLoadException>(() => new RuleCatalog(options).CompileAll())!.Problems;
    }

    [Test]
    public void Parse_JsonSyntaxError_NamesFileLineAndColumn()
    {
        const string text = "{\n  \"id\": \"x\",\n  \"rules\": [\n    { \"id\": \"a\" \"severity\": \"error\" }\n  ]\n}";
        var problem = LoadProblems(text).Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem.File, Is.EqualTo(File));
            Assert.That(problem.Line, Is.EqualTo(4));
            Assert.That(problem.Column, Is.Not.Null.And.GreaterThan(0));
            Assert.That(problem.Message, Does.StartWith("not valid JSON"));
            Assert.That(problem.ToString(), Does.StartWith($"{File}(4,"));
        });
    }

    [Test]
    public void Parse_SeveralBrokenRules_ReportsEveryProblemAtOnceWithRuleAndPosition()
    {
        var text = """
            {
              "$schema": "schema/rules.schema.json",
              "id": "broken",
              "title": { "zh": "坏", "en": "Broken" },
              "rules": [
                {
                  "id": "r.unknown-property",
                  "severity": "error",
                  "title": { "zh": "a", "en": "a" },
                  "message": { "zh": "a", "en": "a" },
                  "expresion": "review.total >= 0",
                  "expression": "review.total >= 0"
                },
                {
                  "id": "r.unknown-severity",
                  "severity": "fatal",
                  "title": { "zh": "b", "en": "b" },
                  "message": { "zh": "b", "en": "b" },
                  "expression": "review.total >= 0"
                },
                {
                  "id": "r.placeholders",
                  "severity": "error",
                  "title": { "zh": "c", "en": "c" },
                  "message": { "zh": "合计 {actual}", "en": "total {actual}, expected {expected}" },
                  "expression": "review.total >= 0"
                },
                {
                  "id": "r.unreadable-placeholder",
                  "severity": "error",
                  "title": { "zh": "d", "en": "d" },
                  "message": { "zh": "{nonsense}", "en": "{nonsense}" },
                  "expression": "review.total >= 0"
                },
                {
                  "id": "r.placeholders",
                  "severity": "warning",
                  "title": { "zh": "e", "en": "e" },
                  "message": { "zh": "e", "en": "e" },
                  "expression": "review.total >= 0"
                }
              ]
            }
            """;
        var problems = LoadProblems(text);
        Assert.That(problems.Select(p => (p.Item, p.Line)), Is.EquivalentTo(new (string?, int?)[]
        {
            ("r.unknown-property", Where(text, "\"expresion\"").Line),
            ("r.unknown-severity", Where(text, "\"fatal\"").Line),
            ("r.placeholders", Where(text, "\"合计 {actual}\"").Line),
            ("r.unreadable-placeholder", Where(text, "{nonsense}").Line),
            ("r.unreadable-placeholder", Where(text, "{nonsense}").Line),
            ("r.placeholders", Where(text, "\"id\": \"r.placeholders\"", 2).Line),
        }));
        Assert.Multiple(() =>
        {
            Assert.That(problems.All(p => p.File == File && p.Column is > 0), Is.True);
            Assert.That(problems.Single(p => p.Item == "r.unknown-property").Message, Is.EqualTo("unknown property 'expresion'"));
            Assert.That(problems.Single(p => p.Item == "r.unknown-severity").Message, Is.EqualTo("unknown severity 'fatal' (error, warning, info)"));
            Assert.That(problems.Where(p => p.Item == "r.placeholders").Select(p => p.Message), Does.Contain("the zh and en messages use different placeholders: zh {actual}, en {actual}, {expected}"));
            Assert.That(problems.Where(p => p.Item == "r.placeholders").Select(p => p.Message), Does.Contain("duplicate rule id in this file"));
            Assert.That(problems.Where(p => p.Item == "r.unreadable-placeholder").Select(p => p.Message), Has.All.StartWith("unknown placeholder '{nonsense}'"));
        });
    }

    [Test]
    public void CompileAll_UnknownCellAndTypeError_ReportsBothWithExactColumn()
    {
        var text = """
            {
              "id": "broken",
              "title": { "zh": "坏", "en": "Broken" },
              "schemas": ["pre2019"],
              "rules": [
                {
                  "id": "r.unknown-cell",
                  "severity": "error",
                  "title": { "zh": "a", "en": "a" },
                  "message": { "zh": "a", "en": "a" },
                  "expression": "review.total == review.uphold + review.other"
                },
                {
                  "id": "r.type-error",
                  "severity": "error",
                  "title": { "zh": "b", "en": "b" },
                  "message": { "zh": "b", "en": "b" },
                  "expression": "sum(children(review.total)) && 1"
                },
                {
                  "id": "r.not-a-condition",
                  "severity": "error",
                  "title": { "zh": "c", "en": "c" },
                  "message": { "zh": "c", "en": "c" },
                  "expression": "review.total + 1"
                }
              ]
            }
            """;
        var problems = CompileProblems(text);
        Assert.That(problems.Select(p => p.Item), Is.EqualTo(new[] { "r.unknown-cell", "r.type-error", "r.not-a-condition" }));
        var unknown = problems[0];
        var typeError = problems[1];
        Assert.Multiple(() =>
        {
            Assert.That((unknown.Line, unknown.Column), Is.EqualTo(Where(text, "review.uphold")));
            Assert.That(unknown.Message, Does.Contain("unknown cell id 'review.uphold' in schema pre2019; did you mean 'review.upheld'?"));
            Assert.That(unknown.File, Is.EqualTo(File));
            Assert.That((typeError.Line, typeError.Column), Is.EqualTo(Where(text, "sum(children(review.total)) &&")));
            Assert.That(typeError.Message, Does.Contain("'&&' needs a condition, got a number"));
            Assert.That(problems[2].Message, Does.Contain("'expression' must be a condition"));
        });
    }

    [Test]
    public void CompileAll_UnknownForEachSet_NamesRuleAndKnownSets()
    {
        var problem = CompileProblems(RuleHarness.OneRule("\"forEach\": { \"col\": \"@columns:nope\" }, \"expression\": \"requests.new[$col] >= 0\"", schemas: "\"2021\"")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem.Item, Is.EqualTo("test.rule"));
            Assert.That(problem.Message, Does.StartWith("forEach 'col': unknown set '@columns:nope' for schema 2021"));
            Assert.That(problem.Line, Is.Not.Null);
        });
    }

    [Test]
    public void CompileAll_UnknownRequiredCell_Reported()
    {
        var problem = CompileProblems(RuleHarness.OneRule("\"requires\": [\"review.totl\"], \"expression\": \"review.total >= 0\"", schemas: "\"pre2019\"")).Single();
        Assert.That(problem.Message, Is.EqualTo("requires: unknown cell id 'review.totl' in schema pre2019"));
    }

    [Test]
    public void LoadFolder_TwoBrokenFiles_ReportsProblemsOfBoth()
    {
        var folder = Directory.CreateTempSubdirectory("govstats-rules-");
        try
        {
            System.IO.File.WriteAllText(Path.Combine(folder.FullName, "a.rules.json"), "{ \"id\": ");
            System.IO.File.WriteAllText(Path.Combine(folder.FullName, "b.rules.json"),
                RuleHarness.OneRule("\"expression\": \"review.total >= 0\"", severity: "severe"));
            var problems = Assert.Throws<RuleLoadException>(() => RuleSetLoader.LoadFolder(folder.FullName))!.Problems;
            Assert.That(problems.Select(p => Path.GetFileName(p.File)), Is.EqualTo(new[] { "a.rules.json", "b.rules.json" }));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void RuleCatalog_FolderWithSameSetId_ReplacesTheSet()
    {
        var folder = Directory.CreateTempSubdirectory("govstats-rules-");
        try
        {
            System.IO.File.WriteAllText(Path.Combine(folder.FullName, "mine.rules.json"),
                RuleHarness.OneRule("\"expression\": \"review.total >= 0\"", schemas: "\"pre2019\"").Replace("\"id\": \"test.set\"", "\"id\": \"pre2019.table\""));
            var options = new GovStatsValidationOptions();
            options.RuleFolders.Add(folder.FullName);
            var catalog = new RuleCatalog(options);
            Assert.Multiple(() =>
            {
                Assert.That(catalog.Sets.Single(s => s.Id == "pre2019.table").Rules.Select(r => r.Id), Is.EqualTo(new[] { "test.rule" }));
                Assert.That(catalog.Rules.Select(r => r.Id), Has.None.StartWith("pre2019."));
                Assert.That(catalog.Rules.Select(r => r.Id), Does.Contain("common.count.non-negative"), "other sets stay");
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void RuleCatalog_RuleWithSameId_ReplacesTheRule()
    {
        var overrideSet = RuleHarness.OneRule(
            "\"forEach\": { \"row\": [\"review.total\"] }, \"expression\": \"$row == sum(children($row))\", \"requires\": [\"$row\"]",
            schemas: "\"pre2019\"", severity: "warning").Replace("\"id\": \"test.rule\"", "\"id\": \"pre2019.parts-sum\"");
        var options = new GovStatsValidationOptions();
        options.RuleSets.Add(RuleSetLoader.Parse(overrideSet, "override.rules.json"));
        var checker = new ReportChecker(options);

        var findings = checker.Findings(ReportBuilder.CleanPre2019().Set("review.total", 7).Set("requests.received", 158).Build(), "pre2019.parts-sum");
        Assert.Multiple(() =>
        {
            Assert.That(checker.Explain(ReportBuilder.CleanPre2019().Build()).Where(e => e.RuleId == "pre2019.parts-sum").Select(e => e.Instance),
                Is.EqualTo(new[] { "row=review.total" }), "only the overriding rule is left");
            Assert.That(findings.Select(f => (f.Instance, f.Severity)), Is.EqualTo(new[] { ("row=review.total", Severity.Warning) }));
        });
    }

    [Test]
    public void RuleCatalog_DisabledInOverride_RuleDoesNotRun()
    {
        var overrideSet = RuleHarness.OneRule("\"disabled\": true, \"expression\": \"active.total >= 0\"", schemas: "\"pre2019\"")
            .Replace("\"id\": \"test.rule\"", "\"id\": \"pre2019.channels.cover\"");
        var options = new GovStatsValidationOptions();
        options.RuleSets.Add(RuleSetLoader.Parse(overrideSet, "override.rules.json"));
        var checker = new ReportChecker(options);
        var report = ReportBuilder.CleanPre2019().Build();
        Assert.Multiple(() =>
        {
            Assert.That(RuleHarness.BuiltIn.Findings(report, "pre2019.channels.cover"), Has.Count.EqualTo(1), "runs without the override");
            Assert.That(checker.Findings(report, "pre2019.channels.cover"), Is.Empty);
            Assert.That(checker.Explain(report).Select(e => e.RuleId), Has.None.EqualTo("pre2019.channels.cover"));
        });
    }

    [Test]
    public void ReportChecker_OptionsDisableAndOverrideSeverity_Apply()
    {
        var options = new GovStatsValidationOptions();
        options.DisabledRules.Add("pre2019.channels.cover");
        options.SeverityOverrides["pre2019.parts-sum"] = Severity.Info;
        var checker = new ReportChecker(options);
        var report = ReportBuilder.CleanPre2019().Set("review.total", 7).Build();
        Assert.Multiple(() =>
        {
            Assert.That(checker.Findings(report, "pre2019.channels.cover"), Is.Empty);
            Assert.That(checker.Findings(report, "pre2019.parts-sum").Single().Severity, Is.EqualTo(Severity.Info));
        });
    }

    [Test]
    public void ReportChecker_MinimumSeverityWarning_DropsInfo()
    {
        var checker = new ReportChecker(new GovStatsValidationOptions { MinimumSeverity = Severity.Warning });
        var findings = checker.Check(ReportBuilder.FromExample("seed-002-jiangbei-2017.json").Build()).Findings;
        Assert.That(findings, Is.Empty);
    }
}
