using FluentValidation;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;
using static GovStatsValidation.FluentBaseline.Cells;

namespace GovStatsValidation.FluentBaseline;

/// <summary>The identities of the pre-2019 statistics table (政府信息公开情况统计表), written by hand.</summary>
public sealed class Pre2019Validator : AbstractValidator<AnnualReport>
{
    private static readonly (CellId Total, CellId[] Parts)[] PartsSums =
    [
        (new("requests.received"), Ids("requests.received.in_person", "requests.received.fax", "requests.received.online", "requests.received.letter")),
        (new("requests.completed"), Ids("requests.completed.on_time", "requests.completed.extended")),
        (new("requests.replies"), Ids("requests.replies.already_public", "requests.replies.granted", "requests.replies.partial", "requests.replies.refused",
            "requests.replies.not_this_agency", "requests.replies.not_exist", "requests.replies.amend", "requests.replies.other_channel")),
        (new("review.total"), Ids("review.upheld", "review.corrected", "review.other")),
        (new("litigation.total"), Ids("litigation.upheld", "litigation.corrected", "litigation.other")),
        (new("org.staff"), Ids("org.staff.full_time", "org.staff.part_time")),
    ];

    private static readonly (CellId Part, CellId Whole)[] OfWhich =
    [
        (Pre2019Cells.ActiveNormativeDocsPublished, Pre2019Cells.ActiveTotal),
        (Pre2019Cells.ResponsePressConfLeaders, Pre2019Cells.ResponsePressConf),
        (Pre2019Cells.ResponseWebInterviewsLeaders, Pre2019Cells.ResponseWebInterviews),
    ];

    private static readonly CellId[] RefusedReasons = Ids(
        "requests.replies.refused.state_secret", "requests.replies.refused.commercial_secret", "requests.replies.refused.privacy",
        "requests.replies.refused.security_stability", "requests.replies.refused.not_gov_info", "requests.replies.refused.other_law");

    private static readonly CellId[] Channels = Ids("active.channels.gazette", "active.channels.website", "active.channels.weibo", "active.channels.wechat", "active.channels.other");

    /// <summary>Builds the validator.</summary>
    public Pre2019Validator()
    {
        foreach (var (total, parts) in PartsSums)
        {
            RuleFor(r => r).Must(r => Value(r, total) == Sum(r, parts))
                .When(r => IsNumber(r, total) && Sum(r, parts) is not null)
                .WithErrorCode(BaselineCodes.StatsPartsSum).OverridePropertyName(total.Value).WithMessage("{PropertyName} does not equal the sum of its parts");
            RuleFor(r => r).Must(r => IsNumber(r, total) || Sum(r, parts) == 0)
                .When(r => Sum(r, parts) is not null)
                .WithErrorCode(BaselineCodes.StatsTotalBlank).WithSeverity(Severity.Warning).OverridePropertyName(total.Value).WithMessage("{PropertyName} is blank but its parts are not");
        }

        foreach (var (part, whole) in OfWhich)
        {
            RuleFor(r => r).Must(r => Value(r, part) <= Value(r, whole))
                .When(r => Value(r, part) is not null && Value(r, whole) is not null)
                .WithErrorCode(BaselineCodes.StatsOfWhich).OverridePropertyName(part.Value).WithMessage("{PropertyName} is above the figure it is part of");
        }

        var refused = Pre2019Cells.RequestsRepliesRefused;
        RuleFor(r => r).Must(r => Sum(r, RefusedReasons) <= Value(r, refused))
            .When(r => IsNumber(r, refused) && Sum(r, RefusedReasons) is not null)
            .WithErrorCode(BaselineCodes.StatsRefusedReasonsOver).OverridePropertyName(refused.Value).WithMessage("the reasons add up to more than {PropertyName}");
        RuleFor(r => r).Must(r => Sum(r, RefusedReasons) >= Value(r, refused))
            .When(r => IsNumber(r, refused) && Sum(r, RefusedReasons) is not null)
            .WithErrorCode(BaselineCodes.StatsRefusedReasonsUnder).WithSeverity(Severity.Warning).OverridePropertyName(refused.Value).WithMessage("the reasons add up to less than {PropertyName}");

        var active = Pre2019Cells.ActiveTotal;
        foreach (var channel in Channels)
        {
            RuleFor(r => r).Must(r => Value(r, channel) <= Value(r, active))
                .When(r => IsNumber(r, active) && Value(r, channel) is not null)
                .WithErrorCode(BaselineCodes.StatsChannelAboveTotal).WithSeverity(Severity.Warning).OverridePropertyName(channel.Value).WithMessage("{PropertyName} is above all items published");
        }

        // A channel not printed counts as zero here; unreadable text still skips the check.
        RuleFor(r => r).Must(r => Channels.Sum(c => Value(r, c) ?? 0) >= Value(r, active))
            .When(r => IsNumber(r, active) && Channels.All(c => r.Cells[c].State != CellState.Unreadable) && AnyPrinted(r, Channels))
            .WithErrorCode(BaselineCodes.StatsChannelsCover).WithSeverity(Severity.Warning).OverridePropertyName("active.channels").WithMessage("the channels add up to less than all items published");

        var published = Pre2019Cells.ActiveNormativeDocsPublished;
        var issued = Pre2019Cells.ActiveNormativeDocsIssued;
        RuleFor(r => r).Must(r => Value(r, published) >= Value(r, issued))
            .When(r => Value(r, published) is not null && Value(r, issued) is not null)
            .WithErrorCode(BaselineCodes.StatsDocsUnpublished).WithSeverity(Severity.Warning).OverridePropertyName(issued.Value).WithMessage("not every document issued was published");
        RuleFor(r => r).Must(r => Value(r, published) <= Value(r, issued))
            .When(r => Value(r, published) is not null && Value(r, issued) is not null)
            .WithErrorCode(BaselineCodes.StatsDocsMorePublished).WithSeverity(Severity.Info).OverridePropertyName(published.Value).WithMessage("more documents published than issued");

        var received = Pre2019Cells.RequestsReceived;
        var completed = Pre2019Cells.RequestsCompleted;
        var replies = Pre2019Cells.RequestsReplies;
        RuleFor(r => r).Must(r => Value(r, completed) <= Value(r, received))
            .When(r => Value(r, completed) is not null && Value(r, received) is not null)
            .WithErrorCode(BaselineCodes.StatsCompletedAboveReceived).WithSeverity(Severity.Warning).OverridePropertyName(completed.Value).WithMessage("more completed than received");
        RuleFor(r => r).Must(r => Value(r, replies) == Value(r, completed))
            .When(r => IsNumber(r, replies) && IsNumber(r, completed))
            .WithErrorCode(BaselineCodes.StatsRepliesVsCompleted).WithSeverity(Severity.Warning).OverridePropertyName(replies.Value).WithMessage("replies differ from completed");
        RuleFor(r => r).Must(r => Value(r, received) > 0 || Value(r, completed) + Value(r, replies) == 0)
            .When(r => Value(r, received) is not null && Value(r, completed) is not null && Value(r, replies) is not null)
            .WithErrorCode(BaselineCodes.StatsHandledWithoutApplications).WithSeverity(Severity.Info).OverridePropertyName(received.Value).WithMessage("requests handled but none received");

        RuleFor(r => r.Cells.Count).GreaterThan(0)
            .WithErrorCode(BaselineCodes.StatsTableMissing).WithSeverity(Severity.Warning).WithMessage("the statistics table is missing");

        CommonCellRules.Add(this, new HashSet<string>(StringComparer.Ordinal) { "fees.total", "org.budget" }, new HashSet<string>(StringComparer.Ordinal));
    }
}
