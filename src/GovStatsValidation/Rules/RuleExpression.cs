using System.Globalization;
using GovStatsValidation.Model;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Rules;

/// <summary>
/// Where the expressions of a rule are bound and evaluated: the cells of the report checked, optionally those of one other
/// report named with a prefix (<c>prev.</c>, <c>parent.</c>), and values the caller computes (a sum over other reports).
/// This is the rule language's seam for packages that compare reports (GovStatsValidation.CrossReport): the language, its
/// functions, types and error messages stay the core's; a caller-supplied <see cref="IExpressionResolver"/> decides what
/// the names the report's format does not know stand for.
/// </summary>
public sealed class ExpressionFrame
{
    private readonly List<FrameCell> _computed = [];
    private readonly Dictionary<(CellDefinition, int), CellDefinition> _placed = [];
    private readonly Dictionary<string, CellDefinition> _computedById = new(StringComparer.Ordinal);
    private readonly Dictionary<CellDefinition, FrameCell> _frameCells = [];

    /// <summary>A frame over one report's cells.</summary>
    /// <param name="schema">The format (or variant) of the report checked.</param>
    public ExpressionFrame(ReportSchema schema)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
    }

    /// <summary>A frame over two reports: the one checked, and another whose cells the expressions name with <paramref name="otherPrefix"/>.</summary>
    /// <param name="schema">The format of the report checked.</param>
    /// <param name="otherPrefix">The prefix of the other report's cells, e.g. <c>prev.</c>.</param>
    /// <param name="other">The format of the other report.</param>
    public ExpressionFrame(ReportSchema schema, string otherPrefix, ReportSchema other)
        : this(schema)
    {
        ArgumentException.ThrowIfNullOrEmpty(otherPrefix);
        OtherPrefix = otherPrefix;
        Other = other ?? throw new ArgumentNullException(nameof(other));
    }

    /// <summary>The format of the report checked (its cells are named without prefix).</summary>
    public ReportSchema Schema { get; }

    /// <summary>The format of the other report, or <see langword="null"/>.</summary>
    public ReportSchema? Other { get; }

    /// <summary>The prefix of the other report's cells, or <see langword="null"/>.</summary>
    public string? OtherPrefix { get; }

    /// <summary>The values computed by the caller that the expressions bound so far use, in the order they were first named.</summary>
    public IReadOnlyList<FrameCell> Computed => _computed;

    internal int OtherOffset => Schema.Cells.Count;

    internal int ComputedOffset => OtherOffset + (Other?.Cells.Count ?? 0);

    internal int Size => ComputedOffset + _computed.Count;

    /// <summary>
    /// Parses and binds an expression of the rule language in this frame. <c>$name</c> placeholders are replaced first by
    /// <paramref name="bindings"/> (the forEach values of a rule instance).
    /// </summary>
    /// <param name="text">The expression, e.g. <c>requests.carried_over[$col] == prev.requests.carry_forward[$col]</c>.</param>
    /// <param name="bindings">Placeholder values, or <see langword="null"/>.</param>
    /// <param name="resolver">What names the formats do not know stand for, or <see langword="null"/>.</param>
    /// <returns>The bound expression.</returns>
    /// <exception cref="RuleExpressionException">A syntax or binding error (unknown cell with a suggestion, wrong types, unknown function).</exception>
    /// <exception cref="ExpressionNotApplicableException">The resolver says a name has no meaning for these formats.</exception>
    public RuleExpression Bind(string text, IReadOnlyDictionary<string, string>? bindings = null, IExpressionResolver? resolver = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var substituted = bindings is null ? text : RuleCompiler.Substitute(text, bindings);
        try
        {
            var bound = new FrameBinder(this, resolver).Bind(ExpressionParser.Parse(substituted));
            return new RuleExpression(this, substituted, bound);
        }
        catch (ExpressionSyntaxException e)
        {
            throw new RuleExpressionException(e.Message, e.Position, substituted);
        }
        catch (BindException e)
        {
            throw new RuleExpressionException(e.Message, e.Position, substituted);
        }
    }

    /// <summary>Values of the frame's cells: the report checked and the other report loaded, computed values not yet set (absent).</summary>
    /// <param name="report">The report checked.</param>
    /// <param name="other">The other report, when the frame has one.</param>
    /// <returns>The values, to fill the <see cref="Computed"/> cells of and evaluate expressions on.</returns>
    public FrameValues Load(AnnualReport report, AnnualReport? other = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var values = new FrameValues(this, report.Year);
        values.LoadPart(Schema, report, 0);
        if (Other is not null && other is not null)
        {
            values.LoadPart(Other, other, OtherOffset);
        }

        return values;
    }

    /// <summary>The cell a bound expression uses for a schema cell of the report checked (part 0) or of the other report (part 1).</summary>
    internal CellDefinition Place(CellDefinition cell, int part)
    {
        if (_placed.TryGetValue((cell, part), out var placed))
        {
            return placed;
        }

        placed = part == 0 ? cell : new CellDefinition(new CellId(OtherPrefix + cell.Id.Value), cell.Row, cell.Column, cell.Kind, cell.Unit) { Slot = OtherOffset + cell.Slot };
        _placed.Add((cell, part), placed);
        _frameCells[placed] = new FrameCell(placed.Id.Value, cell.Label, cell, part, placed.Slot, null);
        return placed;
    }

    /// <summary>The cell of a computed value (one per id).</summary>
    internal CellDefinition AddComputed(string id, string label, object? tag)
    {
        if (_computedById.TryGetValue(id, out var existing))
        {
            return existing;
        }

        var slot = ComputedOffset + _computed.Count;
        var row = new SchemaRow(id, label, [], null, RowKind.Value, RowRole.Part, ValueKind.Count, null, null);
        var cell = new CellDefinition(new CellId(id), row, null, ValueKind.Count, null) { Slot = slot };
        var frameCell = new FrameCell(id, label, null, -1, slot, tag);
        _computed.Add(frameCell);
        _computedById[id] = cell;
        _frameCells[cell] = frameCell;
        return cell;
    }

    /// <summary>The frame cell of a cell of a bound expression.</summary>
    internal FrameCell FrameCellOf(CellDefinition boundCell) => _frameCells[boundCell];
}

/// <summary>One cell of an <see cref="ExpressionFrame"/>: a cell of the report checked, of the other report, or a value the caller computes.</summary>
public sealed class FrameCell
{
    internal FrameCell(string id, string label, CellDefinition? cell, int part, int slot, object? tag)
    {
        Id = id;
        Label = label;
        Definition = cell;
        Part = part;
        Slot = slot;
        Tag = tag;
    }

    /// <summary>The id as the expression names it: <c>review[total]</c>, <c>prev.review[total]</c>, <c>sum(children.applications.received)</c>.</summary>
    public string Id { get; }

    /// <summary>The Chinese label.</summary>
    public string Label { get; }

    /// <summary>The schema cell (of the report checked or the other report), or <see langword="null"/> for a computed value.</summary>
    public CellDefinition? Definition { get; }

    /// <summary>0: the report checked; 1: the other report; −1: a value the caller computes.</summary>
    public int Part { get; }

    /// <summary>What the resolver attached to a computed value (<see cref="ExpressionBinding.Computed"/>), else <see langword="null"/>.</summary>
    public object? Tag { get; }

    internal int Slot { get; }

    /// <inheritdoc/>
    public override string ToString() => Id;
}

/// <summary>The values of an <see cref="ExpressionFrame"/>'s cells for one set of reports (fixed-point, exact to six decimals).</summary>
public sealed class FrameValues
{
    private readonly ExpressionFrame _frame;

    internal FrameValues(ExpressionFrame frame, int year)
    {
        _frame = frame;
        Year = year;
        Values = new long[frame.Size];
        States = new byte[frame.Size];
    }

    /// <summary>The year of the report checked (the language's <c>year</c>).</summary>
    public int Year { get; }

    internal long[] Values { get; }

    internal byte[] States { get; }

    /// <summary>The state of a cell: a number, blank, absent, placeholder or unreadable.</summary>
    /// <param name="cell">A cell of this frame.</param>
    /// <returns>The state.</returns>
    public CellState State(FrameCell cell) => (CellState)States[Slot(cell)];

    /// <summary>The number of a cell (0 when it holds none).</summary>
    /// <param name="cell">A cell of this frame.</param>
    /// <returns>The value.</returns>
    public decimal Number(FrameCell cell) => Fixed.ToDecimal(Values[Slot(cell)]);

    /// <summary>Sets a computed cell to a number.</summary>
    /// <param name="cell">One of <see cref="ExpressionFrame.Computed"/>.</param>
    /// <param name="value">The value.</param>
    public void SetComputed(FrameCell cell, decimal value)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Part != -1)
        {
            throw new ArgumentException("only a computed cell can be set", nameof(cell));
        }

        Values[Slot(cell)] = Fixed.FromDecimal(value);
        States[Slot(cell)] = (byte)CellState.Number;
    }

    private int Slot(FrameCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Slot < Values.Length ? cell.Slot : throw new ArgumentException($"'{cell.Id}' is not a cell of this frame's values", nameof(cell));
    }

    internal void LoadPart(ReportSchema schema, AnnualReport report, int offset)
    {
        foreach (var (id, value) in report.Cells)
        {
            if (schema.TryGetCell(id, out var cell))
            {
                if (value.State == CellState.Number && !Checking.ReportFrame.TryScale(value.Number!.Value, out var scaled))
                {
                    // Beyond what the rules hold exactly: unreadable, never rounded (as in the checker's frame).
                    States[offset + cell.Slot] = (byte)CellState.Unreadable;
                    continue;
                }

                States[offset + cell.Slot] = (byte)value.State;
                Values[offset + cell.Slot] = value.State == CellState.Number ? Fixed.FromDecimal(value.Number!.Value) : 0;
            }
        }
    }

    internal bool Belongs(ExpressionFrame frame) => ReferenceEquals(frame, _frame);
}

/// <summary>An expression of the rule language bound in an <see cref="ExpressionFrame"/>: evaluate it, and write it with the numbers filled in.</summary>
public sealed class RuleExpression
{
    private readonly ExpressionFrame _frame;
    private Compiled? _compiled;

    internal RuleExpression(ExpressionFrame frame, string text, Bound bound)
    {
        _frame = frame;
        Text = text;
        Bound = bound;
        var cells = new SortedSet<CellDefinition>(Comparer<CellDefinition>.Create((a, b) => a.Slot.CompareTo(b.Slot)));
        ExpressionCompiler.CollectValueCells(bound, cells);
        ValueCells = cells.Select(frame.FrameCellOf).ToList();
    }

    /// <summary>The expression text, placeholders replaced.</summary>
    public string Text { get; }

    /// <summary>The frame it is bound in (its <see cref="ExpressionFrame.Load"/> gives the values to evaluate it on).</summary>
    public ExpressionFrame Frame => _frame;

    /// <summary>Whether it is a condition (else a number).</summary>
    public bool IsCondition => Bound.Type == ExprType.Boolean;

    /// <summary>The cells whose values it uses as numbers (not those only tested by <c>isblank()</c> and the like), in frame order.</summary>
    public IReadOnlyList<FrameCell> ValueCells { get; }

    /// <summary>The cell, when the expression is one cell and nothing else; else <see langword="null"/>.</summary>
    public FrameCell? Cell => Bound is BoundCell c ? _frame.FrameCellOf(c.Cell) : null;

    internal Bound Bound { get; }

    /// <summary>Whether the condition holds.</summary>
    /// <param name="values">The frame's values.</param>
    /// <param name="tolerance">Absolute tolerance of <c>==</c> and <c>!=</c>.</param>
    /// <returns>The truth of the condition.</returns>
    public bool Holds(FrameValues values, decimal tolerance = 0)
    {
        Check(values, condition: true);
        var scaled = Fixed.FromDecimal(tolerance);
        var compiled = _compiled;
        if (compiled is null || compiled.Tolerance != scaled)
        {
            // Compiled once per tolerance; one reference written at once, so threads sharing the expression see a whole pair.
            _compiled = compiled = new Compiled(ExpressionCompiler.CompileCondition(Bound, scaled), scaled);
        }

        return compiled.Condition(values.Values, values.States, values.Year);
    }

    /// <summary>The value of a numeric expression.</summary>
    /// <param name="values">The frame's values.</param>
    /// <returns>The value.</returns>
    /// <exception cref="OverflowException">The value is beyond what the rules hold.</exception>
    public decimal Evaluate(FrameValues values)
    {
        Check(values, condition: false);
        return Fixed.ToDecimal(ExpressionCompiler.EvaluateNumber(Bound, values.Values, values.States, values.Year));
    }

    /// <summary>The two sides of a top-level numeric comparison (<c>a == b</c>, <c>a &lt;= b</c>), evaluated; else <see langword="false"/>.</summary>
    /// <param name="values">The frame's values.</param>
    /// <param name="left">The left side's value.</param>
    /// <param name="right">The right side's value.</param>
    /// <returns>Whether the expression is such a comparison.</returns>
    public bool TryEvaluateSides(FrameValues values, out decimal left, out decimal right)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (Bound is BoundBinary { Type: ExprType.Boolean, Left.Type: ExprType.Number } b && values.Belongs(_frame))
        {
            left = Fixed.ToDecimal(ExpressionCompiler.EvaluateNumber(b.Left, values.Values, values.States, values.Year));
            right = Fixed.ToDecimal(ExpressionCompiler.EvaluateNumber(b.Right, values.Values, values.States, values.Year));
            return true;
        }

        left = right = 0;
        return false;
    }

    /// <summary>
    /// The expression with the numbers filled in, as a statement that is true of the values (a failed <c>==</c> is shown with
    /// <c>≠</c>, blank cells as blank): cells by label in Chinese, by id otherwise.
    /// </summary>
    /// <param name="values">The frame's values.</param>
    /// <param name="culture">The language of the words (zh-CN or English).</param>
    /// <param name="tolerance">The tolerance the condition was tested with.</param>
    /// <returns>The formula.</returns>
    public string Formula(FrameValues values, CultureInfo culture, decimal tolerance = 0)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!values.Belongs(_frame))
        {
            throw new ArgumentException("the values are of another frame", nameof(values));
        }

        return IsCondition
            ? ExpressionCompiler.Render(Bound, values.Values, values.States, values.Year, culture, Fixed.FromDecimal(tolerance))
            : ExpressionCompiler.RenderValue(Bound, values.Values, values.States, values.Year, culture);
    }

    /// <summary>A number as the formulas write it (up to six decimals, invariant culture).</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string FormatNumber(decimal value) => ExpressionCompiler.Format(Fixed.FromDecimal(value));

    /// <inheritdoc/>
    public override string ToString() => Text;

    private sealed record Compiled(CompiledCondition Condition, long Tolerance);

    private void Check(FrameValues values, bool condition)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!values.Belongs(_frame))
        {
            throw new ArgumentException("the values are of another frame", nameof(values));
        }

        if (IsCondition != condition)
        {
            throw new InvalidOperationException($"'{Text}' is {(IsCondition ? "a condition" : "a number")}");
        }
    }
}

/// <summary>
/// Decides what a name of an expression stands for when the report's format does not say it by itself: a concept shared
/// by the formats, a value over several reports, or nothing for these formats (not applicable, with the reason).
/// </summary>
public interface IExpressionResolver
{
    /// <summary>
    /// What a reference stands for, asked before the frame's formats are: <see langword="null"/> to let the core resolve it
    /// (a cell or row of the report checked, or of the other report with the frame's prefix; an unknown id is a
    /// <see cref="RuleExpressionException"/> with a suggestion). Throw <see cref="RuleExpressionException"/> for a name that is wrong here.
    /// </summary>
    /// <param name="frame">The frame.</param>
    /// <param name="name">The reference as written, e.g. <c>applications.received</c>, <c>prev.requests.carry_forward[total]</c>.</param>
    /// <returns>The binding, or <see langword="null"/>.</returns>
    ExpressionBinding? ResolveReference(ExpressionFrame frame, string name);

    /// <summary>
    /// What a call stands for, asked before the language's own functions: <see langword="null"/> to let the core bind it.
    /// Throw <see cref="RuleExpressionException"/> for a call that is wrong here.
    /// </summary>
    /// <param name="frame">The frame.</param>
    /// <param name="functionName">The function name, e.g. <c>sum</c>.</param>
    /// <param name="arguments">Each argument's text when it is a plain reference (e.g. <c>children.reviews.total</c>), else <see langword="null"/>.</param>
    /// <returns>The binding, or <see langword="null"/>.</returns>
    ExpressionBinding? ResolveCall(ExpressionFrame frame, string functionName, IReadOnlyList<string?> arguments);
}

/// <summary>What an <see cref="IExpressionResolver"/> says a name stands for.</summary>
public sealed class ExpressionBinding
{
    private ExpressionBinding()
    {
    }

    internal string? Text { get; private init; }

    internal bool InOther { get; private init; }

    internal string? ComputedId { get; private init; }

    internal string? ComputedLabel { get; private init; }

    internal object? Tag { get; private init; }

    internal LocalizedText? Reason { get; private init; }

    /// <summary>An expression over the cells of one report of the frame (a concept's formula in that report's format).</summary>
    /// <param name="text">The expression, e.g. <c>requests.new[total] + requests.carried_over[total]</c>.</param>
    /// <param name="inOther">Whether it is bound in the other report's format (its cells get the frame's prefix).</param>
    /// <returns>The binding.</returns>
    public static ExpressionBinding Expression(string text, bool inOther = false) =>
        new() { Text = text ?? throw new ArgumentNullException(nameof(text)), InOther = inOther };

    /// <summary>A value the caller computes before evaluating (<see cref="FrameValues.SetComputed"/>); one cell per distinct id.</summary>
    /// <param name="id">How formulas and findings name it, e.g. <c>sum(children.applications.received)</c>.</param>
    /// <param name="label">Its Chinese label.</param>
    /// <param name="tag">What the caller needs to compute it (found again in <see cref="FrameCell.Tag"/>).</param>
    /// <returns>The binding.</returns>
    public static ExpressionBinding Computed(string id, string label, object? tag = null) =>
        new() { ComputedId = id ?? throw new ArgumentNullException(nameof(id)), ComputedLabel = label ?? throw new ArgumentNullException(nameof(label)), Tag = tag };

    /// <summary>The name has no meaning for the frame's formats: binding stops with an <see cref="ExpressionNotApplicableException"/>.</summary>
    /// <param name="reason">Why, in both languages.</param>
    /// <returns>The binding.</returns>
    public static ExpressionBinding NotApplicable(LocalizedText reason) =>
        new() { Reason = reason ?? throw new ArgumentNullException(nameof(reason)) };
}

/// <summary>An expression of the rule language is wrong: a syntax error, an unknown cell or function, a type mismatch.</summary>
public sealed class RuleExpressionException : GovStatsValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="position">The 0-based character offset in <paramref name="text"/>, when known.</param>
    /// <param name="text">The expression, when known.</param>
    public RuleExpressionException(string message, int position = 0, string? text = null)
        : base(message)
    {
        Position = position;
        Text = text;
    }

    /// <summary>The 0-based character offset of the problem.</summary>
    public int Position { get; }

    /// <summary>The expression (placeholders replaced), when known.</summary>
    public string? Text { get; }
}

/// <summary>A name of an expression has no meaning for the formats of the reports compared (e.g. a figure one format lacks).</summary>
public sealed class ExpressionNotApplicableException : GovStatsValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why, in both languages.</param>
    public ExpressionNotApplicableException(LocalizedText reason)
        : base((reason ?? throw new ArgumentNullException(nameof(reason))).En)
    {
        Reason = reason;
    }

    /// <summary>Why, in both languages.</summary>
    public LocalizedText Reason { get; }
}
