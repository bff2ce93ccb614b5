using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.CrossReport.Rules;

/// <summary>One cross-report rule instance compiled for a pair of schemas (this report's, the counterpart's).</summary>
internal sealed class CompiledCrossRule
{
    public required RuleDefinition Definition { get; init; }

    public required IReadOnlyDictionary<string, string> Bindings { get; init; }

    public required string ExpressionText { get; init; }

    public required Bound Condition { get; init; }

    public Bound? ActualExpression { get; init; }

    public Bound? ExpectedExpression { get; init; }

    public required CompiledCondition Check { get; init; }

    public CompiledCondition? When { get; init; }

    public required IReadOnlyList<CellDefinition> ValueCells { get; init; }

    public required int[] RequiredSlots { get; init; }

    public required int MissingMask { get; init; }

    public required IReadOnlyList<VirtualSlot> Virtuals { get; init; }

    public required ReportSchema Self { get; init; }

    public ReportSchema? Other { get; init; }

    public required int OtherOffset { get; init; }

    public required int VirtualOffset { get; init; }

    public required int FrameSize { get; init; }

    public string InstanceKey => Bindings.Count == 0 ? "" : string.Join(",", Bindings.Select(b => $"{b.Key}={b.Value}"));
}

/// <summary>A rule instance for a pair of schemas: compiled, or not applicable with the reason.</summary>
/// <param name="Rule">The compiled rule, when it applies.</param>
/// <param name="Instance">The forEach instance.</param>
/// <param name="NotApplicable">Why it does not apply, when it does not.</param>
internal sealed record CrossRuleInstance(CompiledCrossRule? Rule, string Instance, LocalizedText? NotApplicable);

/// <summary>Expands and compiles cross-report rules per pair of schemas; every defect of a rule is a <see cref="RuleProblem"/>.</summary>
internal static class CrossRuleCompiler
{
    public static IReadOnlyList<CrossRuleInstance> Compile(RuleDefinition rule, ReportSchema self, ReportSchema? other, ConceptMap concepts, string file, List<RuleProblem> problems)
    {
        var otherVersion = other?.Version ?? self.Version;
        var applies = rule.Relation == RuleRelation.Children ? rule.Schemas.Contains(self.Version) : rule.Covers(self.Version, otherVersion);
        if (!applies)
        {
            var why = rule.NotApplicable ?? new LocalizedText(
                $"规则只适用于 {string.Join("/", rule.Schemas.Select(s => s.ToToken()))} → {string.Join("/", rule.CounterpartSchemas.Select(s => s.ToToken()))} 格式组合",
                $"the rule is defined for formats {string.Join("/", rule.Schemas.Select(s => s.ToToken()))} against {string.Join("/", rule.CounterpartSchemas.Select(s => s.ToToken()))}");
            return [new CrossRuleInstance(null, "", why)];
        }

        var result = new List<CrossRuleInstance>();
        foreach (var bindings in Expand(rule, self, concepts, file, problems))
        {
            result.Add(CompileInstance(rule, bindings, self, other, concepts, file, problems));
        }

        return result;
    }

    private static IEnumerable<IReadOnlyDictionary<string, string>> Expand(RuleDefinition rule, ReportSchema schema, ConceptMap concepts, string file, List<RuleProblem> problems)
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
                    problems.Add(new RuleProblem(file, null, null, rule.Id, $"forEach '{name}': unknown set '{value}' for schema {schema.Version.ToToken()} (known: @columns:TABLE, @parts:TABLE, @rows:TABLE, @concepts:all, @concepts:additive)"));
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
        ConceptMap concepts, string file, List<RuleProblem> problems)
    {
        var instance = bindings.Count == 0 ? "" : string.Join(",", bindings.Select(b => $"{b.Key}={b.Value}"));
        var binder = new CrossBinder(rule.Relation ?? throw new ArgumentException($"rule {rule.Id} has no relation", nameof(rule)), self, other, concepts);
        var ok = true;

        Bound? BindText(string what, string? text, bool condition)
        {
            if (text is null)
            {
                return null;
            }

            var substituted = GovStatsValidation.Rules.RuleCompiler.Substitute(text, bindings);
            try
            {
                var bound = binder.Bind(ExpressionParser.Parse(substituted));
                if (bound.Type != (condition ? ExprType.Boolean : ExprType.Number))
                {
                    throw new BindException($"'{what}' must be a {(condition ? "condition" : "number")}", 0);
                }

                return bound;
            }
            catch (Exception e) when (e is ExpressionSyntaxException or BindException)
            {
                var position = e is ExpressionSyntaxException se ? se.Position : ((BindException)e).Position;
                problems.Add(new RuleProblem(file, null, null, rule.Id,
                    $"{what}{(instance.Length > 0 ? $" [{instance}]" : "")} for {self.Version.ToToken()}→{other?.Version.ToToken() ?? "children"}: {e.Message} (at character {position + 1} of \"{substituted}\")"));
                ok = false;
                return null;
            }
        }

        Bound? condition, when, actual, expected;
        try
        {
            condition = BindText("expression", rule.Expression, true);
            when = BindText("when", rule.When, true);
            actual = BindText("actual", rule.Actual, false);
            expected = BindText("expected", rule.Expected, false);
        }
        catch (NotApplicableException e)
        {
            return new CrossRuleInstance(null, instance, e.Reason);
        }

        var required = new List<int>();
        foreach (var id in rule.Requires)
        {
            try
            {
                if (BindText("requires", GovStatsValidation.Rules.RuleCompiler.Substitute(id, bindings), false) is BoundCell c)
                {
                    required.Add(c.Cell.Slot);
                }
            }
            catch (NotApplicableException e)
            {
                return new CrossRuleInstance(null, instance, e.Reason);
            }
        }

        if (!ok || condition is null)
        {
            return new CrossRuleInstance(null, instance, new LocalizedText("规则有误", "the rule has errors"));
        }

        var cells = new SortedSet<CellDefinition>(Comparer<CellDefinition>.Create((a, b) => a.Slot.CompareTo(b.Slot)));
        ExpressionCompiler.CollectValueCells(condition, cells);
        var mask = 0;
        foreach (var state in Enum.GetValues<CellState>())
        {
            if (rule.Missing.For(state) == MissingTreatment.Missing)
            {
                mask |= 1 << (int)state;
            }
        }

        return new CrossRuleInstance(new CompiledCrossRule
        {
            Definition = rule,
            Bindings = bindings,
            ExpressionText = GovStatsValidation.Rules.RuleCompiler.Substitute(rule.Expression, bindings),
            Condition = condition,
            ActualExpression = actual,
            ExpectedExpression = expected,
            Check = ExpressionCompiler.CompileCondition(condition, Fixed.FromDecimal(rule.Tolerance)),
            When = when is null ? null : ExpressionCompiler.CompileCondition(when, 0),
            ValueCells = cells.ToList(),
            RequiredSlots = required.ToArray(),
            MissingMask = mask,
            Virtuals = binder.Virtuals.ToList(),
            Self = self,
            Other = other,
            OtherOffset = binder.OtherOffset,
            VirtualOffset = binder.VirtualOffset,
            FrameSize = binder.FrameSize,
        }, instance, null);
    }
}
