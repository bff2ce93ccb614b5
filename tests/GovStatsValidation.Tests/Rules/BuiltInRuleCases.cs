using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Rules;

/// <summary>
/// The pass and fail cases of every built-in rule, for every schema it applies to. <see cref="BuiltInRuleTests"/> runs
/// them and checks that no rule of <c>RuleCatalog.BuiltIn</c> lacks either kind.
/// </summary>
internal static class BuiltInRuleCases
{
    private const SchemaVersion A = SchemaVersion.Pre2019;
    private const SchemaVersion B = SchemaVersion.Format2019;
    private const SchemaVersion C = SchemaVersion.Format2021;

    private static readonly string[] NewRowParts = ["requests.new[natural_person]", "requests.new[org.commercial]", "requests.new[org.research]", "requests.new[org.social_welfare]", "requests.new[org.legal_service]", "requests.new[org.other]"];

    private static ReportBuilder Blanks(ReportBuilder r, IEnumerable<string> cells) => cells.Aggregate(r, (b, id) => b.Blank(id));

    private static string Zeros(int n) => string.Concat(Enumerable.Repeat(" + 0", n));

    public static IEnumerable<RuleCase> Pass()
    {
        // common.cells, every schema
        yield return new("common.count.non-negative", A, "clean", r => r) { Instance = "cell=requests.received.fax" };
        yield return new("common.count.non-negative", B, "clean", r => r) { Instance = "cell=art20_6.penalty[decisions]" };
        yield return new("common.count.non-negative", C, "zero count", r => r.Set("art20_6.coercion[decisions]", 0)) { Instance = "cell=art20_6.coercion[decisions]" };
        yield return new("common.count.whole", A, "clean", r => r) { Instance = "cell=training.meetings" };
        yield return new("common.count.whole", B, "clean", r => r) { Instance = "cell=art20_5.licensing[decisions]" };
        yield return new("common.count.whole", C, "clean", r => r) { Instance = "cell=art20_5.licensing[decisions]" };
        yield return new("common.amount.non-negative", A, "clean", r => r) { Instance = "cell=org.budget" };
        yield return new("common.amount.non-negative", B, "procurement with an amount", r => r.Set("art20_9.central_procurement[projects]", 2).Set("art20_9.central_procurement[amount]", 59237.2449m)) { Instance = "cell=art20_9.central_procurement[amount]" };
        yield return new("common.amount.non-negative", C, "clean", r => r) { Instance = "cell=art20_8.admin_fees[amount]" };
        yield return new("common.signed.whole", B, "negative change", r => r.Set("art20_6.penalty[change]", -3).Set("art20_6.penalty[prev_items]", 979)) { Instance = "cell=art20_6.penalty[change]" };
        yield return new("common.unreadable", A, "placeholder is not unreadable", r => r.Printed("training.meetings", "——")) { Instance = "cell=training.meetings" };
        yield return new("common.unreadable", B, "annotated number", r => r) { Instance = "cell=art20_5.other_services[decisions]" };
        yield return new("common.unreadable", C, "clean", r => r) { Instance = "cell=art20_6.penalty[decisions]" };
        yield return new("common.placeholder", A, "clean", r => r) { Instance = "cell=fees.total" };
        yield return new("common.placeholder", B, "blank is not a placeholder", r => r.Blank("art20_9.central_procurement[amount]")) { Instance = "cell=art20_9.central_procurement[amount]" };
        yield return new("common.placeholder", C, "clean", r => r) { Instance = "cell=art20_8.admin_fees[amount]" };

        // pre2019.table
        yield return new("pre2019.parts-sum", A, "clean", r => r) { Instance = "row=requests.received" };
        yield return new("pre2019.total-blank", A, "blank total with zero parts", r => r.Blank("review.total").Set("review.upheld", 0).Set("review.corrected", 0).Set("review.other", 0)) { Instance = "row=review.total" };
        yield return new("pre2019.of-which", A, "equal to its parent", r => r.Set("response.press_conf_leaders", 14)) { Instance = "pair=response.press_conf_leaders <= response.press_conf" };
        yield return new("pre2019.refused-reasons.over", A, "clean", r => r);
        yield return new("pre2019.refused-reasons.under", A, "clean", r => r);
        yield return new("pre2019.channels.each", A, "channel equal to the headline", r => r.Set("active.channels.website", 4873)) { Instance = "cell=active.channels.website" };
        yield return new("pre2019.channels.cover", A, "clean (overlap shown as info)", r => r);
        yield return new("pre2019.normative-docs.unpublished", A, "clean", r => r);
        yield return new("pre2019.normative-docs.more-published", A, "clean", r => r);
        yield return new("pre2019.requests.completed-above-received", A, "clean", r => r);
        yield return new("pre2019.requests.replies-vs-completed", A, "clean", r => r);
        yield return new("pre2019.requests.handled-without-applications", A, "nothing received or handled", r => r.Set("requests.received", 0).Set("requests.completed", 0).Set("requests.replies", 0));
        yield return new("pre2019.table.missing", A, "clean", r => r);

        // 2019.table
        yield return new("2019.applications.row-total", B, "clean", r => r) { Instance = "row=requests.new" };
        yield return new("2019.applications.row-total-blank", B, "clean", r => r) { Instance = "row=requests.new" };
        yield return new("2019.applications.flow-total", B, "clean", r => r) { Instance = "col=total" };
        yield return new("2019.applications.result-total", B, "clean", r => r) { Instance = "col=natural_person" };
        yield return new("2019.applications.result-total-blank", B, "blank total with no outcomes", r => r.Blank("result.total[org.research]")) { Instance = "col=org.research" };
        yield return new("2019.applications.flow", B, "clean", r => r) { Instance = "col=natural_person" };
        yield return new("2019.applications.flow-with-computed-total", B, "blank total, flow holds", r => r.Blank("result.total[natural_person]")) { Instance = "col=natural_person" };
        yield return new("2019.review-litigation.parts", B, "clean", r => r) { Instance = "row=review" };
        yield return new("2019.applications.row-parts-blank", B, "clean", r => r) { Instance = "row=requests.new" };
        yield return new("2019.applications.row-parts-blank", B, "row entirely blank", r => Blanks(r, NewRowParts).Blank("requests.new[total]")) { Instance = "row=requests.new" };
        yield return new("2019.applications.result-parts-blank", B, "clean", r => r) { Instance = "col=total" };
        yield return new("2019.review-litigation.parts-blank", B, "clean", r => r) { Instance = "row=review" };
        yield return new("2019.review-litigation.total-blank", B, "clean", r => r) { Instance = "row=review" };
        yield return new("2019.table.missing", B, "clean", r => r) { Instance = "row=review_litigation" };
        yield return new("2019.article20.missing", B, "only one article 20 table", r => r.WithoutTable("art20_1").WithoutTable("art20_5").WithoutTable("art20_6"));
        yield return new("2019.art20_1.published-within-total", B, "clean", r => r) { Instance = "row=art20_1.normative_docs" };
        yield return new("2019.art20_1.made-within-total", B, "clean", r => r) { Instance = "row=art20_1.normative_docs" };
        yield return new("2019.art20_1.unpublished", B, "clean", r => r) { Instance = "row=art20_1.normative_docs" };
        yield return new("2019.art20.stock-negative", B, "stock falls to zero", r => r.Set("art20_6.penalty[change]", -979)) { Instance = "row=art20_6.penalty" };
        yield return new("2019.art20_9.procurement-pair", B, "both filled", r => r.Set("art20_9.central_procurement[projects]", 2).Set("art20_9.central_procurement[amount]", 31.5m));

        // 2021.table
        yield return new("2021.applications.row-total", C, "clean", r => r) { Instance = "row=requests.new" };
        yield return new("2021.applications.row-total-blank", C, "blank total with empty row", r => r.Blank("result.withheld.state_secret[total]")) { Instance = "row=result.withheld.state_secret" };
        yield return new("2021.applications.flow-total", C, "clean", r => r) { Instance = "col=total" };
        yield return new("2021.applications.result-total", C, "clean", r => r) { Instance = "col=natural_person" };
        yield return new("2021.applications.result-total-blank", C, "clean", r => r) { Instance = "col=org.commercial" };
        yield return new("2021.applications.flow", C, "clean", r => r) { Instance = "col=org.social_welfare" };
        yield return new("2021.applications.flow-with-computed-total", C, "blank total, flow holds", r => r.Blank("result.total[org.legal_service]")) { Instance = "col=org.legal_service" };
        yield return new("2021.review-litigation.parts", C, "clean", r => r) { Instance = "row=review" };
        yield return new("2021.applications.row-parts-blank", C, "clean", r => r) { Instance = "row=requests.new" };
        yield return new("2021.applications.row-parts-blank", C, "row entirely blank", r => Blanks(r, NewRowParts).Blank("requests.new[total]")) { Instance = "row=requests.new" };
        yield return new("2021.applications.result-parts-blank", C, "clean", r => r) { Instance = "col=total" };
        yield return new("2021.review-litigation.parts-blank", C, "clean", r => r) { Instance = "row=litigation.direct" };
        yield return new("2021.review-litigation.total-blank", C, "clean", r => r) { Instance = "row=litigation.direct" };
        yield return new("2021.table.missing", C, "clean", r => r) { Instance = "row=applications" };
        yield return new("2021.article20.missing", C, "only the fees table", r => r.WithoutTable("art20_1").WithoutTable("art20_5").WithoutTable("art20_6"));
        yield return new("2021.art20_1.issued-within-stock", C, "clean", r => r) { Instance = "row=art20_1.normative_docs" };
    }

    public static IEnumerable<RuleCase> Fail()
    {
        // common.cells
        yield return new("common.count.non-negative", A, "negative count", r => r.Set("requests.received.fax", -3).Set("requests.received", 152))
        {
            Instance = "cell=requests.received.fax", Severity = Severity.Error, Actual = -3, Expected = 0, Formula = "-3 < 0", Cells = ["requests.received.fax"],
        };
        yield return new("common.count.non-negative", B, "negative count", r => r.Set("art20_6.penalty[decisions]", -1))
        {
            Instance = "cell=art20_6.penalty[decisions]", Severity = Severity.Error, Actual = -1, Expected = 0, Formula = "-1 < 0", Cells = ["art20_6.penalty[decisions]"],
        };
        yield return new("common.count.non-negative", C, "negative count", r => r.Set("art20_6.coercion[decisions]", -58))
        {
            Instance = "cell=art20_6.coercion[decisions]", Severity = Severity.Error, Actual = -58, Expected = 0, Formula = "-58 < 0", Cells = ["art20_6.coercion[decisions]"],
        };
        yield return new("common.count.whole", A, "fractional count", r => r.Set("training.meetings", 7.5m))
        {
            Instance = "cell=training.meetings", Severity = Severity.Error, Formula = "7.5 is not a whole number", Cells = ["training.meetings"],
        };
        yield return new("common.count.whole", B, "fractional count", r => r.Set("art20_5.licensing[decisions]", 5869.5m))
        {
            Instance = "cell=art20_5.licensing[decisions]", Severity = Severity.Error, Formula = "5869.5 is not a whole number", Cells = ["art20_5.licensing[decisions]"],
        };
        yield return new("common.count.whole", C, "fractional count", r => r.Set("art20_5.licensing[decisions]", 12487.25m))
        {
            Instance = "cell=art20_5.licensing[decisions]", Severity = Severity.Error, Formula = "12487.25 is not a whole number", Cells = ["art20_5.licensing[decisions]"],
        };
        yield return new("common.amount.non-negative", A, "negative amount", r => r.Set("org.budget", -12.5m))
        {
            Instance = "cell=org.budget", Severity = Severity.Error, Actual = -12.5m, Expected = 0, Formula = "-12.5 < 0", Cells = ["org.budget"],
        };
        yield return new("common.amount.non-negative", B, "negative amount", r => r.Set("art20_9.central_procurement[amount]", -0.0001m))
        {
            Instance = "cell=art20_9.central_procurement[amount]", Severity = Severity.Error, Actual = -0.0001m, Expected = 0, Formula = "-0.0001 < 0", Cells = ["art20_9.central_procurement[amount]"],
        };
        yield return new("common.amount.non-negative", C, "negative amount", r => r.Set("art20_8.admin_fees[amount]", -236.4875m))
        {
            Instance = "cell=art20_8.admin_fees[amount]", Severity = Severity.Error, Actual = -236.4875m, Expected = 0, Formula = "-236.4875 < 0", Cells = ["art20_8.admin_fees[amount]"],
        };
        yield return new("common.signed.whole", B, "fractional change", r => r.Set("art20_6.penalty[change]", 2128.5m))
        {
            Instance = "cell=art20_6.penalty[change]", Severity = Severity.Error, Formula = "2128.5 is not a whole number", Cells = ["art20_6.penalty[change]"],
        };
        yield return new("common.unreadable", A, "text in a cell", r => r.Printed("training.meetings", "见附件"))
        {
            Instance = "cell=training.meetings", Severity = Severity.Warning, Formula = "training.meetings is unreadable", Cells = ["training.meetings"],
        };
        yield return new("common.unreadable", B, "text in a cell", r => r.Printed("art20_6.coercion[decisions]", "详见附表"))
        {
            Instance = "cell=art20_6.coercion[decisions]", Severity = Severity.Warning, Formula = "art20_6.coercion[decisions] is unreadable", Cells = ["art20_6.coercion[decisions]"],
        };
        yield return new("common.unreadable", C, "text in a cell", r => r.Printed("art20_6.penalty[decisions]", "3126件（另见附件）x"))
        {
            Instance = "cell=art20_6.penalty[decisions]", Severity = Severity.Warning, Formula = "art20_6.penalty[decisions] is unreadable", Cells = ["art20_6.penalty[decisions]"],
        };
        yield return new("common.placeholder", A, "dash placeholder", r => r.Printed("fees.total", "——"))
        {
            Instance = "cell=fees.total", Severity = Severity.Info, Formula = "fees.total is placeholder", Cells = ["fees.total"],
        };
        yield return new("common.placeholder", B, "slash placeholder", r => r.Printed("art20_9.central_procurement[amount]", "/"))
        {
            Instance = "cell=art20_9.central_procurement[amount]", Severity = Severity.Info, Formula = "art20_9.central_procurement[amount] is placeholder", Cells = ["art20_9.central_procurement[amount]"],
        };
        yield return new("common.placeholder", C, "无 placeholder", r => r.Printed("art20_1.regulations[issued]", "无"))
        {
            Instance = "cell=art20_1.regulations[issued]", Severity = Severity.Info, Formula = "art20_1.regulations[issued] is placeholder", Cells = ["art20_1.regulations[issued]"],
        };

        // pre2019.table
        yield return new("pre2019.parts-sum", A, "swapped digits in a part", r => r.Set("requests.received.online", 98))
        {
            Instance = "row=requests.received", Severity = Severity.Error, Actual = 157, Expected = 166, Formula = "157 ≠ 41 + 2 + 98 + 25 (= 166)",
            Cells = ["requests.received", "requests.received.in_person", "requests.received.fax", "requests.received.online", "requests.received.letter"],
        };
        yield return new("pre2019.total-blank", A, "blank total", r => r.Blank("requests.completed"))
        {
            Instance = "row=requests.completed", Severity = Severity.Warning, Actual = null, Expected = 157,
            Formula = "requests.completed is blank and 151 + 6 (= 157) ≠ 0",
            Cells = ["requests.completed.on_time", "requests.completed.extended", "requests.completed"],
        };
        yield return new("pre2019.of-which", A, "of-which above parent", r => r.Set("response.press_conf_leaders", 15))
        {
            Instance = "pair=response.press_conf_leaders <= response.press_conf", Severity = Severity.Error, Actual = 15, Expected = 14, Formula = "15 > 14",
            Cells = ["response.press_conf", "response.press_conf_leaders"],
        };
        yield return new("pre2019.refused-reasons.over", A, "reasons above refusals", r => r.Set("requests.replies.refused.not_gov_info", 9))
        {
            Severity = Severity.Error, Actual = 18, Expected = 17, Formula = "1 + 2 + 3 + 0 + 9 + 3 (= 18) > 17",
            Cells = ["requests.replies.refused", "requests.replies.refused.state_secret", "requests.replies.refused.commercial_secret", "requests.replies.refused.privacy",
                "requests.replies.refused.security_stability", "requests.replies.refused.not_gov_info", "requests.replies.refused.other_law"],
        };
        yield return new("pre2019.refused-reasons.under", A, "reasons below refusals", r => r.Set("requests.replies.refused.not_gov_info", 7))
        {
            Severity = Severity.Warning, Actual = 16, Expected = 17, Formula = "1 + 2 + 3 + 0 + 7 + 3 (= 16) < 17",
            Cells = ["requests.replies.refused", "requests.replies.refused.state_secret", "requests.replies.refused.commercial_secret", "requests.replies.refused.privacy",
                "requests.replies.refused.security_stability", "requests.replies.refused.not_gov_info", "requests.replies.refused.other_law"],
        };
        yield return new("pre2019.channels.each", A, "channel above headline", r => r.Set("active.channels.website", 4901))
        {
            Instance = "cell=active.channels.website", Severity = Severity.Warning, Actual = 4901, Expected = 4873, Formula = "4901 > 4873",
            Cells = ["active.total", "active.channels.website"],
        };
        yield return new("pre2019.channels.cover", A, "channels below headline", r => r.Set("active.channels.website", 1000))
        {
            Severity = Severity.Warning, Actual = 4361, Expected = 4873, Formula = "112 + 1000 + 1386 + 1204 + 659 (= 4361) < 4873",
            Cells = ["active.total", "active.channels.gazette", "active.channels.website", "active.channels.weibo", "active.channels.wechat", "active.channels.other"],
        };
        yield return new("pre2019.normative-docs.unpublished", A, "more issued than published", r => r.Set("active.normative_docs_issued", 40))
        {
            Severity = Severity.Warning, Actual = 37, Expected = 40, Formula = "37 < 40", Cells = ["active.normative_docs_published", "active.normative_docs_issued"],
        };
        yield return new("pre2019.normative-docs.more-published", A, "more published than issued", r => r.Set("active.normative_docs_published", 39))
        {
            Severity = Severity.Info, Actual = 39, Expected = 37, Formula = "39 > 37", Cells = ["active.normative_docs_published", "active.normative_docs_issued"],
        };
        yield return new("pre2019.requests.completed-above-received", A, "completed above received", r => r.Set("requests.completed", 160).Set("requests.completed.on_time", 154))
        {
            Severity = Severity.Warning, Actual = 160, Expected = 157, Formula = "160 > 157", Cells = ["requests.received", "requests.completed"],
        };
        yield return new("pre2019.requests.replies-vs-completed", A, "one reply more", r => r.Set("requests.replies", 158).Set("requests.replies.already_public", 39))
        {
            Severity = Severity.Warning, Actual = 158, Expected = 157, Formula = "158 ≠ 157", Cells = ["requests.completed", "requests.replies"],
        };
        yield return new("pre2019.requests.handled-without-applications", A, "nothing received", r => r.Set("requests.received", 0))
        {
            Severity = Severity.Info, Actual = 314, Expected = null, Formula = "0 = 0 and 157 + 157 (= 314) ≠ 0", Cells = ["requests.received", "requests.completed", "requests.replies"],
        };
        yield return new("pre2019.table.missing", A, "no table", r => r.WithoutTable("stats"))
        {
            Severity = Severity.Warning, Formula = "none of the 58 cells active.total, active.normative_docs_published, active.normative_docs_issued, … is printed", Cells = [],
        };

        // 2019.table
        string[] newRow2019 = ["requests.new[natural_person]", "requests.new[org.commercial]", "requests.new[org.research]", "requests.new[org.social_welfare]",
            "requests.new[org.legal_service]", "requests.new[org.other]", "requests.new[total]"];
        yield return new("2019.applications.row-total", B, "applicant column changed", r => r.Set("requests.new[org.commercial]", 1))
        {
            Instance = "row=requests.new", Severity = Severity.Error, Actual = 2, Expected = 3, Formula = "2 ≠ 2 + 1 + 0 + 0 + 0 + 0 (= 3)", Cells = newRow2019,
        };
        yield return new("2019.applications.row-total-blank", B, "blank row total", r => r.Blank("requests.new[total]"))
        {
            Instance = "row=requests.new", Severity = Severity.Info, Actual = null, Expected = 2, Formula = "requests.new[total] is blank and 2 + 0 + 0 + 0 + 0 + 0 (= 2) ≠ 0",
            Cells = [.. newRow2019[..6], "requests.new[total]"],
        };
        yield return new("2019.applications.flow-total", B, "carried forward not accounted in the total column", r => r.Set("requests.carry_forward[total]", 1))
        {
            Instance = "col=total", Severity = Severity.Error, Actual = 2, Expected = 3, Formula = "2 + 0 (= 2) ≠ 2 + 1 (= 3)",
            Cells = ["requests.new[total]", "requests.carried_over[total]", "result.total[total]", "requests.carry_forward[total]"],
        };
        yield return new("2019.applications.result-total", B, "total one too many", r => r.Set("result.total[natural_person]", 3))
        {
            Instance = "col=natural_person", Severity = Severity.Error, Actual = 3, Expected = 2, Formula = "3 ≠ 1 + 1" + Zeros(17) + " (= 2)",
            Cells = ResultColumn(B, "natural_person", withTotal: true),
        };
        yield return new("2019.applications.result-total-blank", B, "blank total", r => r.Blank("result.total[total]"))
        {
            Instance = "col=total", Severity = Severity.Warning, Actual = null, Expected = 2, Formula = "result.total[total] is blank and 1 + 1" + Zeros(17) + " (= 2) ≠ 0",
            Cells = [.. ResultColumn(B, "total", withTotal: false), "result.total[total]"],
        };
        yield return new("2019.applications.flow", B, "carried forward not accounted", r => r.Set("requests.carry_forward[natural_person]", 1).Set("requests.carry_forward[total]", 1))
        {
            Instance = "col=natural_person", Severity = Severity.Error, Actual = 2, Expected = 3, Formula = "2 + 0 (= 2) ≠ 2 + 1 (= 3)",
            Cells = ["requests.new[natural_person]", "requests.carried_over[natural_person]", "result.total[natural_person]", "requests.carry_forward[natural_person]"],
        };
        yield return new("2019.applications.flow-with-computed-total", B, "blank total, flow fails", r => r.Blank("result.total[natural_person]").Set("requests.carry_forward[natural_person]", 1))
        {
            Instance = "col=natural_person", Severity = Severity.Info, Actual = 2, Expected = 3, Formula = "2 + 0 (= 2) ≠ 1 + 1" + Zeros(17) + " + 1 (= 3)",
            Cells = ["requests.new[natural_person]", "requests.carried_over[natural_person]", .. ResultColumn(B, "natural_person", withTotal: false), "requests.carry_forward[natural_person]"],
        };
        yield return new("2019.review-litigation.parts", B, "total one too many", r => r.Set("review[total]", 6))
        {
            Instance = "row=review", Severity = Severity.Error, Actual = 6, Expected = 5, Formula = "6 ≠ 3 + 1 + 0 + 1 (= 5)",
            Cells = ["review[upheld]", "review[corrected]", "review[other]", "review[pending]", "review[total]"],
        };
        yield return new("2019.review-litigation.total-blank", B, "blank total", r => r.Blank("review[total]"))
        {
            Instance = "row=review", Severity = Severity.Warning, Actual = null, Expected = 5, Formula = "review[total] is blank and 3 + 1 + 0 + 1 (= 5) ≠ 0",
            Cells = ["review[upheld]", "review[corrected]", "review[other]", "review[pending]", "review[total]"],
        };
        yield return new("2019.applications.row-parts-blank", B, "only the total column filled", r => Blanks(r, NewRowParts))
        {
            Instance = "row=requests.new", Severity = Severity.Info, Actual = 2, Expected = null,
            Formula = "requests.new[natural_person] is blank and requests.new[org.commercial] is blank and requests.new[org.research] is blank and requests.new[org.social_welfare] is blank and requests.new[org.legal_service] is blank and requests.new[org.other] is blank and requests.new[total] is number and 2 ≠ 0",
            Cells = ["requests.new[total]", .. NewRowParts],
        };
        yield return new("2019.applications.result-parts-blank", B, "only (七)总计 filled in the column", r => Blanks(r, ResultColumn(B, "total", withTotal: false)))
        {
            Instance = "col=total", Severity = Severity.Info, Actual = 2, Expected = null,
            Formula = "none of the 19 cells result.granted[total], result.partial[total], result.withheld.state_secret[total], … is filled and result.total[total] is number and 2 ≠ 0",
            Cells = ["result.total[total]", .. ResultColumn(B, "total", withTotal: false)],
        };
        yield return new("2019.review-litigation.parts-blank", B, "only the total filled", r => Blanks(r, ["review[upheld]", "review[corrected]", "review[other]", "review[pending]"]))
        {
            Instance = "row=review", Severity = Severity.Info, Actual = 5, Expected = null,
            Formula = "review[upheld] is blank and review[corrected] is blank and review[other] is blank and review[pending] is blank and review[total] is number and 5 ≠ 0",
            Cells = ["review[total]", "review[upheld]", "review[corrected]", "review[other]", "review[pending]"],
        };
        yield return new("2019.table.missing", B, "no review table", r => r.WithoutTable("review_litigation"))
        {
            Instance = "row=review_litigation", Severity = Severity.Error, Formula = "none of the 15 cells review[upheld], review[corrected], review[other], … is printed", Cells = [],
        };
        yield return new("2019.article20.missing", B, "no article 20 tables", r => r.WithoutTable("art20_1").WithoutTable("art20_5").WithoutTable("art20_6").WithoutTable("art20_8"))
        {
            Severity = Severity.Error,
            Formula = "none of the 6 cells art20_1.regulations[made_new], art20_1.regulations[published_new], art20_1.regulations[published_total], … is printed"
                + " and none of the 6 cells art20_5.licensing[prev_items], art20_5.licensing[change], art20_5.licensing[decisions], … is printed"
                + " and none of the 6 cells art20_6.penalty[prev_items], art20_6.penalty[change], art20_6.penalty[decisions], … is printed"
                + " and none of the 2 cells art20_8.admin_fees[prev_items], art20_8.admin_fees[change] is printed",
            Cells = [],
        };
        yield return new("2019.art20_1.published-within-total", B, "new above total", r => r.Set("art20_1.normative_docs[published_new]", 5))
        {
            Instance = "row=art20_1.normative_docs", Severity = Severity.Warning, Actual = 5, Expected = 4, Formula = "5 > 4",
            Cells = ["art20_1.normative_docs[published_new]", "art20_1.normative_docs[published_total]"],
        };
        yield return new("2019.art20_1.made-within-total", B, "made above total", r => r.Set("art20_1.normative_docs[made_new]", 5).Set("art20_1.normative_docs[published_new]", 5))
        {
            Instance = "row=art20_1.normative_docs", Severity = Severity.Warning, Actual = 5, Expected = 4, Formula = "5 > 4",
            Cells = ["art20_1.normative_docs[made_new]", "art20_1.normative_docs[published_total]"],
        };
        yield return new("2019.art20_1.unpublished", B, "one made, not published", r => r.Set("art20_1.normative_docs[made_new]", 3))
        {
            Instance = "row=art20_1.normative_docs", Severity = Severity.Warning, Actual = 2, Expected = 3, Formula = "2 < 3",
            Cells = ["art20_1.normative_docs[made_new]", "art20_1.normative_docs[published_new]"],
        };
        yield return new("2019.art20.stock-negative", B, "change below minus the stock", r => r.Set("art20_6.penalty[change]", -1000))
        {
            Instance = "row=art20_6.penalty", Severity = Severity.Warning, Actual = -21, Expected = 0, Formula = "979 + -1000 (= -21) < 0",
            Cells = ["art20_6.penalty[prev_items]", "art20_6.penalty[change]"],
        };
        yield return new("2019.art20_9.procurement-pair", B, "projects without amount", r => r.Set("art20_9.central_procurement[projects]", 2))
        {
            Severity = Severity.Warning, Formula = "2 ≠ 0 and 0 = 0",
            Cells = ["art20_9.central_procurement[projects]", "art20_9.central_procurement[amount]"],
        };

        // 2021.table
        yield return new("2021.applications.row-total", C, "applicant column changed", r => r.Set("requests.new[org.research]", 3))
        {
            Instance = "row=requests.new", Severity = Severity.Error, Actual = 159, Expected = 160, Formula = "159 ≠ 118 + 24 + 3 + 1 + 10 + 4 (= 160)",
            Cells = ["requests.new[natural_person]", "requests.new[org.commercial]", "requests.new[org.research]", "requests.new[org.social_welfare]",
                "requests.new[org.legal_service]", "requests.new[org.other]", "requests.new[total]"],
        };
        yield return new("2021.applications.row-total-blank", C, "blank row total", r => r.Blank("requests.new[total]"))
        {
            Instance = "row=requests.new", Severity = Severity.Info, Actual = null, Expected = 159, Formula = "requests.new[total] is blank and 118 + 24 + 2 + 1 + 10 + 4 (= 159) ≠ 0",
            Cells = ["requests.new[natural_person]", "requests.new[org.commercial]", "requests.new[org.research]", "requests.new[org.social_welfare]",
                "requests.new[org.legal_service]", "requests.new[org.other]", "requests.new[total]"],
        };
        yield return new("2021.applications.flow-total", C, "carried over total changed", r => r.Set("requests.carried_over[total]", 14))
        {
            Instance = "col=total", Severity = Severity.Error, Actual = 173, Expected = 172, Formula = "159 + 14 (= 173) ≠ 167 + 5 (= 172)",
            Cells = ["requests.new[total]", "requests.carried_over[total]", "result.total[total]", "requests.carry_forward[total]"],
        };
        yield return new("2021.applications.result-total", C, "swapped digits in an outcome", r => r.Set("result.granted[natural_person]", 14))
        {
            Instance = "col=natural_person", Severity = Severity.Error, Actual = 125, Expected = 98,
            Formula = "125 ≠ 14 + 7 + 0 + 1 + 0 + 2 + 1 + 3 + 2 + 4 + 29 + 5 + 3 + 6 + 4 + 1 + 0 + 2 + 5 + 1 + 8 (= 98)",
            Cells = ResultColumn(C, "natural_person", withTotal: true),
        };
        yield return new("2021.applications.result-total-blank", C, "blank total", r => r.Blank("result.total[org.commercial]"))
        {
            Instance = "col=org.commercial", Severity = Severity.Warning, Actual = null, Expected = 25,
            Formula = "result.total[org.commercial] is blank and 9 + 2 + 0 + 0 + 0 + 1 + 0 + 1 + 0 + 0 + 6 + 1 + 0 + 1 + 1 + 0 + 0 + 0 + 1 + 0 + 2 (= 25) ≠ 0",
            Cells = [.. ResultColumn(C, "org.commercial", withTotal: false), "result.total[org.commercial]"],
        };
        yield return new("2021.applications.flow", C, "carried over changed", r => r.Set("requests.carried_over[org.social_welfare]", 2).Set("requests.carried_over[total]", 14))
        {
            Instance = "col=org.social_welfare", Severity = Severity.Error, Actual = 3, Expected = 2, Formula = "1 + 2 (= 3) ≠ 2 + 0 (= 2)",
            Cells = ["requests.new[org.social_welfare]", "requests.carried_over[org.social_welfare]", "result.total[org.social_welfare]", "requests.carry_forward[org.social_welfare]"],
        };
        yield return new("2021.applications.flow-with-computed-total", C, "blank total, flow fails", r => r.Blank("result.total[org.legal_service]").Set("requests.carry_forward[org.legal_service]", 2))
        {
            Instance = "col=org.legal_service", Severity = Severity.Info, Actual = 10, Expected = 11,
            Formula = "10 + 0 (= 10) ≠ 3 + 1 + 0 + 0 + 0 + 1 + 0 + 0 + 0 + 0 + 2 + 0 + 0 + 0 + 1 + 0 + 0 + 0 + 1 + 0 + 0 + 2 (= 11)",
            Cells = ["requests.new[org.legal_service]", "requests.carried_over[org.legal_service]", .. ResultColumn(C, "org.legal_service", withTotal: false), "requests.carry_forward[org.legal_service]"],
        };
        yield return new("2021.review-litigation.parts", C, "pending one too many", r => r.Set("review[pending]", 2))
        {
            Instance = "row=review", Severity = Severity.Error, Actual = 7, Expected = 8, Formula = "7 ≠ 3 + 1 + 2 + 2 (= 8)",
            Cells = ["review[upheld]", "review[corrected]", "review[other]", "review[pending]", "review[total]"],
        };
        yield return new("2021.review-litigation.total-blank", C, "blank total", r => r.Blank("litigation.direct[total]"))
        {
            Instance = "row=litigation.direct", Severity = Severity.Warning, Actual = null, Expected = 3, Formula = "litigation.direct[total] is blank and 1 + 0 + 1 + 1 (= 3) ≠ 0",
            Cells = ["litigation.direct[upheld]", "litigation.direct[corrected]", "litigation.direct[other]", "litigation.direct[pending]", "litigation.direct[total]"],
        };
        yield return new("2021.applications.row-parts-blank", C, "only the total column filled", r => Blanks(r, NewRowParts))
        {
            Instance = "row=requests.new", Severity = Severity.Info, Actual = 159, Expected = null,
            Formula = "requests.new[natural_person] is blank and requests.new[org.commercial] is blank and requests.new[org.research] is blank and requests.new[org.social_welfare] is blank and requests.new[org.legal_service] is blank and requests.new[org.other] is blank and requests.new[total] is number and 159 ≠ 0",
            Cells = ["requests.new[total]", .. NewRowParts],
        };
        yield return new("2021.applications.result-parts-blank", C, "only (七)总计 filled in the column", r => Blanks(r, ResultColumn(C, "total", withTotal: false)))
        {
            Instance = "col=total", Severity = Severity.Info, Actual = 167, Expected = null,
            Formula = "none of the 21 cells result.granted[total], result.partial[total], result.withheld.state_secret[total], … is filled and result.total[total] is number and 167 ≠ 0",
            Cells = ["result.total[total]", .. ResultColumn(C, "total", withTotal: false)],
        };
        yield return new("2021.review-litigation.parts-blank", C, "only the total filled", r => Blanks(r, ["review[upheld]", "review[corrected]", "review[other]", "review[pending]"]))
        {
            Instance = "row=review", Severity = Severity.Info, Actual = 7, Expected = null,
            Formula = "review[upheld] is blank and review[corrected] is blank and review[other] is blank and review[pending] is blank and review[total] is number and 7 ≠ 0",
            Cells = ["review[total]", "review[upheld]", "review[corrected]", "review[other]", "review[pending]"],
        };
        yield return new("2021.table.missing", C, "no application table", r => r.WithoutTable("applications"))
        {
            Instance = "row=applications", Severity = Severity.Error, Formula = "none of the 175 cells requests.new[natural_person], requests.new[org.commercial], requests.new[org.research], … is printed", Cells = [],
        };
        yield return new("2021.article20.missing", C, "no article 20 tables", r => r.WithoutTable("art20_1").WithoutTable("art20_5").WithoutTable("art20_6").WithoutTable("art20_8"))
        {
            Severity = Severity.Error,
            Formula = "none of the 6 cells art20_1.regulations[issued], art20_1.regulations[repealed], art20_1.regulations[in_force], … is printed"
                + " and art20_5.licensing[decisions] is not printed"
                + " and none of the 2 cells art20_6.penalty[decisions], art20_6.coercion[decisions] is printed"
                + " and art20_8.admin_fees[amount] is not printed",
            Cells = [],
        };
        yield return new("2021.art20_1.issued-within-stock", C, "regulation issued, none in force", r => r.Set("art20_1.regulations[issued]", 1))
        {
            Instance = "row=art20_1.regulations", Severity = Severity.Warning, Actual = 1, Expected = 0, Formula = "1 > 0 + 0 (= 0)",
            Cells = ["art20_1.regulations[issued]", "art20_1.regulations[repealed]", "art20_1.regulations[in_force]"],
        };
    }

    /// <summary>The outcome cells of one applicant column in printed order (the (七)总计 cell last when asked).</summary>
    private static string[] ResultColumn(SchemaVersion schema, string column, bool withTotal)
    {
        string[] outcomes = ["granted", "partial"];
        string[] withheld = ["state_secret", "law_prohibited", "security_stability", "third_party", "internal_affairs", "process_info", "enforcement_file", "admin_query"];
        string[] unable = ["not_held", "needs_creation", "unclear"];
        string[] notProcessed = ["petition", "duplicate", "publication", "mass_repeat", "confirm_reissue"];
        var other = schema == SchemaVersion.Format2019 ? new[] { "result.other" } : ["result.other.no_correction", "result.other.no_fee", "result.other.other"];
        var rows = outcomes.Select(o => "result." + o)
            .Concat(withheld.Select(w => "result.withheld." + w))
            .Concat(unable.Select(u => "result.unable." + u))
            .Concat(notProcessed.Select(n => "result.not_processed." + n))
            .Concat(other);
        if (withTotal)
        {
            rows = rows.Append("result.total");
        }

        return rows.Select(r => $"{r}[{column}]").ToArray();
    }
}
