using GovStatsValidation.Schemas;

namespace GovStatsValidation.Rules.Language;

/// <summary>
/// Binds an expression in an <see cref="ExpressionFrame"/>: the report checked at slots 0..N-1, the other report (named
/// with the frame's prefix) after them, computed values last. Each reference and call is first offered to the caller's
/// <see cref="IExpressionResolver"/>; what it leaves is bound by the <see cref="Binder"/> of the report's schema and then
/// placed in the frame, so the language, its functions and its error messages stay one.
/// </summary>
internal sealed class FrameBinder(ExpressionFrame frame, IExpressionResolver? resolver)
{
    public Bound Bind(Syntax syntax) => syntax switch
    {
        NumberSyntax n => new Binder(frame.Schema).Bind(n),
        ReferenceSyntax { Name: "year" } r => new BoundYear(r.Position),
        ReferenceSyntax r => BindReference(r),
        UnarySyntax u => BindUnary(u),
        BinarySyntax b => BindBinary(b),
        CallSyntax c => BindCall(c),
        _ => throw new BindException("unsupported expression", syntax.Position),
    };

    private Bound BindUnary(UnarySyntax u)
    {
        var operand = Bind(u.Operand);
        var type = u.Operator == "!" ? ExprType.Boolean : ExprType.Number;
        Expect(operand, type, u.Operator);
        return new BoundUnary(u.Operator, operand, type, u.Position);
    }

    private Bound BindBinary(BinarySyntax b)
    {
        var left = Bind(b.Left);
        var right = Bind(b.Right);
        var logical = b.Operator is "&&" or "||";
        var comparison = b.Operator is "==" or "!=" or "<" or "<=" or ">" or ">=";
        Expect(left, logical ? ExprType.Boolean : ExprType.Number, b.Operator);
        Expect(right, logical ? ExprType.Boolean : ExprType.Number, b.Operator);
        return new BoundBinary(b.Operator, left, right, logical || comparison ? ExprType.Boolean : ExprType.Number, b.Position);
    }

    private Bound BindCall(CallSyntax c)
    {
        if (Ask(() => resolver?.ResolveCall(frame, c.Function, c.Arguments.Select(a => a is ReferenceSyntax r ? r.Name : null).ToList()), c.Position) is { } binding)
        {
            return Apply(binding, c.Position);
        }

        switch (c.Function)
        {
            case "sum" or "min" or "max" or "abs":
            {
                var args = c.Arguments.Select(Bind).ToList();
                if (args.Count == 0 || args.Any(a => a.Type == ExprType.Boolean) || (c.Function == "abs" && args.Count != 1))
                {
                    throw new BindException($"{c.Function}() takes {(c.Function == "abs" ? "one number" : "numbers or cell lists")}", c.Position);
                }

                return new BoundNumericCall(c.Function, args, c.Position);
            }

            case "isinteger":
            {
                var operand = c.Arguments.Count == 1 ? Bind(c.Arguments[0]) : throw new BindException("isinteger() takes one argument", c.Position);
                Expect(operand, ExprType.Number, "isinteger()");
                return new BoundPredicate("isinteger", [], operand, c.Position);
            }

            default:
            {
                // A function over cells of one report (children(), cells(), descendants(), reported(), isblank(), …):
                // bound in that report's schema, then placed in the frame.
                if (c.Arguments is not [ReferenceSyntax r])
                {
                    throw new BindException($"{c.Function}() takes a cell or row id", c.Position);
                }

                var (schema, part, rest) = Part(r.Name);
                return Place(new Binder(schema).Bind(new CallSyntax(c.Function, [new ReferenceSyntax(rest, r.Position)], c.Position)), part);
            }
        }
    }

    private Bound BindReference(ReferenceSyntax r)
    {
        if (Ask(() => resolver?.ResolveReference(frame, r.Name), r.Position) is { } binding)
        {
            return Apply(binding, r.Position);
        }

        var (schema, part, rest) = Part(r.Name);
        return Place(new Binder(schema).Bind(new ReferenceSyntax(rest, r.Position)), part);
    }

    private static ExpressionBinding? Ask(Func<ExpressionBinding?> ask, int position)
    {
        try
        {
            return ask();
        }
        catch (RuleExpressionException e)
        {
            throw new BindException(e.Message, position);
        }
    }

    private Bound Apply(ExpressionBinding binding, int position)
    {
        if (binding.Reason is { } reason)
        {
            throw new ExpressionNotApplicableException(reason);
        }

        if (binding.ComputedId is { } id)
        {
            return new BoundCell(frame.AddComputed(id, binding.ComputedLabel!, binding.Tag), position);
        }

        var part = binding.InOther ? 1 : 0;
        var schema = part == 1 ? frame.Other ?? throw new BindException("the frame has no other report", position) : frame.Schema;
        Syntax syntax;
        try
        {
            syntax = ExpressionParser.Parse(binding.Text!);
        }
        catch (ExpressionSyntaxException e)
        {
            throw new BindException($"in '{binding.Text}': {e.Message}", position);
        }

        var bound = new Binder(schema).Bind(syntax);
        return Place(bound, part);
    }

    /// <summary>The report a reference names (by the frame's prefix) and the name without it.</summary>
    private (ReportSchema Schema, int Part, string Name) Part(string name) =>
        frame.OtherPrefix is { } prefix && name.StartsWith(prefix, StringComparison.Ordinal)
            ? (frame.Other!, 1, name[prefix.Length..])
            : (frame.Schema, 0, name);

    /// <summary>Places a bound expression's cells in the frame (the other report's after the report checked's).</summary>
    private Bound Place(Bound bound, int part) => bound switch
    {
        BoundCell c => c with { Cell = frame.Place(c.Cell, part) },
        BoundList l => l with { Cells = l.Cells.Select(x => frame.Place(x, part)).ToList(), Source = (part == 1 ? frame.OtherPrefix : "") + l.Source },
        BoundPredicate p => p with { Cells = p.Cells.Select(x => frame.Place(x, part)).ToList(), Operand = p.Operand is null ? null : Place(p.Operand, part) },
        BoundUnary u => u with { Operand = Place(u.Operand, part) },
        BoundBinary b => b with { Left = Place(b.Left, part), Right = Place(b.Right, part) },
        BoundNumericCall n => n with { Arguments = n.Arguments.Select(a => Place(a, part)).ToList() },
        _ => bound,
    };

    private static void Expect(Bound bound, ExprType type, string what)
    {
        if (bound.Type != type)
        {
            throw new BindException($"'{what}' needs a {(type == ExprType.Boolean ? "condition" : "number")}", bound.Position);
        }
    }
}
