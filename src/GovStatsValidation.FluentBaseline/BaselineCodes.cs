using GovStatsValidation.Schemas;

namespace GovStatsValidation.FluentBaseline;

/// <summary>
/// The error codes of the hand-written validators (the names a team would choose), and the table that maps each to the
/// id of the built-in rule that checks the same identity, so that both can be compared report by report.
/// </summary>
public static class BaselineCodes
{
#pragma warning disable CS1591 // The codes are named after what they check; the map below documents each.
    public const string CountNegative = "CountNegative";
    public const string CountFraction = "CountFraction";
    public const string AmountNegative = "AmountNegative";
    public const string SignedFraction = "SignedFraction";
    public const string Unreadable = "Unreadable";
    public const string Placeholder = "Placeholder";

    public const string StatsPartsSum = "StatsPartsSum";
    public const string StatsTotalBlank = "StatsTotalBlank";
    public const string StatsOfWhich = "StatsOfWhich";
    public const string StatsRefusedReasonsOver = "StatsRefusedReasonsOver";
    public const string StatsRefusedReasonsUnder = "StatsRefusedReasonsUnder";
    public const string StatsChannelAboveTotal = "StatsChannelAboveTotal";
    public const string StatsChannelsCover = "StatsChannelsCover";
    public const string StatsDocsUnpublished = "StatsDocsUnpublished";
    public const string StatsDocsMorePublished = "StatsDocsMorePublished";
    public const string StatsCompletedAboveReceived = "StatsCompletedAboveReceived";
    public const string StatsRepliesVsCompleted = "StatsRepliesVsCompleted";
    public const string StatsHandledWithoutApplications = "StatsHandledWithoutApplications";
    public const string StatsTableMissing = "StatsTableMissing";

    public const string AppRowTotal = "AppRowTotal";
    public const string AppRowTotalBlank = "AppRowTotalBlank";
    public const string AppRowPartsBlank = "AppRowPartsBlank";
    public const string AppResultPartsBlank = "AppResultPartsBlank";
    public const string ReviewPartsBlank = "ReviewPartsBlank";
    public const string AppResultTotal = "AppResultTotal";
    public const string AppResultTotalBlank = "AppResultTotalBlank";
    public const string AppFlow = "AppFlow";
    public const string AppFlowTotal = "AppFlowTotal";
    public const string AppFlowComputedTotal = "AppFlowComputedTotal";
    public const string ReviewParts = "ReviewParts";
    public const string ReviewTotalBlank = "ReviewTotalBlank";
    public const string TableMissing = "TableMissing";
    public const string Article20Missing = "Article20Missing";
    public const string IssuedAboveStock = "IssuedAboveStock";
    public const string PublishedAboveTotal = "PublishedAboveTotal";
    public const string MadeAboveTotal = "MadeAboveTotal";
    public const string MadeUnpublished = "MadeUnpublished";
    public const string StockNegative = "StockNegative";
    public const string ProcurementPair = "ProcurementPair";
#pragma warning restore CS1591

    /// <summary>
    /// Per format, baseline error code → built-in rule id. The per-cell codes map to the same common rules in every format;
    /// the application and review codes the 2019 and 2021 validators share map to the rule of each format.
    /// </summary>
    public static IReadOnlyDictionary<SchemaVersion, IReadOnlyDictionary<string, string>> Maps { get; } =
        new Dictionary<SchemaVersion, IReadOnlyDictionary<string, string>>
        {
            [SchemaVersion.Pre2019] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [CountNegative] = "common.count.non-negative",
                [CountFraction] = "common.count.whole",
                [AmountNegative] = "common.amount.non-negative",
                [SignedFraction] = "common.signed.whole",
                [Unreadable] = "common.unreadable",
                [Placeholder] = "common.placeholder",
                [StatsPartsSum] = "pre2019.parts-sum",
                [StatsTotalBlank] = "pre2019.total-blank",
                [StatsOfWhich] = "pre2019.of-which",
                [StatsRefusedReasonsOver] = "pre2019.refused-reasons.over",
                [StatsRefusedReasonsUnder] = "pre2019.refused-reasons.under",
                [StatsChannelAboveTotal] = "pre2019.channels.each",
                [StatsChannelsCover] = "pre2019.channels.cover",
                [StatsDocsUnpublished] = "pre2019.normative-docs.unpublished",
                [StatsDocsMorePublished] = "pre2019.normative-docs.more-published",
                [StatsCompletedAboveReceived] = "pre2019.requests.completed-above-received",
                [StatsRepliesVsCompleted] = "pre2019.requests.replies-vs-completed",
                [StatsHandledWithoutApplications] = "pre2019.requests.handled-without-applications",
                [StatsTableMissing] = "pre2019.table.missing",
            },
            [SchemaVersion.Format2019] = ApplicationFormat("2019",
                (PublishedAboveTotal, "2019.art20_1.published-within-total"),
                (MadeAboveTotal, "2019.art20_1.made-within-total"),
                (MadeUnpublished, "2019.art20_1.unpublished"),
                (StockNegative, "2019.art20.stock-negative"),
                (ProcurementPair, "2019.art20_9.procurement-pair")),
            [SchemaVersion.Format2021] = ApplicationFormat("2021",
                (IssuedAboveStock, "2021.art20_1.issued-within-stock")),
        };

    /// <summary>
    /// The map of a format with the application and review tables (2019, 2021): the per-cell codes to the common rules,
    /// the codes both validators share to the format's own rules, and the format's other codes.
    /// </summary>
    private static Dictionary<string, string> ApplicationFormat(string format, params (string Code, string RuleId)[] others)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CountNegative] = "common.count.non-negative",
            [CountFraction] = "common.count.whole",
            [AmountNegative] = "common.amount.non-negative",
            [SignedFraction] = "common.signed.whole",
            [Unreadable] = "common.unreadable",
            [Placeholder] = "common.placeholder",
            [AppRowTotal] = $"{format}.applications.row-total",
            [AppRowTotalBlank] = $"{format}.applications.row-total-blank",
            [AppRowPartsBlank] = $"{format}.applications.row-parts-blank",
            [AppResultPartsBlank] = $"{format}.applications.result-parts-blank",
            [ReviewPartsBlank] = $"{format}.review-litigation.parts-blank",
            [AppResultTotal] = $"{format}.applications.result-total",
            [AppResultTotalBlank] = $"{format}.applications.result-total-blank",
            [AppFlow] = $"{format}.applications.flow",
            [AppFlowTotal] = $"{format}.applications.flow-total",
            [AppFlowComputedTotal] = $"{format}.applications.flow-with-computed-total",
            [ReviewParts] = $"{format}.review-litigation.parts",
            [ReviewTotalBlank] = $"{format}.review-litigation.total-blank",
            [TableMissing] = $"{format}.table.missing",
            [Article20Missing] = $"{format}.article20.missing",
        };
        foreach (var (code, ruleId) in others)
        {
            map.Add(code, ruleId);
        }

        return map;
    }

    /// <summary>The built-in rule id of a baseline error code in a format.</summary>
    /// <exception cref="KeyNotFoundException">The format or the code is not in the table.</exception>
    public static string RuleId(string code, SchemaVersion schema) => Maps[schema][code];
}
