using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;

namespace GovStatsValidation.NUnit;

/// <summary>The findings a constraint looks at, and the report they are about when known.</summary>
internal sealed record FindingSet(AnnualReport? Report, IReadOnlyList<Finding> Findings)
{
    /// <summary>
    /// Turns what was passed to <c>Assert.That</c> into findings: a report is checked with <paramref name="checker"/>; a
    /// <see cref="ReportCheckResult"/> or a sequence of findings is taken as it is.
    /// </summary>
    public static FindingSet From(object? actual, IReportChecker checker) => actual switch
    {
        AnnualReport report => From(checker.Check(report)),
        ReportCheckResult result => From(result),
        IEnumerable<Finding> findings => new FindingSet(null, findings.ToList()),
        null => throw new ArgumentNullException(nameof(actual), "Expected an AnnualReport, a ReportCheckResult or findings, but was null."),
        _ => throw new ArgumentException(
            $"Expected an AnnualReport, a ReportCheckResult or IEnumerable<Finding>, but was {actual.GetType().FullName}.", nameof(actual)),
    };

    public static FindingSet From(ReportCheckResult result) => new(result.Report, result.Findings);
}
