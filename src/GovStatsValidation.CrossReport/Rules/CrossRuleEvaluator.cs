using System.Globalization;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.CrossReport.Rules;

/// <summary>The outcome of one cross-report rule instance on one set of reports.</summary>
/// <param name="Outcome">Passed, failed or not applicable.</param>
/// <param name="Finding">The finding, when the rule failed.</param>
/// <param name="Reason">Why it was not applicable, when it was not; <see langword="null"/> when the rule's <c>when</c> excluded the instance.</param>
internal sealed record CrossEvaluation(RuleOutcome Outcome, Finding? Finding, LocalizedText? Reason);

/// <summary>Evaluates compiled cross-report rules on a combined frame and explains the failures.</summary>
internal sealed class CrossRuleEvaluator(ConceptMap concepts)
{
    private readonly Dictionary<(string, SchemaVersion), object> _childBindings = [];

    public CrossEvaluation Evaluate(CompiledCrossRule rule, AnnualReport self, AnnualReport? other, IReadOnlyList<AnnualReport> children)
    {
        var values = new long[rule.FrameSize];
        var states = new byte[rule.FrameSize];
        Load(rule.Self, self, values, states, 0);
        if (rule.Other is { } otherSchema && other is not null)
        {
            Load(otherSchema, other, values, states, rule.OtherOffset);
        }

        var details = new List<string>();
        foreach (var v in rule.Virtuals)
        {
            var reason = ComputeVirtual(rule, v, values, states, children, details);
            if (reason is not null)
            {
                return new CrossEvaluation(RuleOutcome.NotApplicable, null, reason);
            }
        }

        if (rule.When is { } when && !when(values, states, self.Year))
        {
            // The rule's own condition excludes the instance (a row this report does not print): nothing to explain.
            return new CrossEvaluation(RuleOutcome.NotApplicable, null, null);
        }

        foreach (var cell in rule.ValueCells)
        {
            var state = (CellState)states[cell.Slot];
            if (((rule.MissingMask >> (int)state) & 1) != 0)
            {
                return new CrossEvaluation(RuleOutcome.NotApplicable, null, CellIs(cell, state));
            }
        }

        foreach (var slot in rule.RequiredSlots)
        {
            if (states[slot] != (byte)CellState.Number)
            {
                return new CrossEvaluation(RuleOutcome.NotApplicable, null, Messages.MessageCatalog.Text("cross.reason.required", ("state", State((CellState)states[slot], zh: false))) with
                {
                    Zh = Messages.MessageCatalog.Get(Messages.MessageCatalog.Chinese, "cross.reason.required", ("state", State((CellState)states[slot], zh: true))),
                });
            }
        }

        if (rule.Check(values, states, self.Year))
        {
            return new CrossEvaluation(RuleOutcome.Passed, null, null);
        }

        return new CrossEvaluation(RuleOutcome.Failed, Build(rule, self, other, children, values, states, details), null);
    }

    private static void Load(ReportSchema schema, AnnualReport report, long[] values, byte[] states, int offset)
    {
        foreach (var (id, value) in report.Cells)
        {
            if (schema.TryGetCell(id, out var cell))
            {
                states[offset + cell.Slot] = (byte)value.State;
                values[offset + cell.Slot] = value.State == CellState.Number ? Fixed.FromDecimal(value.Number!.Value) : 0;
            }
        }
    }

    /// <summary>A cell's state as the reason a rule is not applicable: <c>“行政复议 / 总计”为空白</c> / <c>review[total] is blank</c>.</summary>
    private static LocalizedText CellIs(CellDefinition cell, CellState state, string? agency = null) => new(
        (agency is null ? "" : agency + "：") + Messages.MessageCatalog.Get(Messages.MessageCatalog.Chinese, "formula.cell-is", ("cell", $"“{cell.Label}”"), ("state", State(state, zh: true))),
        (agency is null ? "" : agency + ": ") + Messages.MessageCatalog.Get(Messages.MessageCatalog.English, "formula.cell-is", ("cell", cell.Id.Value), ("state", State(state, zh: false))));

    private static string State(CellState state, bool zh) => Messages.MessageCatalog.Get(zh ? Messages.MessageCatalog.Chinese : Messages.MessageCatalog.English, state switch
    {
        CellState.Number => "state.number",
        CellState.Blank => "state.blank",
        CellState.Absent => "state.absent",
        CellState.Placeholder => "state.placeholder",
        _ => "state.unreadable",
    });

    private LocalizedText? ComputeVirtual(CompiledCrossRule rule, VirtualSlot v, long[] values, byte[] states, IReadOnlyList<AnnualReport> children, List<string> details)
    {
        var slot = v.Cell.Slot;
        switch (v)
        {
            case SameNonZero:
            {
                var n = rule.Self.Cells.Count;
                long nonZero = 0;
                for (var i = 0; i < n; i++)
                {
                    if (states[i] != states[rule.OtherOffset + i] || values[i] != values[rule.OtherOffset + i])
                    {
                        nonZero = 0;
                        break;
                    }

                    if (states[i] == (byte)CellState.Number && values[i] != 0)
                    {
                        nonZero++;
                    }
                }

                states[slot] = (byte)CellState.Number;
                values[slot] = nonZero * Fixed.Scale;
                return null;
            }

            case ChildAggregate aggregate:
            {
                if (children.Count == 0)
                {
                    return Messages.MessageCatalog.Text("cross.reason.no-departments");
                }

                var terms = new List<long>();
                foreach (var child in children)
                {
                    var bound = ChildBinding(aggregate.Reference, child.Schema);
                    if (bound is LocalizedText why)
                    {
                        return new LocalizedText($"{child.Agency.Name}：{why.Zh}", $"{child.Agency.Name}: {why.En}");
                    }

                    var frame = new ReportFrame(child.SchemaDefinition);
                    frame.Load(child);
                    var cells = new HashSet<CellDefinition>();
                    ExpressionCompiler.CollectValueCells((Bound)bound, cells);
                    foreach (var cell in cells)
                    {
                        var state = (CellState)frame.States[cell.Slot];
                        if (((rule.MissingMask >> (int)state) & 1) != 0)
                        {
                            return CellIs(cell, state, child.Agency.Name);
                        }
                    }

                    var value = ExpressionCompiler.EvaluateNumber((Bound)bound, frame.Values, frame.States, child.Year);
                    terms.Add(value);
                    details.Add($"{child.Agency.Name} {ExpressionCompiler.Format(value)}");
                }

                states[slot] = (byte)CellState.Number;
                values[slot] = aggregate.Function switch
                {
                    "sum" => terms.Aggregate(0L, (a, b) => checked(a + b)),
                    "max" => terms.Max(),
                    _ => terms.Min(),
                };
                return null;
            }

            default:
                return Messages.MessageCatalog.Text("cross.reason.unknown-virtual");
        }
    }

    /// <summary>A child's reference bound in its schema (a cell or a concept), or why it cannot be.</summary>
    private object ChildBinding(string reference, SchemaVersion version)
    {
        if (_childBindings.TryGetValue((reference, version), out var cached))
        {
            return cached;
        }

        var schema = SchemaCatalog.Get(version);
        object result;
        if (schema.TryGetCell(new CellId(reference), out _))
        {
            result = new Binder(schema).Bind(new ReferenceSyntax(reference, 0));
        }
        else if (concepts.TryGet(reference, out var concept))
        {
            result = concept.Expressions.TryGetValue(version, out var text)
                ? new Binder(schema).Bind(ExpressionParser.Parse(text))
                : concept.WhyAbsent(version);
        }
        else
        {
            result = Messages.MessageCatalog.Text("cross.reason.unknown-reference", ("reference", reference), ("schema", version.ToToken()));
        }

        _childBindings[(reference, version)] = result;
        return result;
    }

    private static Finding Build(CompiledCrossRule rule, AnnualReport self, AnnualReport? other, IReadOnlyList<AnnualReport> children, long[] values, byte[] states, List<string> details)
    {
        long? actual = null, expected = null;
        var tolerance = Fixed.FromDecimal(rule.Definition.Tolerance);
        var formula = ExpressionCompiler.Render(rule.Condition, values, states, self.Year, Messages.MessageCatalog.English, tolerance);
        var formulaZh = ExpressionCompiler.Render(rule.Condition, values, states, self.Year, Messages.MessageCatalog.Chinese, tolerance);
        if (rule.Condition is BoundBinary { Type: ExprType.Boolean, Left.Type: ExprType.Number } b)
        {
            actual = ExpressionCompiler.EvaluateNumber(b.Left, values, states, self.Year);
            expected = ExpressionCompiler.EvaluateNumber(b.Right, values, states, self.Year);
        }

        if (rule.ActualExpression is { } ax)
        {
            actual = ExpressionCompiler.EvaluateNumber(ax, values, states, self.Year);
        }

        if (rule.ExpectedExpression is { } ex)
        {
            expected = ExpressionCompiler.EvaluateNumber(ex, values, states, self.Year);
        }

        var cells = rule.ValueCells.Select(c => Cell(rule, c, self, other, values, states, details)).ToList();
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["actual"] = actual is { } a ? ExpressionCompiler.Format(a) : "—",
            ["expected"] = expected is { } e ? ExpressionCompiler.Format(e) : "—",
            ["difference"] = actual is { } a2 && expected is { } e2 ? ExpressionCompiler.Format(a2 - e2) : "—",
            ["absDifference"] = actual is { } a3 && expected is { } e3 ? ExpressionCompiler.Format(Math.Abs(a3 - e3)) : "—",
            ["formula"] = formula,
            ["agency"] = self.Agency.Name,
            ["year"] = self.Year.ToString(CultureInfo.InvariantCulture),
            ["other"] = other is null ? $"{children.Count} 个部门" : $"{other.Agency.Name} {other.Year.ToString(CultureInfo.InvariantCulture)}",
            ["otherYear"] = other?.Year.ToString(CultureInfo.InvariantCulture) ?? "",
            ["detail"] = string.Join(" + ", details),
        };
        if (rule.Bindings.TryGetValue("col", out var col))
        {
            arguments["col"] = col;
            arguments["colLabel"] = rule.Self.Cells.FirstOrDefault(c => c.Column?.Id == col)?.Column?.Label ?? col;
        }

        if (rule.Bindings.TryGetValue("row", out var row))
        {
            arguments["row"] = row;
            arguments["rowLabel"] = rule.Self.TryGetRow(row, out var r) ? r.Label : row;
        }

        if (rule.Bindings.TryGetValue("c", out var conceptId))
        {
            arguments["concept"] = conceptId;
            arguments["conceptLabel"] = ConceptMap.BuiltIn.TryGet(conceptId, out var concept) ? concept.Title.Zh : conceptId;
        }

        var sources = new List<string> { self.Source ?? self.ToString() };
        if (other is not null)
        {
            sources.Add(other.Source ?? other.ToString());
        }

        sources.AddRange(children.Select(c => c.Source ?? c.ToString()));
        var definition = rule.Definition;
        return new Finding
        {
            RuleId = definition.Id,
            Severity = definition.Severity,
            Title = definition.Title,
            Message = new LocalizedText(FindingMessage.Fill(definition.Message.Zh, new Dictionary<string, string>(arguments, StringComparer.Ordinal) { ["formula"] = formulaZh }),
                FindingMessage.Fill(definition.Message.En, WithEnglishConcept(arguments, rule))),
            Cells = cells,
            Expression = rule.ExpressionText,
            Formula = formula,
            FormulaText = new LocalizedText(formulaZh, formula),
            Actual = actual is { } av ? Fixed.ToDecimal(av) : null,
            Expected = expected is { } ev ? Fixed.ToDecimal(ev) : null,
            Line = rule.ValueCells.Zip(cells).Where(p => p.First.Slot < rule.OtherOffset).Select(p => p.Second.Line).FirstOrDefault(l => l is not null),
            Arguments = arguments,
            Instance = rule.InstanceKey,
            RelatedSources = sources,
        };
    }

    private static Dictionary<string, string> WithEnglishConcept(Dictionary<string, string> arguments, CompiledCrossRule rule)
    {
        var en = new Dictionary<string, string>(arguments, StringComparer.Ordinal);
        if (rule.Bindings.TryGetValue("c", out var id) && ConceptMap.BuiltIn.TryGet(id, out var concept))
        {
            en["conceptLabel"] = concept.Title.En;
        }

        if (en["other"].EndsWith("个部门", StringComparison.Ordinal))
        {
            en["other"] = en["other"].Replace(" 个部门", " departments", StringComparison.Ordinal);
        }

        return en;
    }

    private static FindingCell Cell(CompiledCrossRule rule, CellDefinition cell, AnnualReport self, AnnualReport? other, long[] values, byte[] states, List<string> details)
    {
        var state = (CellState)states[cell.Slot];
        var value = state == CellState.Number ? Fixed.ToDecimal(values[cell.Slot]) : (decimal?)null;
        if (cell.Slot >= rule.VirtualOffset)
        {
            return new FindingCell(cell.Id, cell.Label, state, value, details.Count > 0 ? string.Join(" + ", details) : null, null);
        }

        var fromOther = cell.Slot >= rule.OtherOffset;
        var report = fromOther ? other : self;
        var id = fromOther ? new CellId(cell.Id.Value[(cell.Id.Value.IndexOf('.', StringComparison.Ordinal) + 1)..]) : cell.Id;
        var printed = report?.Cells[id];
        var label = fromOther && report is not null ? $"{report.Agency.Name} {report.Year.ToString(CultureInfo.InvariantCulture)}：{cell.Label}" : cell.Label;
        return new FindingCell(cell.Id, label, state, value, printed?.Raw, printed?.Location?.Line);
    }
}
