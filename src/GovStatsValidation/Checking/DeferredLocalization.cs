using GovStatsValidation.Findings;
using GovStatsValidation.Localization;
using GovStatsValidation.Model;

namespace GovStatsValidation.Checking;

/// <summary>
/// A report's localization, searched when first asked for: when a failing finding's suspect (or any other part of it) is
/// first read, or the result's <see cref="ReportCheckResult.Localization"/>. Made at check time from the snapshot of the
/// report's cells the check loaded (never changed once made) and a copy of its narrative figures, so a later edit of the
/// report does not change it; computed once, under a lock, so every reader on any thread gets the same object.
/// </summary>
internal sealed class DeferredLocalization
{
    private readonly CompiledRuleSet _set;
    private readonly FrameSnapshot _snapshot;
    private readonly int _year;
    private readonly NarrativeClaim[] _claims;
    private readonly Finding[] _failing;
    private readonly bool _failingAreAll;
    private readonly object _gate = new();
    private volatile Outcome? _outcome;

    /// <param name="set">The report's compiled rules.</param>
    /// <param name="snapshot">The report's cells as checked.</param>
    /// <param name="year">The report year.</param>
    /// <param name="claims">The report's narrative figures (copied).</param>
    /// <param name="failing">The failing findings the localization explains.</param>
    /// <param name="failingAreAll">Whether <paramref name="failing"/> is every failing rule instance (findings of every severity, no rule switched off).</param>
    public DeferredLocalization(CompiledRuleSet set, FrameSnapshot snapshot, int year, IList<NarrativeClaim> claims, Finding[] failing, bool failingAreAll)
    {
        _set = set;
        _snapshot = snapshot;
        _year = year;
        _claims = claims.Count == 0 ? [] : [.. claims];
        _failing = failing;
        _failingAreAll = failingAreAll;
    }

    /// <summary>Whether the search has run.</summary>
    public bool IsSearched => _outcome is not null;

    /// <summary>The localization (null when no linear rule fails), searched on first read.</summary>
    public ReportLocalization? Value => Get().Localization;

    /// <summary>A failing finding, built, pointed at the localization; null when no located error concerns it.</summary>
    public Finding? Assign(Finding built)
    {
        var outcome = Get();
        return outcome.Localization is { } localization ? SuspectAssignment.Assigned(built, localization, outcome.ByRule!) : null;
    }

    private Outcome Get()
    {
        if (_outcome is { } done)
        {
            return done;
        }

        lock (_gate)
        {
            if (_outcome is { } raced)
            {
                return raced;
            }

            HashSet<string>? failing = null;
            if (_failingAreAll)
            {
                failing = new HashSet<string>(StringComparer.Ordinal);
                foreach (var f in _failing)
                {
                    failing.Add(f.Instance.Length == 0 ? f.RuleId : $"{f.RuleId} [{f.Instance}]");
                }
            }

            // A frame of its own: the search changes values while it tries corrections.
            var frame = new ReportFrame(_set.Schema);
            frame.LoadSnapshot(report: null, _year, _snapshot);
            var localization = ReportLocalizer.Localize(_set, frame, _claims, previousYear: null, failing);
            _outcome = new Outcome(localization, localization is null ? null : SuspectAssignment.ByRule(localization));
            return _outcome;
        }
    }

    private sealed record Outcome(ReportLocalization? Localization, Dictionary<string, LocatedError>? ByRule);
}
