namespace GovStatsValidation.Readers.Tests.Fixtures;

/// <summary>A deliberate error planted in a fixture: the rule that must catch it, its severity and how many findings it gives.</summary>
internal sealed record Deliberate(string Rule, string Severity, int Count, string Why);

/// <summary>
/// One fixture report: what it is (file, kind, encoding), what a reader must detect (schema, year, agency) and the
/// cells as printed, typed in by hand (cell id → printed text; "" is a blank cell). Written out by
/// <see cref="FixtureGenerator"/>; the expected JSON beside each file is produced from these values, never from a reader.
/// </summary>
internal sealed record FixtureSpec(
    string File,
    string Kind,
    string Encoding,
    string Schema,
    int Year,
    string Agency,
    IReadOnlyList<(string Id, string Printed)> Cells,
    IReadOnlyList<Deliberate> Deliberate)
{
    /// <summary>The file name without extension; the expected JSON is <c>&lt;Stem&gt;.expected.json</c>.</summary>
    public string Stem => Path.GetFileNameWithoutExtension(File);

    public string ExpectedFile => Stem + ".expected.json";

    public string Title => $"{Agency}{Year}年政府信息公开工作年度报告";

    public string Printed(string id) => Cells.First(c => c.Id == id).Printed;
}

/// <summary>Row layouts of the three formats as printed in real reports (labels with their numbering).</summary>
internal static class FixtureLayouts
{
    public static readonly string[] Applicants = ["natural_person", "org.commercial", "org.research", "org.social_welfare", "org.legal_service", "org.other", "total"];

    public static readonly string[] Outcomes = ["upheld", "corrected", "other", "pending", "total"];

    /// <summary>pre2019 statistics table: (id or null for a section header, label, unit, group label for rows under a merged "其中：" cell).</summary>
    public static readonly (string? Id, string Label, string Unit, string? Group)[] Pre2019 =
    [
        (null, "一、主动公开情况", "—", null),
        ("active.total", "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", null),
        ("active.normative_docs_published", "其中：主动公开规范性文件数", "条", null),
        ("active.normative_docs_issued", "制发规范性文件总数", "件", null),
        (null, "（二）通过不同渠道和方式公开政府信息的情况", "—", null),
        ("active.channels.gazette", "1.政府公报公开政府信息数", "条", null),
        ("active.channels.website", "2.政府网站公开政府信息数", "条", null),
        ("active.channels.weibo", "3.政务微博公开政府信息数", "条", null),
        ("active.channels.wechat", "4.政务微信公开政府信息数", "条", null),
        ("active.channels.other", "5.其他方式公开政府信息数", "条", null),
        (null, "二、回应解读情况", "—", null),
        ("response.hot_topics", "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次", null),
        (null, "（二）通过不同渠道和方式回应解读的情况", "—", null),
        ("response.press_conf", "1.参加或举办新闻发布会总次数", "次", null),
        ("response.press_conf_leaders", "其中：主要负责同志参加新闻发布会次数", "次", null),
        ("response.web_interviews", "2.政府网站在线访谈次数", "次", null),
        ("response.web_interviews_leaders", "其中：主要负责同志参加政府网站在线访谈次数", "次", null),
        ("response.interpretations", "3.政策解读稿件发布数", "篇", null),
        ("response.weibo_wechat", "4.微博微信回应事件数", "次", null),
        ("response.other", "5.其他方式回应事件数", "次", null),
        (null, "三、依申请公开情况", "—", null),
        ("requests.received", "（一）收到申请数", "件", null),
        ("requests.received.in_person", "1.当面申请数", "件", null),
        ("requests.received.fax", "2.传真申请数", "件", null),
        ("requests.received.online", "3.网络申请数", "件", null),
        ("requests.received.letter", "4.信函申请数", "件", null),
        ("requests.completed", "（二）申请办结数", "件", null),
        ("requests.completed.on_time", "1.按时办结数", "件", null),
        ("requests.completed.extended", "2.延期办结数", "件", null),
        ("requests.replies", "（三）申请答复数", "件", null),
        ("requests.replies.already_public", "1.属于已主动公开范围数", "件", null),
        ("requests.replies.granted", "2.同意公开答复数", "件", null),
        ("requests.replies.partial", "3.同意部分公开答复数", "件", null),
        ("requests.replies.refused", "4.不同意公开答复数", "件", null),
        ("requests.replies.refused.state_secret", "涉及国家秘密", "件", "其中："),
        ("requests.replies.refused.commercial_secret", "涉及商业秘密", "件", "其中："),
        ("requests.replies.refused.privacy", "涉及个人隐私", "件", "其中："),
        ("requests.replies.refused.security_stability", "危及国家安全、公共安全、经济安全和社会稳定", "件", "其中："),
        ("requests.replies.refused.not_gov_info", "不是《条例》所指政府信息", "件", "其中："),
        ("requests.replies.refused.other_law", "法律法规规定的其他情形", "件", "其中："),
        ("requests.replies.not_this_agency", "5.不属于本行政机关公开", "件", null),
        ("requests.replies.not_exist", "6.申请信息不存在", "件", null),
        ("requests.replies.amend", "7.告知作出更改补充", "件", null),
        ("requests.replies.other_channel", "8.告知通过其他途径办理", "件", null),
        ("review.total", "四、行政复议数量", "件", null),
        ("review.upheld", "（一）维持具体行政行为数", "件", null),
        ("review.corrected", "（二）被依法纠错数", "件", null),
        ("review.other", "（三）其他情形数", "件", null),
        ("litigation.total", "五、行政诉讼数量", "件", null),
        ("litigation.upheld", "（一）维持具体行政行为或者驳回原告诉讼请求数", "件", null),
        ("litigation.corrected", "（二）被依法纠错数", "件", null),
        ("litigation.other", "（三）其他情形数", "件", null),
        ("complaints.total", "六、举报投诉数量", "件", null),
        ("fees.total", "七、依申请公开信息收取的费用", "万元", null),
        (null, "八、机构建设和保障经费情况", "—", null),
        ("org.dedicated_units", "（一）政府信息公开工作专门机构数", "个", null),
        ("org.reading_points", "（二）设置政府信息公开查阅点数", "个", null),
        ("org.staff", "（三）从事政府信息公开工作人员数", "人", null),
        ("org.staff.full_time", "1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", null),
        ("org.staff.part_time", "2.兼职人员数", "人", null),
        ("org.budget", "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元", null),
        (null, "九、政府信息公开会议和培训情况", "—", null),
        ("training.meetings", "（一）召开政府信息公开工作会议或专题会议数", "次", null),
        ("training.classes", "（二）举办各类培训班数", "次", null),
        ("training.attendees", "（三）接受培训人员数", "人次", null),
    ];

    /// <summary>Rows of the application table: (row id, label, group label of a merged row-group cell or null).</summary>
    public static (string Id, string Label, string? Group)[] ResultRows(string schema)
    {
        var rows = new List<(string, string, string?)>
        {
            ("result.granted", "（一）予以公开", null),
            ("result.partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", null),
            ("result.withheld.state_secret", "1.属于国家秘密", "（三）不予公开"),
            ("result.withheld.law_prohibited", "2.其他法律行政法规禁止公开", "（三）不予公开"),
            ("result.withheld.security_stability", "3.危及“三安全一稳定”", "（三）不予公开"),
            ("result.withheld.third_party", "4.保护第三方合法权益", "（三）不予公开"),
            ("result.withheld.internal_affairs", "5.属于三类内部事务信息", "（三）不予公开"),
            ("result.withheld.process_info", "6.属于四类过程性信息", "（三）不予公开"),
            ("result.withheld.enforcement_file", "7.属于行政执法案卷", "（三）不予公开"),
            ("result.withheld.admin_query", "8.属于行政查询事项", "（三）不予公开"),
            ("result.unable.not_held", "1.本机关不掌握相关政府信息", "（四）无法提供"),
            ("result.unable.needs_creation", "2.没有现成信息需要另行制作", "（四）无法提供"),
            ("result.unable.unclear", "3.补正后申请内容仍不明确", "（四）无法提供"),
            ("result.not_processed.petition", "1.信访举报投诉类申请", "（五）不予处理"),
            ("result.not_processed.duplicate", "2.重复申请", "（五）不予处理"),
            ("result.not_processed.publication", "3.要求提供公开出版物", "（五）不予处理"),
            ("result.not_processed.mass_repeat", "4.无正当理由大量反复申请", "（五）不予处理"),
            ("result.not_processed.confirm_reissue", "5.要求行政机关确认或重新出具已获取信息", "（五）不予处理"),
        };
        if (schema == "2021")
        {
            rows.Add(("result.other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理"));
            rows.Add(("result.other.no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "（六）其他处理"));
            rows.Add(("result.other.other", "3.其他", "（六）其他处理"));
        }
        else
        {
            rows.Add(("result.other", "（六）其他处理", null));
        }

        rows.Add(("result.total", "（七）总计", null));
        return rows.ToArray();
    }

    /// <summary>Section 二 tables: (caption, header cells, rows of (row id, label, column ids)).</summary>
    public static (string Caption, string[] Header, (string Id, string Label, string[] Columns)[] Rows)[] Article20(string schema) => schema == "2019"
        ?
        [
            ("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
                [("art20_1.regulations", "规章", ["made_new", "published_new", "published_total"]), ("art20_1.normative_docs", "规范性文件", ["made_new", "published_new", "published_total"])]),
            ("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
                [("art20_5.licensing", "行政许可", ["prev_items", "change", "decisions"]), ("art20_5.other_services", "其他对外管理服务事项", ["prev_items", "change", "decisions"])]),
            ("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
                [("art20_6.penalty", "行政处罚", ["prev_items", "change", "decisions"]), ("art20_6.coercion", "行政强制", ["prev_items", "change", "decisions"])]),
            ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"],
                [("art20_8.admin_fees", "行政事业性收费", ["prev_items", "change"])]),
            ("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额"],
                [("art20_9.central_procurement", "政府集中采购", ["projects", "amount"])]),
        ]
        :
        [
            ("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                [("art20_1.regulations", "规章", ["issued", "repealed", "in_force"]), ("art20_1.normative_docs", "行政规范性文件", ["issued", "repealed", "in_force"])]),
            ("第二十条第（五）项", ["信息内容", "本年处理决定数量"],
                [("art20_5.licensing", "行政许可", ["decisions"])]),
            ("第二十条第（六）项", ["信息内容", "本年处理决定数量"],
                [("art20_6.penalty", "行政处罚", ["decisions"]), ("art20_6.coercion", "行政强制", ["decisions"])]),
            ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"],
                [("art20_8.admin_fees", "行政事业性收费", ["amount"])]),
        ];
}
