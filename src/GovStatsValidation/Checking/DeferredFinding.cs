using System.Runtime.CompilerServices;
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
}

/// <summary>
/// The finding of a compiled rule, deferred: the values, states and report cells of every cell the rule reads are copied
/// when the rule is evaluated (a few dozen bytes), and <see cref="FindingBuilder"/> builds the explanation from that copy
/// when the finding is first read, so a later change of the report does not change it.
/// </summary>
internal sealed class DeferredRuleFinding : DeferredFinding
{
    private static readonly ConditionalWeakTable<CompiledRule, int[]> SlotsOf = new();

    private readonly CompiledRule _rule;
    private readonly AnnualReport _report;
    private readonly ReportSchema _schema;
    private readonly int _year;
    private readonly bool _passed;
    private readonly int[] _slots;
    private readonly long[] _values;
    private readonly byte[] _states;
    private readonly CellValue?[] _cells;

    private DeferredRuleFinding(CompiledRule rule, ReportFrame frame, bool passed)
    {
        _rule = rule;
        _report = frame.Report!;
        _schema = frame.Schema;
        _year = frame.Year;
        _passed = passed;
        _slots = Slots(rule, frame.Schema);
        _values = new long[_slots.Length];
        _states = new byte[_slots.Length];
        _cells = new CellValue?[_slots.Length];
        for (var i = 0; i < _slots.Length; i++)
        {
            var slot = _slots[i];
            _values[i] = frame.Values[slot];
            _states[i] = frame.States[slot];
            _cells[i] = frame.ValueOf(frame.Schema.Cells[slot]);
        }
    }

    /// <summary>The finding of <paramref name="rule"/> on the report in <paramref name="frame"/>, its explanation built when first read.</summary>
    public static Finding Create(CompiledRule rule, ReportFrame frame, bool passed) =>
        frame.Report is null
            ? FindingBuilder.Build(rule, frame, passed)
            : new Finding(rule.Definition.Id, passed ? rule.Definition.PassSeverity : rule.Severity, rule.InstanceKey, passed, new DeferredRuleFinding(rule, frame, passed));

    public override Finding Build()
    {
        var frame = new ReportFrame(_schema);
        frame.LoadSnapshot(_report, _year, _slots, _values, _states, _cells);
        return FindingBuilder.Build(_rule, frame, _passed);
    }

    /// <summary>Every slot that building the rule's finding reads: its expressions' cells, its suspect and its bound cell.</summary>
    internal static int[] Slots(CompiledRule rule, ReportSchema schema) =>
        SlotsOf.GetValue(rule, r =>
        {
            var cells = new HashSet<CellDefinition>(r.ValueCells);
            Collect(r.Condition, cells);
            Collect(r.ActualExpression, cells);
            Collect(r.ExpectedExpression, cells);
            Collect(r.WhenCondition, cells);
            if (r.Suspect is { } suspect)
            {
                cells.Add(suspect);
            }

            if (r.Bindings.TryGetValue("cell", out var id) && schema.TryGetCell(new CellId(id), out var bound))
            {
                cells.Add(bound);
            }

            return cells.Select(c => c.Slot).Distinct().Order().ToArray();
        });

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
