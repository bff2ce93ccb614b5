using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Rules.Language;

/// <summary>A compiled condition over a report frame: values (fixed-point), cell states, report year.</summary>
internal delegate bool CompiledCondition(long[] values, byte[] states, int year);

/// <summary>A compiled numeric expression over a report frame.</summary>
internal delegate long CompiledNumber(long[] values, byte[] states, int year);

/// <summary>Compiles bound expressions to delegates with System.Linq.Expressions, and renders them with numbers filled in.</summary>
internal static partial class ExpressionCompiler
{
    private static readonly ParameterExpression Values = Expression.Parameter(typeof(long[]), "values");
    private static readonly ParameterExpression States = Expression.Parameter(typeof(byte[]), "states");
    private static readonly ParameterExpression Year = Expression.Parameter(typeof(int), "year");

    /// <summary>Cell slots as constants: the expression of one rule instance.</summary>
    private static readonly Func<CellDefinition, Expression> ConstantSlot = c => Expression.Constant(c.Slot);

    public static CompiledCondition CompileCondition(Bound bound, long tolerance) =>
        Expression.Lambda<CompiledCondition>(Emit(bound, tolerance), Values, States, Year).Compile();

    public static CompiledNumber CompileNumber(Bound bound) =>
        Expression.Lambda<CompiledNumber>(Emit(bound, 0), Values, States, Year).Compile();

    /// <summary>Emits a bound expression; <paramref name="slot"/> gives the index expression of a cell (a constant, or a slot read from a table in a fused loop).</summary>
    private static Expression Emit(Bound bound, long tolerance, Func<CellDefinition, Expression>? slot = null)
    {
        slot ??= ConstantSlot;
        switch (bound)
        {
            case BoundConstant c:
                return Expression.Constant(c.Scaled);
            case BoundYear:
                return Expression.Multiply(Expression.Convert(Year, typeof(long)), Expression.Constant(Fixed.Scale));
            case BoundCell cell:
                return Expression.ArrayIndex(Values, slot(cell.Cell));
            case BoundUnary { Operator: "!" } u:
                return Expression.Not(Emit(u.Operand, tolerance, slot));
            case BoundUnary u:
                return Expression.NegateChecked(Emit(u.Operand, tolerance, slot));
            case BoundBinary b:
                return EmitBinary(b, tolerance, slot);
            case BoundNumericCall call:
                return EmitCall(call, slot);
            case BoundPredicate p:
                return EmitPredicate(p, slot);
            default:
                throw new InvalidOperationException($"cannot compile {bound.GetType().Name}");
        }
    }

    private static Expression EmitBinary(BoundBinary b, long tolerance, Func<CellDefinition, Expression> slot)
    {
        var left = Emit(b.Left, tolerance, slot);
        var right = Emit(b.Right, tolerance, slot);
        return b.Operator switch
        {
            "&&" => Expression.AndAlso(left, right),
            "||" => Expression.OrElse(left, right),
            "==" when tolerance > 0 => Expression.LessThanOrEqual(Abs(Expression.SubtractChecked(left, right)), Expression.Constant(tolerance)),
            "!=" when tolerance > 0 => Expression.GreaterThan(Abs(Expression.SubtractChecked(left, right)), Expression.Constant(tolerance)),
            "==" => Expression.Equal(left, right),
            "!=" => Expression.NotEqual(left, right),
            "<" => Expression.LessThan(left, right),
            "<=" => Expression.LessThanOrEqual(left, right),
            ">" => Expression.GreaterThan(left, right),
            ">=" => Expression.GreaterThanOrEqual(left, right),
            "+" => Expression.AddChecked(left, right),
            "-" => Expression.SubtractChecked(left, right),
            "*" => Expression.Call(typeof(Fixed), nameof(Fixed.Mul), null, left, right),
            "/" => Expression.Call(typeof(Fixed), nameof(Fixed.Div), null, left, right),
            _ => throw new InvalidOperationException($"unknown operator {b.Operator}"),
        };
    }

    private static Expression Abs(Expression e) => Expression.Call(typeof(Math), nameof(Math.Abs), null, e);

    private static Expression EmitCall(BoundNumericCall call, Func<CellDefinition, Expression> slot)
    {
        var terms = new List<Expression>();
        foreach (var arg in call.Arguments)
        {
            if (arg is BoundList list)
            {
                terms.AddRange(list.Cells.Select(c => (Expression)Expression.ArrayIndex(Values, slot(c))));
            }
            else
            {
                terms.Add(Emit(arg, 0, slot));
            }
        }

        return call.Function switch
        {
            "abs" => Abs(terms[0]),
            "sum" => terms.Aggregate(Expression.AddChecked),
            "min" => terms.Aggregate((a, b) => Expression.Call(typeof(Math), nameof(Math.Min), null, a, b)),
            "max" => terms.Aggregate((a, b) => Expression.Call(typeof(Math), nameof(Math.Max), null, a, b)),
            _ => throw new InvalidOperationException($"unknown function {call.Function}"),
        };
    }

    private static Expression EmitPredicate(BoundPredicate p, Func<CellDefinition, Expression> slot)
    {
        Expression State(CellDefinition c) => Expression.Convert(Expression.ArrayIndex(States, slot(c)), typeof(int));
        Expression Is(CellDefinition c, CellState s) => Expression.Equal(State(c), Expression.Constant((int)s));
        return p.Function switch
        {
            "isblank" => Is(p.Cells[0], CellState.Blank),
            "isabsent" => Is(p.Cells[0], CellState.Absent),
            "isnumber" => Is(p.Cells[0], CellState.Number),
            "isplaceholder" => Is(p.Cells[0], CellState.Placeholder),
            "isunreadable" => Is(p.Cells[0], CellState.Unreadable),
            "ismissing" => Expression.NotEqual(State(p.Cells[0]), Expression.Constant((int)CellState.Number)),
            "reported" when ReferenceEquals(slot, ConstantSlot) =>
                Expression.Call(typeof(Fixed), nameof(Fixed.AnyPresent), null, States, Expression.Constant(p.Cells.Select(c => c.Slot).ToArray())),
            "reported" => p.Cells.Select(c => (Expression)Expression.NotEqual(State(c), Expression.Constant((int)CellState.Absent))).Aggregate(Expression.OrElse),
            "filled" when ReferenceEquals(slot, ConstantSlot) =>
                Expression.Call(typeof(Fixed), nameof(Fixed.AnyFilled), null, States, Expression.Constant(p.Cells.Select(c => c.Slot).ToArray())),
            "filled" => p.Cells.Select(c => (Expression)Expression.AndAlso(Expression.NotEqual(State(c), Expression.Constant((int)CellState.Absent)),
                Expression.NotEqual(State(c), Expression.Constant((int)CellState.Blank)))).Aggregate(Expression.OrElse),
            "isinteger" => Expression.Equal(Expression.Modulo(Emit(p.Operand!, 0, slot), Expression.Constant(Fixed.Scale)), Expression.Constant(0L)),
            _ => throw new InvalidOperationException($"unknown predicate {p.Function}"),
        };
    }

    /// <summary>The cells whose values the expression uses as numbers (not those only tested by predicates).</summary>
    public static void CollectValueCells(Bound bound, ISet<CellDefinition> into)
    {
        switch (bound)
        {
            case BoundCell c:
                into.Add(c.Cell);
                break;
            case BoundList l:
                into.UnionWith(l.Cells);
                break;
            case BoundUnary u:
                CollectValueCells(u.Operand, into);
                break;
            case BoundBinary b:
                CollectValueCells(b.Left, into);
                CollectValueCells(b.Right, into);
                break;
            case BoundNumericCall call:
                foreach (var a in call.Arguments)
                {
                    CollectValueCells(a, into);
                }

                break;
            case BoundPredicate { Function: "isinteger", Operand: { } operand }:
                CollectValueCells(operand, into);
                break;
        }
    }

    /// <summary>Evaluates a bound numeric expression by interpretation (used only when explaining a finding).</summary>
    public static long EvaluateNumber(Bound bound, long[] values, byte[] states, int year) => bound switch
    {
        BoundConstant c => c.Scaled,
        BoundYear => year * Fixed.Scale,
        BoundCell c => values[c.Cell.Slot],
        BoundUnary u => checked(-EvaluateNumber(u.Operand, values, states, year)),
        BoundBinary b => b.Operator switch
        {
            "+" => checked(EvaluateNumber(b.Left, values, states, year) + EvaluateNumber(b.Right, values, states, year)),
            "-" => checked(EvaluateNumber(b.Left, values, states, year) - EvaluateNumber(b.Right, values, states, year)),
            "*" => Fixed.Mul(EvaluateNumber(b.Left, values, states, year), EvaluateNumber(b.Right, values, states, year)),
            "/" => Fixed.Div(EvaluateNumber(b.Left, values, states, year), EvaluateNumber(b.Right, values, states, year)),
            _ => throw new InvalidOperationException(b.Operator),
        },
        BoundNumericCall call => EvaluateCall(call, values, states, year),
        _ => throw new InvalidOperationException($"not a number: {bound.GetType().Name}"),
    };

    private static long EvaluateCall(BoundNumericCall call, long[] values, byte[] states, int year)
    {
        var terms = call.Arguments.SelectMany(a => a is BoundList l ? l.Cells.Select(c => values[c.Slot]) : [EvaluateNumber(a, values, states, year)]).ToList();
        return call.Function switch
        {
            "abs" => Math.Abs(terms[0]),
            "sum" => terms.Aggregate(0L, (x, y) => checked(x + y)),
            "min" => terms.Min(),
            "max" => terms.Max(),
            _ => throw new InvalidOperationException(call.Function),
        };
    }

    /// <summary>Renders an expression with the numbers filled in, e.g. <c>0 + 793 + 10 + 10 + 160</c>.</summary>
    public static string Render(Bound bound, long[] values, byte[] states, int year)
    {
        var sb = new StringBuilder();
        RenderInto(sb, bound, values, states, year, 0);
        return sb.ToString();
    }

    private static void RenderInto(StringBuilder sb, Bound bound, long[] values, byte[] states, int year, int parentPrecedence)
    {
        switch (bound)
        {
            case BoundConstant c:
                sb.Append(Format(c.Scaled));
                break;
            case BoundYear:
                sb.Append(year.ToString(CultureInfo.InvariantCulture));
                break;
            case BoundCell c:
                sb.Append(FormatCell(c.Cell, values, states));
                break;
            case BoundUnary { Operator: "!" } u:
                sb.Append("not ");
                RenderInto(sb, u.Operand, values, states, year, 9);
                break;
            case BoundUnary u:
                sb.Append('-');
                RenderInto(sb, u.Operand, values, states, year, 9);
                break;
            case BoundBinary b:
            {
                var precedence = Precedence(b.Operator);
                var paren = precedence < parentPrecedence;
                if (paren)
                {
                    sb.Append('(');
                }

                RenderInto(sb, b.Left, values, states, year, precedence);
                sb.Append(' ').Append(Symbol(b.Operator)).Append(' ');
                RenderInto(sb, b.Right, values, states, year, precedence + 1);
                if (paren)
                {
                    sb.Append(')');
                }

                break;
            }

            case BoundNumericCall { Function: "sum" } call:
            {
                // Blank cells read as zero are summarised, not listed: a 2021 outcome column has twenty of them.
                var blanks = 0;
                var parts = call.Arguments.SelectMany(a => a is BoundList l
                    ? l.Cells.Where(c => states[c.Slot] != (byte)CellState.Blank || ++blanks < 0).Select(c => FormatCell(c, values, states))
                    : [Render(a, values, states, year)]).ToList();
                if (blanks > 0)
                {
                    parts.Add(blanks == 1 ? "(1 blank)" : $"({blanks} blank)");
                }

                var paren = parentPrecedence > Precedence("+") && parts.Count > 1;
                sb.Append(paren ? "(" : "").Append(string.Join(" + ", parts)).Append(paren ? ")" : "");
                break;
            }

            case BoundNumericCall call:
                sb.Append(call.Function).Append('(');
                sb.Append(string.Join(", ", call.Arguments.SelectMany(a => a is BoundList l
                    ? l.Cells.Select(c => FormatCell(c, values, states))
                    : [Render(a, values, states, year)])));
                sb.Append(')');
                break;
            case BoundPredicate p:
                sb.Append(p.Function).Append('(');
                sb.Append(p.Operand is { } o ? Render(o, values, states, year) : string.Join(", ", p.Cells.Take(3).Select(c => c.Id.Value)) + (p.Cells.Count > 3 ? ", …" : ""));
                sb.Append(")=").Append(EvaluatePredicateForDisplay(p, values, states, year) ? "true" : "false");
                break;
            default:
                sb.Append('?');
                break;
        }
    }

    private static bool EvaluatePredicateForDisplay(BoundPredicate p, long[] values, byte[] states, int year) => p.Function switch
    {
        "isblank" => states[p.Cells[0].Slot] == (byte)CellState.Blank,
        "isabsent" => states[p.Cells[0].Slot] == (byte)CellState.Absent,
        "isnumber" => states[p.Cells[0].Slot] == (byte)CellState.Number,
        "isplaceholder" => states[p.Cells[0].Slot] == (byte)CellState.Placeholder,
        "isunreadable" => states[p.Cells[0].Slot] == (byte)CellState.Unreadable,
        "ismissing" => states[p.Cells[0].Slot] != (byte)CellState.Number,
        "reported" => Fixed.AnyPresent(states, p.Cells.Select(c => c.Slot).ToArray()),
        "filled" => Fixed.AnyFilled(states, p.Cells.Select(c => c.Slot).ToArray()),
        "isinteger" => EvaluateNumber(p.Operand!, values, states, year) % Fixed.Scale == 0,
        _ => false,
    };

    private static string FormatCell(CellDefinition cell, long[] values, byte[] states) =>
        (CellState)states[cell.Slot] switch
        {
            CellState.Number => Format(values[cell.Slot]),
            CellState.Blank => "(blank→" + Format(values[cell.Slot]) + ")",
            CellState.Placeholder => "(—→" + Format(values[cell.Slot]) + ")",
            CellState.Absent => "(absent)",
            _ => "(unreadable)",
        };

    public static string Format(long scaled) => Fixed.ToDecimal(scaled).ToString("0.######", CultureInfo.InvariantCulture);

    private static int Precedence(string op) => op switch
    {
        "||" => 1,
        "&&" => 2,
        "==" or "!=" or "<" or "<=" or ">" or ">=" => 3,
        "+" or "-" => 4,
        _ => 5,
    };

    internal static string Symbol(string op) => op switch
    {
        "==" => "=",
        "!=" => "≠",
        "<=" => "≤",
        ">=" => "≥",
        "&&" => "and",
        "||" => "or",
        _ => op,
    };
}
