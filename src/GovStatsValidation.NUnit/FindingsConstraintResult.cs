using GovStatsValidation.Findings;
using GovStatsValidation.Schemas;
using NUnit.Framework.Constraints;

namespace GovStatsValidation.NUnit;

/// <summary>
/// The result of a findings constraint. Its actual value reads as a summary (report, counts), and a failure lists the
/// findings that matter (rule, severity, message, formula, expected/actual, cells), one per line.
/// </summary>
internal sealed class FindingsConstraintResult : ConstraintResult
{
    private const int MaxListed = 25;
    private readonly string _heading;
    private readonly IReadOnlyList<Finding> _listed;
    private readonly string _language;

    public FindingsConstraintResult(IConstraint constraint, FindingSet set, bool success, string heading, IReadOnlyList<Finding> listed, string language)
        : base(constraint, new FindingsSummary(set), success)
    {
        _heading = heading;
        _listed = listed;
        _language = language;
    }

    public override void WriteActualValueTo(MessageWriter writer) => writer.Write(ActualValue?.ToString() ?? "null");

    public override void WriteAdditionalLinesTo(MessageWriter writer)
    {
        if (_listed.Count == 0)
        {
            return;
        }

        writer.WriteLine(_heading);
        foreach (var finding in _listed.Take(MaxListed))
        {
            foreach (var line in FindingsText.Describe(finding, _language))
            {
                writer.WriteLine("  " + line);
            }
        }

        if (_listed.Count > MaxListed)
        {
            writer.WriteLine($"  … and {_listed.Count - MaxListed} more");
        }
    }

    /// <summary>The actual value as NUnit shows it (also under <c>Is.Not</c>-style negation, which prints only this).</summary>
    private sealed class FindingsSummary(FindingSet set)
    {
        public override string ToString()
        {
            var what = set.Report is { } r ? $"{r.Agency?.Name} {r.Year} ({r.Schema.ToToken()})" : "findings";
            return $"{what}: {FindingsText.Counts(set.Findings)}";
        }
    }
}
