using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Rules.Language;

/// <summary>The type of a bound expression.</summary>
internal enum ExprType
{
    Number,
    Boolean,
    CellList,
}

/// <summary>An expression bound to a schema: references resolved to cell slots, types checked.</summary>
internal abstract record Bound(ExprType Type, int Position);

internal sealed record BoundConstant(long Scaled, int Position) : Bound(ExprType.Number, Position);

internal sealed record BoundCell(CellDefinition Cell, int Position) : Bound(ExprType.Number, Position);

internal sealed record BoundList(IReadOnlyList<CellDefinition> Cells, string Source, int Position) : Bound(ExprType.CellList, Position);

internal sealed record BoundYear(int Position) : Bound(ExprType.Number, Position);

internal sealed record BoundUnary(string Operator, Bound Operand, ExprType ResultType, int Position) : Bound(ResultType, Position);

internal sealed record BoundBinary(string Operator, Bound Left, Bound Right, ExprType ResultType, int Position) : Bound(ResultType, Position);

/// <summary>A numeric aggregate or function: sum, min, max, abs.</summary>
internal sealed record BoundNumericCall(string Function, IReadOnlyList<Bound> Arguments, int Position) : Bound(ExprType.Number, Position);

/// <summary>A test of cell states: isblank, isabsent, isnumber, isplaceholder, isunreadable, reported, isinteger.</summary>
internal sealed record BoundPredicate(string Function, IReadOnlyList<CellDefinition> Cells, Bound? Operand, int Position) : Bound(ExprType.Boolean, Position);

/// <summary>An error found while binding, with the offending position in the expression.</summary>
internal sealed class BindException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}

/// <summary>
/// Fixed-point arithmetic: every value is a <see cref="long"/> holding the number × 10⁶, so counts and amounts printed
/// with up to six decimals (万元 to the cent: <c>1234.567891</c> 万元 = ¥12,345,678.91) are exact.
/// </summary>
internal static class Fixed
{
    /// <summary>The scale: six decimals.</summary>
    public const long Scale = 1_000_000;

    /// <summary>The number of decimals a value holds exactly.</summary>
    public const int Decimals = 6;

    /// <summary>
    /// The largest magnitude a cell value may have (10¹⁰, ten billion; 10¹⁰ 万元 is 10¹⁴ yuan): scaled it is 10¹⁶, so sums
    /// of up to 900 cells cannot overflow a <see cref="long"/>.
    /// </summary>
    public const decimal MaxMagnitude = 10_000_000_000m;

    public static long FromDecimal(decimal value) => (long)decimal.Round(value * Scale, 0, MidpointRounding.AwayFromZero);

    /// <summary>Converts exactly: false when the value exceeds <see cref="MaxMagnitude"/> or has more than six decimals (it would be rounded).</summary>
    public static bool TryFromDecimal(decimal value, out long scaled)
    {
        scaled = 0;
        if (Math.Abs(value) > MaxMagnitude)
        {
            return false;
        }

        var product = value * Scale;
        if (product != decimal.Truncate(product))
        {
            return false;
        }

        scaled = (long)product;
        return true;
    }

    public static decimal ToDecimal(long scaled) => (decimal)scaled / Scale;

    /// <summary>Whether a value is too large for the rules (beyond <see cref="MaxMagnitude"/>), as opposed to only too precise.</summary>
    public static bool TooLarge(decimal value) => Math.Abs(value) > MaxMagnitude;

    public static long Mul(long a, long b) => (long)((Int128)a * b / Scale);

    public static long Div(long a, long b) => b == 0 ? 0 : (long)((Int128)a * Scale / b);

    /// <summary>True when a cell holds something printed with content: not blank and not absent.</summary>
    public static bool AnyFilled(byte[] states, int[] slots)
    {
        foreach (var slot in slots)
        {
            if (states[slot] is not ((byte)CellState.Absent or (byte)CellState.Blank))
            {
                return true;
            }
        }

        return false;
    }

    public static bool AnyPresent(byte[] states, int[] slots)
    {
        foreach (var slot in slots)
        {
            if (states[slot] != (byte)CellState.Absent)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Resolves references against a schema and checks types.</summary>
internal sealed class Binder(ReportSchema schema)
{
    private static readonly HashSet<string> CellPredicates = ["isblank", "isabsent", "isnumber", "isplaceholder", "isunreadable", "ismissing"];

    /// <summary>How many cell terms the lists bound so far expand to (budget: <see cref="ProcessingLimits.MaxExpandedTermsPerInstance"/>).</summary>
    public long Terms { get; private set; }

    public Bound Bind(Syntax syntax) => syntax switch
    {
        NumberSyntax n => new BoundConstant(Constant(n), n.Position),
        ReferenceSyntax r when r.Name == "year" => new BoundYear(r.Position),
        ReferenceSyntax r => new BoundCell(ResolveCell(r), r.Position),
        UnarySyntax u => BindUnary(u),
        BinarySyntax b => BindBinary(b),
        CallSyntax c => BindCall(c),
        _ => throw new BindException("unsupported expression", syntax.Position),
    };

    private static long Constant(NumberSyntax n)
    {
        if (!Fixed.TryFromDecimal(n.Value, out var scaled))
        {
            throw new BindException($"number {n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is out of range (at most {Fixed.MaxMagnitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}, six decimals)", n.Position);
        }

        return scaled;
    }

    private Bound BindUnary(UnarySyntax u)
    {
        var operand = Bind(u.Operand);
        var expected = u.Operator == "!" ? ExprType.Boolean : ExprType.Number;
        Expect(operand, expected, $"'{u.Operator}'");
        return new BoundUnary(u.Operator, operand, expected, u.Position);
    }

    private Bound BindBinary(BinarySyntax b)
    {
        var left = Bind(b.Left);
        var right = Bind(b.Right);
        switch (b.Operator)
        {
            case "&&" or "||":
                Expect(left, ExprType.Boolean, $"'{b.Operator}'");
                Expect(right, ExprType.Boolean, $"'{b.Operator}'");
                return new BoundBinary(b.Operator, left, right, ExprType.Boolean, b.Position);
            case "==" or "!=" or "<" or "<=" or ">" or ">=":
                Expect(left, ExprType.Number, $"'{b.Operator}'");
                Expect(right, ExprType.Number, $"'{b.Operator}'");
                return new BoundBinary(b.Operator, left, right, ExprType.Boolean, b.Position);
            default:
                Expect(left, ExprType.Number, $"'{b.Operator}'");
                Expect(right, ExprType.Number, $"'{b.Operator}'");
                return new BoundBinary(b.Operator, left, right, ExprType.Number, b.Position);
        }
    }

    private Bound BindCall(CallSyntax c)
    {
        switch (c.Function)
        {
            case "sum" or "min" or "max":
            {
                if (c.Arguments.Count == 0)
                {
                    throw new BindException($"{c.Function}() needs at least one argument", c.Position);
                }

                var args = c.Arguments.Select(Bind).ToList();
                foreach (var a in args)
                {
                    if (a.Type == ExprType.Boolean)
                    {
                        throw new BindException($"{c.Function}() takes numbers or cell lists, not a condition", a.Position);
                    }
                }

                return new BoundNumericCall(c.Function, args, c.Position);
            }

            case "abs":
            {
                Arity(c, 1);
                var a = Bind(c.Arguments[0]);
                Expect(a, ExprType.Number, "abs()");
                return new BoundNumericCall("abs", [a], c.Position);
            }

            case "children" or "cells" or "descendants":
            {
                Arity(c, 1);
                return new BoundList(ResolveList(c.Function, c.Arguments[0]), $"{c.Function}({Describe(c.Arguments[0])})", c.Position);
            }

            case "isinteger":
            {
                Arity(c, 1);
                var a = Bind(c.Arguments[0]);
                Expect(a, ExprType.Number, "isinteger()");
                return new BoundPredicate("isinteger", [], a, c.Position);
            }

            case "reported":
            {
                Arity(c, 1);
                return new BoundPredicate("reported", ResolveList("descendants", c.Arguments[0]), null, c.Position);
            }

            case "filled":
            {
                // A part of the row (its children, as children() lists them) printed with content: a number, a placeholder or text.
                Arity(c, 1);
                return new BoundPredicate("filled", ResolveList("children", c.Arguments[0]), null, c.Position);
            }

            case var f when CellPredicates.Contains(f):
            {
                Arity(c, 1);
                if (c.Arguments[0] is not ReferenceSyntax r)
                {
                    throw new BindException($"{f}() takes a cell id", c.Arguments[0].Position);
                }

                return new BoundPredicate(f, [ResolveCell(r)], null, c.Position);
            }

            default:
                throw new BindException(
                    $"unknown function '{c.Function}' (known: sum, min, max, abs, children, cells, descendants, reported, filled, isinteger, {string.Join(", ", CellPredicates)})",
                    c.Position);
        }
    }

    private IReadOnlyList<CellDefinition> ResolveList(string function, Syntax argument)
    {
        var cells = ResolveListCells(function, argument);
        Terms += cells.Count;
        if (Terms > ProcessingLimits.MaxExpandedTermsPerInstance)
        {
            throw new BindException(
                $"expression expands to more than {ProcessingLimits.MaxExpandedTermsPerInstance} cell terms (children, cells and descendants lists together); limit: expanded terms per rule instance {ProcessingLimits.MaxExpandedTermsPerInstance}",
                argument.Position);
        }

        return cells;
    }

    private IReadOnlyList<CellDefinition> ResolveListCells(string function, Syntax argument)
    {
        if (argument is not ReferenceSyntax r)
        {
            throw new BindException($"{function}() takes a row id, optionally with a [column]", argument.Position);
        }

        var id = new CellId(r.Name);
        var rowId = id.Row;
        var column = id.Column;
        SchemaRow? row;
        if (!schema.TryGetRow(rowId, out row))
        {
            var table = schema.Tables.FirstOrDefault(t => t.Id == rowId);
            if (table is null || function != "descendants")
            {
                throw new BindException($"unknown row '{rowId}' in schema {schema.Version.ToToken()}{Suggest(rowId)}", r.Position);
            }

            return table.AllRows.SelectMany(x => x.Cells).Where(cell => InColumn(cell, null)).ToList();
        }

        if (column is not null && row.Table.Columns.Concat(row.Table.ExtraColumns).All(col => col.Id != column))
        {
            throw new BindException($"unknown column '{column}' in table '{row.Table.Id}'", r.Position);
        }

        IEnumerable<SchemaRow> rows = function switch
        {
            "children" => PartChildren(row),
            "cells" => [row],
            _ => row.SelfAndDescendants,
        };
        var cells = rows.SelectMany(x => x.Cells).Where(cell => InColumn(cell, column)).ToList();
        if (cells.Count == 0)
        {
            throw new BindException($"{function}({r.Name}) names no cells", r.Position);
        }

        return cells;
    }

    /// <summary>
    /// Whether a cell belongs to the column a list names: with no column, every column of a table with columns, but
    /// only the plain cells of a table with extra (variant) columns, so that <c>children(row)</c> stays one column.
    /// </summary>
    private static bool InColumn(CellDefinition cell, string? column) =>
        column is null ? cell.Column is null || !cell.Row.Table.ExtraColumns.Contains(cell.Column) : cell.Column?.Id == column;

    /// <summary>
    /// The value rows directly below a row, looking through header and derived groups to their rows: the parts of a
    /// total, or the "其中" rows of a row whose children are all of that kind. Rows printed under a parent but
    /// measuring something else (<see cref="RowRole.Related"/>) are left out.
    /// </summary>
    internal static IEnumerable<SchemaRow> PartChildren(SchemaRow row)
    {
        foreach (var child in row.Children)
        {
            if (child.Role == RowRole.Related)
            {
                continue;
            }

            if (child.Kind == RowKind.Value)
            {
                yield return child;
            }
            else
            {
                foreach (var grandChild in PartChildren(child))
                {
                    yield return grandChild;
                }
            }
        }
    }

    private CellDefinition ResolveCell(ReferenceSyntax r)
    {
        if (schema.TryGetCell(new CellId(r.Name), out var cell))
        {
            return cell;
        }

        if (new CellId(r.Name).Column is null && schema.TryGetRow(r.Name, out var row) && row.Cells.Count > 1)
        {
            throw new BindException($"'{r.Name}' is a row with columns; name a column, e.g. {row.Cells[0].Id}", r.Position);
        }

        throw new BindException($"unknown cell id '{r.Name}' in schema {schema.Version.ToToken()}{Suggest(r.Name)}", r.Position);
    }

    private string Suggest(string name)
    {
        var best = schema.Cells.Select(c => c.Id.Value).Concat(schema.Rows.Select(x => x.Id))
            .Select(id => (id, d: Distance(id, name))).OrderBy(x => x.d).ThenBy(x => x.id, StringComparer.Ordinal).FirstOrDefault();
        return best.id is not null && best.d <= Math.Max(2, name.Length / 4) ? $"; did you mean '{best.id}'?" : "";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            d[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var prev = d[0];
            d[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var temp = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), prev + (a[i - 1] == b[j - 1] ? 0 : 1));
                prev = temp;
            }
        }

        return d[b.Length];
    }

    private static void Arity(CallSyntax c, int n)
    {
        if (c.Arguments.Count != n)
        {
            throw new BindException($"{c.Function}() takes {n} argument(s), got {c.Arguments.Count}", c.Position);
        }
    }

    private static void Expect(Bound bound, ExprType type, string what)
    {
        if (bound.Type != type)
        {
            throw new BindException($"{what} needs a {Name(type)}, got a {Name(bound.Type)}", bound.Position);
        }
    }

    private static string Name(ExprType type) => type switch
    {
        ExprType.Number => "number",
        ExprType.Boolean => "condition",
        _ => "cell list (use it inside sum/min/max)",
    };

    private static string Describe(Syntax s) => s is ReferenceSyntax r ? r.Name : "…";
}
