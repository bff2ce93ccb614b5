using System.Linq.Expressions;
using System.Text;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Rules.Language;

/// <summary>A whole rule set compiled into one function over a report frame: how many rule instances fail (or report).</summary>
internal delegate int CompiledRuleCount(long[] values, byte[] states, int year);

/// <summary>
/// Compiles every instance of a rule set into one delegate. Instances of one rule with the same shape (the per-cell
/// rules expanded over every cell, a row identity expanded over every row) become one loop over a table of their cell
/// slots; the rest are inlined. Same conditions, same missing-value handling as the per-instance delegates; only the
/// dispatch is gone.
/// </summary>
internal static partial class ExpressionCompiler
{
    /// <summary>Fewer instances of one shape than this are inlined rather than looped.</summary>
    private const int LoopThreshold = 4;

    /// <summary>Instances reading more cells than this are inlined (constant slots beat table reads for wide rows).</summary>
    private const int LoopWidth = 2;

    /// <summary>The cell references compiled into one method before a new one is started.</summary>
    private const int ChunkWeight = 600;

    /// <summary>
    /// The rule set as one function. With <paramref name="countReported"/> false it counts the instances at or above
    /// <paramref name="minimum"/> that are applicable and fail (<c>CountFailures</c>); with true it counts the findings
    /// <c>Evaluate</c> would build: those failures plus the passes of always-reporting rules whose pass severity is at or
    /// above the minimum. Two variants are compiled: one for frames where no cell is absent or unreadable (the usual
    /// case, where the default missing-value tests cannot fail and are left out) and one for the rest.
    /// </summary>
    public static CompiledRuleCount CompileRuleSet(IReadOnlyList<CompiledRule> rules, int cellCount, Severity minimum, bool countReported)
    {
        var complete = Build(rules, cellCount, minimum, countReported, noneMissing: true);
        var general = Build(rules, cellCount, minimum, countReported, noneMissing: false);
        return (values, states, year) => FrameKernels.NoneMissing(states) ? complete(values, states, year) : general(values, states, year);
    }

    private static CompiledRuleCount Build(IReadOnlyList<CompiledRule> rules, int cellCount, Severity minimum, bool countReported, bool noneMissing)
    {
        var context = new FuseContext(minimum, countReported, noneMissing);
        var statements = new List<(Func<FuseContext, Expression> Emit, int Weight)>();
        var included = rules.Where(r => FailCounts(r, minimum) || (countReported && PassCounts(r, minimum))).Select(r => (Rule: r, Shape: RuleShape.Of(r)));
        var loops = new List<List<(CompiledRule Rule, RuleShape Shape)>>();
        foreach (var group in included.GroupBy(x => (x.Rule.Definition, x.Rule.Severity, x.Shape.Key)))
        {
            var members = group.ToList();
            var (first, shape) = members[0];
            if (members.Count >= LoopThreshold && StateCountKernel(first, shape, members, cellCount) is { } state)
            {
                // "!isX($cell)" over every cell: the failures are the cells in state X, counted in one vectorised scan.
                statements.Add((c => Expression.AddAssign(c.Count, Expression.Call(typeof(FrameKernels), nameof(FrameKernels.CountState), null, States, Expression.Constant(state))), 4));
            }
            else if (members.Count >= LoopThreshold && shape.Slots.Length <= LoopWidth)
            {
                loops.Add(members);
            }
            else
            {
                foreach (var (rule, ruleShape) in members)
                {
                    statements.Add((c => Instance(rule, slot => Expression.Constant(slot), c), Math.Max(1, ruleShape.Slots.Length)));
                }
            }
        }

        // Shapes over the very same cells (non-negative and whole over every count cell) share one loop.
        foreach (var fused in loops.GroupBy(TableKey, StringComparer.Ordinal))
        {
            var shapes = fused.ToList();
            statements.Add((c => Loop(shapes, c), 16));
        }

        // Chunks small enough for the JIT to optimise fully (a huge method is compiled without optimisation).
        var chunks = new List<CompiledRuleCount>();
        var pending = new List<Func<FuseContext, Expression>>();
        var weight = 0;
        foreach (var (emit, w) in statements)
        {
            if (weight + w > ChunkWeight && pending.Count > 0)
            {
                chunks.Add(CompileChunk(pending, context));
                pending.Clear();
                weight = 0;
            }

            pending.Add(emit);
            weight += w;
        }

        if (pending.Count > 0 || chunks.Count == 0)
        {
            chunks.Add(CompileChunk(pending, context));
        }

        if (chunks.Count == 1)
        {
            return chunks[0];
        }

        var all = chunks.ToArray();
        return (values, states, year) =>
        {
            var total = 0;
            foreach (var chunk in all)
            {
                total += chunk(values, states, year);
            }

            return total;
        };
    }

    private static CompiledRuleCount CompileChunk(List<Func<FuseContext, Expression>> statements, FuseContext context)
    {
        var chunk = context.NewChunk();
        var body = statements.Select(e => e(chunk)).ToList();
        body.Insert(0, Expression.Assign(chunk.AnyNegative, Expression.Call(typeof(FrameKernels), nameof(FrameKernels.AnyNegative), null, Values)));
        body.Add(chunk.Count);
        return Expression.Lambda<CompiledRuleCount>(Expression.Block(chunk.Variables, body), Values, States, Year).Compile();
    }

    /// <summary>The state X when the group is "!isX($cell)" over every cell of the schema, failing only when the cell is in state X.</summary>
    private static int? StateCountKernel(CompiledRule rule, RuleShape shape, List<(CompiledRule Rule, RuleShape Shape)> members, int cellCount)
    {
        if (rule.Definition.Emit != EmitMode.OnFailure || shape.Slots.Length != 1 || rule.ValueSlots.Length != 0 || rule.RequiredSlots.Length != 0
            || rule.WhenCondition is not null || members.Count != cellCount
            || rule.Condition is not BoundUnary { Operator: "!", Operand: BoundPredicate { Operand: null, Cells.Count: 1 } p })
        {
            return null;
        }

        CellState? state = p.Function switch
        {
            "isblank" => CellState.Blank,
            "isabsent" => CellState.Absent,
            "isnumber" => CellState.Number,
            "isplaceholder" => CellState.Placeholder,
            "isunreadable" => CellState.Unreadable,
            _ => null,
        };
        if (state is null)
        {
            return null;
        }

        var covered = new bool[cellCount];
        foreach (var (_, s) in members)
        {
            covered[s.Slots[0]] = true;
        }

        return covered.All(c => c) ? (int)state : null;
    }

    /// <summary>Whether an instance is "$cell >= 0" on one cell: it can fail only when some value of the frame is negative.</summary>
    private static bool FailsOnlyOnNegative(CompiledRule rule) =>
        rule.Definition.Emit == EmitMode.OnFailure && rule.WhenCondition is null && rule.RequiredSlots.Length == 0
        && rule.Condition is BoundBinary { Operator: ">=", Left: BoundCell, Right: BoundConstant { Scaled: 0 } };

    private static bool FailCounts(CompiledRule rule, Severity minimum) => rule.Severity >= minimum;

    private static bool PassCounts(CompiledRule rule, Severity minimum) => rule.Definition.Emit == EmitMode.Always && rule.Definition.PassSeverity >= minimum;

    private static string TableKey(List<(CompiledRule Rule, RuleShape Shape)> members)
    {
        var sb = new StringBuilder();
        foreach (var (_, shape) in members)
        {
            sb.AppendJoin(',', shape.Slots).Append(';');
        }

        return sb.ToString();
    }

    private static Expression Loop(List<List<(CompiledRule Rule, RuleShape Shape)>> shapes, FuseContext context)
    {
        var first = shapes[0];
        var width = first[0].Shape.Slots.Length;
        var table = first.SelectMany(m => m.Shape.Slots).ToArray();
        var t = Expression.Variable(typeof(int[]), "slots");
        var i = Expression.Variable(typeof(int), "i");
        context.Variables.Add(t);
        context.Variables.Add(i);
        var locals = Enumerable.Range(0, width).Select(j => Expression.Variable(typeof(int), $"s{j}")).ToArray();

        var step = new List<Expression>();
        for (var j = 0; j < locals.Length; j++)
        {
            step.Add(Expression.Assign(locals[j], Expression.ArrayIndex(t, Expression.Add(i, Expression.Constant(j)))));
        }

        foreach (var members in shapes)
        {
            var (rule, shape) = members[0];
            var instance = Instance(rule, slot => locals[shape.Index[slot]], context);
            step.Add(FailsOnlyOnNegative(rule) ? Expression.IfThen(context.AnyNegative, instance) : instance);
        }

        step.Add(Expression.AddAssign(i, Expression.Constant(width)));
        var end = Expression.Label("end");
        return Expression.Block(
            Expression.Assign(t, Expression.Constant(table)),
            Expression.Assign(i, Expression.Constant(0)),
            Expression.Loop(
                Expression.IfThenElse(
                    Expression.LessThan(i, Expression.Constant(table.Length)),
                    Expression.Block(locals, step),
                    Expression.Break(end)),
                end));
    }

    /// <summary>What a chunk of the fused function is compiled with.</summary>
    private sealed class FuseContext(Severity minimum, bool countReported, bool noneMissing)
    {
        public Severity Minimum { get; } = minimum;

        public bool CountReported { get; } = countReported;

        /// <summary>Compiled for frames with no absent or unreadable cell.</summary>
        public bool NoneMissing { get; } = noneMissing;

        public ParameterExpression Count { get; private init; } = Expression.Variable(typeof(int), "count");

        /// <summary>Whether any value of the frame is negative, computed once per chunk.</summary>
        public ParameterExpression AnyNegative { get; private init; } = Expression.Variable(typeof(bool), "anyNegative");

        public List<ParameterExpression> Variables { get; private init; } = [];

        public FuseContext NewChunk()
        {
            var chunk = new FuseContext(Minimum, CountReported, NoneMissing);
            chunk.Variables.Add(chunk.Count);
            chunk.Variables.Add(chunk.AnyNegative);
            return chunk;
        }
    }

    /// <summary>One instance: applicable (no missing value cell, required cells reported, <c>when</c> holds), then the condition.</summary>
    private static Expression Instance(CompiledRule rule, Func<int, Expression> slot, FuseContext context)
    {
        var (count, minimum, countReported) = (context.Count, context.Minimum, context.CountReported);
        Expression Cell(CellDefinition c) => slot(c.Slot);
        Expression State(int s) => Expression.Convert(Expression.ArrayIndex(States, slot(s)), typeof(int));

        var tests = new List<Expression>();
        // In a frame with no absent or unreadable cell, a mask of only those states cannot make the rule inapplicable.
        const int absentOrUnreadable = (1 << (int)CellState.Absent) | (1 << (int)CellState.Unreadable);
        if (rule.MissingMask != 0 && !(context.NoneMissing && (rule.MissingMask & ~absentOrUnreadable) == 0))
        {
            foreach (var s in rule.ValueSlots)
            {
                // ((mask >> state) & 1) == 0: the cell's state is not one the rule treats as missing.
                tests.Add(Expression.Equal(
                    Expression.And(Expression.RightShift(Expression.Constant(rule.MissingMask), State(s)), Expression.Constant(1)),
                    Expression.Constant(0)));
            }
        }

        foreach (var s in rule.RequiredSlots)
        {
            tests.Add(Expression.Equal(State(s), Expression.Constant((int)CellState.Number)));
        }

        if (rule.WhenCondition is { } when)
        {
            tests.Add(Emit(when, 0, Cell));
        }

        var check = Emit(rule.Condition, Fixed.FromDecimal(rule.Definition.Tolerance), Cell);
        var increment = Expression.PreIncrementAssign(count);
        Expression outcome;
        if (!countReported)
        {
            outcome = Expression.IfThen(Expression.Not(check), increment);
        }
        else
        {
            var onFail = FailCounts(rule, minimum) ? increment : (Expression)Expression.Empty();
            var onPass = PassCounts(rule, minimum) ? increment : (Expression)Expression.Empty();
            outcome = Expression.IfThenElse(check, onPass, onFail);
        }

        return tests.Count == 0 ? outcome : Expression.IfThen(tests.Aggregate(Expression.AndAlso), outcome);
    }

    /// <summary>
    /// The structure of an instance with its cells replaced by their order of first use: two instances of one rule with
    /// the same key differ only in which cells they read, so one loop body serves both.
    /// </summary>
    private sealed class RuleShape
    {
        private RuleShape(string key, int[] slots, Dictionary<int, int> index)
        {
            Key = key;
            Slots = slots;
            Index = index;
        }

        public string Key { get; }

        /// <summary>The instance's cell slots in order of first use.</summary>
        public int[] Slots { get; }

        /// <summary>Slot → position in <see cref="Slots"/>.</summary>
        public Dictionary<int, int> Index { get; }

        public static RuleShape Of(CompiledRule rule)
        {
            var sb = new StringBuilder();
            var slots = new List<int>();
            var index = new Dictionary<int, int>();
            int At(int slot)
            {
                if (!index.TryGetValue(slot, out var j))
                {
                    j = slots.Count;
                    slots.Add(slot);
                    index[slot] = j;
                }

                return j;
            }

            void Walk(Bound bound)
            {
                switch (bound)
                {
                    case BoundConstant c:
                        sb.Append('c').Append(c.Scaled);
                        break;
                    case BoundYear:
                        sb.Append('y');
                        break;
                    case BoundCell c:
                        sb.Append('#').Append(At(c.Cell.Slot));
                        break;
                    case BoundList l:
                        sb.Append("L[");
                        foreach (var c in l.Cells)
                        {
                            sb.Append(At(c.Slot)).Append(',');
                        }

                        sb.Append(']');
                        break;
                    case BoundUnary u:
                        sb.Append('(').Append(u.Operator).Append(' ');
                        Walk(u.Operand);
                        sb.Append(')');
                        break;
                    case BoundBinary b:
                        sb.Append('(').Append(b.Operator).Append(' ');
                        Walk(b.Left);
                        sb.Append(' ');
                        Walk(b.Right);
                        sb.Append(')');
                        break;
                    case BoundNumericCall call:
                        sb.Append(call.Function).Append('(');
                        foreach (var a in call.Arguments)
                        {
                            Walk(a);
                            sb.Append(',');
                        }

                        sb.Append(')');
                        break;
                    case BoundPredicate p:
                        sb.Append(p.Function).Append('[');
                        foreach (var c in p.Cells)
                        {
                            sb.Append(At(c.Slot)).Append(',');
                        }

                        sb.Append(']');
                        if (p.Operand is { } operand)
                        {
                            Walk(operand);
                        }

                        break;
                    default:
                        sb.Append('?').Append(bound.GetType().Name);
                        break;
                }
            }

            Walk(rule.Condition);
            sb.Append("|W");
            if (rule.WhenCondition is { } when)
            {
                Walk(when);
            }

            sb.Append("|V");
            foreach (var s in rule.ValueSlots)
            {
                sb.Append(At(s)).Append(',');
            }

            sb.Append("|R");
            foreach (var s in rule.RequiredSlots)
            {
                sb.Append(At(s)).Append(',');
            }

            sb.Append("|M").Append(rule.MissingMask);
            return new RuleShape(sb.ToString(), slots.ToArray(), index);
        }
    }
}

/// <summary>Small routines the fused rule functions call: vectorised scans of a frame.</summary>
internal static class FrameKernels
{
    /// <summary>How many cells are in the given state (vectorised).</summary>
    public static int CountState(byte[] states, int state) => states.AsSpan().Count((byte)state);

    /// <summary>Whether any value is negative (vectorised).</summary>
    public static bool AnyNegative(long[] values) => values.AsSpan().IndexOfAnyInRange(long.MinValue, -1L) >= 0;

    /// <summary>Whether no cell is absent or unreadable, the states the default missing-value policy skips (vectorised).</summary>
    public static bool NoneMissing(byte[] states) => states.AsSpan().IndexOfAny((byte)CellState.Absent, (byte)CellState.Unreadable) < 0;
}
