using GovStatsValidation.Rules;
using NUnit.Framework.Constraints;

namespace GovStatsValidation.NUnit;

/// <summary>Succeeds when no finding has the given severity or a higher one.</summary>
internal sealed class SeverityConstraint(ReportConstraints context, Severity minimum, string description) : Constraint
{
    public override string Description => description;

    public override ConstraintResult ApplyTo<TActual>(TActual actual)
    {
        var set = FindingSet.From(actual, context.Checker);
        var offending = set.Findings.Where(f => f.Severity >= minimum).ToList();
        return new FindingsConstraintResult(this, set, offending.Count == 0, $"Findings at or above {FindingsText.Word(minimum)}:", offending, context.Language);
    }
}
