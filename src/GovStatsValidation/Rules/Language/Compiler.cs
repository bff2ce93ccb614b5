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

    /// <summary>
    /// Renders an expression with the numbers filled in, as a statement that is true of the values: a comparison that
    /// fails is shown with the relation that holds (<c>160 ≠ 159</c>, never <c>160 = 159</c>), a compound side with its
    /// value (<c>1 + 1 + 17 blank (= 2)</c>), blank cells as blank with how they were counted, tests of cell states as
    /// the state found, and a failed <c>a || b</c> as both of its negations. Words come from the catalogue of
    /// <paramref name="culture"/> (English when null), cells are named by label in Chinese and by id in English.
    /// </summary>
    public static string Render(Bound bound, long[] values, byte[] states, int year, System.Globalization.CultureInfo? culture = null, long tolerance = 0)
    {
        var sb = new StringBuilder();
        new FormulaWriter(sb, values, states, year, GovStatsValidation.Messages.MessageCatalog.For(culture ?? GovStatsValidation.Messages.MessageCatalog.English), tolerance)
            .Statement(bound, 0);
        return sb.ToString();
    }

    /// <summary>Renders a numeric expression with the numbers filled in (no truth to state), e.g. <c>0 + 793 + 10 + 10 + 160</c>.</summary>
    public static string RenderValue(Bound bound, long[] values, byte[] states, int year, System.Globalization.CultureInfo? culture = null)
    {
        var sb = new StringBuilder();
        new FormulaWriter(sb, values, states, year, GovStatsValidation.Messages.MessageCatalog.For(culture ?? GovStatsValidation.Messages.MessageCatalog.English), 0)
            .Number(bound, 0);
        return sb.ToString();
    }

    /// <summary>How a cell is named in a formula: by label in Chinese, by id otherwise.</summary>
    internal static string CellName(CellDefinition cell, GovStatsValidation.Messages.MessageCatalog words) =>
        words.Language == "zh" ? $"“{cell.Label}”" : cell.Id.Value;

    private sealed class FormulaWriter(StringBuilder sb, long[] values, byte[] states, int year, GovStatsValidation.Messages.MessageCatalog words, long tolerance)
    {
        /// <summary>Writes a boolean expression as what is true of the values.</summary>
        public void Statement(Bound bound, int parentPrecedence)
        {
            switch (bound)
            {
                case BoundBinary { Operator: "&&" or "||" } b:
                {
                    var left = EvaluateBool(b.Left, values, states, year);
                    var right = EvaluateBool(b.Right, values, states, year);
                    var holds = b.Operator == "&&" ? left && right : left || right;

                    // The sides that decide the outcome: those whose truth is the whole's (a failed "or": both; a failed "and":
                    // the failing ones), each stated as what holds.
                    var parts = new List<Bound>(2);
                    if (left == holds)
                    {
                        parts.Add(b.Left);
                    }

                    if (right == holds)
                    {
                        parts.Add(b.Right);
                    }

                    // Every side shown is stated as what holds, so they join with "and".
                    var paren = parts.Count > 1 && parentPrecedence > 2;
                    sb.Append(paren ? "(" : "");
                    for (var i = 0; i < parts.Count; i++)
                    {
                        if (i > 0)
                        {
                            sb.Append(words.Format("formula.and"));
                        }

                        Statement(parts[i], 2);
                    }

                    sb.Append(paren ? ")" : "");
                    break;
                }

                case BoundUnary { Operator: "!" } u:
                    Statement(u.Operand, parentPrecedence);
                    break;
                case BoundBinary b:
                {
                    var l = EvaluateNumber(b.Left, values, states, year);
                    var r = EvaluateNumber(b.Right, values, states, year);
                    Side(b.Left);
                    sb.Append(' ').Append(Relation(b.Operator, l, r)).Append(' ');
                    Side(b.Right);
                    break;
                }

                case BoundPredicate p:
                    Predicate(p);
                    break;
                default:
                    Number(bound, parentPrecedence);
                    break;
            }
        }

        /// <summary>The relation that holds between two values: the rule's own when it holds, else the one that does.</summary>
        private string Relation(string op, long l, long r)
        {
            if (Compare(op, l, r) || (op == "==" && Int128.Abs((Int128)l - r) <= tolerance))
            {
                return op == "==" && l != r ? "≈" : Symbol(op);
            }

            return op switch
            {
                "==" => "≠",
                "!=" => "=",
                _ => l == r ? "=" : l < r ? "<" : ">",
            };
        }

        private void Side(Bound side)
        {
            Number(side, 4);
            if (side is not (BoundCell or BoundConstant or BoundYear))
            {
                sb.Append(" (= ").Append(Format(EvaluateNumber(side, values, states, year))).Append(')');
            }
        }

        /// <summary>A test of cell states, as the state found: <c>“（七）总计”为空白</c> / <c>result.total[total] is blank</c>.</summary>
        private void Predicate(BoundPredicate p)
        {
            if (p.Function == "isinteger")
            {
                var whole = EvaluateNumber(p.Operand!, values, states, year) % Fixed.Scale == 0;
                Number(p.Operand!, 4);
                sb.Append(words.Format(whole ? "formula.integer" : "formula.not-integer"));
                return;
            }

            if (p.Function == "reported")
            {
                var present = p.Cells.Where(c => states[c.Slot] != (byte)CellState.Absent).ToList();
                var shown = string.Join(words.Format("formula.list-separator"), p.Cells.Take(3).Select(c => CellName(c, words)));
                var more = p.Cells.Count > 3 ? words.Format("formula.and-more", ("count", p.Cells.Count)) : "";
                sb.Append(present.Count == 0
                    ? p.Cells.Count == 1 ? words.Format("formula.one-not-printed", ("cells", shown)) : words.Format("formula.none-printed", ("cells", shown + more), ("count", p.Cells.Count))
                    : words.Format("formula.some-printed", ("cells", shown + more), ("count", present.Count)));
                return;
            }

            if (p.Function == "filled")
            {
                var filled = p.Cells.Count(c => states[c.Slot] is not ((byte)CellState.Absent or (byte)CellState.Blank));
                var names = string.Join(words.Format("formula.list-separator"), p.Cells.Take(3).Select(c => CellName(c, words)))
                    + (p.Cells.Count > 3 ? words.Format("formula.and-more") : "");
                sb.Append(filled == 0
                    ? words.Format("formula.none-filled", ("cells", names), ("count", p.Cells.Count))
                    : words.Format("formula.some-filled", ("cells", names), ("count", filled)));
                return;
            }

            var cell = p.Cells[0];
            sb.Append(words.Format("formula.cell-is", ("cell", CellName(cell, words)), ("state", StateWord((CellState)states[cell.Slot]))));
        }

        private string StateWord(CellState state) => words.Format(state switch
        {
            CellState.Number => "state.number",
            CellState.Blank => "state.blank",
            CellState.Absent => "state.absent",
            CellState.Placeholder => "state.placeholder",
            _ => "state.unreadable",
        });

        /// <summary>Writes a numeric expression with the numbers filled in.</summary>
        public void Number(Bound bound, int parentPrecedence)
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
                    sb.Append(Cell(c.Cell));
                    break;
                case BoundUnary u:
                    sb.Append('-');
                    Number(u.Operand, 9);
                    break;
                case BoundBinary b when b.Type == ExprType.Boolean:
                    Statement(b, parentPrecedence);
                    break;
                case BoundBinary b:
                {
                    var precedence = Precedence(b.Operator);
                    var paren = precedence < parentPrecedence;
                    sb.Append(paren ? "(" : "");
                    Number(b.Left, precedence);
                    sb.Append(' ').Append(Symbol(b.Operator)).Append(' ');
                    Number(b.Right, precedence + 1);
                    sb.Append(paren ? ")" : "");
                    break;
                }

                case BoundNumericCall { Function: "sum" } call:
                {
                    // Blank cells read as zero are counted, not listed (a 2021 outcome column has twenty of them), and never
                    // shown as a number: "1 + 1 + 17 blank", the sum's value beside it.
                    var blanks = 0;
                    var parts = new List<string>();
                    foreach (var a in call.Arguments)
                    {
                        if (a is BoundList l)
                        {
                            foreach (var c in l.Cells)
                            {
                                if (states[c.Slot] == (byte)CellState.Blank)
                                {
                                    blanks++;
                                }
                                else
                                {
                                    parts.Add(Cell(c));
                                }
                            }
                        }
                        else
                        {
                            var inner = new StringBuilder();
                            new FormulaWriter(inner, values, states, year, words, tolerance).Number(a, Precedence("+") + 1);
                            parts.Add(inner.ToString());
                        }
                    }

                    if (blanks > 0)
                    {
                        parts.Add(words.Format(blanks == 1 ? "formula.one-blank" : "formula.blanks", ("count", blanks)));
                    }

                    var paren = parentPrecedence > Precedence("+") && parts.Count > 1;
                    sb.Append(paren ? "(" : "").Append(string.Join(" + ", parts)).Append(paren ? ")" : "");
                    break;
                }

                case BoundNumericCall call:
                {
                    sb.Append(call.Function).Append('(');
                    var first = true;
                    foreach (var a in call.Arguments)
                    {
                        if (a is BoundList l)
                        {
                            foreach (var c in l.Cells)
                            {
                                sb.Append(first ? "" : ", ").Append(Cell(c));
                                first = false;
                            }
                        }
                        else
                        {
                            sb.Append(first ? "" : ", ");
                            Number(a, 0);
                            first = false;
                        }
                    }

                    sb.Append(')');
                    break;
                }

                case BoundPredicate p:
                    Predicate(p);
                    break;
                default:
                    sb.Append('?');
                    break;
            }
        }

        /// <summary>A cell's value: the number, or what the cell held and how the rule counted it (a blank is never shown as a number alone).</summary>
        private string Cell(CellDefinition cell) => (CellState)states[cell.Slot] switch
        {
            CellState.Number => Format(values[cell.Slot]),
            CellState.Blank => words.Format("formula.blank-as", ("value", Format(values[cell.Slot]))),
            CellState.Placeholder => words.Format("formula.placeholder-as", ("value", Format(values[cell.Slot]))),
            CellState.Absent => words.Format("formula.absent", ("value", Format(values[cell.Slot]))),
            _ => words.Format("formula.unreadable", ("value", Format(values[cell.Slot]))),
        };
    }

    private static bool EvaluateBool(Bound bound, long[] values, byte[] states, int year) => bound switch
    {
        BoundBinary { Operator: "&&" } b => EvaluateBool(b.Left, values, states, year) && EvaluateBool(b.Right, values, states, year),
        BoundBinary { Operator: "||" } b => EvaluateBool(b.Left, values, states, year) || EvaluateBool(b.Right, values, states, year),
        BoundUnary { Operator: "!" } u => !EvaluateBool(u.Operand, values, states, year),
        BoundBinary b => Compare(b.Operator, EvaluateNumber(b.Left, values, states, year), EvaluateNumber(b.Right, values, states, year)),
        BoundPredicate p => EvaluatePredicateForDisplay(p, values, states, year),
        _ => EvaluateNumber(bound, values, states, year) != 0,
    };

    private static bool Compare(string op, long l, long r) => op switch
    {
        "==" => l == r,
        "!=" => l != r,
        "<" => l < r,
        "<=" => l <= r,
        ">" => l > r,
        ">=" => l >= r,
        _ => false,
    };

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
