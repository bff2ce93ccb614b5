using GovStatsValidation.Checking;
using GovStatsValidation.Rules;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Localization;

/// <summary>How a rule reads a cell.</summary>
public enum RuleUseKind
{
    /// <summary>A term of a linear identity (a change of the cell alone breaks it): the strongest check.</summary>
    Equality,

    /// <summary>A term of a linear bound between cells (≤, ≥): catches a change in one direction only.</summary>
    Bound,

    /// <summary>Another condition over several cells (a pair test, a blank-total test).</summary>
    Other,

    /// <summary>A test of the cell alone (not negative, a whole number, not unreadable, not a placeholder).</summary>
    Sanity,
}

/// <summary>One rule instance that reads a cell.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Instance">The forEach instance, or empty.</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="Kind">How it reads the cell.</param>
public sealed record RuleUse(string RuleId, string Instance, Severity Severity, RuleUseKind Kind);

/// <summary>Which rules read one cell of a format.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Label">Its label.</param>
/// <param name="Role">Its part in the identities.</param>
/// <param name="Rules">The rule instances that read it.</param>
public sealed record CellCoverage(CellId Cell, string Label, CellRole Role, IReadOnlyList<RuleUse> Rules)
{
    /// <summary>How many identities read the cell.</summary>
    public int Equalities => Rules.Count(r => r.Kind == RuleUseKind.Equality);

    /// <summary>Read by no rule beyond the tests of the cell alone: an error in it cannot be seen.</summary>
    public bool Uncovered => Rules.All(r => r.Kind == RuleUseKind.Sanity);

    /// <summary>Read by one-way bounds but by no identity: an error in one direction cannot be seen.</summary>
    public bool BoundsOnly => Equalities == 0 && Rules.Any(r => r.Kind == RuleUseKind.Bound);
}

/// <summary>Builds the coverage of a compiled rule set.</summary>
internal static class RuleCoverage
{
    public static IReadOnlyList<CellCoverage> For(CompiledRuleSet set)
    {
        var model = set.Linear;
        var uses = set.Schema.Cells.Select(_ => new List<RuleUse>()).ToArray();
        for (var i = 0; i < set.Rules.Count; i++)
        {
            var rule = set.Rules[i];
            var linear = model.Constraints[i];
            var read = new HashSet<int>();
            foreach (var cell in rule.ValueCells)
            {
                read.Add(cell.Slot);
            }

            Predicates(rule.Condition, read);
            if (rule.WhenCondition is { } when)
            {
                var whenCells = new HashSet<CellDefinition>();
                ExpressionCompiler.CollectValueCells(when, whenCells);
                read.UnionWith(whenCells.Select(c => c.Slot));
                Predicates(when, read);
            }

            foreach (var slot in read.Order())
            {
                var kind = linear is not null && linear.Slots.Contains(slot)
                    ? linear.Slots.Length == 1 ? RuleUseKind.Sanity : linear.IsEquality ? RuleUseKind.Equality : RuleUseKind.Bound
                    : read.Count == 1 ? RuleUseKind.Sanity : RuleUseKind.Other;
                uses[slot].Add(new RuleUse(rule.Definition.Id, rule.InstanceKey, rule.Severity, kind));
            }
        }

        return set.Schema.Cells.Select(c => new CellCoverage(c.Id, c.Label, model.Roles[c.Slot], uses[c.Slot])).ToList();
    }

    private static void Predicates(Bound bound, HashSet<int> read)
    {
        switch (bound)
        {
            case BoundPredicate { Function: not ("reported" or "filled") } p:
                read.UnionWith(p.Cells.Select(c => c.Slot));
                if (p.Operand is { } operand)
                {
                    var cells = new HashSet<CellDefinition>();
                    ExpressionCompiler.CollectValueCells(operand, cells);
                    read.UnionWith(cells.Select(c => c.Slot));
                }

                break;
            case BoundUnary u:
                Predicates(u.Operand, read);
                break;
            case BoundBinary b:
                Predicates(b.Left, read);
                Predicates(b.Right, read);
                break;
        }
    }
}
