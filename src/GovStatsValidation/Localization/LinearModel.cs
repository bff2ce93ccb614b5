using GovStatsValidation.Checking;
using GovStatsValidation.Rules;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Localization;

/// <summary>A rule instance whose condition is a linear comparison of cells: Σ coefficient × cell + constant OP 0.</summary>
internal sealed class LinearConstraint
{
    public required int RuleIndex { get; init; }

    public required CompiledRule Rule { get; init; }

    public required int[] Slots { get; init; }

    public required long[] Coefficients { get; init; }

    /// <summary>The constant term, scaled (<see cref="Fixed.Scale"/>).</summary>
    public required long Constant { get; init; }

    /// <summary>==, &lt;=, &gt;=, &lt; or &gt;.</summary>
    public required string Operator { get; init; }

    public bool IsEquality => Operator == "==";

    public string Key => Rule.InstanceKey.Length == 0 ? Rule.Definition.Id : $"{Rule.Definition.Id} [{Rule.InstanceKey}]";

    public long Coefficient(int slot)
    {
        var i = Array.IndexOf(Slots, slot);
        return i < 0 ? 0 : Coefficients[i];
    }
}

/// <summary>
/// The linear rules of a compiled rule set, with what the localization needs to know about each cell: the identities
/// that read it, its role (part, total, subtotal, term) and its neighbours in the printed table.
/// </summary>
internal sealed class LinearModel
{
    private LinearModel(CompiledRuleSet set, LinearConstraint?[] constraints, CellRole[] roles, int[][] neighbours, int[][] parts, int[][] equalitiesBySlot, int[][] rulesBySlot)
    {
        RulesBySlot = rulesBySlot;
        Set = set;
        Constraints = constraints;
        Roles = roles;
        Neighbours = neighbours;
        Parts = parts;
        EqualitiesBySlot = equalitiesBySlot;
    }

    public CompiledRuleSet Set { get; }

    /// <summary>Per rule instance (same index as <see cref="CompiledRuleSet.Rules"/>): its linear form, or null when it has none.</summary>
    public LinearConstraint?[] Constraints { get; }

    public CellRole[] Roles { get; }

    /// <summary>Per slot: the cells printed next to it (same row, next column; same column, next row).</summary>
    public int[][] Neighbours { get; }

    /// <summary>Per slot: the parts it is the total of, when it is a total.</summary>
    public int[][] Parts { get; }

    /// <summary>Per slot: the indices of the equality constraints that read it.</summary>
    public int[][] EqualitiesBySlot { get; }

    /// <summary>
    /// Per slot: the indices of every rule instance whose outcome can depend on its value (its condition, its <c>when</c>, its
    /// required cells). A change of that value leaves every other rule's outcome as it was.
    /// </summary>
    public int[][] RulesBySlot { get; }

    public static LinearModel Build(CompiledRuleSet set)
    {
        var schema = set.Schema;
        var constraints = new LinearConstraint?[set.Rules.Count];
        for (var i = 0; i < set.Rules.Count; i++)
        {
            constraints[i] = TryLinearize(set.Rules[i], i);
        }

        var n = schema.Cells.Count;
        var isTotal = new bool[n];
        var isPart = new bool[n];
        var parts = new HashSet<int>[n];
        var bySlot = new List<int>[n];
        for (var s = 0; s < n; s++)
        {
            parts[s] = [];
            bySlot[s] = [];
        }

        foreach (var c in constraints)
        {
            if (c is null || !c.IsEquality)
            {
                continue;
            }

            foreach (var slot in c.Slots)
            {
                bySlot[slot].Add(c.RuleIndex);
            }

            var positive = c.Slots.Where((_, k) => c.Coefficients[k] > 0).ToList();
            var negative = c.Slots.Where((_, k) => c.Coefficients[k] < 0).ToList();
            foreach (var (one, many) in new[] { (positive, negative), (negative, positive) })
            {
                if (one.Count == 1 && many.Count >= 2)
                {
                    isTotal[one[0]] = true;
                    foreach (var p in many)
                    {
                        isPart[p] = true;
                        parts[one[0]].Add(p);
                    }
                }
            }
        }

        var roles = new CellRole[n];
        for (var s = 0; s < n; s++)
        {
            roles[s] = (isTotal[s], isPart[s]) switch
            {
                (true, true) => CellRole.Subtotal,
                (true, false) => CellRole.Total,
                (false, true) => CellRole.Leaf,
                _ => CellRole.Term,
            };
        }

        var rulesBySlot = new List<int>[n];
        for (var s = 0; s < n; s++)
        {
            rulesBySlot[s] = [];
        }

        for (var i = 0; i < set.Rules.Count; i++)
        {
            var rule = set.Rules[i];
            var read = new HashSet<int>(rule.ValueSlots);
            read.UnionWith(rule.RequiredSlots);
            if (rule.WhenCondition is { } when)
            {
                var cells = new HashSet<CellDefinition>();
                ExpressionCompiler.CollectValueCells(when, cells);
                read.UnionWith(cells.Select(c => c.Slot));
            }

            foreach (var slot in read)
            {
                rulesBySlot[slot].Add(i);
            }
        }

        return new LinearModel(set, constraints, roles, Grid(schema), parts.Select(p => p.Order().ToArray()).ToArray(), bySlot.Select(b => b.ToArray()).ToArray(),
            rulesBySlot.Select(r => r.ToArray()).ToArray());
    }

    /// <summary>Neighbours in the printed grid of each table: value rows in order, columns in order.</summary>
    private static int[][] Grid(ReportSchema schema)
    {
        var result = new List<int>[schema.Cells.Count];
        for (var s = 0; s < result.Length; s++)
        {
            result[s] = [];
        }

        foreach (var table in schema.Tables)
        {
            var rows = table.AllRows.Where(r => r.Cells.Count > 0).ToList();
            for (var r = 0; r < rows.Count; r++)
            {
                var cells = rows[r].Cells;
                for (var c = 0; c < cells.Count; c++)
                {
                    var slot = cells[c].Slot;
                    if (c > 0)
                    {
                        result[slot].Add(cells[c - 1].Slot);
                    }

                    if (c + 1 < cells.Count)
                    {
                        result[slot].Add(cells[c + 1].Slot);
                    }

                    foreach (var other in new[] { r - 1, r + 1 })
                    {
                        if (other >= 0 && other < rows.Count)
                        {
                            var match = rows[other].Cells.FirstOrDefault(x => x.Column?.Id == cells[c].Column?.Id);
                            if (match is not null)
                            {
                                result[slot].Add(match.Slot);
                            }
                        }
                    }
                }
            }
        }

        return result.Select(l => l.Distinct().ToArray()).ToArray();
    }

    private static LinearConstraint? TryLinearize(CompiledRule rule, int index)
    {
        if (rule.Condition is not BoundBinary { Operator: "==" or "<=" or ">=" or "<" or ">", Left.Type: ExprType.Number } b)
        {
            return null;
        }

        var coefficients = new SortedDictionary<int, long>();
        long constant = 0;
        try
        {
            if (!Add(b.Left, 1, coefficients, ref constant) || !Add(b.Right, -1, coefficients, ref constant))
            {
                return null;
            }
        }
        catch (OverflowException)
        {
            // Constants beyond what fixed point holds: the rule takes no part in localization (its check reports the overflow).
            return null;
        }

        var terms = coefficients.Where(kv => kv.Value != 0).ToList();
        if (terms.Count == 0)
        {
            return null;
        }

        return new LinearConstraint
        {
            RuleIndex = index,
            Rule = rule,
            Slots = terms.Select(t => t.Key).ToArray(),
            Coefficients = terms.Select(t => t.Value).ToArray(),
            Constant = constant,
            Operator = b.Operator,
        };
    }

    private static bool Add(Bound bound, long factor, SortedDictionary<int, long> coefficients, ref long constant)
    {
        switch (bound)
        {
            case BoundConstant c:
                constant += factor * c.Scaled;
                return true;
            case BoundCell cell:
                coefficients[cell.Cell.Slot] = coefficients.GetValueOrDefault(cell.Cell.Slot) + factor;
                return true;
            case BoundList list:
                foreach (var cell in list.Cells)
                {
                    coefficients[cell.Slot] = coefficients.GetValueOrDefault(cell.Slot) + factor;
                }

                return true;
            case BoundUnary { Operator: "-" } u:
                return Add(u.Operand, -factor, coefficients, ref constant);
            case BoundUnary { Operator: "+" } u:
                return Add(u.Operand, factor, coefficients, ref constant);
            case BoundBinary { Operator: "+" } p:
                return Add(p.Left, factor, coefficients, ref constant) && Add(p.Right, factor, coefficients, ref constant);
            case BoundBinary { Operator: "-" } m:
                return Add(m.Left, factor, coefficients, ref constant) && Add(m.Right, -factor, coefficients, ref constant);
            case BoundBinary { Operator: "*" } t when t.Left is BoundConstant { Scaled: var k } && k % Fixed.Scale == 0:
                return Add(t.Right, factor * (k / Fixed.Scale), coefficients, ref constant);
            case BoundBinary { Operator: "*" } t when t.Right is BoundConstant { Scaled: var k } && k % Fixed.Scale == 0:
                return Add(t.Left, factor * (k / Fixed.Scale), coefficients, ref constant);
            case BoundNumericCall { Function: "sum" } s:
                foreach (var argument in s.Arguments)
                {
                    if (!Add(argument, factor, coefficients, ref constant))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }
}
