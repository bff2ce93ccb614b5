using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;

namespace GovStatsValidation.Tests;

/// <summary>Runs reports through the built-in checker, or through a checker of rule sets written in a test.</summary>
internal static class RuleHarness
{
    public static ReportChecker BuiltIn { get; } = new();

    /// <summary>A checker with only the given rule file text (no built-in rules).</summary>
    public static ReportChecker With(string ruleSetJson, Action<GovStatsValidationOptions>? configure = null)
    {
        var options = new GovStatsValidationOptions { UseBuiltInRules = false };
        options.RuleSets.Add(RuleSetLoader.Parse(ruleSetJson, "test.rules.json"));
        configure?.Invoke(options);
        return new ReportChecker(options);
    }

    /// <summary>A rule file text with one rule; <paramref name="ruleBody"/> is the JSON members after id/severity/title/message.</summary>
    public static string OneRule(string ruleBody, string schemas = "\"*\"", string severity = "error", string message = "{formula}") =>
        $$"""
        {
          "$schema": "schema/rules.schema.json",
          "id": "test.set",
          "title": { "zh": "测试", "en": "Test" },
          "schemas": [{{schemas}}],
          "rules": [
            {
              "id": "test.rule",
              "severity": "{{severity}}",
              "title": { "zh": "测试规则", "en": "Test rule" },
              "message": { "zh": "{{message}}", "en": "{{message}}" },
              {{ruleBody}}
            }
          ]
        }
        """;

    public static IReadOnlyList<Finding> Findings(this ReportChecker checker, AnnualReport report, string ruleId) =>
        checker.Check(report).Findings.Where(f => f.RuleId == ruleId).ToList();

    public static RuleEvaluation Single(this ReportChecker checker, AnnualReport report, string ruleId, string instance = "") =>
        checker.Explain(report).Single(e => e.RuleId == ruleId && e.Instance == instance);
}
