using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Checking;

/// <summary>The outcome of evaluating one rule instance on one report.</summary>
public enum RuleOutcome
{
    /// <summary>The condition held.</summary>
    Passed,

    /// <summary>The condition failed.</summary>
    Failed,

    /// <summary>The rule did not apply (its <c>when</c> was false, or a cell it needs was missing).</summary>
    NotApplicable,
}

/// <summary>One rule evaluated on one report, for <c>explain</c>.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Instance">The forEach instance, e.g. col=total.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Expression">The expression with ids.</param>
/// <param name="Formula">The expression with numbers, when evaluated.</param>
/// <param name="Reason">Why not applicable, when it was not.</param>
public sealed record RuleEvaluation(string RuleId, string Instance, RuleOutcome Outcome, string Expression, string? Formula, string? Reason)
{
    /// <summary>The formula in Chinese and English (<see cref="Formula"/> is the English form), when evaluated.</summary>
    public LocalizedText? FormulaText { get; init; }

    /// <summary>Why not applicable, in Chinese and English (<see cref="Reason"/> is the English form), when it was not.</summary>
    public LocalizedText? ReasonText { get; init; }
}

/// <summary>The rules of one schema, compiled; evaluates reports flattened into frames.</summary>
internal sealed class CompiledRuleSet
{
    public CompiledRuleSet(ReportSchema schema, IReadOnlyList<CompiledRule> rules)
    {
        Schema = schema;
        Rules = rules;
    }

    public ReportSchema Schema { get; }

    public IReadOnlyList<CompiledRule> Rules { get; }

    private Localization.LinearModel? _linear;

    /// <summary>The linear form of the rules, for localization; built on first use.</summary>
    public Localization.LinearModel Linear
    {
        get
        {
            var model = Volatile.Read(ref _linear);
            if (model is null)
            {
                Interlocked.CompareExchange(ref _linear, Localization.LinearModel.Build(this), null);
                model = _linear!;
            }

            return model;
        }
    }

    /// <summary>
    /// The whole set compiled into one function, per minimum severity: [2 × severity] counts failures, [2 × severity + 1]
    /// counts the findings Evaluate would build. Compiled on first use.
    /// </summary>
    private readonly CompiledRuleCount?[] _fused = new CompiledRuleCount?[6];

    /// <summary>
    /// Runs every rule; builds a finding only for a rule that fails (or always reports) at or above <paramref name="minimum"/>.
    /// Allocation-free when nothing is reported; when only comparisons that always report are due (a clean pre-2019 report's
    /// <c>pre2019.channels.cover</c>), each is a finding whose explanation is built when first read.
    /// </summary>
    /// <param name="frame">The report, loaded.</param>
    /// <param name="minimum">The lowest severity reported.</param>
    /// <param name="findings">Where the findings go.</param>
    /// <param name="defer">
    /// Whether a failing rule's finding is explained when first read (from the snapshot of the report's cells the frame was
    /// loaded from) rather than now; the comparisons that always report are deferred either way.
    /// </param>
    public void Evaluate(ReportFrame frame, Severity minimum, ICollection<Finding> findings, bool defer = true)
    {
        var values = frame.Values;
        var states = frame.States;
        var year = frame.Year;

        // The fused pass counts failures at or above the minimum; with none, only the few rules that always report are
        // walked. An overflow in the fused pass sends the frame to the instance walk, which reports the rule that overflows.
        try
        {
            if (Fused(minimum, countReported: false)(values, states, year) == 0)
            {
                foreach (var rule in AlwaysReporting)
                {
                    if (rule.Definition.PassSeverity >= minimum && Applicable(rule, states, values, year) && rule.Check(values, states, year))
                    {
                        findings.Add(DeferredRuleFinding.Create(rule, frame, passed: true));
                    }
                }

                return;
            }
        }
        catch (OverflowException)
        {
        }

        EvaluatePerInstance(frame, minimum, findings, defer);
    }

    /// <summary>The rules that report a comparison even when it holds (<c>emit: always</c>).</summary>
    private CompiledRule[] AlwaysReporting => _always ??= Rules.Where(r => r.Definition.Emit == EmitMode.Always).ToArray();

    private CompiledRule[]? _always;

    /// <summary>How many findings <see cref="Evaluate"/> builds, counted by the fused function without building them.</summary>
    public int CountReported(ReportFrame frame, Severity minimum) => Fused(minimum, countReported: true)(frame.Values, frame.States, frame.Year);

    /// <summary>Evaluate, one instance at a time with the per-instance delegates, making each finding due (explained when first read, with <paramref name="defer"/>).</summary>
    public void EvaluatePerInstance(ReportFrame frame, Severity minimum, ICollection<Finding> findings, bool defer = false)
    {
        var values = frame.Values;
        var states = frame.States;
        var year = frame.Year;

        // Each rule's instances counted by their own fused function first: only the rules with a finding due are walked
        // instance by instance (a report with one error walks a handful of instances, not every one of the set).
        var groups = Groups(minimum);
        var due = new bool[groups.Counts.Length];
        for (var g = 0; g < due.Length; g++)
        {
            try
            {
                due[g] = groups.Counts[g](values, states, year) != 0;
            }
            catch (OverflowException)
            {
                due[g] = true; // the instance walk reports the instance that overflows
            }
        }

        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            if (!due[groups.GroupOf[i]] || (rule.Severity < minimum && (rule.Definition.Emit != EmitMode.Always || rule.Definition.PassSeverity < minimum)))
            {
                continue;
            }

            bool passed;
            try
            {
                if (!Applicable(rule, states, values, year))
                {
                    continue;
                }

                passed = rule.Check(values, states, year);
            }
            catch (OverflowException)
            {
                // A user rule multiplying large values: reported, never a crash of the whole run.
                findings.Add(new Finding
                {
                    RuleId = rule.Definition.Id,
                    Severity = rule.Severity,
                    Instance = rule.InstanceKey,
                    Title = rule.Definition.Title,
                    Message = Messages.MessageCatalog.Text("check.overflow", ("rule", rule.Definition.Id)),
                    Expression = rule.ExpressionText,
                });
                continue;
            }

            if (!passed)
            {
                if (rule.Severity >= minimum)
                {
                    findings.Add(defer ? DeferredRuleFinding.Create(rule, frame, passed: false) : FindingBuilder.Build(rule, frame, passed: false));
                }
            }
            else if (rule.Definition.Emit == EmitMode.Always && rule.Definition.PassSeverity >= minimum)
            {
                findings.Add(defer ? DeferredRuleFinding.Create(rule, frame, passed: true) : FindingBuilder.Build(rule, frame, passed: true));
            }
        }
    }

    /// <summary>The instances of each rule (by definition) and, per minimum severity, one fused function per rule counting the findings it makes.</summary>
    private sealed record RuleGroups(int[] GroupOf, CompiledRuleCount[] Counts);

    private readonly RuleGroups?[] _groups = new RuleGroups?[3];

    private RuleGroups Groups(Severity minimum)
    {
        var index = Math.Clamp((int)minimum, 0, 2);
        var groups = Volatile.Read(ref _groups[index]);
        if (groups is null)
        {
            var definitions = new Dictionary<RuleDefinition, int>(ReferenceEqualityComparer.Instance);
            var groupOf = new int[Rules.Count];
            var members = new List<List<CompiledRule>>();
            for (var i = 0; i < Rules.Count; i++)
            {
                if (!definitions.TryGetValue(Rules[i].Definition, out var g))
                {
                    g = members.Count;
                    definitions.Add(Rules[i].Definition, g);
                    members.Add([]);
                }

                groupOf[i] = g;
                members[g].Add(Rules[i]);
            }

            var counts = members.Select(m => ExpressionCompiler.CompileRuleSet(m, Schema.Cells.Count, (Severity)index, countReported: true)).ToArray();
            // A race compiles twice and keeps one; both are the same functions.
            Interlocked.CompareExchange(ref _groups[index], new RuleGroups(groupOf, counts), null);
            groups = _groups[index]!;
        }

        return groups;
    }

    /// <summary>Counts failures without building findings (the throughput path).</summary>
    public int CountFailures(ReportFrame frame, Severity minimum) => Fused(minimum, countReported: false)(frame.Values, frame.States, frame.Year);

    /// <summary>Counts failures one instance at a time, with the per-instance delegates (the reference the fused function is tested against).</summary>
    public int CountFailuresPerInstance(ReportFrame frame, Severity minimum)
    {
        var values = frame.Values;
        var states = frame.States;
        var year = frame.Year;
        var failures = 0;
        foreach (var rule in Rules)
        {
            if (rule.Severity >= minimum && Applicable(rule, states, values, year) && !rule.Check(values, states, year))
            {
                failures++;
            }
        }

        return failures;
    }

    private CompiledRuleCount Fused(Severity minimum, bool countReported)
    {
        var index = Math.Clamp((int)minimum, 0, 2) * 2 + (countReported ? 1 : 0);
        var fused = Volatile.Read(ref _fused[index]);
        if (fused is null)
        {
            // A race compiles twice and keeps one; both are the same function.
            Interlocked.CompareExchange(ref _fused[index], ExpressionCompiler.CompileRuleSet(Rules, Schema.Cells.Count, (Severity)(index / 2), countReported), null);
            fused = _fused[index]!;
        }

        return fused;
    }

    public IEnumerable<RuleEvaluation> Explain(ReportFrame frame)
    {
        foreach (var rule in Rules)
        {
            var reason = WhyNotApplicable(rule, frame);
            if (reason is not null)
            {
                yield return new RuleEvaluation(rule.Definition.Id, rule.InstanceKey, RuleOutcome.NotApplicable, rule.ExpressionText, null, reason.En) { ReasonText = reason };
                continue;
            }

            var passed = rule.Check(frame.Values, frame.States, frame.Year);
            var en = FindingBuilder.Formula(rule, frame, Messages.MessageCatalog.English);
            yield return new RuleEvaluation(rule.Definition.Id, rule.InstanceKey, passed ? RuleOutcome.Passed : RuleOutcome.Failed, rule.ExpressionText, en, null)
            {
                FormulaText = new LocalizedText(FindingBuilder.Formula(rule, frame, Messages.MessageCatalog.Chinese), en),
            };
        }
    }

    internal static bool Applicable(CompiledRule rule, byte[] states, long[] values, int year)
    {
        var mask = rule.MissingMask;
        foreach (var slot in rule.ValueSlots)
        {
            if (((mask >> states[slot]) & 1) != 0)
            {
                return false;
            }
        }

        foreach (var slot in rule.RequiredSlots)
        {
            if (states[slot] != (byte)CellState.Number)
            {
                return false;
            }
        }

        return rule.When is null || rule.When(values, states, year);
    }

    private static LocalizedText? WhyNotApplicable(CompiledRule rule, ReportFrame frame)
    {
        LocalizedText Cell(string key, CellDefinition cell, CellState state) =>
            new(Messages.MessageCatalog.Get(Messages.MessageCatalog.Chinese, key, ("cell", $"“{cell.Label}”"), ("state", Messages.MessageCatalog.Get(Messages.MessageCatalog.Chinese, StateKey(state)))),
                Messages.MessageCatalog.Get(Messages.MessageCatalog.English, key, ("cell", cell.Id.Value), ("state", Messages.MessageCatalog.Get(Messages.MessageCatalog.English, StateKey(state)))));

        foreach (var cell in rule.ValueCells)
        {
            var state = (CellState)frame.States[cell.Slot];
            if (((rule.MissingMask >> (int)state) & 1) != 0)
            {
                return Cell("explain.reason.cell", cell, state);
            }
        }

        foreach (var slot in rule.RequiredSlots)
        {
            if (frame.States[slot] != (byte)CellState.Number)
            {
                return Cell("explain.reason.required", frame.Schema.Cells[slot], (CellState)frame.States[slot]);
            }
        }

        if (rule.When is { } when && !when(frame.Values, frame.States, frame.Year))
        {
            string Text(System.Globalization.CultureInfo culture) => Messages.MessageCatalog.Get(culture, "explain.reason.when",
                ("condition", rule.WhenCondition is { } condition && Messages.MessageCatalog.IsChinese(culture)
                    ? ExpressionCompiler.Render(condition, frame.Values, frame.States, frame.Year, culture)
                    : rule.Definition.When));
            return new LocalizedText(Text(Messages.MessageCatalog.Chinese), Text(Messages.MessageCatalog.English));
        }

        return null;
    }

    private static string StateKey(CellState state) => state switch
    {
        CellState.Number => "state.number",
        CellState.Blank => "state.blank",
        CellState.Absent => "state.absent",
        CellState.Placeholder => "state.placeholder",
        _ => "state.unreadable",
    };
}
