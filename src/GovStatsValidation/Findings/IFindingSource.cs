using GovStatsValidation.Model;

namespace GovStatsValidation.Findings;

/// <summary>
/// Something that checks a report and says what it finds: the compiled table rules, the narrative and structure
/// rules of the readers, a user's FluentValidation validator. <see cref="Checking.IReportChecker"/> runs them all.
/// </summary>
public interface IFindingSource
{
    /// <summary>A short name for diagnostics, e.g. <c>table-rules</c>.</summary>
    string Name { get; }

    /// <summary>Checks one report and adds its findings.</summary>
    /// <param name="report">The report.</param>
    /// <param name="findings">Where to add findings.</param>
    void Check(AnnualReport report, ICollection<Finding> findings);
}
