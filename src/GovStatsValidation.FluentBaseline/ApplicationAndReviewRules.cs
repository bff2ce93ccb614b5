using FluentValidation;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;
using static GovStatsValidation.FluentBaseline.Cells;

namespace GovStatsValidation.FluentBaseline;

/// <summary>
/// The identities of the application table (by applicant column) and the review/litigation table, which the 2019 and
/// 2021 formats share; each format's validator includes them with its own outcome rows.
/// </summary>
internal sealed class ApplicationAndReviewRules : AbstractValidator<AnnualReport>
{
    /// <summary>The outcome rows (处理结果) both formats print, in table order, up to 其他处理 (where the formats differ).</summary>
    public static readonly string[] OutcomesBeforeOther =
    [
        "result.granted", "result.partial",
        "result.withheld.state_secret", "result.withheld.law_prohibited", "result.withheld.security_stability", "result.withheld.third_party",
        "result.withheld.internal_affairs", "result.withheld.process_info", "result.withheld.enforcement_file", "result.withheld.admin_query",
        "result.unable.not_held", "result.unable.needs_creation", "result.unable.unclear",
        "result.not_processed.petition", "result.not_processed.duplicate", "result.not_processed.publication", "result.not_processed.mass_repeat",
        "result.not_processed.confirm_reissue",
    ];

    private static readonly string[] Applicants = ["natural_person", "org.commercial", "org.research", "org.social_welfare", "org.legal_service", "org.other"];
    private static readonly string[] Columns = [.. Applicants, "total"];
    private static readonly string[] ReviewRows = ["review", "litigation.direct", "litigation.after_review"];
    private static readonly string[] Outcomes = ["upheld", "corrected", "other", "pending"];
    private static readonly CellId[] ReviewCells = ReviewRows.SelectMany(r => Row(r, [.. Outcomes, "total"])).ToArray();

    /// <summary>Builds the rules over the format's outcome rows (<c>result.*</c> leaves, in table order).</summary>
    public ApplicationAndReviewRules(string[] leaves)
    {
        string[] applicationRows = ["requests.new", "requests.carried_over", .. leaves, "result.total", "requests.carry_forward"];
        var applicationCells = applicationRows.SelectMany(r => Row(r, Columns)).ToArray();
        foreach (var row in applicationRows)
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
            var outcomes = leaves.Select(l => new CellId($"{l}[{column}]")).ToArray();
            var handled = new CellId($"result.total[{column}]");
            var fresh = new CellId($"requests.new[{column}]");
            var carried = new CellId($"requests.carried_over[{column}]");
            var forward = new CellId($"requests.carry_forward[{column}]");
            RuleFor(r => r).Must(r => Value(r, handled) == Sum(r, outcomes))
                .When(r => IsNumber(r, handled) && Sum(r, outcomes) is not null && AnyFilled(r, outcomes))
                .WithErrorCode(BaselineCodes.AppResultTotal).OverridePropertyName(handled.Value).WithMessage("{PropertyName} is not the sum of the outcomes");
            RuleFor(r => r).Must(r => IsNumber(r, handled) || Sum(r, outcomes) == 0)
                .When(r => Sum(r, outcomes) is not null)
                .WithErrorCode(BaselineCodes.AppResultTotalBlank).WithSeverity(Severity.Warning).OverridePropertyName(handled.Value).WithMessage("{PropertyName} is blank");
            RuleFor(r => r).Must(r => AnyFilled(r, outcomes) || !IsNumber(r, handled) || Value(r, handled) == 0)
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

            RuleFor(r => r).Must(r => Value(r, fresh) + Value(r, carried) == Sum(r, outcomes) + Value(r, forward))
                .When(r => Value(r, fresh) is not null && Value(r, carried) is not null && Value(r, forward) is not null && Sum(r, outcomes) is not null
                    && !IsNumber(r, handled) && Sum(r, outcomes) > 0)
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

        RuleFor(r => r).Must(r => AnyPrinted(r, applicationCells)).WithErrorCode(BaselineCodes.TableMissing).OverridePropertyName("applications").WithMessage("the application table is missing");
        RuleFor(r => r).Must(r => AnyPrinted(r, ReviewCells)).WithErrorCode(BaselineCodes.TableMissing).OverridePropertyName("review_litigation").WithMessage("the review table is missing");
    }
}
