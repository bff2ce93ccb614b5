using GovStatsValidation.Model;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Rules;

/// <summary>One rule instance (a rule with its forEach placeholders filled), compiled for one schema.</summary>
internal sealed class CompiledRule
{
    public required RuleDefinition Definition { get; init; }

    /// <summary>The placeholder values of this instance, e.g. col=natural_person.</summary>
    public required IReadOnlyDictionary<string, string> Bindings { get; init; }

    public required string ExpressionText { get; init; }

    public required Bound Condition { get; init; }

    public Bound? WhenCondition { get; init; }

    public Bound? ActualExpression { get; init; }

    public Bound? ExpectedExpression { get; init; }

    public required CompiledCondition Check { get; init; }

    public CompiledCondition? When { get; init; }

    /// <summary>Slots whose values the rule uses as numbers.</summary>
    public required int[] ValueSlots { get; init; }

    /// <summary>Slots that must hold reported numbers.</summary>
    public required int[] RequiredSlots { get; init; }

    /// <summary>Bit i set: a cell in state i makes the rule not applicable.</summary>
    public required int MissingMask { get; init; }

    public required IReadOnlyList<CellDefinition> ValueCells { get; init; }

    public CellDefinition? Suspect { get; init; }

    /// <summary>The rule's own severity, after options.</summary>
    public required Severity Severity { get; init; }

    public string InstanceKey => _instanceKey ??= Bindings.Count == 0 ? "" : string.Join(",", Bindings.Select(b => $"{b.Key}={b.Value}"));

    private string? _instanceKey;

    /// <summary>What a deferred finding of this instance copies from the frame (worked out on its first finding; see <c>DeferredRuleFinding</c>).</summary>
    internal object? DeferredShape { get; set; }
}

/// <summary>Expands, binds and compiles rule definitions for a schema, collecting every problem.</summary>
internal static class RuleCompiler
{
    public static IReadOnlyList<CompiledRule> Compile(
        IEnumerable<RuleSet> sets, ReportSchema schema, IReadOnlyDictionary<string, Severity>? severityOverrides,
        ISet<string>? disabled, List<DataFileProblem> problems)
    {
        var result = new List<CompiledRule>();
        foreach (var set in sets)
        {
            foreach (var rule in set.Rules)
            {
                if (rule.Relation is not null || rule.Disabled || disabled?.Contains(rule.Id) == true || !rule.Schemas.Contains(schema.Version))
                {
                    continue;
                }

                var severity = severityOverrides is not null && severityOverrides.TryGetValue(rule.Id, out var s) ? s : rule.Severity;
                long terms = 0;
                foreach (var bindings in Expand(rule, schema, set.Source, problems))
                {
                    // A variant is checked with the format's rules: the files are validated against the national form,
                    // and an instance naming a row the variant does not print (it prints another in its place) is left out.
                    var instanceProblems = schema.Variant is null ? problems : [];
                    if (CompileInstance(rule, bindings, schema, severity, set.Source, instanceProblems, ref terms) is { } compiled)
                    {
                        result.Add(compiled);
                        foreach (var table in schema.Tables)
                        {
                            foreach (var column in table.ExtraColumns)
                            {
                                if (ColumnTwin(compiled, schema, table, column) is { } twin)
                                {
                                    result.Add(twin);
                                }
                            }
                        }
                    }

                    if (terms > ProcessingLimits.MaxExpandedTermsPerRule)
                    {
                        problems.Add(new DataFileProblem(set.Source, Line(rule), null, rule.Id,
                            $"the rule's instances expand to more than {ProcessingLimits.MaxExpandedTermsPerRule} cell terms in schema {schema.Version.ToToken()}; compiling stopped (limit: expanded terms per rule {ProcessingLimits.MaxExpandedTermsPerRule})"));
                        break;
                    }
                }
            }
        }

        return result;
    }

    /// <summary>All combinations of the rule's forEach placeholders, with '@…' sets resolved against the schema.</summary>
    private static IEnumerable<IReadOnlyDictionary<string, string>> Expand(RuleDefinition rule, ReportSchema schema, string file, List<DataFileProblem> problems)
    {
        IEnumerable<Dictionary<string, string>> combos = [new Dictionary<string, string>(StringComparer.Ordinal)];
        long instances = 1;
        var sizes = new List<string>();
        foreach (var (name, values) in rule.ForEach)
        {
            var resolved = new List<string>();
            foreach (var value in values)
            {
                if (value.StartsWith('@'))
                {
                    var set = ResolveSet(value, schema);
                    if (set is null)
                    {
                        problems.Add(new DataFileProblem(file, Line(rule), null, rule.Id, $"forEach '{name}': unknown set '{value}' for schema {schema.Version.ToToken()} (known: @columns:TABLE, @parts:TABLE, @rows:TABLE, @cells:count, @cells:amount, @cells:signed, @cells:all)"));
                        yield break;
                    }

                    resolved.AddRange(set);
                }
                else
                {
                    resolved.Add(value);
                }
            }

            // The product is known before a single instance is made: a rule that would expand past the budget is refused whole.
            instances *= Math.Max(1, resolved.Count);
            sizes.Add($"{resolved.Count} values of '{name}'");
            if (instances > ProcessingLimits.MaxRuleInstances)
            {
                problems.Add(new DataFileProblem(file, Line(rule), null, rule.Id,
                    $"forEach expands to more than {ProcessingLimits.MaxRuleInstances} instances in schema {schema.Version.ToToken()} ({string.Join(" × ", sizes)}); limit: rule instances {ProcessingLimits.MaxRuleInstances}"));
                yield break;
            }

            var current = combos.ToList();
            combos = current.SelectMany(c => resolved.Select(v => new Dictionary<string, string>(c, StringComparer.Ordinal) { [name] = v }));
        }

        foreach (var c in combos)
        {
            yield return c;
        }
    }

    private static IReadOnlyList<string>? ResolveSet(string name, ReportSchema schema)
    {
        var parts = name[1..].Split(':', 2);
        var table = parts.Length == 2 ? schema.Tables.FirstOrDefault(t => t.Id == parts[1]) : null;
        return parts[0] switch
        {
            "columns" when table is not null => table.Columns.Select(c => c.Id).ToList(),
            "parts" when table is not null => table.Columns.Where(c => !c.IsTotal).Select(c => c.Id).ToList(),
            "rows" when table is not null => table.AllRows.Where(r => r.Kind == RowKind.Value).Select(r => r.Id).ToList(),
            "cells" when parts.Length == 2 && parts[1] == "all" => schema.Cells.Select(c => c.Id.Value).ToList(),
            "cells" when parts.Length == 2 && parts[1] == "count" => schema.Cells.Where(c => c.Kind == ValueKind.Count).Select(c => c.Id.Value).ToList(),
            "cells" when parts.Length == 2 && parts[1] == "amount" => schema.Cells.Where(c => c.Kind == ValueKind.Amount).Select(c => c.Id.Value).ToList(),
            "cells" when parts.Length == 2 && parts[1] == "signed" => schema.Cells.Where(c => c.Kind == ValueKind.SignedCount).Select(c => c.Id.Value).ToList(),
            _ => null,
        };
    }

    private static CompiledRule? CompileInstance(RuleDefinition rule, IReadOnlyDictionary<string, string> bindings, ReportSchema schema, Severity severity, string file, List<DataFileProblem> problems, ref long terms)
    {
        var binder = new Binder(schema);
        try
        {
            return CompileInstance(rule, bindings, schema, severity, file, problems, binder);
        }
        finally
        {
            terms += binder.Terms;
        }
    }

    private static CompiledRule? CompileInstance(RuleDefinition rule, IReadOnlyDictionary<string, string> bindings, ReportSchema schema, Severity severity, string file, List<DataFileProblem> problems, Binder binder)
    {
        var instance = bindings.Count == 0 ? "" : $" [{string.Join(", ", bindings.Select(b => $"{b.Key}={b.Value}"))}]";
        var ok = true;

        Bound? BindText(string what, string? text, bool condition)
        {
            if (text is null)
            {
                return null;
            }

            var substituted = Substitute(text, bindings);
            try
            {
                var bound = binder.Bind(ExpressionParser.Parse(substituted));
                var wanted = condition ? ExprType.Boolean : ExprType.Number;
                if (bound.Type != wanted)
                {
                    throw new BindException($"'{what}' must be a {(condition ? "condition (a comparison or test)" : "number")}", 0);
                }

                return bound;
            }
            catch (Exception e) when (e is ExpressionSyntaxException or BindException)
            {
                var position = e is ExpressionSyntaxException se ? se.Position : ((BindException)e).Position;
                var (line, column) = rule.TextLocations.TryGetValue(what, out var at) ? at : (Line(rule) ?? 0, 0);
                // The position is in the substituted text; it maps back exactly when no placeholder precedes it.
                problems.Add(new DataFileProblem(file, line == 0 ? null : line, column == 0 ? null : column + position, rule.Id,
                    $"{what}{instance}: {e.Message} (at character {position + 1} of \"{substituted}\")"));
                ok = false;
                return null;
            }
        }

        var condition = BindText("expression", rule.Expression, condition: true);
        var when = BindText("when", rule.When, condition: true);
        var actual = BindText("actual", rule.Actual, condition: false);
        var expected = BindText("expected", rule.Expected, condition: false);

        var requires = new List<CellDefinition>();
        foreach (var id in rule.Requires)
        {
            var cellId = Substitute(id, bindings);
            if (schema.TryGetCell(new CellId(cellId), out var cell))
            {
                requires.Add(cell);
            }
            else
            {
                problems.Add(new DataFileProblem(file, Line(rule), null, rule.Id, $"requires{instance}: unknown cell id '{cellId}' in schema {schema.Version.ToToken()}"));
                ok = false;
            }
        }

        CellDefinition? suspect = null;
        if (rule.Suspect is { } suspectText && !schema.TryGetCell(new CellId(Substitute(suspectText, bindings)), out suspect))
        {
            problems.Add(new DataFileProblem(file, Line(rule), null, rule.Id, $"suspect{instance}: unknown cell id '{Substitute(suspectText, bindings)}'"));
            ok = false;
        }

        if (!ok || condition is null)
        {
            return null;
        }

        var valueCells = new SortedSet<CellDefinition>(Comparer<CellDefinition>.Create((a, b) => a.Slot.CompareTo(b.Slot)));
        ExpressionCompiler.CollectValueCells(condition, valueCells);
        var mask = 0;
        foreach (var state in Enum.GetValues<CellState>())
        {
            if (rule.Missing.For(state) == MissingTreatment.Missing)
            {
                mask |= 1 << (int)state;
            }
        }

        return new CompiledRule
        {
            Definition = rule,
            Bindings = bindings,
            ExpressionText = Substitute(rule.Expression, bindings),
            Condition = condition,
            WhenCondition = when,
            ActualExpression = actual,
            ExpectedExpression = expected,
            Check = ExpressionCompiler.CompileCondition(condition, Fixed.FromDecimal(rule.Tolerance)),
            When = when is null ? null : ExpressionCompiler.CompileCondition(when, 0),
            ValueSlots = valueCells.Select(c => c.Slot).ToArray(),
            RequiredSlots = requires.Select(c => c.Slot).ToArray(),
            MissingMask = mask,
            ValueCells = valueCells.ToList(),
            Suspect = suspect,
            Severity = severity,
        };
    }

    /// <summary>
    /// The same instance over an extra column of a variant (历年累计): every cell of the table replaced by its cell in
    /// that column. It applies only when the report prints something in the column. <see langword="null"/> when the
    /// instance reads no cell of the table, or a cell with no counterpart in the column.
    /// </summary>
    private static CompiledRule? ColumnTwin(CompiledRule rule, ReportSchema schema, TableDefinition table, ColumnDefinition column)
    {
        var touched = false;
        var complete = true;
        CellDefinition Map(CellDefinition cell)
        {
            if (cell.Row.Table == table && cell.Column is null && schema.TryGetCell(CellId.Of(cell.Row.Id, column.Id), out var twin))
            {
                touched = true;
                return twin;
            }

            complete = false;
            return cell;
        }

        var condition = Rebind(rule.Condition, Map);
        var when = rule.WhenCondition is null ? null : Rebind(rule.WhenCondition, Map);
        var actual = rule.ActualExpression is null ? null : Rebind(rule.ActualExpression, Map);
        var expected = rule.ExpectedExpression is null ? null : Rebind(rule.ExpectedExpression, Map);
        var required = rule.RequiredSlots.Select(slot => Map(schema.Cells[slot])).ToList();
        var suspect = rule.Suspect is null ? null : Map(rule.Suspect);
        if (!touched || !complete)
        {
            return null;
        }

        var columnCells = table.AllRows.SelectMany(r => r.Cells).Where(c => c.Column == column).ToList();
        Bound guard = new BoundPredicate("reported", columnCells, null, 0);
        when = when is null ? guard : new BoundBinary("&&", guard, when, ExprType.Boolean, 0);
        var valueCells = new SortedSet<CellDefinition>(Comparer<CellDefinition>.Create((a, b) => a.Slot.CompareTo(b.Slot)));
        ExpressionCompiler.CollectValueCells(condition, valueCells);
        return new CompiledRule
        {
            Definition = rule.Definition,
            Bindings = new Dictionary<string, string>(rule.Bindings, StringComparer.Ordinal) { [ColumnBinding] = column.Id },
            ExpressionText = rule.ExpressionText + $" [{column.Id}]",
            Condition = condition,
            WhenCondition = when,
            ActualExpression = actual,
            ExpectedExpression = expected,
            Check = ExpressionCompiler.CompileCondition(condition, Fixed.FromDecimal(rule.Definition.Tolerance)),
            When = ExpressionCompiler.CompileCondition(when, 0),
            ValueSlots = valueCells.Select(c => c.Slot).ToArray(),
            RequiredSlots = required.Select(c => c.Slot).ToArray(),
            MissingMask = rule.MissingMask,
            ValueCells = valueCells.ToList(),
            Suspect = suspect,
            Severity = rule.Severity,
        };
    }

    /// <summary>The binding that marks an instance evaluated over an extra column of a variant (value: the column id).</summary>
    internal const string ColumnBinding = "column";

    private static Bound Rebind(Bound bound, Func<CellDefinition, CellDefinition> map) => bound switch
    {
        BoundCell c => c with { Cell = map(c.Cell) },
        BoundList l => l with { Cells = l.Cells.Select(map).ToList() },
        BoundPredicate p => p with { Cells = p.Cells.Select(map).ToList(), Operand = p.Operand is null ? null : Rebind(p.Operand, map) },
        BoundUnary u => u with { Operand = Rebind(u.Operand, map) },
        BoundBinary b => b with { Left = Rebind(b.Left, map), Right = Rebind(b.Right, map) },
        BoundNumericCall n => n with { Arguments = n.Arguments.Select(a => Rebind(a, map)).ToList() },
        _ => bound,
    };

    internal static string Substitute(string text, IReadOnlyDictionary<string, string> bindings)
    {
        foreach (var (name, value) in bindings.OrderByDescending(b => b.Key.Length))
        {
            text = text.Replace("$" + name, value, StringComparison.Ordinal);
        }

        return text;
    }

    private static int? Line(RuleDefinition rule) =>
        rule.DefinedIn is { } d && d.LastIndexOf(':') is var i and > 0 && int.TryParse(d[(i + 1)..], out var line) ? line : null;
}
