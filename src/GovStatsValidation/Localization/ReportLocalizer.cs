using System.Globalization;
using GovStatsValidation.Checking;
using GovStatsValidation.Messages;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Localization;

/// <summary>
/// Fellegi–Holt localization, solved exactly: for each group of failing linear rules that share cells, the smallest set
/// of cells (up to <see cref="MaxCells"/>) whose change makes every failing rule of the group hold without breaking any
/// rule that holds now; among the sets of that size, the one the evidence supports best (typing shapes, agreement with
/// the narrative and with last year's report). Sets are enumerated by hitting the failing rules, the corrected values
/// solved exactly from the identities (rational elimination), every candidate verified by the compiled rules themselves.
/// Deterministic: ties in weight are kept and reported as ties, never picked silently.
/// </summary>
internal sealed class ReportLocalizer
{
    public const int MaxCells = 3;

    private const double TieEpsilon = 1e-9;
    private static readonly double AgreementWeight = Math.Log(20);

    /// <summary>
    /// The support another certain error of the same kind in the same table gives (a factor of 20, as strong as a narrative
    /// figure): a preparer who left one total of a table at 0 tends to have left its other totals the same way.
    /// </summary>
    private static readonly double PatternWeight = Math.Log(20);

    /// <summary>How much less likely a total is to be mistyped than a part (a factor of 3).</summary>
    private static readonly double TotalWeight = Math.Log(3);

    /// <summary>The probability of a total left at 0 (not filled in), given an error in the total.</summary>
    private const double LeftZeroPrior = TypingShapes.KindPrior / 4;

    /// <summary>Localizes the failing rules of a report; null when no linear rule fails.</summary>
    /// <param name="set">The report's compiled rules.</param>
    /// <param name="report">The report.</param>
    /// <param name="previousYear">The same body's report of the year before, as evidence.</param>
    /// <param name="failing">
    /// The keys (<c>rule [instance]</c>) of every rule instance that failed, when the caller knows all of them (findings of
    /// every severity, no rule switched off): the rules are then not evaluated again; null evaluates them.
    /// </param>
    public static ReportLocalization? Localize(CompiledRuleSet set, AnnualReport report, AnnualReport? previousYear = null, IReadOnlySet<string>? failing = null)
    {
        var frame = new ReportFrame(set.Schema);
        frame.Load(report);
        return Localize(set, frame, report.Claims, previousYear, failing);
    }

    /// <summary>Localizes the failing rules of a report already loaded into <paramref name="frame"/> (which the search uses as scratch).</summary>
    /// <param name="set">The report's compiled rules.</param>
    /// <param name="frame">The report's cells, loaded; its values are changed while candidates are tried and restored.</param>
    /// <param name="claims">The report's narrative figures, as evidence.</param>
    /// <param name="previousYear">The same body's report of the year before, as evidence.</param>
    /// <param name="failing">As for <see cref="Localize(CompiledRuleSet, AnnualReport, AnnualReport?, IReadOnlySet{string}?)"/>.</param>
    public static ReportLocalization? Localize(CompiledRuleSet set, ReportFrame frame, IList<NarrativeClaim> claims, AnnualReport? previousYear, IReadOnlySet<string>? failing)
    {
        try
        {
            return new Run(set, frame, claims, previousYear, failing).Execute();
        }
        catch (OverflowException)
        {
            // Arithmetic beyond range in a user rule: no localization rather than a failed check (the findings stand).
            return null;
        }
    }

    private sealed class Run
    {
        private readonly CompiledRuleSet _set;
        private readonly LinearModel _model;
        private readonly ReportFrame _frame;
        private readonly IList<NarrativeClaim> _claims;
        private readonly AnnualReport? _previous;
        private readonly bool[] _applicable;
        private readonly bool[] _passed;

        /// <summary>Whether <see cref="_applicable"/> and <see cref="_passed"/> hold the rule's outcome yet (linear rules at once, the others when a correction touches them).</summary>
        private readonly bool[] _known;
        private readonly IReadOnlySet<string>? _failingKeys;
        private readonly List<int> _leftZeroTotals = [];

        public Run(CompiledRuleSet set, ReportFrame frame, IList<NarrativeClaim> claims, AnnualReport? previous, IReadOnlySet<string>? failingKeys)
        {
            _failingKeys = failingKeys;
            _set = set;
            _model = set.Linear;
            _frame = frame;
            _claims = claims;
            _previous = previous;
            _applicable = new bool[set.Rules.Count];
            _passed = new bool[set.Rules.Count];
            _known = new bool[set.Rules.Count];
        }

        private long[] Values => _frame.Values;

        public ReportLocalization? Execute()
        {
            var failing = new List<LinearConstraint>();
            var unresolved = new List<string>();
            // Only the linear rules can be corrected, so only they are evaluated now (only the failing ones when the caller
            // knows them); the outcome of any other rule is needed only when a proposed correction changes a value it reads,
            // and is evaluated then.
            for (var i = 0; i < _set.Rules.Count; i++)
            {
                if (_model.Constraints[i] is null || (_failingKeys is not null && !_failingKeys.Contains(_model.Constraints[i]!.Key)))
                {
                    continue;
                }

                EnsureKnown(i);
                if (!_passed[i] && _model.Constraints[i] is { } c && IsHard(c))
                {
                    if (c.Slots.Any(IsCandidate))
                    {
                        failing.Add(c);
                    }
                    else
                    {
                        unresolved.Add(c.Key);
                    }
                }
            }

            if (failing.Count == 0)
            {
                return null;
            }

            var groups = Groups(failing);
            var located = groups.Select(Solve).ToList();

            // A total that certainly was left at 0 (the only correction) makes the same omission likelier for the other totals of its table.
            foreach (var error in located)
            {
                if (error is { Candidates: 1, Cells: [var only] } && only.Evidence.Any(e => e.Kind == "total-left-zero"))
                {
                    _leftZeroTotals.Add(_set.Schema.GetCell(only.Cell).Slot);
                }
            }

            if (_leftZeroTotals.Count > 0)
            {
                located = groups.Select((g, i) => located[i] is { Candidates: 1 } ? located[i] : Solve(g)).ToList();
            }

            var errors = new List<LocatedError>();
            for (var i = 0; i < groups.Count; i++)
            {
                if (located[i] is { } error)
                {
                    errors.Add(error);
                }
                else
                {
                    unresolved.AddRange(groups[i].Select(c => c.Key));
                }
            }

            return new ReportLocalization
            {
                Errors = errors.OrderBy(e => _set.Schema.GetCell(e.Cells[0].Cell).Slot).ToList(),
                Unresolved = unresolved,
            };
        }

        /// <summary>Whether the rule applies to the printed values and holds.</summary>
        private bool Holds(int i)
        {
            EnsureKnown(i);
            return _applicable[i] && _passed[i];
        }

        /// <summary>Evaluates a rule on the printed values once: whether it applies and whether it holds.</summary>
        private void EnsureKnown(int i)
        {
            if (_known[i])
            {
                return;
            }

            var rule = _set.Rules[i];
            try
            {
                _applicable[i] = CompiledRuleSet.Applicable(rule, _frame.States, Values, _frame.Year);
                _passed[i] = !_applicable[i] || rule.Check(Values, _frame.States, _frame.Year);
            }
            catch (OverflowException)
            {
                _applicable[i] = false;
                _passed[i] = true;
            }

            _known[i] = true;
        }

        /// <summary>An equality of any severity, or a bound at error level: what the correction must satisfy. Failing judgement bounds may stay failing.</summary>
        private static bool IsHard(LinearConstraint c) => c.IsEquality || c.Rule.Severity == Severity.Error;

        private bool IsCandidate(int slot) => _frame.States[slot] == (byte)CellState.Number;

        /// <summary>Failing rules that share a cell that could change, joined.</summary>
        private List<List<LinearConstraint>> Groups(List<LinearConstraint> failing)
        {
            var parent = Enumerable.Range(0, failing.Count).ToArray();
            int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
            var owner = new Dictionary<int, int>();
            for (var i = 0; i < failing.Count; i++)
            {
                foreach (var slot in failing[i].Slots.Where(IsCandidate))
                {
                    if (owner.TryGetValue(slot, out var j))
                    {
                        parent[Find(i)] = Find(j);
                    }
                    else
                    {
                        owner[slot] = i;
                    }
                }
            }

            return Enumerable.Range(0, failing.Count).GroupBy(Find).OrderBy(g => g.Key).Select(g => g.Select(i => failing[i]).ToList()).ToList();
        }

        private LocatedError? Solve(List<LinearConstraint> group)
        {
            var groupRules = new HashSet<int>(group.Select(c => c.RuleIndex));
            for (var size = 1; size <= MaxCells; size++)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var found = new List<Candidate>();
                Branch([], size, group, groupRules, seen, found);
                if (found.Count > 0)
                {
                    return Describe(group, found);
                }
            }

            return null;
        }

        private void Branch(List<int> chosen, int size, List<LinearConstraint> group, HashSet<int> groupRules, HashSet<string> seen, List<Candidate> found)
        {
            if (chosen.Count == size)
            {
                var sorted = chosen.Order().ToArray();
                if (seen.Add(string.Join(",", sorted)) && group.All(c => c.Slots.Any(sorted.Contains)))
                {
                    try
                    {
                        Evaluate(sorted, groupRules, found);
                    }
                    catch (OverflowException)
                    {
                        // Values too large to solve exactly: this set is not proposed.
                    }
                }

                return;
            }

            var unhit = group.FirstOrDefault(c => !c.Slots.Any(chosen.Contains));
            IEnumerable<int> next;
            if (unhit is not null)
            {
                next = unhit.Slots.Where(IsCandidate);
            }
            else
            {
                // Every failing rule is hit; a further cell may be needed to keep an identity that holds now (a compensator).
                next = chosen.SelectMany(s => _model.EqualitiesBySlot[s]).Where(i => Holds(i))
                    .SelectMany(i => _model.Constraints[i]!.Slots).Where(IsCandidate).Distinct().Order();
            }

            foreach (var slot in next)
            {
                if (!chosen.Contains(slot))
                {
                    chosen.Add(slot);
                    Branch(chosen, size, group, groupRules, seen, found);
                    chosen.RemoveAt(chosen.Count - 1);
                }
            }
        }

        /// <summary>Solves the identities that read the chosen cells for their values; keeps each solution the rules verify.</summary>
        private void Evaluate(int[] cells, HashSet<int> groupRules, List<Candidate> found)
        {
            var k = cells.Length;
            var rows = new List<Int128[]>();
            var involved = new HashSet<int>();
            foreach (var slot in cells)
            {
                involved.UnionWith(_model.EqualitiesBySlot[slot]);
            }

            foreach (var index in involved.Order())
            {
                // A failing equality outside this group reads other cells; it is not this group's to fix.
                EnsureKnown(index);
                if (!_applicable[index] || (!_passed[index] && !groupRules.Contains(index)))
                {
                    continue;
                }

                var c = _model.Constraints[index]!;
                var row = new Int128[k + 1];
                Int128 rest = c.Constant;
                for (var t = 0; t < c.Slots.Length; t++)
                {
                    var position = Array.IndexOf(cells, c.Slots[t]);
                    if (position >= 0)
                    {
                        row[position] += c.Coefficients[t];
                    }
                    else
                    {
                        rest += (Int128)c.Coefficients[t] * Values[c.Slots[t]];
                    }
                }

                row[k] = -rest;
                rows.Add(row);
            }

            if (!Eliminate(rows, k, out var pivots))
            {
                return;
            }

            var free = Enumerable.Range(0, k).Where(v => !pivots.ContainsKey(v)).ToArray();
            if (free.Length > 1)
            {
                return;
            }

            IEnumerable<long?> freeValues = free.Length == 0 ? [null] : FreeValues(cells[free[0]]);
            foreach (var freeValue in freeValues)
            {
                var solution = new long[k];
                if (free.Length == 1)
                {
                    solution[free[0]] = freeValue!.Value;
                }

                var ok = true;
                foreach (var (variable, row) in pivots)
                {
                    var numerator = row[k];
                    foreach (var f in free)
                    {
                        numerator -= row[f] * solution[f];
                    }

                    if (numerator % row[variable] != 0)
                    {
                        ok = false;
                        break;
                    }

                    var value = numerator / row[variable];
                    if (value > long.MaxValue || value < long.MinValue)
                    {
                        ok = false;
                        break;
                    }

                    solution[variable] = (long)value;
                }

                if (ok && Verify(cells, solution, groupRules))
                {
                    found.Add(Weigh(cells, solution));
                }
            }
        }

        /// <summary>Values a cell free in the identities could have had: the ones one typing slip away from what is printed.</summary>
        private IEnumerable<long?> FreeValues(int slot)
        {
            var printed = TypingShapes.Digits(Fixed.ToDecimal(Values[slot]));
            var seen = new HashSet<long>();
            foreach (var (_, text) in TypingShapes.Variants(printed))
            {
                if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && Fixed.TryFromDecimal(d, out var scaled) && seen.Add(scaled))
                {
                    yield return scaled;
                }
            }
        }

        /// <summary>Gauss–Jordan elimination over the integers (rows kept primitive); false when the system is inconsistent.</summary>
        private static bool Eliminate(List<Int128[]> rows, int k, out Dictionary<int, Int128[]> pivots)
        {
            pivots = [];
            var r = 0;
            for (var column = 0; column < k && r < rows.Count; column++)
            {
                var p = -1;
                for (var i = r; i < rows.Count; i++)
                {
                    if (rows[i][column] != 0)
                    {
                        p = i;
                        break;
                    }
                }

                if (p < 0)
                {
                    continue;
                }

                (rows[r], rows[p]) = (rows[p], rows[r]);
                var pivot = rows[r];
                for (var i = 0; i < rows.Count; i++)
                {
                    if (i == r || rows[i][column] == 0)
                    {
                        continue;
                    }

                    var factor = rows[i][column];
                    var scale = pivot[column];
                    var row = rows[i];
                    for (var j = 0; j <= k; j++)
                    {
                        row[j] = row[j] * scale - pivot[j] * factor;
                    }

                    Primitive(row);
                }

                pivots[column] = pivot;
                r++;
            }

            for (var i = r; i < rows.Count; i++)
            {
                if (rows[i][k] != 0)
                {
                    return false;
                }
            }

            return true;
        }

        private static void Primitive(Int128[] row)
        {
            Int128 g = 0;
            foreach (var x in row)
            {
                g = Gcd(g, x < 0 ? -x : x);
            }

            if (g > 1)
            {
                for (var j = 0; j < row.Length; j++)
                {
                    row[j] /= g;
                }
            }
        }

        private static Int128 Gcd(Int128 a, Int128 b)
        {
            while (b != 0)
            {
                (a, b) = (b, a % b);
            }

            return a;
        }

        /// <summary>With the cells corrected: every rule that holds now still holds (or no longer applies), every failing rule of the group holds.</summary>
        private bool Verify(int[] cells, long[] solution, HashSet<int> groupRules)
        {
            var values = (long[])Values.Clone();
            for (var i = 0; i < cells.Length; i++)
            {
                if (solution[i] == values[cells[i]])
                {
                    // A cell that keeps its value is not part of a smallest set.
                    return false;
                }

                values[cells[i]] = solution[i];
            }

            // Only the rules that read a changed value can change their outcome.
            var touched = new HashSet<int>(groupRules);
            foreach (var slot in cells)
            {
                touched.UnionWith(_model.RulesBySlot[slot]);
            }

            var states = _frame.States;
            foreach (var i in touched)
            {
                EnsureKnown(i);
                if (!_passed[i] && !groupRules.Contains(i))
                {
                    continue;
                }

                var rule = _set.Rules[i];
                bool holds;
                try
                {
                    var applicable = CompiledRuleSet.Applicable(rule, states, values, _frame.Year);
                    holds = applicable ? rule.Check(values, states, _frame.Year) : _passed[i];
                }
                catch (OverflowException)
                {
                    return false;
                }

                if (!holds)
                {
                    return false;
                }
            }

            return true;
        }

        private Candidate Weigh(int[] cells, long[] solution)
        {
            var corrections = new List<CellCorrection>(cells.Length);
            for (var i = 0; i < cells.Length; i++)
            {
                corrections.Add(Correction(cells[i], solution[i]));
            }

            return new Candidate(cells, corrections, corrections.Sum(c => c.Weight));
        }

        private CellCorrection Correction(int slot, long proposedScaled)
        {
            var cell = _set.Schema.Cells[slot];
            var current = Fixed.ToDecimal(Values[slot]);
            var proposed = Fixed.ToDecimal(proposedScaled);
            var printed = TypingShapes.Digits(current);
            var original = TypingShapes.Digits(proposed);
            var evidence = new List<LocalizationEvidence>();
            var likelihood = TypingShapes.Other;
            foreach (var (kind, l) in TypingShapes.Shapes(original, printed))
            {
                likelihood += TypingShapes.KindPrior * l;
                evidence.Add(new LocalizationEvidence(TypingShapes.Code(kind),
                    MessageCatalog.Text("localization.evidence.typing", [("original", original), ("printed", printed), ("shape", TypingShapes.Describe(kind, zh: true))], [("original", original), ("printed", printed), ("shape", TypingShapes.Describe(kind, zh: false))]),
                    -Math.Log(TypingShapes.KindPrior * l)));
            }

            if (Values[slot] != proposedScaled && Values[slot] != 0)
            {
                // Copied from a cell printed next to it, or (for a total) from one of its parts: one kind of slip, the source drawn among them.
                var sources = _model.Neighbours[slot].Concat(_model.Parts[slot]).Distinct().ToList();
                var same = sources.Where(n => IsCandidate(n) && Values[n] == Values[slot]).ToList();
                if (same.Count > 0)
                {
                    var l = (double)same.Count / sources.Count;
                    likelihood += TypingShapes.KindPrior * l;
                    var partIndex = Values[slot] != 0 ? same.FindIndex(p => _model.Parts[slot].Contains(p)) : -1;
                    var part = partIndex >= 0 ? same[partIndex] : -1;
                    var namesZh = string.Join(MessageCatalog.Get(MessageCatalog.Chinese, "formula.list-separator"), same.Select(n => _set.Schema.Cells[n].Label));
                    var namesEn = string.Join(MessageCatalog.Get(MessageCatalog.English, "formula.list-separator"), same.Select(n => _set.Schema.Cells[n].Id.Value));
                    evidence.Add(part >= 0
                        ? new LocalizationEvidence("part-as-total",
                            MessageCatalog.Text("localization.evidence.part-as-total", [("printed", printed), ("part", _set.Schema.Cells[part].Label)], [("printed", printed), ("part", _set.Schema.Cells[part].Id.Value)]),
                            -Math.Log(TypingShapes.KindPrior * l))
                        : new LocalizationEvidence("neighbour-copied",
                            MessageCatalog.Text("localization.evidence.neighbour-copied", [("printed", printed), ("cells", namesZh)], [("printed", printed), ("cells", namesEn)]), -Math.Log(TypingShapes.KindPrior * l)));
                }
            }

            var leftZero = _model.Roles[slot] is CellRole.Total or CellRole.Subtotal && Values[slot] == 0 && proposedScaled > 0;
            if (leftZero)
            {
                // A total printed 0 against parts that are not: a total not filled in, a slip rarer than a mistyped digit
                // (it concentrates on one value, 0, so at the kinds' prior it would outweigh every digit slip of a part).
                likelihood += LeftZeroPrior;
                evidence.Add(new LocalizationEvidence("total-left-zero",
                    MessageCatalog.Words("localization.evidence.total-left-zero"), -Math.Log(LeftZeroPrior)));
            }

            if (likelihood <= TypingShapes.Other)
            {
                evidence.Add(new LocalizationEvidence("no-typing-shape",
                    MessageCatalog.Text("localization.evidence.no-typing-shape", ("original", original), ("printed", printed)), -Math.Log(TypingShapes.Other)));
            }

            var weight = -Math.Log(likelihood);
            if (leftZero && _leftZeroTotals.FirstOrDefault(t => t != slot && _set.Schema.Cells[t].Row.Table == cell.Row.Table) is var other && other > 0)
            {
                // Errors of a kind recur in one table: another total of this table was certainly left at 0.
                weight -= PatternWeight;
                evidence.Add(new LocalizationEvidence("same-table-pattern",
                    MessageCatalog.Text("localization.evidence.same-table-pattern", [("cell", _set.Schema.Cells[other].Label)], [("cell", _set.Schema.Cells[other].Id.Value)]), -PatternWeight));
            }

            // The prior of the values themselves (scale-free, ∝ 1/(v+1)): a correction to a much larger number than printed
            // needs more support than one to a smaller number; the ratio for the changed cell is what differs between candidates.
            var size = Math.Log(((double)Math.Abs(proposed) + 1) / ((double)Math.Abs(current) + 1));
            if (Math.Abs(size) > 1e-12)
            {
                weight += size;
                evidence.Add(new LocalizationEvidence("value-size",
                    MessageCatalog.Text(size > 0 ? "localization.evidence.larger" : "localization.evidence.smaller", ("original", original), ("printed", printed)),
                    size));
            }
            if (_model.Roles[slot] is CellRole.Total or CellRole.Subtotal && !leftZero)
            {
                // A total is usually computed from its parts, a part typed: the same slip is less likely in a total.
                weight += TotalWeight;
                evidence.Add(new LocalizationEvidence("role-total",
                    MessageCatalog.Words("localization.evidence.role-total"), TotalWeight));
            }

            foreach (var claim in _claims)
            {
                if (claim is not { Kind: ClaimKind.Figure, Value: { } stated, ReferenceYear: null, Hedge: null } || claim.Cell != cell.Id)
                {
                    continue;
                }

                if (stated == current)
                {
                    weight += AgreementWeight;
                    evidence.Add(new LocalizationEvidence("narrative-confirms",
                        MessageCatalog.Text("localization.evidence.narrative-confirms", ("line", claim.Location.Line), ("printed", printed)), AgreementWeight));
                }
                else if (stated == proposed)
                {
                    weight -= AgreementWeight;
                    evidence.Add(new LocalizationEvidence("narrative-supports-correction",
                        MessageCatalog.Text("localization.evidence.narrative-supports", ("line", claim.Location.Line), ("original", original)), -AgreementWeight));
                }
            }

            if (PreviousYearFigure(cell) is { } carried)
            {
                if (carried == current)
                {
                    weight += AgreementWeight;
                    evidence.Add(new LocalizationEvidence("previous-year-confirms",
                        MessageCatalog.Text("localization.evidence.previous-year-confirms", ("printed", printed)), AgreementWeight));
                }
                else if (carried == proposed)
                {
                    weight -= AgreementWeight;
                    evidence.Add(new LocalizationEvidence("previous-year-supports-correction",
                        MessageCatalog.Text("localization.evidence.previous-year-supports", ("original", original)), -AgreementWeight));
                }
            }

            return new CellCorrection(cell.Id, cell.Label, _model.Roles[slot], current, proposed, evidence, weight);
        }

        /// <summary>For 上年结转 cells: last year's 结转下年度 of the same column, when last year's report is given.</summary>
        private decimal? PreviousYearFigure(CellDefinition cell)
        {
            if (_previous is null || cell.Row.Id != "requests.carried_over" || cell.Column is null)
            {
                return null;
            }

            var value = _previous.Cells[new CellId($"requests.carry_forward[{cell.Column.Id}]")];
            return value.State == CellState.Number ? value.Number : null;
        }

        private static LocatedError Describe(List<LinearConstraint> group, List<Candidate> found)
        {
            var ranked = found.OrderBy(c => c.Weight).ThenBy(c => string.Join(",", c.Cells), StringComparer.Ordinal).ToList();
            var best = ranked[0];
            var tied = ranked.Skip(1).TakeWhile(c => Math.Abs(c.Weight - best.Weight) < TieEpsilon).ToList();
            var next = ranked.Skip(1 + tied.Count).FirstOrDefault();
            LocalizationConfidence confidence;
            LocalizedText why;
            var size = best.Cells.Length;
            var count = size == 1 ? MessageCatalog.Words("localization.why.one-cell") : MessageCatalog.Text("localization.why.cells", ("count", size));
            if (tied.Count > 0)
            {
                confidence = LocalizationConfidence.Ambiguous;
                var either = MessageCatalog.Words("localization.why.or");
                why = MessageCatalog.Text("localization.why.tied",
                    [("count", tied.Count + 1), ("choices", string.Join(either.Zh, new[] { best }.Concat(tied).Select(c => Show(c, zh: true))))],
                    [("count", tied.Count + 1), ("choices", string.Join(either.En, new[] { best }.Concat(tied).Select(c => Show(c, zh: false))))]);
            }
            else if (next is null)
            {
                confidence = size == 1 ? LocalizationConfidence.High : LocalizationConfidence.Medium;
                why = MessageCatalog.Text("localization.why.only", [("what", count.Zh)], [("what", count.En)]);
            }
            else
            {
                var margin = next.Weight - best.Weight;
                confidence = margin >= Math.Log(10) ? LocalizationConfidence.High : margin >= Math.Log(3) ? LocalizationConfidence.Medium : LocalizationConfidence.Low;
                var ratio = Math.Exp(Math.Min(margin, 50)).ToString(ratioFormat(margin), CultureInfo.InvariantCulture);
                why = MessageCatalog.Text("localization.why.ahead",
                    [("count", found.Count), ("next", Show(next, zh: true)), ("ratio", ratio)],
                    [("count", found.Count), ("next", Show(next, zh: false)), ("ratio", ratio)]);
            }

            return new LocatedError
            {
                Cells = best.Corrections,
                TiedWith = tied.Select(t => t.Corrections).ToList(),
                RunnerUp = tied.Count == 0 ? next?.Corrections : null,
                Confidence = confidence,
                Why = why,
                Rules = group.Select(c => c.Key).ToList(),
                Candidates = found.Count,
            };

            static string ratioFormat(double margin) => margin >= Math.Log(100) ? "0" : "0.#";
        }

        private static string Show(Candidate c, bool zh) =>
            string.Join(MessageCatalog.Get(zh ? MessageCatalog.Chinese : MessageCatalog.English, "formula.list-separator"), c.Corrections.Select(x => $"{x.Cell} {TypingShapes.Digits(x.Current)} → {TypingShapes.Digits(x.Proposed)}"));
    }

    private sealed record Candidate(int[] Cells, IReadOnlyList<CellCorrection> Corrections, double Weight);
}
