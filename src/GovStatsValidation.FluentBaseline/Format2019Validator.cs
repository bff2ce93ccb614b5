using FluentValidation;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;
using static GovStatsValidation.FluentBaseline.Cells;

namespace GovStatsValidation.FluentBaseline;

/// <summary>The identities of the 2019-format tables (the trial format of 国办公开办函〔2019〕60号), written by hand.</summary>
public sealed class Format2019Validator : AbstractValidator<AnnualReport>
{
    private static readonly string[] Applicants = ["natural_person", "org.commercial", "org.research", "org.social_welfare", "org.legal_service", "org.other"];
    private static readonly string[] Columns = [.. Applicants, "total"];

    // The 2019 form has no sub-rows under 其他处理 (the 2021 form added them): nineteen outcome rows.
    private static readonly string[] Leaves =
    [
        "result.granted", "result.partial",
        "result.withheld.state_secret", "result.withheld.law_prohibited", "result.withheld.security_stability", "result.withheld.third_party",
        "result.withheld.internal_affairs", "result.withheld.process_info", "result.withheld.enforcement_file", "result.withheld.admin_query",
        "result.unable.not_held", "result.unable.needs_creation", "result.unable.unclear",
        "result.not_processed.petition", "result.not_processed.duplicate", "result.not_processed.publication", "result.not_processed.mass_repeat",
        "result.not_processed.confirm_reissue",
        "result.other",
    ];

    private static readonly string[] ApplicationRows = ["requests.new", "requests.carried_over", .. Leaves, "result.total", "requests.carry_forward"];
    private static readonly string[] ReviewRows = ["review", "litigation.direct", "litigation.after_review"];
    private static readonly string[] Outcomes = ["upheld", "corrected", "other", "pending"];
    private static readonly string[] Art201Rows = ["art20_1.regulations", "art20_1.normative_docs"];
    private static readonly string[] StockRows = ["art20_5.licensing", "art20_5.other_services", "art20_6.penalty", "art20_6.coercion"];
    private const string FeesRow = "art20_8.admin_fees";

    private static readonly CellId[] ApplicationCells = ApplicationRows.SelectMany(r => Row(r, Columns)).ToArray();
    private static readonly CellId[] ReviewCells = ReviewRows.SelectMany(r => Row(r, [.. Outcomes, "total"])).ToArray();

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
        foreach (var row in ApplicationRows)
        {
            var parts = Row(row, Applicants);
            var total = new CellId($"{row}[total]");
            RuleFor(r => r).Must(r => Value(r, total) == Sum(r, parts))
                .When(r => IsNumber(r, total) && Sum(r, parts) is not null && !AllBlank(r, parts))
                .WithErrorCode(BaselineCodes.AppRowTotal).OverridePropertyName(total.Value).WithMessage("{PropertyName} is not the sum of the applicant columns");
            RuleFor(r => r).Must(r => IsNumber(r, total) || Sum(r, parts) == 0)
                .When(r => Sum(r, parts) is not null)
                .WithErrorCode(BaselineCodes.AppRowTotalBlank).WithSeverity(Severity.Info).OverridePropertyName(total.Value).WithMessage("{PropertyName} is blank");
            RuleFor(r => r).Must(r => !AllBlank(r, parts) || !IsNumber(r, total) || Value(r, total) == 0)
                .When(r => Value(r, total) is not null)
                .WithErrorCode(BaselineCodes.AppRowPartsBlank).WithSeverity(Severity.Info).OverridePropertyName(total.Value).WithMessage("only {PropertyName} is filled");
        }

        foreach (var column in Columns)
        {
            var leaves = Leaves.Select(l => new CellId($"{l}[{column}]")).ToArray();
            var handled = new CellId($"result.total[{column}]");
            var fresh = new CellId($"requests.new[{column}]");
            var carried = new CellId($"requests.carried_over[{column}]");
            var forward = new CellId($"requests.carry_forward[{column}]");
            RuleFor(r => r).Must(r => Value(r, handled) == Sum(r, leaves))
                .When(r => IsNumber(r, handled) && Sum(r, leaves) is not null && AnyFilled(r, leaves))
                .WithErrorCode(BaselineCodes.AppResultTotal).OverridePropertyName(handled.Value).WithMessage("{PropertyName} is not the sum of the outcomes");
            RuleFor(r => r).Must(r => IsNumber(r, handled) || Sum(r, leaves) == 0)
                .When(r => Sum(r, leaves) is not null)
                .WithErrorCode(BaselineCodes.AppResultTotalBlank).WithSeverity(Severity.Warning).OverridePropertyName(handled.Value).WithMessage("{PropertyName} is blank");
            RuleFor(r => r).Must(r => AnyFilled(r, leaves) || !IsNumber(r, handled) || Value(r, handled) == 0)
                .When(r => Value(r, handled) is not null)
                .WithErrorCode(BaselineCodes.AppResultPartsBlank).WithSeverity(Severity.Info).OverridePropertyName(handled.Value).WithMessage("only {PropertyName} is filled");
            if (column == "total")
            {
                RuleFor(r => r).Must(r => Value(r, fresh) + Value(r, carried) == Value(r, handled) + Value(r, forward))
                    .When(r => IsNumber(r, fresh) && IsNumber(r, carried) && IsNumber(r, handled) && IsNumber(r, forward))
                    .WithErrorCode(BaselineCodes.AppFlowTotal).OverridePropertyName(handled.Value).WithMessage("new + carried over ≠ handled + carried forward");
            }
            else
            {
                RuleFor(r => r).Must(r => Value(r, fresh) + Value(r, carried) == Value(r, handled) + Value(r, forward))
                    .When(r => IsNumber(r, handled) && Value(r, fresh) is not null && Value(r, carried) is not null && Value(r, forward) is not null)
                    .WithErrorCode(BaselineCodes.AppFlow).OverridePropertyName(handled.Value).WithMessage("new + carried over ≠ handled + carried forward");
            }

            RuleFor(r => r).Must(r => Value(r, fresh) + Value(r, carried) == Sum(r, leaves) + Value(r, forward))
                .When(r => Value(r, fresh) is not null && Value(r, carried) is not null && Value(r, forward) is not null && Sum(r, leaves) is not null
                    && !IsNumber(r, handled) && Sum(r, leaves) > 0)
                .WithErrorCode(BaselineCodes.AppFlowComputedTotal).WithSeverity(Severity.Info).OverridePropertyName(handled.Value).WithMessage("new + carried over ≠ outcomes + carried forward");
        }

        foreach (var row in ReviewRows)
        {
            var parts = Row(row, Outcomes);
            var total = new CellId($"{row}[total]");
            RuleFor(r => r).Must(r => Value(r, total) == Sum(r, parts))
                .When(r => IsNumber(r, total) && Sum(r, parts) is not null && !AllBlank(r, parts))
                .WithErrorCode(BaselineCodes.ReviewParts).OverridePropertyName(total.Value).WithMessage("{PropertyName} is not the sum of the outcomes");
            RuleFor(r => r).Must(r => IsNumber(r, total) || Sum(r, parts) == 0)
                .When(r => Sum(r, parts) is not null)
                .WithErrorCode(BaselineCodes.ReviewTotalBlank).WithSeverity(Severity.Warning).OverridePropertyName(total.Value).WithMessage("{PropertyName} is blank");
            RuleFor(r => r).Must(r => !AllBlank(r, parts) || !IsNumber(r, total) || Value(r, total) == 0)
                .When(r => Value(r, total) is not null)
                .WithErrorCode(BaselineCodes.ReviewPartsBlank).WithSeverity(Severity.Info).OverridePropertyName(total.Value).WithMessage("only {PropertyName} is filled");
        }

        RuleFor(r => r).Must(r => AnyPrinted(r, ApplicationCells)).WithErrorCode(BaselineCodes.TableMissing).OverridePropertyName("applications").WithMessage("the application table is missing");
        RuleFor(r => r).Must(r => AnyPrinted(r, ReviewCells)).WithErrorCode(BaselineCodes.TableMissing).OverridePropertyName("review_litigation").WithMessage("the review table is missing");
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
