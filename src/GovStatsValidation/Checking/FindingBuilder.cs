using System.Globalization;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Checking;

/// <summary>Builds the explained finding of a rule that failed (or always reports). Runs only on that path.</summary>
internal static class FindingBuilder
{
    public static Finding Build(CompiledRule rule, ReportFrame frame, bool passed)
    {
        var (actual, expected) = Sides(rule, frame);
        var formula = Formula(rule, frame, Messages.MessageCatalog.English);
        var formulaZh = Formula(rule, frame, Messages.MessageCatalog.Chinese);
        var cells = rule.ValueCells.Concat(PredicateCells(rule.Condition)).Distinct().Select(c => Cell(c, frame)).ToList();
        var suspect = passed ? null : FindSuspect(rule, frame, actual, expected);

        var first = rule.ValueCells.Count > 0 ? rule.ValueCells[0] : null;
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["actual"] = actual is { } a ? ExpressionCompiler.Format(a) : "—",
            ["expected"] = expected is { } e ? ExpressionCompiler.Format(e) : "—",
            ["difference"] = actual is { } a2 && expected is { } e2 ? ExpressionCompiler.Format(a2 - e2) : "—",
            ["absDifference"] = actual is { } a3 && expected is { } e3 ? ExpressionCompiler.Format(Math.Abs(a3 - e3)) : "—",
            ["formula"] = formula,
            ["year"] = frame.Year.ToString(CultureInfo.InvariantCulture),
            ["agency"] = frame.Report?.Agency.Name ?? "",
        };
        if (rule.Bindings.TryGetValue("col", out var col))
        {
            arguments["col"] = col;
            arguments["colLabel"] = ColumnLabel(frame.Schema, col);
        }

        if (rule.Bindings.TryGetValue("row", out var row))
        {
            arguments["row"] = row;
            arguments["rowLabel"] = frame.Schema.TryGetRow(row, out var r) ? r.Label
                : frame.Schema.Tables.FirstOrDefault(t => t.Id == row)?.Title.Zh ?? row;
        }

        var mainCell = rule.Bindings.TryGetValue("cell", out var cellId) && frame.Schema.TryGetCell(new CellId(cellId), out var c0) ? c0
            : rule.Suspect ?? PredicateCells(rule.Condition).FirstOrDefault()
                ?? (rule.Condition is BoundBinary { Left: BoundCell left } ? left.Cell : null) ?? first;
        if (mainCell is not null)
        {
            arguments["cell"] = mainCell.Id.Value;
            arguments["cellLabel"] = mainCell.Label;
            arguments["value"] = Cell(mainCell, frame).Display;
        }

        // The Chinese message gets the Chinese forms of the words inside its values (a formula's blanks, a cell's state).
        var zhArguments = new Dictionary<string, string>(arguments, StringComparer.Ordinal) { ["formula"] = formulaZh };
        if (mainCell is not null)
        {
            zhArguments["value"] = Cell(mainCell, frame).DisplayIn(Messages.MessageCatalog.Chinese);
        }

        if (suspect is not null)
        {
            arguments["suspect"] = suspect.Cell.Value;
        }

        var definition = rule.Definition;
        // Labels are Chinese: the Chinese message names a row or column by its label, the English one by its id.
        var enArguments = arguments;
        if (arguments.ContainsKey("colLabel") || arguments.ContainsKey("rowLabel") || arguments.ContainsKey("cellLabel"))
        {
            enArguments = new Dictionary<string, string>(arguments, StringComparer.Ordinal);
            foreach (var (label, id) in new[] { ("colLabel", "col"), ("rowLabel", "row"), ("cellLabel", "cell") })
            {
                if (arguments.ContainsKey(label) && arguments.TryGetValue(id, out var idValue))
                {
                    // A row binding may name a whole table (its English title then).
                    enArguments[label] = label == "rowLabel" && frame.Schema.Tables.FirstOrDefault(t => t.Id == idValue) is { } table ? table.Title.En : idValue;
                }
            }
        }

        var message = new LocalizedText(FindingMessage.Fill(definition.Message.Zh, zhArguments), FindingMessage.Fill(definition.Message.En, enArguments));
        if (rule.Bindings.TryGetValue(RuleCompiler.ColumnBinding, out var extraColumn)
            && rule.ValueCells.Concat(PredicateCells(rule.Condition)).FirstOrDefault(c => c.Column?.Id == extraColumn)?.Column is { } column)
        {
            // The same identity over a variant's extra column (历年累计): say which column the figures are from.
            arguments["colLabel"] = column.Label;
            message = Messages.MessageCatalog.Text("finding.extra-column", [("column", column.Label), ("message", message.Zh)], [("column", column.Id), ("message", message.En)]);
        }

        return new Finding
        {
            RuleId = definition.Id,
            Severity = passed ? definition.PassSeverity : rule.Severity,
            Title = definition.Title,
            Message = message,
            Cells = cells,
            Expression = rule.ExpressionText,
            Formula = formula,
            FormulaText = new LocalizedText(formulaZh, formula),
            Actual = actual is { } av ? Fixed.ToDecimal(av) : null,
            Expected = expected is { } ev ? Fixed.ToDecimal(ev) : null,
            Line = (suspect is not null ? cells.FirstOrDefault(x => x.Id == suspect.Cell)?.Line : null)
                ?? (mainCell is not null ? cells.FirstOrDefault(x => x.Id == mainCell.Id)?.Line : null)
                ?? cells.Select(x => x.Line).FirstOrDefault(l => l is not null),
            Suspect = suspect,
            Passed = passed,
            Arguments = arguments,
            Instance = rule.InstanceKey,
        };
    }

    /// <summary>The label of a column of a schema (its id when no cell has it), looked up once per schema and column.</summary>
    private static string ColumnLabel(ReportSchema schema, string column) =>
        ColumnLabels.GetValue(schema, s => new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal))
            .GetOrAdd(column, static (col, s) => s.Cells.FirstOrDefault(c => c.Column?.Id == col)?.Column?.Label ?? col, schema);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ReportSchema, System.Collections.Concurrent.ConcurrentDictionary<string, string>> ColumnLabels = new();

    /// <summary>
    /// The formula with numbers filled in, stated as what holds (<c>0 + 793 + 10 + 10 + 160 (= 973) ≥ 803</c>; a failed
    /// identity <c>160 ≠ 118 + 24 + 2 + 1 + 10 + 4 (= 159)</c>), in the words of a culture.
    /// </summary>
    public static string Formula(CompiledRule rule, ReportFrame frame, CultureInfo culture) =>
        ExpressionCompiler.Render(rule.Condition, frame.Values, frame.States, frame.Year, culture, Fixed.FromDecimal(rule.Definition.Tolerance));

    private static (long? Actual, long? Expected) Sides(CompiledRule rule, ReportFrame frame)
    {
        long? actual = null, expected = null;
        if (rule.Condition is BoundBinary { Type: ExprType.Boolean, Left.Type: ExprType.Number } b)
        {
            actual = ExpressionCompiler.EvaluateNumber(b.Left, frame.Values, frame.States, frame.Year);
            expected = ExpressionCompiler.EvaluateNumber(b.Right, frame.Values, frame.States, frame.Year);
        }

        if (rule.ActualExpression is { } ax)
        {
            actual = ExpressionCompiler.EvaluateNumber(ax, frame.Values, frame.States, frame.Year);
        }

        if (rule.ExpectedExpression is { } ex)
        {
            expected = ExpressionCompiler.EvaluateNumber(ex, frame.Values, frame.States, frame.Year);
        }

        return (actual, expected);
    }

    internal static IEnumerable<CellDefinition> PredicateCells(Bound bound) => bound switch
    {
        BoundPredicate { Function: not "reported" } p => p.Cells,
        BoundUnary u => PredicateCells(u.Operand),
        BoundBinary b => PredicateCells(b.Left).Concat(PredicateCells(b.Right)),
        _ => [],
    };

    internal static FindingCell Cell(CellDefinition cell, ReportFrame frame)
    {
        var value = frame.ValueOf(cell);
        var state = (CellState)frame.States[cell.Slot];
        return new FindingCell(cell.Id, cell.Label, state,
            state == CellState.Number ? Fixed.ToDecimal(frame.Values[cell.Slot]) : null,
            value?.Raw, value?.Location?.Line)
        {
            Page = value?.Location?.Page,
            Reconstructed = value?.Reconstructed ?? false,
        };
    }

    /// <summary>
    /// Points at the most likely wrong cell of a failed equality: a rule-named suspect; else a single cell whose
    /// digits differ from the value that would make the rule hold by one typo (one digit, a swap of neighbours, a
    /// digit too many or too few); else, for "cell = expression", the single cell on the left (usually a total).
    /// </summary>
    private static Suspect? FindSuspect(CompiledRule rule, ReportFrame frame, long? actual, long? expected)
    {
        if (rule.Condition is not BoundBinary { Operator: "==", Left.Type: ExprType.Number } b || actual is not { } lhs || expected is not { } rhs)
        {
            return rule.Suspect is { } s ? new Suspect(s.Id, Messages.MessageCatalog.Words("suspect.rule-named")) : null;
        }

        var diff = lhs - rhs;
        if (rule.Suspect is { } named)
        {
            return new Suspect(named.Id, Messages.MessageCatalog.Words("suspect.rule-named"),
                named.Slot == (b.Left as BoundCell)?.Cell.Slot ? Fixed.ToDecimal(rhs) : null);
        }

        var leftCells = new HashSet<CellDefinition>();
        ExpressionCompiler.CollectValueCells(b.Left, leftCells);
        var typos = new List<(CellDefinition Cell, long Corrected)>();
        foreach (var cell in rule.ValueCells)
        {
            var value = frame.Values[cell.Slot];
            // A cell on the left must move by -diff to close the gap; on the right by +diff.
            var corrected = leftCells.Contains(cell) ? value - diff : value + diff;
            if (corrected >= 0 && value % Fixed.Scale == 0 && corrected % Fixed.Scale == 0 && IsTypo(value / Fixed.Scale, corrected / Fixed.Scale))
            {
                typos.Add((cell, corrected));
            }
        }

        if (typos.Count == 1)
        {
            var (cell, corrected) = typos[0];
            var shown = ExpressionCompiler.Format(corrected);
            return new Suspect(cell.Id,
                Messages.MessageCatalog.Text("suspect.one-typo", [("cell", cell.Label), ("value", shown)], [("cell", cell.Id.Value), ("value", shown)]),
                Fixed.ToDecimal(corrected));
        }

        if (b.Left is BoundCell total)
        {
            var partEqual = rule.ValueCells.Where(c => c.Slot != total.Cell.Slot && frame.Values[c.Slot] == lhs && lhs != 0).ToList();
            if (partEqual.Count == 1)
            {
                return new Suspect(total.Cell.Id,
                    Messages.MessageCatalog.Text("suspect.total-is-part", [("part", partEqual[0].Label)], [("part", partEqual[0].Id.Value)]),
                    Fixed.ToDecimal(rhs));
            }

            return new Suspect(total.Cell.Id,
                Messages.MessageCatalog.Text("suspect.total-differs", ("difference", ExpressionCompiler.Format(diff))),
                Fixed.ToDecimal(rhs));
        }

        return null;
    }

    /// <summary>Whether two non-negative whole numbers differ by one typing slip.</summary>
    internal static bool IsTypo(long a, long b)
    {
        if (a == b)
        {
            return false;
        }

        var x = a.ToString(CultureInfo.InvariantCulture);
        var y = b.ToString(CultureInfo.InvariantCulture);
        if (x.Length == y.Length)
        {
            var diffs = Enumerable.Range(0, x.Length).Where(i => x[i] != y[i]).ToList();
            return diffs.Count == 1
                || (diffs.Count == 2 && diffs[1] == diffs[0] + 1 && x[diffs[0]] == y[diffs[1]] && x[diffs[1]] == y[diffs[0]]);
        }

        if (Math.Abs(x.Length - y.Length) == 1 && Math.Min(x.Length, y.Length) >= 2)
        {
            var (longer, shorter) = x.Length > y.Length ? (x, y) : (y, x);
            for (var i = 0; i < longer.Length; i++)
            {
                if (string.Concat(longer.AsSpan(0, i), longer.AsSpan(i + 1)) == shorter)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
