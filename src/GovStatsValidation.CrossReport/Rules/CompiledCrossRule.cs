using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.CrossReport.Rules;

/// <summary>One cross-report rule instance bound for a pair of schemas (this report's, the counterpart's) through the core's public <see cref="ExpressionFrame"/>.</summary>
internal sealed class CompiledCrossRule
{
    public required RuleDefinition Definition { get; init; }

    public required IReadOnlyDictionary<string, string> Bindings { get; init; }

    public required ExpressionFrame Frame { get; init; }

    public required RuleExpression Condition { get; init; }

    public RuleExpression? When { get; init; }

    public RuleExpression? ActualExpression { get; init; }

    public RuleExpression? ExpectedExpression { get; init; }

    /// <summary>Cells that must hold reported numbers.</summary>
    public required IReadOnlyList<FrameCell> Required { get; init; }

    public ReportSchema Self => Frame.Schema;

    public ReportSchema? Other => Frame.Other;

    public string ExpressionText => Condition.Text;

    public string InstanceKey => Bindings.Count == 0 ? "" : string.Join(",", Bindings.Select(b => $"{b.Key}={b.Value}"));
}

/// <summary>A rule instance for a pair of schemas: compiled, or not applicable with the reason.</summary>
/// <param name="Rule">The compiled rule, when it applies.</param>
/// <param name="Instance">The forEach instance.</param>
/// <param name="NotApplicable">Why it does not apply, when it does not.</param>
internal sealed record CrossRuleInstance(CompiledCrossRule? Rule, string Instance, LocalizedText? NotApplicable);

/// <summary>Expands and compiles cross-report rules per pair of schemas; every defect of a rule is a <see cref="DataFileProblem"/>.</summary>
internal static class CrossRuleCompiler
{
    public static IReadOnlyList<CrossRuleInstance> Compile(RuleDefinition rule, ReportSchema self, ReportSchema? other, ConceptMap concepts, string file, List<DataFileProblem> problems)
    {
        var otherVersion = other?.Version ?? self.Version;
        var applies = rule.Relation == RuleRelation.Children ? rule.Schemas.Contains(self.Version) : rule.Covers(self.Version, otherVersion);
        if (!applies)
        {
            var why = rule.NotApplicable ?? Messages.MessageCatalog.Text("cross.reason.formats",
                ("schemas", string.Join("/", rule.Schemas.Select(s => s.ToToken()))), ("counterparts", string.Join("/", rule.CounterpartSchemas.Select(s => s.ToToken()))));
            return [new CrossRuleInstance(null, "", why)];
        }

        var result = new List<CrossRuleInstance>();
        foreach (var bindings in Expand(rule, self, concepts, file, problems))
        {
            result.Add(CompileInstance(rule, bindings, self, other, concepts, file, problems));
        }

        return result;
    }

    private static IEnumerable<IReadOnlyDictionary<string, string>> Expand(RuleDefinition rule, ReportSchema schema, ConceptMap concepts, string file, List<DataFileProblem> problems)
    {
        IEnumerable<Dictionary<string, string>> combos = [new Dictionary<string, string>(StringComparer.Ordinal)];
        foreach (var (name, values) in rule.ForEach)
        {
            var resolved = new List<string>();
            foreach (var value in values)
            {
                if (!value.StartsWith('@'))
                {
                    resolved.Add(value);
                    continue;
                }

                var parts = value[1..].Split(':', 2);
                var table = parts.Length == 2 ? schema.Tables.FirstOrDefault(t => t.Id == parts[1]) : null;
                IEnumerable<string>? set = parts switch
                {
                    ["columns", _] when table is not null => table.Columns.Select(c => c.Id),
                    ["parts", _] when table is not null => table.Columns.Where(c => !c.IsTotal).Select(c => c.Id),
                    ["rows", _] when table is not null => table.AllRows.Where(r => r.Kind == RowKind.Value).Select(r => r.Id),
                    ["concepts", "all"] => concepts.Concepts.Select(c => c.Id),
                    ["concepts", "additive"] => concepts.Concepts.Where(c => c.Additive).Select(c => c.Id),
                    _ => null,
                };
                if (set is null)
                {
                    problems.Add(new DataFileProblem(file, Line(rule), null, rule.Id, $"forEach '{name}': unknown set '{value}' for schema {schema.Version.ToToken()} (known: @columns:TABLE, @parts:TABLE, @rows:TABLE, @concepts:all, @concepts:additive)"));
                    yield break;
                }

                resolved.AddRange(set);
            }

            var current = combos.ToList();
            combos = current.SelectMany(c => resolved.Select(v => new Dictionary<string, string>(c, StringComparer.Ordinal) { [name] = v }));
        }

        foreach (var c in combos)
        {
            yield return c;
        }
    }

    private static CrossRuleInstance CompileInstance(RuleDefinition rule, IReadOnlyDictionary<string, string> bindings, ReportSchema self, ReportSchema? other,
        ConceptMap concepts, string file, List<DataFileProblem> problems)
    {
        var instance = bindings.Count == 0 ? "" : string.Join(",", bindings.Select(b => $"{b.Key}={b.Value}"));
        var relation = rule.Relation ?? throw new ArgumentException($"rule {rule.Id} has no relation", nameof(rule));
        var resolver = new CrossResolver(relation, concepts);
        var frame = CrossResolver.OtherPrefix(relation) is { } prefix && other is not null ? new ExpressionFrame(self, prefix, other) : new ExpressionFrame(self);
        var ok = true;

        RuleExpression? BindText(string what, string? text, bool condition)
        {
            if (text is null)
            {
                return null;
            }

            try
            {
                var bound = frame.Bind(text, bindings, resolver);
                if (bound.IsCondition != condition)
                {
                    throw new RuleExpressionException($"'{what}' must be a {(condition ? "condition" : "number")}", 0, bound.Text);
                }

                return bound;
            }
            catch (RuleExpressionException e)
            {
                problems.Add(new DataFileProblem(file, Line(rule), null, rule.Id,
                    $"{what}{(instance.Length > 0 ? $" [{instance}]" : "")} for {self.Version.ToToken()}→{other?.Version.ToToken() ?? "children"}: {e.Message} (at character {e.Position + 1} of \"{e.Text}\")"));
                ok = false;
                return null;
            }
        }

        RuleExpression? condition, when, actual, expected;
        var required = new List<FrameCell>();
        try
        {
            condition = BindText("expression", rule.Expression, true);
            when = BindText("when", rule.When, true);
            actual = BindText("actual", rule.Actual, false);
            expected = BindText("expected", rule.Expected, false);
            foreach (var id in rule.Requires)
            {
                if (BindText("requires", id, false)?.Cell is { } cell)
                {
                    required.Add(cell);
                }
            }
        }
        catch (ExpressionNotApplicableException e)
        {
            return new CrossRuleInstance(null, instance, e.Reason);
        }

        if (!ok || condition is null)
        {
            return new CrossRuleInstance(null, instance, Messages.MessageCatalog.Text("cross.reason.rule-errors"));
        }

        return new CrossRuleInstance(new CompiledCrossRule
        {
            Definition = rule,
            Bindings = bindings,
            Frame = frame,
            Condition = condition,
            When = when,
            ActualExpression = actual,
            ExpectedExpression = expected,
            Required = required,
        }, instance, null);
    }

    /// <summary>The line of the rule in its file (from <see cref="RuleDefinition.DefinedIn"/>, <c>file:line</c>), for problems found when it is compiled.</summary>
    private static int? Line(RuleDefinition rule) =>
        rule.DefinedIn is { } d && d.LastIndexOf(':') is var i and > 0 && int.TryParse(d[(i + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var line) ? line : null;
}
