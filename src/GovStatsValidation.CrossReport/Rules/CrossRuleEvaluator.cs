using System.Globalization;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Messages;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.CrossReport.Rules;

/// <summary>The outcome of one cross-report rule instance on one set of reports.</summary>
/// <param name="Outcome">Passed, failed or not applicable.</param>
/// <param name="Finding">The finding, when the rule failed.</param>
/// <param name="Reason">Why it was not applicable, when it was not; <see langword="null"/> when the rule's <c>when</c> excluded the instance.</param>
internal sealed record CrossEvaluation(RuleOutcome Outcome, Finding? Finding, LocalizedText? Reason);

/// <summary>Evaluates bound cross-report rules on the values of their frame and explains the failures.</summary>
internal sealed class CrossRuleEvaluator(ConceptMap concepts)
{
    private readonly Dictionary<(string, SchemaVersion), object> _childBindings = [];

    public CrossEvaluation Evaluate(CompiledCrossRule rule, AnnualReport self, AnnualReport? other, IReadOnlyList<AnnualReport> children)
    {
        var values = rule.Frame.Load(self, other);
        var details = new List<string>();
        foreach (var computed in rule.Frame.Computed)
        {
            var reason = Compute(rule, computed, values, self, other, children, details);
            if (reason is not null)
            {
                return new CrossEvaluation(RuleOutcome.NotApplicable, null, reason);
            }
        }

        if (rule.When is { } when && !when.Holds(values))
        {
            // The rule's own condition excludes the instance (a row this report does not print): nothing to explain.
            return new CrossEvaluation(RuleOutcome.NotApplicable, null, null);
        }

        foreach (var cell in rule.Condition.ValueCells)
        {
            var state = values.State(cell);
            if (rule.Definition.Missing.For(state) == MissingTreatment.Missing)
            {
                return new CrossEvaluation(RuleOutcome.NotApplicable, null, CellIs(cell.Id, cell.Label, state));
            }
        }

        foreach (var cell in rule.Required)
        {
            if (values.State(cell) != CellState.Number)
            {
                return new CrossEvaluation(RuleOutcome.NotApplicable, null, new LocalizedText(
                    MessageCatalog.Get(MessageCatalog.Chinese, "cross.reason.required", ("state", State(values.State(cell), MessageCatalog.Chinese))),
                    MessageCatalog.Get(MessageCatalog.English, "cross.reason.required", ("state", State(values.State(cell), MessageCatalog.English)))));
            }
        }

        if (rule.Condition.Holds(values, rule.Definition.Tolerance))
        {
            return new CrossEvaluation(RuleOutcome.Passed, null, null);
        }

        return new CrossEvaluation(RuleOutcome.Failed, Build(rule, self, other, children, values, details), null);
    }

    /// <summary>A cell's state as the reason a rule is not applicable: <c>“行政复议 / 总计”为空白</c> / <c>review[total] is blank</c>.</summary>
    private static LocalizedText CellIs(string id, string label, CellState state, string? agency = null) => new(
        (agency is null ? "" : agency + "：") + MessageCatalog.Get(MessageCatalog.Chinese, "formula.cell-is", ("cell", $"“{label}”"), ("state", State(state, MessageCatalog.Chinese))),
        (agency is null ? "" : agency + ": ") + MessageCatalog.Get(MessageCatalog.English, "formula.cell-is", ("cell", id), ("state", State(state, MessageCatalog.English))));

    private static string State(CellState state, CultureInfo culture) => MessageCatalog.Get(culture, state switch
    {
        CellState.Number => "state.number",
        CellState.Blank => "state.blank",
        CellState.Absent => "state.absent",
        CellState.Placeholder => "state.placeholder",
        _ => "state.unreadable",
    });

    private LocalizedText? Compute(CompiledCrossRule rule, FrameCell computed, FrameValues values, AnnualReport self, AnnualReport? other,
        IReadOnlyList<AnnualReport> children, List<string> details)
    {
        switch (computed.Tag)
        {
            case SameNonZero when rule.Other is { } otherSchema:
            {
                // Every cell of the format equal in both reports (state and number): how many non-zero figures; else 0.
                long nonZero = 0;
                foreach (var cell in rule.Self.Cells)
                {
                    var a = self.Cells[cell.Id];
                    var b = other is not null && otherSchema.TryGetCell(cell.Id, out _) ? other.Cells[cell.Id] : null;
                    if (b is null || a.State != b.State || a.Number != b.Number)
                    {
                        nonZero = 0;
                        break;
                    }

                    if (a.State == CellState.Number && a.Number != 0)
                    {
                        nonZero++;
                    }
                }

                values.SetComputed(computed, nonZero);
                return null;
            }

            case ChildAggregate aggregate:
            {
                if (children.Count == 0)
                {
                    return MessageCatalog.Text("cross.reason.no-departments");
                }

                var terms = new List<decimal>();
                foreach (var child in children)
                {
                    var bound = ChildBinding(aggregate.Reference, child.Schema);
                    if (bound is LocalizedText why)
                    {
                        return new LocalizedText($"{child.Agency.Name}：{why.Zh}", $"{child.Agency.Name}: {why.En}");
                    }

                    var expression = (RuleExpression)bound;
                    var childValues = expression.Frame.Load(child);
                    foreach (var cell in expression.ValueCells)
                    {
                        var state = childValues.State(cell);
                        if (rule.Definition.Missing.For(state) == MissingTreatment.Missing)
                        {
                            return CellIs(cell.Id, cell.Label, state, child.Agency.Name);
                        }
                    }

                    var value = expression.Evaluate(childValues);
                    terms.Add(value);
                    details.Add($"{child.Agency.Name} {RuleExpression.FormatNumber(value)}");
                }

                values.SetComputed(computed, aggregate.Function switch
                {
                    "sum" => terms.Sum(),
                    "max" => terms.Max(),
                    _ => terms.Min(),
                });
                return null;
            }

            default:
                return MessageCatalog.Text("cross.reason.unknown-virtual");
        }
    }

    /// <summary>A child's reference bound in its schema (a cell or a concept), or why it cannot be.</summary>
    private object ChildBinding(string reference, SchemaVersion version)
    {
        if (_childBindings.TryGetValue((reference, version), out var cached))
        {
            return cached;
        }

        object result;
        try
        {
            result = new ExpressionFrame(SchemaCatalog.Get(version)).Bind(reference, null, new CrossResolver(RuleRelation.Children, concepts));
        }
        catch (ExpressionNotApplicableException e)
        {
            result = e.Reason;
        }
        catch (RuleExpressionException)
        {
            result = MessageCatalog.Text("cross.reason.unknown-reference", ("reference", reference), ("schema", version.ToToken()));
        }

        _childBindings[(reference, version)] = result;
        return result;
    }

    private static Finding Build(CompiledCrossRule rule, AnnualReport self, AnnualReport? other, IReadOnlyList<AnnualReport> children, FrameValues values, List<string> details)
    {
        decimal? actual = null, expected = null;
        var tolerance = rule.Definition.Tolerance;
        var formula = rule.Condition.Formula(values, MessageCatalog.English, tolerance);
        var formulaZh = rule.Condition.Formula(values, MessageCatalog.Chinese, tolerance);
        if (rule.Condition.TryEvaluateSides(values, out var left, out var right))
        {
            actual = left;
            expected = right;
        }

        if (rule.ActualExpression is { } ax)
        {
            actual = ax.Evaluate(values);
        }

        if (rule.ExpectedExpression is { } ex)
        {
            expected = ex.Evaluate(values);
        }

        var cells = rule.Condition.ValueCells.Select(c => Cell(c, self, other, values, details)).ToList();
        var otherZh = other is null
            ? MessageCatalog.Get(MessageCatalog.Chinese, "cross.other.departments", ("count", children.Count))
            : $"{other.Agency.Name} {other.Year.ToString(CultureInfo.InvariantCulture)}";
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["actual"] = actual is { } a ? RuleExpression.FormatNumber(a) : "—",
            ["expected"] = expected is { } e ? RuleExpression.FormatNumber(e) : "—",
            ["difference"] = actual is { } a2 && expected is { } e2 ? RuleExpression.FormatNumber(a2 - e2) : "—",
            ["absDifference"] = actual is { } a3 && expected is { } e3 ? RuleExpression.FormatNumber(Math.Abs(a3 - e3)) : "—",
            ["formula"] = formula,
            ["agency"] = self.Agency.Name,
            ["year"] = self.Year.ToString(CultureInfo.InvariantCulture),
            ["other"] = otherZh,
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

        var english = new Dictionary<string, string>(arguments, StringComparer.Ordinal)
        {
            ["other"] = other is null ? MessageCatalog.Get(MessageCatalog.English, "cross.other.departments", ("count", children.Count)) : otherZh,
        };
        if (rule.Bindings.TryGetValue("c", out var id) && ConceptMap.BuiltIn.TryGet(id, out var englishConcept))
        {
            english["conceptLabel"] = englishConcept.Title.En;
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
                FindingMessage.Fill(definition.Message.En, english)),
            Cells = cells,
            Expression = rule.ExpressionText,
            Formula = formula,
            FormulaText = new LocalizedText(formulaZh, formula),
            Actual = actual,
            Expected = expected,
            Line = rule.Condition.ValueCells.Zip(cells).Where(p => p.First.Part == 0).Select(p => p.Second.Line).FirstOrDefault(l => l is not null),
            Arguments = arguments,
            Instance = rule.InstanceKey,
            RelatedSources = sources,
        };
    }

    private static FindingCell Cell(FrameCell cell, AnnualReport self, AnnualReport? other, FrameValues values, List<string> details)
    {
        var state = values.State(cell);
        var value = state == CellState.Number ? values.Number(cell) : (decimal?)null;
        if (cell.Definition is not { } definition)
        {
            return new FindingCell(new CellId(cell.Id), cell.Label, state, value, details.Count > 0 ? string.Join(" + ", details) : null, null);
        }

        var fromOther = cell.Part == 1;
        var report = fromOther ? other : self;
        var printed = report?.Cells[definition.Id];
        var label = fromOther && report is not null ? $"{report.Agency.Name} {report.Year.ToString(CultureInfo.InvariantCulture)}：{cell.Label}" : cell.Label;
        return new FindingCell(new CellId(cell.Id), label, state, value, printed?.Raw, printed?.Location?.Line);
    }
}
