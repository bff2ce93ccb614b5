using GovStatsValidation.Checking;
using GovStatsValidation.Rules;
using NUnit.Framework.Constraints;

namespace GovStatsValidation.NUnit;

/// <summary>
/// NUnit constraints over reports and findings, the entry point NUnit's closed <c>Is</c>/<c>Has</c> cannot offer:
/// <c>Assert.That(report, Reports.AreConsistent)</c>. The actual value may be an <see cref="Model.AnnualReport"/>
/// (checked with the built-in rules, or with the checker given to <see cref="CheckedBy"/>), a
/// <see cref="ReportCheckResult"/>, or an <c>IEnumerable&lt;Finding&gt;</c>.
/// </summary>
public static class Reports
{
    private static readonly Lazy<ReportConstraints> Default = new(() => new ReportConstraints(new ReportChecker(), "zh"));

    /// <summary>No finding is an error: the table's own figures can all be true. Warnings and info are allowed.</summary>
    public static Constraint AreConsistent => Default.Value.AreConsistent;

    /// <summary>No finding of any severity.</summary>
    public static Constraint HaveNoFindings => Default.Value.HaveNoFindings;

    /// <summary>No finding of <paramref name="severity"/> or above.</summary>
    /// <param name="severity">The lowest severity that fails.</param>
    /// <returns>The constraint.</returns>
    public static Constraint HaveNoFindingsAtOrAbove(Severity severity) => Default.Value.HaveNoFindingsAtOrAbove(severity);

    /// <summary>At least one finding of the rule; narrow with <see cref="HaveFindingConstraint.On"/> and <see cref="HaveFindingConstraint.WithSeverity"/>.</summary>
    /// <param name="ruleId">The rule id, e.g. <c>2021.applications.flow</c>.</param>
    /// <returns>The constraint.</returns>
    public static HaveFindingConstraint HaveFinding(string ruleId) => Default.Value.HaveFinding(ruleId);

    /// <summary>
    /// The same constraints, checking reports with <paramref name="checker"/> (e.g. the one configured by
    /// <c>AddGovStatsValidation</c>), with failure messages in <paramref name="language"/>.
    /// </summary>
    /// <param name="checker">The checker that checks an <see cref="Model.AnnualReport"/> actual value.</param>
    /// <param name="language"><c>zh</c> or <c>en</c>; default the checker's option when it is a <see cref="ReportChecker"/>, else <c>zh</c>.</param>
    /// <returns>The constraints.</returns>
    public static ReportConstraints CheckedBy(IReportChecker checker, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(checker);
        return new ReportConstraints(checker, language ?? (checker as ReportChecker)?.Options.Language ?? "zh");
    }
}

/// <summary>The constraints of <see cref="Reports"/> bound to one checker and message language; from <see cref="Reports.CheckedBy"/>.</summary>
public sealed class ReportConstraints
{
    internal ReportConstraints(IReportChecker checker, string language)
    {
        Checker = checker;
        Language = language;
    }

    /// <summary>The checker used when the actual value is a report.</summary>
    public IReportChecker Checker { get; }

    /// <summary>The language of messages in failure output (<c>zh</c> or <c>en</c>).</summary>
    public string Language { get; }

    /// <summary>No finding is an error: the table's own figures can all be true. Warnings and info are allowed.</summary>
    public Constraint AreConsistent => new SeverityConstraint(this, Severity.Error, "a consistent report (no error findings)");

    /// <summary>No finding of any severity.</summary>
    public Constraint HaveNoFindings => new SeverityConstraint(this, Severity.Info, "no findings");

    /// <summary>No finding of <paramref name="severity"/> or above.</summary>
    /// <param name="severity">The lowest severity that fails.</param>
    /// <returns>The constraint.</returns>
    public Constraint HaveNoFindingsAtOrAbove(Severity severity) =>
        new SeverityConstraint(this, severity, $"no findings at or above {FindingsText.Word(severity)}");

    /// <summary>At least one finding of the rule; narrow with <see cref="HaveFindingConstraint.On"/> and <see cref="HaveFindingConstraint.WithSeverity"/>.</summary>
    /// <param name="ruleId">The rule id, e.g. <c>2021.applications.flow</c>.</param>
    /// <returns>The constraint.</returns>
    public HaveFindingConstraint HaveFinding(string ruleId) => new(this, ruleId);
}
