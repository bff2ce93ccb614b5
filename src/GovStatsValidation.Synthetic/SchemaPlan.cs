using GovStatsValidation.Model;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Synthetic;

/// <summary>How the figures of one format are drawn: the cell slots the generator needs, resolved once from the schema.</summary>
internal sealed class SchemaPlan
{
    private static readonly SchemaPlan[] Plans = SchemaVersions.All.Select(v => new SchemaPlan(v)).ToArray();

    // Share of new applications per applicant column: natural persons dominate, as in every real table.
    private static readonly double[] ApplicantWeights = [0.84, 0.08, 0.005, 0.01, 0.04, 0.025];

    private readonly ReportSchema _schema;
    private readonly HashSet<int> _neverBlank = [];

    private SchemaPlan(SchemaVersion version)
    {
        Version = version;
        _schema = SchemaCatalog.Get(version);
        Prefix = version.ToToken();
        (FirstYear, LastYear) = version switch
        {
            SchemaVersion.Pre2019 => (2013, 2018),
            SchemaVersion.Format2019 => (2019, 2020),
            _ => (2021, 2024),
        };

        if (version == SchemaVersion.Pre2019)
        {
            string[] totals = ["requests.received", "requests.completed", "requests.replies", "review.total", "litigation.total", "org.staff"];
            PartsSumRows = totals.Select(t => (Slot(t), Binder.PartChildren(Row(t)).Select(c => c.Cells[0].Slot).ToArray())).ToArray();
            BlankableTotals = PartsSumRows.Where(p => _schema.Cells[p.Total].Id.Value is "review.total" or "litigation.total" or "org.staff").ToArray();
            _neverBlank.UnionWith(PartsSumRows.Select(p => p.Total));
            _neverBlank.Add(Slot("active.total"));
            _neverBlank.Add(Slot("requests.replies.refused"));
            _standalone = Slots(["complaints.total", "org.dedicated_units", "org.reading_points", "training.meetings", "training.classes", "training.attendees"]);
            Kinds =
            [
                InjectedErrorKind.PartTypo, InjectedErrorKind.PartTypo, InjectedErrorKind.TotalLeftBlank, InjectedErrorKind.OfWhichExceedsTotal,
                InjectedErrorKind.ChannelExceedsTotal, InjectedErrorKind.NegativeCount, InjectedErrorKind.FractionalCount,
                InjectedErrorKind.UnreadableText, InjectedErrorKind.Placeholder,
            ];
            Applications = new int[0, 0];
            Review = new int[0, 0];
            ResultLeaves = [];
        }
        else
        {
            var table = _schema.Tables.Single(t => t.Id == "applications");
            var rows = table.AllRows.Where(r => r.Kind == RowKind.Value).ToList();
            ApplicantColumns = table.Columns.Count - 1;
            Applications = new int[rows.Count, table.Columns.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    Applications[i, c] = rows[i].Cells[c].Slot;
                }

                _neverBlank.Add(Applications[i, ApplicantColumns]);
            }

            NewRow = rows.FindIndex(r => r.Id == "requests.new");
            CarriedRow = rows.FindIndex(r => r.Id == "requests.carried_over");
            ResultTotalRow = rows.FindIndex(r => r.Id == "result.total");
            CarryForwardRow = rows.FindIndex(r => r.Id == "requests.carry_forward");
            ResultLeaves = Binder.PartChildren(Row("result")).Select(r => rows.IndexOf(r)).ToArray();
            for (var c = 0; c < ApplicantColumns; c++)
            {
                _neverBlank.Add(Applications[ResultTotalRow, c]);
            }

            string[] reviewRows = ["review", "litigation.direct", "litigation.after_review"];
            Review = new int[3, 5];
            for (var i = 0; i < 3; i++)
            {
                var cells = Row(reviewRows[i]).Cells;
                for (var c = 0; c < 5; c++)
                {
                    Review[i, c] = cells[c].Slot;
                }

                _neverBlank.Add(Review[i, 4]);
            }

            _standalone = version == SchemaVersion.Format2019
                ? Slots(["art20_5.licensing[decisions]", "art20_5.other_services[decisions]", "art20_6.penalty[decisions]", "art20_6.coercion[decisions]"])
                : Slots(["art20_5.licensing[decisions]", "art20_6.penalty[decisions]", "art20_6.coercion[decisions]"]);
            Kinds =
            [
                InjectedErrorKind.PartTypo, InjectedErrorKind.PartTypo, InjectedErrorKind.TotalLeftBlank, InjectedErrorKind.CarryForwardOffByOne,
                InjectedErrorKind.CarryForwardOffByOne, InjectedErrorKind.NegativeCount, InjectedErrorKind.FractionalCount,
                InjectedErrorKind.UnreadableText, InjectedErrorKind.Placeholder,
                version == SchemaVersion.Format2019 ? InjectedErrorKind.StockBelowZero : InjectedErrorKind.IssuedAboveStock,
            ];
            PartsSumRows = [];
            BlankableTotals = [];
        }

        Present = _schema.Cells.Where(c => !HasSinceYear(c.Row)).Select(c => c.Slot).ToArray();
    }

    public SchemaVersion Version { get; }

    /// <summary>The rule-id prefix of the format's own rule set.</summary>
    public string Prefix { get; }

    public int FirstYear { get; }

    public int LastYear { get; }

    public IReadOnlyList<InjectedErrorKind> Kinds { get; }

    /// <summary>pre2019: the totals the parts-sum rule checks, with their parts.</summary>
    public (int Total, int[] Parts)[] PartsSumRows { get; }

    public (int Total, int[] Parts)[] BlankableTotals { get; }

    /// <summary>Counts that take part in no identity: an error there is found only by the cell rules.</summary>
    public IReadOnlyList<int> StandaloneCounts => _standalone;

    /// <summary>Cells printed in every year of the format.</summary>
    public int[] Present { get; }

    /// <summary>2019/2021: the application table's value rows × columns (applicant columns, then 总计).</summary>
    public int[,] Applications { get; }

    public int ApplicantColumns { get; }

    public int NewRow { get; }

    public int CarriedRow { get; }

    public int ResultTotalRow { get; }

    public int CarryForwardRow { get; }

    /// <summary>Rows of <see cref="Applications"/> that are the parts of 总计 (the result leaves).</summary>
    public int[] ResultLeaves { get; }

    /// <summary>2019/2021: review, direct and after-review suits × upheld, corrected, other, pending, total.</summary>
    public int[,] Review { get; }

    private readonly int[] _standalone;

    public static SchemaPlan For(SchemaVersion version) => Plans[(int)version];

    public int Slot(string id) => _schema.GetCell(new CellId(id)).Slot;

    private int[] Slots(string[] ids) => ids.Select(Slot).ToArray();

    private static bool HasSinceYear(SchemaRow? row) => row is not null && (row.SinceYear is not null || HasSinceYear(row.Parent));

    private SchemaRow Row(string id) => _schema.TryGetRow(id, out var row) ? row : throw new KeyNotFoundException(id);

    /// <summary>Prints zero cells as blanks, except totals (a blank total is an error of its own).</summary>
    public void BlankZeros(SyntheticReport r)
    {
        var states = r.Frame.States;
        var values = r.Frame.Values;
        foreach (var cell in _schema.Cells)
        {
            var slot = cell.Slot;
            if (states[slot] == (byte)CellState.Number && values[slot] == 0 && !_neverBlank.Contains(slot) && cell.Column?.IsTotal != true)
            {
                r.SetBlank(slot);
            }
        }
    }

    public void Draw(SyntheticReport r, ref SplitMix64 rng)
    {
        // An agency's size: a township office handles a handful of requests, a big city government thousands.
        var size = Math.Exp(rng.Uniform(Math.Log(20), Math.Log(40000)));
        switch (Version)
        {
            case SchemaVersion.Pre2019:
                DrawPre2019(r, ref rng, size);
                break;
            default:
                DrawArticle20(r, ref rng, size);
                DrawApplications(r, ref rng, size);
                DrawReview(r, ref rng, size);
                break;
        }
    }

    private void DrawPre2019(SyntheticReport r, ref SplitMix64 rng, double size)
    {
        var modern = r.Year >= 2015;
        var total = Round(size);
        Set(r, "active.total", total);
        var docs = Round(total * rng.Uniform(0, 0.02));
        Set(r, "active.normative_docs_published", docs);
        Set(r, "active.normative_docs_issued", docs);

        // Channels: none above the headline, together at least the headline (an item on several channels counts once).
        var website = Round(total * rng.Uniform(0.6, 1.0));
        var gazette = Round(total * rng.Uniform(0, 0.05));
        var weibo = modern ? Round(total * rng.Uniform(0, 0.4)) : 0;
        var wechat = modern ? Round(total * rng.Uniform(0, 0.4)) : 0;
        var other = Round(total * rng.Uniform(0, 0.2));
        other += Math.Max(0, total - (website + gazette + weibo + wechat + other));
        Set(r, "active.channels.gazette", gazette);
        Set(r, "active.channels.website", website);
        Set(r, "active.channels.other", other);
        if (modern)
        {
            Set(r, "active.channels.weibo", weibo);
            Set(r, "active.channels.wechat", wechat);
            Set(r, "response.hot_topics", Round(rng.Uniform(0, 1) * Math.Sqrt(size)));
            var press = rng.Between(0, 24);
            Set(r, "response.press_conf", press);
            Set(r, "response.press_conf_leaders", rng.Between(0, press));
            var interviews = rng.Between(0, 12);
            Set(r, "response.web_interviews", interviews);
            Set(r, "response.web_interviews_leaders", rng.Between(0, interviews));
            Set(r, "response.interpretations", Round(docs * rng.Uniform(0.5, 2) + rng.Uniform(0, 10)));
            Set(r, "response.weibo_wechat", Round(rng.Uniform(0, 1) * Math.Sqrt(size) * 3));
            Set(r, "response.other", rng.Between(0, 30));
        }

        var received = Round(size * rng.Uniform(0, 0.03));
        Split(r, received, ["requests.received.in_person", "requests.received.fax", "requests.received.online", "requests.received.letter"], [0.3, 0.02, 0.5, 0.18], ref rng);
        Set(r, "requests.received", received);
        var completed = received - Round(received * rng.Uniform(0, 0.05));
        Set(r, "requests.completed", completed);
        Split(r, completed, ["requests.completed.on_time", "requests.completed.extended"], [0.95, 0.05], ref rng);
        Set(r, "requests.replies", completed);
        Split(r, completed,
            ["requests.replies.already_public", "requests.replies.granted", "requests.replies.partial", "requests.replies.refused",
             "requests.replies.not_this_agency", "requests.replies.not_exist", "requests.replies.amend", "requests.replies.other_channel"],
            [0.25, 0.3, 0.06, 0.1, 0.12, 0.12, 0.03, 0.02], ref rng);
        Split(r, Whole(r, "requests.replies.refused"),
            ["requests.replies.refused.state_secret", "requests.replies.refused.commercial_secret", "requests.replies.refused.privacy",
             "requests.replies.refused.security_stability", "requests.replies.refused.not_gov_info", "requests.replies.refused.other_law"],
            [0.05, 0.1, 0.15, 0.05, 0.45, 0.2], ref rng);

        var reviews = Round(received * rng.Uniform(0, 0.06));
        Set(r, "review.total", reviews);
        Split(r, reviews, ["review.upheld", "review.corrected", "review.other"], [0.7, 0.1, 0.2], ref rng);
        var suits = Round(received * rng.Uniform(0, 0.03));
        Set(r, "litigation.total", suits);
        Split(r, suits, ["litigation.upheld", "litigation.corrected", "litigation.other"], [0.75, 0.05, 0.2], ref rng);
        Set(r, "complaints.total", Round(received * rng.Uniform(0, 0.02)));
        SetAmount(r, "fees.total", rng.Chance(0.9) ? 0 : rng.Between(1, 30) * (Fixed.Scale / 10));

        Set(r, "org.dedicated_units", Round(rng.Uniform(0, 1) * Math.Sqrt(size) / 4));
        Set(r, "org.reading_points", rng.Between(1, 40));
        var staff = rng.Between(1, 120);
        Set(r, "org.staff", staff);
        Split(r, staff, ["org.staff.full_time", "org.staff.part_time"], [0.2, 0.8], ref rng);
        SetAmount(r, "org.budget", rng.Between(0, 500) * (Fixed.Scale / 10));
        var meetings = rng.Between(0, 20);
        Set(r, "training.meetings", meetings);
        var classes = rng.Between(0, 10);
        Set(r, "training.classes", classes);
        Set(r, "training.attendees", classes * rng.Between(10, 80));
    }

    private void DrawArticle20(SyntheticReport r, ref SplitMix64 rng, double size)
    {
        var scale = Math.Sqrt(size);
        if (Version == SchemaVersion.Format2019)
        {
            foreach (var row in (string[])["art20_1.regulations", "art20_1.normative_docs"])
            {
                var made = Round(rng.Uniform(0, 0.3) * scale);
                Set(r, $"{row}[made_new]", made);
                Set(r, $"{row}[published_new]", made);
                Set(r, $"{row}[published_total]", made + Round(rng.Uniform(0, 3) * scale));
            }

            foreach (var row in (string[])["art20_5.licensing", "art20_5.other_services", "art20_6.penalty", "art20_6.coercion", "art20_8.admin_fees"])
            {
                var prev = Round(rng.Uniform(0, 2) * scale);
                Set(r, $"{row}[prev_items]", prev);
                Set(r, $"{row}[change]", rng.Between(-prev, Round(scale)));
                if (!row.StartsWith("art20_8", StringComparison.Ordinal))
                {
                    Set(r, $"{row}[decisions]", Round(rng.Uniform(0, 40) * scale));
                }
            }

            var projects = rng.Chance(0.6) ? 0 : rng.Between(1, 40);
            Set(r, "art20_9.central_procurement[projects]", projects);
            SetAmount(r, "art20_9.central_procurement[amount]", projects == 0 ? 0 : rng.Between(1, 100_000) * (Fixed.Scale / 10));
            return;
        }

        foreach (var row in (string[])["art20_1.regulations", "art20_1.normative_docs"])
        {
            var issued = Round(rng.Uniform(0, 0.3) * scale);
            var repealed = Round(rng.Uniform(0, 0.2) * scale);
            Set(r, $"{row}[issued]", issued);
            Set(r, $"{row}[repealed]", repealed);
            Set(r, $"{row}[in_force]", issued + Round(rng.Uniform(0, 3) * scale));
        }

        Set(r, "art20_5.licensing[decisions]", Round(rng.Uniform(0, 40) * size / 10));
        Set(r, "art20_6.penalty[decisions]", Round(rng.Uniform(0, 40) * size / 10));
        Set(r, "art20_6.coercion[decisions]", Round(rng.Uniform(0, 5) * scale));
        SetAmount(r, "art20_8.admin_fees[amount]", rng.Chance(0.5) ? 0 : rng.Between(1, 1_000_000) * (Fixed.Scale / 10));
    }

    private void DrawApplications(SyntheticReport r, ref SplitMix64 rng, double size)
    {
        var a = Applications;
        var columns = ApplicantColumns;
        var rows = a.GetLength(0);
        var newTotal = Round(size * rng.Uniform(0, 0.03));
        Span<long> perColumn = stackalloc long[columns];
        SplitInto(newTotal, ApplicantWeights, perColumn, ref rng);
        Span<double> leafWeights = stackalloc double[ResultLeaves.Length];
        for (var i = 0; i < leafWeights.Length; i++)
        {
            leafWeights[i] = i switch { 0 => 0.4, 1 => 0.1, _ => rng.Uniform(0, 0.06) };
        }

        Span<long> leaves = stackalloc long[ResultLeaves.Length];
        for (var c = 0; c < columns; c++)
        {
            var fresh = perColumn[c];
            var carried = Round(fresh * rng.Uniform(0, 0.1));
            var forward = Round((fresh + carried) * rng.Uniform(0, 0.1));
            var handled = fresh + carried - forward;
            r.SetWhole(a[NewRow, c], fresh);
            r.SetWhole(a[CarriedRow, c], carried);
            r.SetWhole(a[CarryForwardRow, c], forward);
            r.SetWhole(a[ResultTotalRow, c], handled);
            SplitInto(handled, leafWeights, leaves, ref rng);
            for (var i = 0; i < ResultLeaves.Length; i++)
            {
                r.SetWhole(a[ResultLeaves[i], c], leaves[i]);
            }
        }

        for (var row = 0; row < rows; row++)
        {
            long sum = 0;
            for (var c = 0; c < columns; c++)
            {
                sum += r.Whole(a[row, c]);
            }

            r.SetWhole(a[row, columns], sum);
        }
    }

    private void DrawReview(SyntheticReport r, ref SplitMix64 rng, double size)
    {
        ReadOnlySpan<double> weights = [0.6, 0.1, 0.2, 0.1];
        Span<long> parts = stackalloc long[4];
        for (var row = 0; row < 3; row++)
        {
            var total = Round(size * rng.Uniform(0, 0.002) * (row == 0 ? 2 : 1));
            SplitInto(total, weights, parts, ref rng);
            for (var c = 0; c < 4; c++)
            {
                r.SetWhole(Review[row, c], parts[c]);
            }

            r.SetWhole(Review[row, 4], total);
        }
    }

    private void Split(SyntheticReport r, long total, string[] ids, double[] weights, ref SplitMix64 rng)
    {
        Span<long> parts = stackalloc long[ids.Length];
        SplitInto(total, weights, parts, ref rng);
        for (var i = 0; i < ids.Length; i++)
        {
            Set(r, ids[i], parts[i]);
        }
    }

    /// <summary>Splits a whole number into parts roughly in proportion to the weights; the parts add up exactly.</summary>
    private static void SplitInto(long total, ReadOnlySpan<double> weights, Span<long> parts, ref SplitMix64 rng)
    {
        var weightLeft = 0.0;
        foreach (var w in weights)
        {
            weightLeft += w;
        }

        var left = total;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var share = weightLeft <= 0 ? 0 : weights[i] / weightLeft * rng.Uniform(0.6, 1.4);
            var part = Math.Min(left, Round(left * share));
            parts[i] = part;
            left -= part;
            weightLeft -= weights[i];
        }

        parts[^1] = left;
    }

    private void Set(SyntheticReport r, string id, long whole) => r.SetWhole(Slot(id), whole);

    private void SetAmount(SyntheticReport r, string id, long scaled) => r.SetScaled(Slot(id), scaled);

    private long Whole(SyntheticReport r, string id) => r.Whole(Slot(id));

    private static long Round(double x) => x <= 0 ? 0 : (long)Math.Round(x, MidpointRounding.AwayFromZero);
}
