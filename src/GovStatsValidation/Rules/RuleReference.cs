using System.Globalization;
using System.Text;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Rules;

/// <summary>Writes the reference of rule sets (<c>docs/rules.md</c> for the built-in ones): per rule its id, severity, schemas, expression and messages.</summary>
internal static class RuleReference
{
    /// <summary>The Markdown reference of the given rule sets.</summary>
    public static string Markdown(IEnumerable<RuleSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var sb = new StringBuilder();
        sb.AppendLine("# Built-in rules");
        sb.AppendLine();
        sb.AppendLine("Generated from `rules/*.rules.json` by `RuleReference.Markdown()`; do not edit by hand. Severity: **error** — the table's own");
        sb.AppendLine("figures cannot all be true, or a required part is missing; **warning** — very likely wrong, a person must look; **info** — for the record.");
        foreach (var set in sets)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"## `{set.Id}` — {set.Title.Zh} / {set.Title.En}");
            foreach (var rule in set.Rules)
            {
                sb.AppendLine();
                sb.AppendLine(CultureInfo.InvariantCulture, $"### `{rule.Id}` ({rule.Severity.ToString().ToLowerInvariant()}{(rule.Emit == EmitMode.Always ? $", always shown; {rule.PassSeverity.ToString().ToLowerInvariant()} when it holds" : "")})");
                sb.AppendLine();
                sb.AppendLine(CultureInfo.InvariantCulture, $"{rule.Title.Zh} — {rule.Title.En}. Schemas: {string.Join(", ", rule.Schemas.Select(s => s.ToToken()))}.");
                sb.AppendLine();
                sb.AppendLine("```");
                sb.AppendLine(rule.Expression);
                sb.AppendLine("```");
                if (rule.ForEach.Count > 0)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"- for each: {string.Join("; ", rule.ForEach.Select(f => $"`${f.Key}` in {string.Join(", ", f.Value)}"))}");
                }

                if (rule.When is { } when)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"- when: `{when}`");
                }

                if (rule.Requires.Count > 0)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"- requires reported: {string.Join(", ", rule.Requires.Select(r => $"`{r}`"))}");
                }

                if (rule.Missing != MissingPolicy.Default)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"- missing values: blank→{rule.Missing.Blank}, absent→{rule.Missing.Absent}, placeholder→{rule.Missing.Placeholder}, unreadable→{rule.Missing.Unreadable}");
                }

                sb.AppendLine(CultureInfo.InvariantCulture, $"- message (zh): {rule.Message.Zh}");
                sb.AppendLine(CultureInfo.InvariantCulture, $"- message (en): {rule.Message.En}");
            }
        }

        return sb.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
