using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.CrossReport.Rules;

/// <summary>A rule cannot be bound to a pair of reports for a reason that is not a defect of the rule (a concept the format lacks).</summary>
internal sealed class NotApplicableException(LocalizedText reason) : Exception(reason.En)
{
    public LocalizedText Reason { get; } = reason;
}

/// <summary>A value computed before the rule runs and placed in its own slot of the combined frame.</summary>
internal abstract record VirtualSlot(CellDefinition Cell);

/// <summary><c>sum(children.X)</c>, <c>max(children.X)</c>, <c>min(children.X)</c> over the departments' reports.</summary>
internal sealed record ChildAggregate(CellDefinition Cell, string Function, string Reference) : VirtualSlot(Cell);

/// <summary><c>samenonzero()</c>: the number of non-zero figures when every cell equals the counterpart's, else 0.</summary>
internal sealed record SameNonZero(CellDefinition Cell) : VirtualSlot(Cell);

/// <summary>
/// Binds a cross-report expression into one combined frame: this report's cells at slots 0..N-1, the other report's
/// (<c>prev.</c> or <c>parent.</c>) at N..N+M-1, values computed over several reports after them. Plain references and
/// those into the other report are bound by the core <see cref="Binder"/> of that report's schema and then moved to
/// their slots, so the language, its functions and its error messages stay the core's; concepts are replaced by their
/// expression in each schema.
/// </summary>
internal sealed class CrossBinder
{
    private readonly CrossRelation _relation;
    private readonly ReportSchema _self;
    private readonly ReportSchema? _other;
    private readonly ConceptMap _concepts;
    private readonly string? _otherPrefix;
    private readonly Dictionary<(CellDefinition, string), CellDefinition> _moved = [];

    public CrossBinder(CrossRelation relation, ReportSchema self, ReportSchema? other, ConceptMap concepts)
    {
        _relation = relation;
        _self = self;
        _other = other;
        _concepts = concepts;
        _otherPrefix = relation switch
        {
            CrossRelation.PreviousYear => "prev.",
            CrossRelation.Parent => "parent.",
            _ => null,
        };
        OtherOffset = self.Cells.Count;
        VirtualOffset = OtherOffset + (other?.Cells.Count ?? 0);
    }

    public int OtherOffset { get; }

    public int VirtualOffset { get; }

    public List<VirtualSlot> Virtuals { get; } = [];

    public int FrameSize => VirtualOffset + Virtuals.Count;

    public Bound Bind(Syntax syntax) => syntax switch
    {
        NumberSyntax n => new BoundConstant(Fixed.FromDecimal(n.Value), n.Position),
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
        if (c.Function is "sum" or "min" or "max" && c.Arguments is [ReferenceSyntax { Name: var name } arg] && name.StartsWith("children.", StringComparison.Ordinal))
        {
            if (_relation != CrossRelation.Children)
            {
                throw new BindException("children. is available only in rules of relation 'children'", arg.Position);
            }

            var reference = name["children.".Length..];
            var label = _concepts.TryGet(reference, out var concept) ? concept.Title : null;
            return new BoundCell(AddVirtual(slot => new ChildAggregate(Virtual(slot, $"{c.Function}(children.{reference})",
                label is null ? $"各部门{reference}{FunctionWord(c.Function)}" : $"各部门{label.Zh}{FunctionWord(c.Function)}"), c.Function, reference)), c.Position);
        }

        if (c.Function == "samenonzero")
        {
            if (c.Arguments.Count != 0 || _other is null)
            {
                throw new BindException("samenonzero() takes no arguments and needs a counterpart report (prev. or parent.)", c.Position);
            }

            if (_other.Version != _self.Version)
            {
                throw new NotApplicableException(new LocalizedText("两份报告表格格式不同", "the two reports use different table formats"));
            }

            return new BoundCell(AddVirtual(slot => new SameNonZero(Virtual(slot, "samenonzero()", "与对方报告相同的非零数字个数"))), c.Position);
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
                // the core binds it in that report's schema; it is then moved to that report's slots.
                if (c.Arguments is not [ReferenceSyntax r])
                {
                    throw new BindException($"{c.Function}() takes a cell or row id", c.Position);
                }

                var (schema, offset, prefix, rest) = Frame(r);
                var bound = new Binder(schema).Bind(new CallSyntax(c.Function, [new ReferenceSyntax(rest, r.Position)], c.Position));
                return Move(bound, offset, prefix);
            }
        }
    }

    private Bound BindReference(ReferenceSyntax r)
    {
        var (schema, offset, prefix, rest) = Frame(r);
        if (schema.TryGetCell(new CellId(rest), out _))
        {
            return Move(new Binder(schema).Bind(new ReferenceSyntax(rest, r.Position)), offset, prefix);
        }

        if (_concepts.TryGet(rest, out var concept))
        {
            if (!concept.Expressions.TryGetValue(schema.Version, out var text))
            {
                throw new NotApplicableException(concept.WhyAbsent(schema.Version));
            }

            var bound = new Binder(schema).Bind(ExpressionParser.Parse(text));
            return Move(bound, offset, prefix);
        }

        // A cell of another printed form of the format (历年累计 of the two-column table) that this report's form lacks.
        if (OtherForm(schema, rest) is { } form)
        {
            var whose = offset == 0 ? ("本报告", "this report") : ("对方报告", "the other report");
            throw new NotApplicableException(new LocalizedText(
                $"{whose.Item1}{(schema.Variant is null ? "为全国统一格式" : $"为{schema.Variant.Title.Zh}")}，没有 {rest}（只见于{form.Variant?.Title.Zh ?? "全国统一格式"}）",
                $"{whose.Item2} is printed {(schema.Variant is null ? "in the national form" : $"as {schema.Variant.Title.En}")} and has no {rest} (only in {form.Variant?.Title.En ?? "the national form"})"));
        }

        // Let the core say what is wrong (unknown id, a row without a column), with its suggestion.
        return Move(new Binder(schema).Bind(new ReferenceSyntax(rest, r.Position)), offset, prefix);
    }

    /// <summary>The other form of the report's format (national or a variant) that has the cell, when this form lacks it.</summary>
    private static ReportSchema? OtherForm(ReportSchema schema, string cellId)
    {
        var national = SchemaCatalog.Get(schema.Version);
        return new[] { national }.Concat(national.Variants).FirstOrDefault(form => form != schema && form.TryGetCell(new CellId(cellId), out _));
    }

    private (ReportSchema Schema, int Offset, string Prefix, string Name) Frame(ReferenceSyntax r)
    {
        if (_otherPrefix is not null && r.Name.StartsWith(_otherPrefix, StringComparison.Ordinal))
        {
            return (_other!, OtherOffset, _otherPrefix, r.Name[_otherPrefix.Length..]);
        }

        foreach (var prefix in (ReadOnlySpan<string>)["prev.", "parent.", "children."])
        {
            if (r.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new BindException($"'{prefix}' is not available in a rule of relation '{_relation}'", r.Position);
            }
        }

        return (_self, 0, "", r.Name);
    }

    /// <summary>Moves a bound expression's cells to another part of the combined frame (offset), naming them with the prefix.</summary>
    private Bound Move(Bound bound, int offset, string prefix) => offset == 0 ? bound : bound switch
    {
        BoundCell c => c with { Cell = Moved(c.Cell, offset, prefix) },
        BoundList l => l with { Cells = l.Cells.Select(x => Moved(x, offset, prefix)).ToList(), Source = prefix + l.Source },
        BoundPredicate p => p with { Cells = p.Cells.Select(x => Moved(x, offset, prefix)).ToList(), Operand = p.Operand is null ? null : Move(p.Operand, offset, prefix) },
        BoundUnary u => u with { Operand = Move(u.Operand, offset, prefix) },
        BoundBinary b => b with { Left = Move(b.Left, offset, prefix), Right = Move(b.Right, offset, prefix) },
        BoundNumericCall n => n with { Arguments = n.Arguments.Select(a => Move(a, offset, prefix)).ToList() },
        _ => bound,
    };

    private CellDefinition Moved(CellDefinition cell, int offset, string prefix)
    {
        if (!_moved.TryGetValue((cell, prefix), out var moved))
        {
            moved = new CellDefinition(new CellId(prefix + cell.Id.Value), cell.Row, cell.Column, cell.Kind, cell.Unit) { Slot = cell.Slot + offset };
            _moved.Add((cell, prefix), moved);
        }

        return moved;
    }

    private CellDefinition AddVirtual(Func<int, VirtualSlot> create)
    {
        var slot = create(VirtualOffset + Virtuals.Count);
        Virtuals.Add(slot);
        return slot.Cell;
    }

    private static CellDefinition Virtual(int slot, string id, string label)
    {
        var row = new SchemaRow(id, label, [], null, RowKind.Value, RowRole.Part, ValueKind.Count, null, null);
        return new CellDefinition(new CellId(id), row, null, ValueKind.Count, null) { Slot = slot };
    }

    private static string FunctionWord(string function) => function switch
    {
        "sum" => "之和",
        "max" => "最大值",
        _ => "最小值",
    };

    private static void Expect(Bound bound, ExprType type, string what)
    {
        if (bound.Type != type)
        {
            throw new BindException($"'{what}' needs a {(type == ExprType.Boolean ? "condition" : "number")}", bound.Position);
        }
    }
}
