using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;

namespace GovStatsValidation.Checking;

/// <summary>The findings of one report.</summary>
/// <param name="Report">The report checked.</param>
/// <param name="Findings">Its findings, in a deterministic order (line, rule id, instance).</param>
public sealed record ReportCheckResult(AnnualReport Report, IReadOnlyList<Finding> Findings)
{
    /// <summary>Whether any finding is an error.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    /// <summary>How many findings have the given severity.</summary>
    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>
    /// Which cells are most likely wrong and what they should be, when a linear rule failed; null for a report whose
    /// identities hold. Searched when first read (or when a failing finding is first read), from the report as checked.
    /// </summary>
    public Localization.ReportLocalization? Localization
    {
        get => _deferredLocalization is { } deferred ? deferred.Value : _localization;
        init
        {
            _localization = value;
            _deferredLocalization = null;
        }
    }

    private readonly Localization.ReportLocalization? _localization;
    private readonly DeferredLocalization? _deferredLocalization;

    /// <summary>The localization still to be searched (set by the checker instead of <see cref="Localization"/>).</summary>
    internal DeferredLocalization? DeferredLocalization
    {
        init => _deferredLocalization = value;
    }
}

/// <summary>Checks reports: runs every registered <see cref="IFindingSource"/> (the compiled table rules first).</summary>
public interface IReportChecker
{
    /// <summary>Checks one report.</summary>
    ReportCheckResult Check(AnnualReport report);

    /// <summary>Checks a stream of reports lazily, one at a time.</summary>
    IEnumerable<ReportCheckResult> CheckAll(IEnumerable<AnnualReport> reports);

    /// <summary>Every table rule evaluated on the report: passed, failed or not applicable, with numbers filled in.</summary>
    IReadOnlyList<RuleEvaluation> Explain(AnnualReport report);

    /// <summary>
    /// Localizes a checked report's failures again with the same body's report of the year before as evidence (a 上年结转
    /// figure that equals last year's 结转下年度 is confirmed) and points the findings at the result; a result without
    /// failures comes back unchanged.
    /// </summary>
    ReportCheckResult Relocalize(ReportCheckResult result, AnnualReport previousYear);
}

/// <summary>The default <see cref="IReportChecker"/>.</summary>
public sealed class ReportChecker : IReportChecker
{
    private readonly RuleCatalog _catalog;
    private readonly TableRules _tableRules;
    private readonly IFindingSource[] _sources;

    /// <summary>A checker with the built-in rules and the given options, plus any extra finding sources.</summary>
    public ReportChecker(GovStatsValidationOptions? options = null, IEnumerable<IFindingSource>? extraSources = null)
        : this(options is null ? RuleCatalog.BuiltIn : new RuleCatalog(options), options ?? new GovStatsValidationOptions(), extraSources ?? [])
    {
    }

    /// <summary>A checker over a rule catalog (the DI constructor).</summary>
    public ReportChecker(RuleCatalog catalog, GovStatsValidationOptions options, IEnumerable<IFindingSource> extraSources)
        : this(catalog, options, extraSources, defer: true)
    {
    }

    /// <summary>
    /// A checker that explains findings and localizes failures when they are first read (<paramref name="defer"/>, the
    /// default) or at check time (the reference the deferred path is tested against).
    /// </summary>
    internal ReportChecker(RuleCatalog catalog, GovStatsValidationOptions options, IEnumerable<IFindingSource> extraSources, bool defer)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        _tableRules = new TableRules(catalog, options) { Defer = defer };
        _sources = [new InputRules(), new CorrectionRules(), _tableRules, .. extraSources ?? []];
        Options = options;
        _defer = defer;
    }

    private readonly bool _defer;

    /// <summary>The options in force.</summary>
    public GovStatsValidationOptions Options { get; }

    /// <inheritdoc/>
    /// <remarks>
    /// A failing rule's finding is explained (messages, formula texts, cells, suspect) when any of those is first read, from
    /// a copy of the values the rule read; the report's localization is searched when a failing finding or
    /// <see cref="ReportCheckResult.Localization"/> is first read, from a copy of the report's cells. Both copies are taken
    /// here, so an edit of the report after the check changes neither. A finding whose order among the others depends on its
    /// suspect (a report read from a text, whose cells have source lines) is localized here, as before.
    /// </remarks>
    public ReportCheckResult Check(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);

        // The finding sources write into a list reused on this thread (taken out of its slot while in use, so a source that
        // checks another report does not share it): a report with nothing to report allocates only its result.
        var scratch = _scratch ?? [];
        _scratch = null;
        try
        {
            if (Run(report, scratch) == 0)
            {
                return new ReportCheckResult(report, []);
            }

            var findings = new List<Finding>(scratch.Count);
            findings.AddRange(scratch);
            if (TryDeferLocalization(report, findings) is { } deferred)
            {
                findings.Sort(FindingOrder.Instance);
                return new ReportCheckResult(report, findings) { DeferredLocalization = deferred };
            }

            var localization = Localize(report, findings, previousYear: null);
            findings.Sort(FindingOrder.Instance);
            return new ReportCheckResult(report, findings) { Localization = localization };
        }
        finally
        {
            scratch.Clear();
            _scratch = scratch;
        }
    }

    /// <summary>
    /// Checks one report and appends its findings to <paramref name="findings"/>, in the order of <see cref="Check(AnnualReport)"/>,
    /// each pointing at the report's most likely wrong cell as there (the report-level localization itself is only in the result
    /// of <see cref="Check(AnnualReport)"/>). Allocates nothing for a report with nothing to report: the throughput path of a
    /// caller that reuses one list.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="findings">Where the findings go; what it held before is left as it was.</param>
    /// <returns>How many findings were appended.</returns>
    public int Check(AnnualReport report, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(findings);
        var scratch = _scratch ?? [];
        _scratch = null;
        try
        {
            var count = Run(report, scratch);
            if (count == 0)
            {
                return 0;
            }

            var start = findings.Count;
            findings.AddRange(scratch);
            if (TryDeferLocalization(report, scratch) is not null)
            {
                // The findings in the caller's list are the same objects, now pointed at the deferred localization.
            }
            else if (start == 0)
            {
                Localize(report, findings, previousYear: null);
            }
            else
            {
                var own = findings.GetRange(start, count);
                Localize(report, own, previousYear: null);
                findings.RemoveRange(start, count);
                findings.AddRange(own);
            }

            findings.Sort(start, count, FindingOrder.Instance);
            return count;
        }
        finally
        {
            scratch.Clear();
            _scratch = scratch;
        }
    }

    /// <summary>Runs every finding source into <paramref name="scratch"/> and keeps what the options let through; returns how many.</summary>
    private int Run(AnnualReport report, List<Finding> scratch)
    {
        foreach (var source in _sources)
        {
            source.Check(report, scratch);
        }

        // Corrections are always shown: a corrected value must never pass for the published figure.
        var kept = 0;
        for (var i = 0; i < scratch.Count; i++)
        {
            var f = scratch[i];
            if (CorrectionRules.IsCorrectionFinding(f) || (f.Severity >= Options.MinimumSeverity && !Options.DisabledRules.Contains(f.RuleId)))
            {
                scratch[kept++] = f;
            }
        }

        scratch.RemoveRange(kept, scratch.Count - kept);
        DropSuperseded(scratch);
        return scratch.Count;
    }

    /// <inheritdoc/>
    /// <param name="result">A result of <see cref="Check(AnnualReport)"/>.</param>
    /// <param name="previousYear">The same body's report of the year before.</param>
    public ReportCheckResult Relocalize(ReportCheckResult result, AnnualReport previousYear)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(previousYear);
        if (result.Localization is null)
        {
            return result;
        }

        var findings = result.Findings.ToList();
        var localization = Localize(result.Report, findings, previousYear);
        findings.Sort(FindingOrder.Instance);
        return result with { Findings = findings, Localization = localization };
    }

    /// <summary>
    /// The localization stage, deferred: when every failing finding is a rule finding not built yet whose place in the order
    /// does not depend on its suspect (no source lines), each is pointed at a localization searched when first needed, from
    /// a copy of the report's frame. Null when nothing failed or localization is off (nothing to do), or when the stage must
    /// run now (<see cref="Localize"/>); in the last case nothing was changed.
    /// </summary>
    private DeferredLocalization? TryDeferLocalization(AnnualReport report, List<Finding> findings)
    {
        if (!_defer || !Options.Localize)
        {
            return null;
        }

        var failing = 0;
        foreach (var f in findings)
        {
            if (f.Passed)
            {
                continue;
            }

            if (f.DeferredRule is not { } rule || !rule.TryOrderKey(out _))
            {
                return null;
            }

            failing++;
        }

        if (failing == 0)
        {
            return null;
        }

        var failed = new Finding[failing];
        var n = 0;
        foreach (var f in findings)
        {
            if (!f.Passed)
            {
                failed[n++] = f;
            }
        }

        // Every failing finding was made from the one load of the report by the table rules.
        var set = _catalog.For(report.SchemaDefinition);
        var snapshot = failed[0].DeferredRule!.Snapshot;
        if (!ReferenceEquals(snapshot.Schema, set.Schema))
        {
            return null;
        }

        foreach (var f in failed)
        {
            if (!ReferenceEquals(f.DeferredRule!.Snapshot, snapshot))
            {
                return null;
            }
        }

        var deferred = new DeferredLocalization(set, snapshot, report.Year, report.Claims, failed,
            failingAreAll: Options.MinimumSeverity == Severity.Info && Options.DisabledRules.Count == 0);
        foreach (var f in failed)
        {
            f.DeferredRule!.Localization = deferred;
        }

        return deferred;
    }

    /// <summary>The localization stage: runs only when a finding failed, then points each failing finding at it.</summary>
    private Localization.ReportLocalization? Localize(AnnualReport report, List<Finding> findings, AnnualReport? previousYear)
    {
        if (!Options.Localize || !findings.Exists(f => !f.Passed))
        {
            return null;
        }

        // With findings of every severity and no rule switched off, the failing findings are exactly the failing rules.
        HashSet<string>? failing = null;
        if (Options.MinimumSeverity == Severity.Info && Options.DisabledRules.Count == 0)
        {
            failing = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in findings)
            {
                if (!f.Passed)
                {
                    failing.Add(f.Instance.Length == 0 ? f.RuleId : $"{f.RuleId} [{f.Instance}]");
                }
            }
        }

        var localization = GovStatsValidation.Localization.ReportLocalizer.Localize(_catalog.For(report.SchemaDefinition), report, previousYear, failing);
        if (localization is not null)
        {
            GovStatsValidation.Localization.SuspectAssignment.Apply(findings, localization);
        }

        return localization;
    }

    /// <summary>One finding per missing thing: drops the findings another finding that is shown already reports.</summary>
    internal static void DropSuperseded(List<Finding> findings)
    {
        HashSet<string>? covered = null;
        foreach (var f in findings)
        {
            if (f.Supersedes.Count > 0)
            {
                (covered ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(f.Supersedes);
            }
        }

        if (covered is null)
        {
            return;
        }

        // A loop, not RemoveAll with a lambda: a captured local would allocate on every call, clean reports included.
        var kept = 0;
        for (var i = 0; i < findings.Count; i++)
        {
            if (findings[i].Supersedes.Count > 0 || !covered.Contains(findings[i].Key))
            {
                findings[kept++] = findings[i];
            }
        }

        findings.RemoveRange(kept, findings.Count - kept);
    }

    [ThreadStatic]
    private static List<Finding>? _scratch;

    /// <inheritdoc/>
    public IEnumerable<ReportCheckResult> CheckAll(IEnumerable<AnnualReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        foreach (var report in reports)
        {
            yield return Check(report);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<RuleEvaluation> Explain(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return _tableRules.Explain(report).ToList();
    }
}

/// <summary>The deterministic order of findings: by severity (errors first, then warnings, then info), line (none last), rule id, instance, first cell.</summary>
public sealed class FindingOrder : IComparer<Finding>
{
    /// <summary>The shared instance.</summary>
    public static FindingOrder Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var c = y.Severity.CompareTo(x.Severity);
        if (c != 0)
        {
            return c;
        }

        // A finding whose explanation is not built yet gives its line and first cell without building it when it can
        // (no cell it reads has a source line): ordering a report's findings then builds none of them.
        var xKnown = x.TryOrderKey(out var xFirst);
        var yKnown = y.TryOrderKey(out var yFirst);
        c = ((xKnown ? null : x.Line) ?? int.MaxValue).CompareTo((yKnown ? null : y.Line) ?? int.MaxValue);

        if (c == 0)
        {
            c = string.CompareOrdinal(x.RuleId, y.RuleId);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Instance, y.Instance);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(xKnown ? xFirst : x.Cells.Count > 0 ? x.Cells[0].Id.Value : null, yKnown ? yFirst : y.Cells.Count > 0 ? y.Cells[0].Id.Value : null);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Message.En, y.Message.En);
        }

        return c;
    }
}
