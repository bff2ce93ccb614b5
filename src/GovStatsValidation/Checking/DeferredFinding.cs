using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Checking;

/// <summary>What a <see cref="Finding"/> whose explanation is built on first read builds it from.</summary>
internal abstract class DeferredFinding
{
    /// <summary>The finding, every part built.</summary>
    public abstract Finding Build();

    /// <summary>
    /// Whether the finding's place in <see cref="FindingOrder"/> is known without building it: its line is none (no cell it
    /// reads has a source line, whatever cell is suspected) and its first cell is <paramref name="firstCell"/>.
    /// </summary>
    public virtual bool TryOrderKey(out string? firstCell)
    {
        firstCell = null;
        return false;
    }
}

/// <summary>
/// The finding of a compiled rule, deferred: it keeps the snapshot of the report's cells the frame was loaded from (never
/// changed once made: see <see cref="FrameSnapshot"/>), and <see cref="FindingBuilder"/> builds the explanation from it when
/// the finding is first read, so a later change of the report does not change it. A failing finding may also be pointed at
/// the report's localization (<see cref="Localization"/>), which is then searched when the finding is first read.
/// </summary>
internal sealed class DeferredRuleFinding : DeferredFinding
{
    private readonly CompiledRule _rule;
    private readonly AnnualReport _report;
    private readonly FrameSnapshot _snapshot;
    private readonly int _year;
    private readonly bool _passed;
    private readonly bool _noLine;

    private DeferredRuleFinding(CompiledRule rule, ReportFrame frame, FrameSnapshot snapshot, bool passed)
    {
        _rule = rule;
        _report = frame.Report!;
        _snapshot = snapshot;
        _year = frame.Year;
        _passed = passed;
        _noLine = true;
        foreach (var slot in Slots(rule, snapshot.Schema))
        {
            if (snapshot.Cells[slot]?.Location?.Line is not null)
            {
                _noLine = false;
                break;
            }
        }
    }

    /// <summary>
    /// The report's localization this failing finding is pointed at when built (its suspect and line), as
    /// <see cref="Localization.SuspectAssignment"/> points an eagerly built finding. Set by the checker before the finding
    /// is handed out, never after.
    /// </summary>
    public DeferredLocalization? Localization { get; set; }

    /// <summary>The report's cells as the rule was evaluated on them.</summary>
    public FrameSnapshot Snapshot => _snapshot;

    public override bool TryOrderKey(out string? firstCell)
    {
        firstCell = Shape(_rule, _snapshot.Schema).FirstCell;
        return _noLine;
    }

    /// <summary>
    /// The finding of <paramref name="rule"/> on the report just loaded into <paramref name="frame"/>, its explanation built
    /// when first read; built now when the frame holds no loaded report (values set directly).
    /// </summary>
    public static Finding Create(CompiledRule rule, ReportFrame frame, bool passed) =>
        frame.Report is null || frame.Snapshot is not { } snapshot
            ? FindingBuilder.Build(rule, frame, passed)
            : new Finding(rule.Definition.Id, passed ? rule.Definition.PassSeverity : rule.Severity, rule.InstanceKey, passed, new DeferredRuleFinding(rule, frame, snapshot, passed));

    public override Finding Build()
    {
        var frame = new ReportFrame(_snapshot.Schema);
        frame.LoadSnapshot(_report, _year, _snapshot);
        var built = FindingBuilder.Build(_rule, frame, _passed);
        return Localization?.Assign(built) ?? built;
    }

    /// <summary>Every slot that building the rule's finding reads: its expressions' cells, its suspect and its bound cell.</summary>
    internal static int[] Slots(CompiledRule rule, ReportSchema schema) => Shape(rule, schema).Slots;

    /// <summary>What the deferred findings of a rule instance copy and how they sort, worked out once per instance.</summary>
    private static DeferredShape Shape(CompiledRule rule, ReportSchema schema)
    {
        if (rule.DeferredShape is DeferredShape known)
        {
            return known;
        }

        var cells = new HashSet<CellDefinition>(rule.ValueCells);
        Collect(rule.Condition, cells);
        Collect(rule.ActualExpression, cells);
        Collect(rule.ExpectedExpression, cells);
        Collect(rule.WhenCondition, cells);
        if (rule.Suspect is { } suspect)
        {
            cells.Add(suspect);
        }

        if (rule.Bindings.TryGetValue("cell", out var id) && schema.TryGetCell(new CellId(id), out var bound))
        {
            cells.Add(bound);
        }

        // The first of the finding's cells (FindingBuilder: the value cells, then the cells of its predicates).
        var first = rule.ValueCells.Count > 0 ? rule.ValueCells[0] : FindingBuilder.PredicateCells(rule.Condition).FirstOrDefault();
        var shape = new DeferredShape(cells.Select(c => c.Slot).Distinct().Order().ToArray(), first?.Id.Value);
        rule.DeferredShape = shape; // a race computes the same shape twice
        return shape;
    }

    private sealed record DeferredShape(int[] Slots, string? FirstCell);

    private static void Collect(Bound? bound, HashSet<CellDefinition> cells)
    {
        switch (bound)
        {
            case BoundCell c:
                cells.Add(c.Cell);
                break;
            case BoundList l:
                cells.UnionWith(l.Cells);
                break;
            case BoundUnary u:
                Collect(u.Operand, cells);
                break;
            case BoundBinary b:
                Collect(b.Left, cells);
                Collect(b.Right, cells);
                break;
            case BoundNumericCall call:
                foreach (var argument in call.Arguments)
                {
                    Collect(argument, cells);
                }

                break;
            case BoundPredicate p:
                cells.UnionWith(p.Cells);
                Collect(p.Operand, cells);
                break;
        }
    }
}
