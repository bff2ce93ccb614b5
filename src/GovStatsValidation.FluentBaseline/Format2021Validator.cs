using FluentValidation;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;
using static GovStatsValidation.FluentBaseline.Cells;

namespace GovStatsValidation.FluentBaseline;

/// <summary>The identities of the 2021-format tables, written by hand.</summary>
public sealed class Format2021Validator : AbstractValidator<AnnualReport>
{
    private static readonly string[] Leaves = [.. ApplicationAndReviewRules.OutcomesBeforeOther, "result.other.no_correction", "result.other.no_fee", "result.other.other"];

    private static readonly CellId[] Article20Cells =
    [
        .. Row("art20_1.regulations", ["issued", "repealed", "in_force"]), .. Row("art20_1.normative_docs", ["issued", "repealed", "in_force"]),
        Format2021Cells.Art205Licensing.Decisions, Format2021Cells.Art206Penalty.Decisions, Format2021Cells.Art206Coercion.Decisions,
        Format2021Cells.Art208AdminFees.Amount,
    ];

    /// <summary>Builds the validator.</summary>
    public Format2021Validator()
    {
        Include(new ApplicationAndReviewRules(Leaves));

        RuleFor(r => r).Must(r => AnyPrinted(r, Article20Cells)).WithErrorCode(BaselineCodes.Article20Missing).OverridePropertyName("art20").WithMessage("the article 20 tables are missing");

        foreach (var row in (string[])["art20_1.regulations", "art20_1.normative_docs"])
        {
            var issued = new CellId($"{row}[issued]");
            var inForce = new CellId($"{row}[in_force]");
            var repealed = new CellId($"{row}[repealed]");
            RuleFor(r => r).Must(r => Value(r, issued) <= Value(r, inForce) + Value(r, repealed))
                .When(r => Value(r, issued) is not null && Value(r, inForce) is not null && Value(r, repealed) is not null)
                .WithErrorCode(BaselineCodes.IssuedAboveStock).WithSeverity(Severity.Warning).OverridePropertyName(issued.Value).WithMessage("more issued than in force and repealed");
        }

        CommonCellRules.Add(this, new HashSet<string>(StringComparer.Ordinal) { Format2021Cells.Art208AdminFees.Amount.Value }, new HashSet<string>(StringComparer.Ordinal));
    }
}
