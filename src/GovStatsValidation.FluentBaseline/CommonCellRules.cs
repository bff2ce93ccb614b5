using FluentValidation;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.FluentBaseline;

/// <summary>The per-cell checks every format shares: counts not negative and whole, amounts not negative, no unreadable text, placeholders noted.</summary>
internal static class CommonCellRules
{
    public static void Add(AbstractValidator<AnnualReport> validator, ISet<string> amountCells, ISet<string> signedCells)
    {
        bool IsCount(CellId id) => !amountCells.Contains(id.Value) && !signedCells.Contains(id.Value);

        validator.RuleForEach(r => r.Cells).Where(c => IsCount(c.Key))
            .Must(c => c.Value.State != CellState.Number || c.Value.Number >= 0)
            .WithErrorCode(BaselineCodes.CountNegative).WithMessage("{PropertyName}: a count cannot be negative");
        validator.RuleForEach(r => r.Cells).Where(c => IsCount(c.Key))
            .Must(c => c.Value.State != CellState.Number || c.Value.Number == decimal.Truncate(c.Value.Number!.Value))
            .WithErrorCode(BaselineCodes.CountFraction).WithMessage("{PropertyName}: a count must be a whole number");
        validator.RuleForEach(r => r.Cells).Where(c => amountCells.Contains(c.Key.Value))
            .Must(c => c.Value.State != CellState.Number || c.Value.Number >= 0)
            .WithErrorCode(BaselineCodes.AmountNegative).WithMessage("{PropertyName}: an amount cannot be negative");
        validator.RuleForEach(r => r.Cells).Where(c => signedCells.Contains(c.Key.Value))
            .Must(c => c.Value.State != CellState.Number || c.Value.Number == decimal.Truncate(c.Value.Number!.Value))
            .WithErrorCode(BaselineCodes.SignedFraction).WithMessage("{PropertyName}: a change must be a whole number");
        validator.RuleForEach(r => r.Cells)
            .Must(c => c.Value.State != CellState.Unreadable)
            .WithErrorCode(BaselineCodes.Unreadable).WithSeverity(Severity.Warning).WithMessage("{PropertyName}: not a number");
        validator.RuleForEach(r => r.Cells)
            .Must(c => c.Value.State != CellState.Placeholder)
            .WithErrorCode(BaselineCodes.Placeholder).WithSeverity(Severity.Info).WithMessage("{PropertyName}: placeholder read as zero");
    }
}
