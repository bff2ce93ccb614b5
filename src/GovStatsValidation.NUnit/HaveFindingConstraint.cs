using GovStatsValidation.Findings;
using GovStatsValidation.Rules;
using NUnit.Framework.Constraints;

namespace GovStatsValidation.NUnit;

/// <summary>
/// Succeeds when at least one finding has the rule id and, when narrowed, involves every given cell
/// (<see cref="On"/>) and has the given severity (<see cref="WithSeverity"/>). Created by <see cref="Reports.HaveFinding"/>.
/// </summary>
public sealed class HaveFindingConstraint : Constraint
{
    private readonly ReportConstraints _context;
    private readonly string _ruleId;
    private readonly List<string> _cells = [];
    private Severity? _severity;

    internal HaveFindingConstraint(ReportConstraints context, string ruleId)
        : base(ruleId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        _context = context;
        _ruleId = ruleId;
    }

    /// <inheritdoc/>
    public override string Description
    {
        get
        {
            var text = $"a finding of rule {_ruleId}";
            if (_cells.Count > 0)
            {
                text += $" on {string.Join(" and ", _cells)}";
            }

            return _severity is { } s ? $"{text} with severity {FindingsText.Word(s)}" : text;
        }
    }

    /// <summary>Requires the finding to involve the cell: among its cells, or its suspected cell.</summary>
    /// <param name="cellId">The cell id, e.g. <c>requests.new[total]</c>.</param>
    /// <returns>This constraint.</returns>
    public HaveFindingConstraint On(string cellId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cellId);
        _cells.Add(cellId);
        return this;
    }

    /// <summary>Requires the finding to have exactly this severity.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>This constraint.</returns>
    public HaveFindingConstraint WithSeverity(Severity severity)
    {
        _severity = severity;
        return this;
    }

    /// <inheritdoc/>
    public override ConstraintResult ApplyTo<TActual>(TActual actual)
    {
        var set = FindingSet.From(actual, _context.Checker);
        var ofRule = set.Findings.Where(f => string.Equals(f.RuleId, _ruleId, StringComparison.Ordinal)).ToList();
        var success = ofRule.Any(Matches);
        var (heading, listed) = ofRule.Count > 0
            ? ($"Findings of rule {_ruleId}:", ofRule)
            : ($"No finding of rule {_ruleId}; the findings were:", set.Findings);
        return new FindingsConstraintResult(this, set, success, heading, listed, _context.Language);
    }

    private bool Matches(Finding finding) =>
        (_severity is not { } s || finding.Severity == s)
        && _cells.All(cell => finding.Cells.Any(c => c.Id.Value == cell) || finding.Suspect?.Cell.Value == cell);
}
