using FluentValidation;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;
using static GovStatsValidation.FluentBaseline.Cells;

namespace GovStatsValidation.FluentBaseline;

/// <summary>The identities of the 2019-format tables (the trial format of 国办公开办函〔2019〕60号), written by hand.</summary>
public sealed class Format2019Validator : AbstractValidator<AnnualReport>
{
    // The 2019 form has no sub-rows under 其他处理 (the 2021 form added them): nineteen outcome rows.
    private static readonly string[] Leaves = [.. ApplicationAndReviewRules.OutcomesBeforeOther, "result.other"];

    private static readonly string[] Art201Rows = ["art20_1.regulations", "art20_1.normative_docs"];
    private static readonly string[] StockRows = ["art20_5.licensing", "art20_5.other_services", "art20_6.penalty", "art20_6.coercion"];
    private const string FeesRow = "art20_8.admin_fees";

    // 第二十条 (一)(五)(六)(八): the tables whose absence means the section was left out (政府集中采购 alone does not count).
    private static readonly CellId[] Article20Cells =
    [
        .. Art201Rows.SelectMany(r => Row(r, ["made_new", "published_new", "published_total"])),
        .. StockRows.SelectMany(r => Row(r, ["prev_items", "change", "decisions"])),
        .. Row(FeesRow, ["prev_items", "change"]),
    ];

    private static readonly HashSet<string> SignedCells = new(StockRows.Append(FeesRow).Select(r => $"{r}[change]"), StringComparer.Ordinal);

    /// <summary>Builds the validator.</summary>
    public Format2019Validator()
    {
        Include(new ApplicationAndReviewRules(Leaves));

        RuleFor(r => r).Must(r => AnyPrinted(r, Article20Cells)).WithErrorCode(BaselineCodes.Article20Missing).OverridePropertyName("art20").WithMessage("the article 20 tables are missing");

        foreach (var row in Art201Rows)
        {
            var made = new CellId($"{row}[made_new]");
            var publishedNew = new CellId($"{row}[published_new]");
            var publishedTotal = new CellId($"{row}[published_total]");
            RuleFor(r => r).Must(r => Value(r, publishedNew) <= Value(r, publishedTotal))
                .When(r => Value(r, publishedNew) is not null && Value(r, publishedTotal) is not null)
                .WithErrorCode(BaselineCodes.PublishedAboveTotal).WithSeverity(Severity.Warning).OverridePropertyName(publishedNew.Value).WithMessage("more newly published than published in total");
            RuleFor(r => r).Must(r => Value(r, made) <= Value(r, publishedTotal))
                .When(r => Value(r, made) is not null && Value(r, publishedTotal) is not null)
                .WithErrorCode(BaselineCodes.MadeAboveTotal).WithSeverity(Severity.Warning).OverridePropertyName(made.Value).WithMessage("more newly made than published in total");
            RuleFor(r => r).Must(r => Value(r, publishedNew) >= Value(r, made))
                .When(r => Value(r, publishedNew) is not null && Value(r, made) is not null)
                .WithErrorCode(BaselineCodes.MadeUnpublished).WithSeverity(Severity.Warning).OverridePropertyName(publishedNew.Value).WithMessage("not every document made was published");
        }

        foreach (var row in (string[])[.. StockRows, FeesRow])
        {
            var previous = new CellId($"{row}[prev_items]");
            var change = new CellId($"{row}[change]");
            RuleFor(r => r).Must(r => Value(r, previous) + Value(r, change) >= 0)
                .When(r => Value(r, previous) is not null && Value(r, change) is not null)
                .WithErrorCode(BaselineCodes.StockNegative).WithSeverity(Severity.Warning).OverridePropertyName(change.Value).WithMessage("previous items plus the change is negative");
        }

        var projects = Format2019Cells.Art209CentralProcurement.Projects;
        var amount = Format2019Cells.Art209CentralProcurement.Amount;
        RuleFor(r => r).Must(r => (Value(r, projects) == 0 && Value(r, amount) == 0) || (Value(r, projects) > 0 && Value(r, amount) > 0))
            .When(r => Value(r, projects) is not null && Value(r, amount) is not null)
            .WithErrorCode(BaselineCodes.ProcurementPair).WithSeverity(Severity.Warning).OverridePropertyName("art20_9.central_procurement").WithMessage("one of project count and amount is zero, the other is not");

        CommonCellRules.Add(this, new HashSet<string>(StringComparer.Ordinal) { amount.Value }, SignedCells);
    }
}
