using System.Globalization;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.Reporting.Baselines;

/// <summary>
/// One accepted finding: which (by fingerprint, rule, agency and year), with the figures it had when accepted, why,
/// who accepted it and until when.
/// </summary>
public sealed record BaselineEntry
{
    /// <summary>The finding's fingerprint (<see cref="Finding.FingerprintFor"/>).</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The rule id.</summary>
    public required string Rule { get; init; }

    /// <summary>The agency of the report.</summary>
    public required string Agency { get; init; }

    /// <summary>The report year.</summary>
    public required int Year { get; init; }

    /// <summary>The forEach instance, e.g. <c>col=total</c>; empty when none.</summary>
    public string Instance { get; init; } = "";

    /// <summary>The expected value when accepted; when recorded, a finding with another value is shown as changed.</summary>
    public decimal? Expected { get; init; }

    /// <summary>The actual value when accepted; when recorded, a finding with another value is shown as changed.</summary>
    public decimal? Actual { get; init; }

    /// <summary>The message when accepted (for the reader of the file; not compared).</summary>
    public string? Message { get; init; }

    /// <summary>Why the finding is accepted.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Who accepted it.</summary>
    public string AcceptedBy { get; init; } = "";

    /// <summary>The last day the acceptance holds; from the next day the finding is shown again and the entry reported as expired.</summary>
    public required DateOnly Expires { get; init; }

    /// <summary>
    /// What the reviewer decided: <see cref="BaselineDecision.Accepted"/> (the default, what <c>baseline create</c> writes)
    /// hides the finding; <see cref="BaselineDecision.Confirmed"/> and <see cref="BaselineDecision.FalseAlarm"/> keep it shown,
    /// marked with the decision and comment.
    /// </summary>
    /// <value>Default <see cref="BaselineDecision.Accepted"/>.</value>
    public BaselineDecision Decision { get; init; }

    /// <summary>The reviewer's comment on the finding (a review decision's note; may be empty).</summary>
    public string Comment { get; init; } = "";

    /// <summary>Whether the entry has expired on <paramref name="today"/>.</summary>
    public bool IsExpired(DateOnly today) => today > Expires;
}

/// <summary>A reviewer's decision on a finding, as recorded in a baseline (decisions) file.</summary>
public enum BaselineDecision
{
    /// <summary>Known and accepted (<c>accepted</c>): the finding is hidden while the entry is valid and its figures unchanged.</summary>
    Accepted,

    /// <summary>
    /// A real problem of the report (<c>confirmed</c>): the finding stays shown, marked confirmed with the comment, and counts
    /// as before (exit code, summaries).
    /// </summary>
    Confirmed,

    /// <summary>
    /// The tool is wrong here (<c>false-alarm</c>): the finding stays shown, marked as a false alarm with the comment, so the
    /// tool's mistake is not hidden, but it no longer makes the run fail (<c>--fail-on</c> ignores it).
    /// </summary>
    FalseAlarm,
}

/// <summary>How a finding shown after a baseline comparison relates to the baseline.</summary>
public enum BaselineState
{
    /// <summary>No entry matches the finding.</summary>
    New,

    /// <summary>An entry matches the fingerprint but the figures differ from those accepted.</summary>
    Changed,

    /// <summary>An entry matches but has expired.</summary>
    Expired,

    /// <summary>A reviewer confirmed the finding (a valid entry with the same figures, decision <c>confirmed</c>).</summary>
    Confirmed,

    /// <summary>A reviewer marked the finding a false alarm (a valid entry with the same figures, decision <c>false-alarm</c>).</summary>
    FalseAlarm,
}

/// <summary>What a baseline did to a run: how many findings it accepted, which shown findings are changed or expired, which entries are expired or stale.</summary>
public sealed record BaselineSummary
{
    /// <summary>The day the comparison was made for.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>How many findings valid entries accepted (and were therefore not shown).</summary>
    public required int Accepted { get; init; }

    /// <summary>The shown findings that matched an entry, by fingerprint: changed or expired. Findings not listed are new.</summary>
    public required IReadOnlyDictionary<string, BaselineState> States { get; init; }

    /// <summary>Entries past their expiry date (their findings are shown again).</summary>
    public required IReadOnlyList<BaselineEntry> Expired { get; init; }

    /// <summary>Entries for a checked report (same agency and year) that match no finding any more: the problem was fixed or the rule changed.</summary>
    public required IReadOnlyList<BaselineEntry> Stale { get; init; }

    /// <summary>Entries for reports that were not part of the run (neither used nor judged).</summary>
    public required int NotChecked { get; init; }

    /// <summary>The entries that matched shown findings (changed, expired, confirmed or false alarm), by fingerprint.</summary>
    public IReadOnlyDictionary<string, BaselineEntry> Matched { get; init; } = new Dictionary<string, BaselineEntry>();

    /// <summary>The state of a shown finding.</summary>
    public BaselineState StateOf(string fingerprint) => States.TryGetValue(fingerprint, out var s) ? s : BaselineState.New;

    /// <summary>The entry that matched a shown finding, or <see langword="null"/>.</summary>
    public BaselineEntry? EntryOf(string fingerprint) => Matched.GetValueOrDefault(fingerprint);

    /// <summary>Whether a shown finding was marked a false alarm by a reviewer (such findings do not fail a run).</summary>
    public bool IsFalseAlarm(string fingerprint) => StateOf(fingerprint) == BaselineState.FalseAlarm;
}

/// <summary>
/// A baseline file: findings accepted as known, or reviewers' decisions on findings, kept in the auditor's own repository. JSON:
/// <c>{"version":1,"entries":[{"fingerprint","rule","agency","year","instance","expected","actual","message","reason","acceptedBy","expires":"2026-12-31",
/// "decision":"accepted|confirmed|false-alarm","comment"}]}</c>; <c>decision</c> defaults to <c>accepted</c>.
/// </summary>
public sealed class Baseline
{
    /// <summary>The file format version.</summary>
    public const int FormatVersion = 1;

    /// <summary>Creates a baseline from entries (kept in a deterministic order: agency, year, rule, instance, fingerprint).</summary>
    public Baseline(IEnumerable<BaselineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries
            .OrderBy(e => e.Agency, StringComparer.Ordinal).ThenBy(e => e.Year).ThenBy(e => e.Rule, StringComparer.Ordinal)
            .ThenBy(e => e.Instance, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The entries.</summary>
    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>A baseline accepting every finding of a run, cross-report findings included (under the report they are about).</summary>
    /// <param name="run">The run.</param>
    /// <param name="reason">The reason written into each entry.</param>
    /// <param name="acceptedBy">Who accepts.</param>
    /// <param name="expires">The expiry date of each entry.</param>
    public static Baseline FromRun(CheckRun run, string reason, string acceptedBy, DateOnly expires)
    {
        ArgumentNullException.ThrowIfNull(run);
        var entries = new Dictionary<string, BaselineEntry>(StringComparer.Ordinal);
        var findings = run.Results.SelectMany(r => r.Findings.Select(f => (r.Report.Agency.Name, r.Report.Year, f)))
            .Concat((run.CrossReport ?? []).Select(c => (Name: c.Agency, c.Year, f: c.Finding)));
        foreach (var (agency, year, f) in findings)
        {
            var fingerprint = f.FingerprintFor(agency, year);
            entries.TryAdd(fingerprint, new BaselineEntry
            {
                Fingerprint = fingerprint,
                Rule = f.RuleId,
                Agency = agency,
                Year = year,
                Instance = f.Instance,
                Expected = f.Expected,
                Actual = f.Actual,
                Message = f.Message.Zh,
                Reason = reason,
                AcceptedBy = acceptedBy,
                Expires = expires,
            });
        }

        return new Baseline(entries.Values);
    }

    /// <summary>Reads a baseline file.</summary>
    /// <exception cref="GovStatsValidationException">The file is not a valid baseline; every problem is listed with its line.</exception>
    public static Baseline Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GovStatsValidationException($"{path}: cannot read baseline: {e.Message}", e);
        }

        return Parse(text, path);
    }

    /// <summary>Parses baseline JSON.</summary>
    /// <exception cref="GovStatsValidationException">The text is not a valid baseline; every problem is listed with its line.</exception>
    public static Baseline Parse(string json, string fileName = "<baseline>")
    {
        ArgumentNullException.ThrowIfNull(json);
        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            root = JObject.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        }
        catch (JsonReaderException e)
        {
            throw new GovStatsValidationException($"{fileName}({e.LineNumber}): baseline is not valid JSON: {e.Message}", e);
        }

        var problems = new List<string>();
        if ((int?)root["version"] is { } v && v != FormatVersion)
        {
            problems.Add(At(fileName, root["version"]!, $"unsupported baseline version {v} (expected {FormatVersion})"));
        }

        var entries = new List<BaselineEntry>();
        if (root["entries"] is not JArray array)
        {
            problems.Add(At(fileName, root, "'entries' must be an array"));
            array = [];
        }

        foreach (var token in array)
        {
            if (token is not JObject o)
            {
                problems.Add(At(fileName, token, "an entry must be an object"));
                continue;
            }

            var fingerprint = Required(o, "fingerprint", fileName, problems);
            var rule = Required(o, "rule", fileName, problems);
            var agency = Required(o, "agency", fileName, problems);
            var year = o["year"]?.Type == JTokenType.Integer ? (int?)o["year"] : null;
            if (year is null)
            {
                problems.Add(At(fileName, o["year"] ?? o, "'year' must be an integer"));
            }

            DateOnly? expires = null;
            if ((string?)o["expires"] is { } e && DateOnly.TryParseExact(e, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                expires = date;
            }
            else
            {
                problems.Add(At(fileName, o["expires"] ?? o, "'expires' must be a date yyyy-MM-dd"));
            }

            BaselineDecision? decision = BaselineDecision.Accepted;
            if (o["decision"] is { } d && d.Type != JTokenType.Null)
            {
                decision = d is JValue { Type: JTokenType.String } ? ParseDecision((string)d!) : null;
                if (decision is null)
                {
                    problems.Add(At(fileName, d, "'decision' must be \"accepted\", \"confirmed\" or \"false-alarm\""));
                }
            }

            if (o["comment"] is { Type: not (JTokenType.String or JTokenType.Null) } badComment)
            {
                problems.Add(At(fileName, badComment, "'comment' must be a string"));
            }

            if (fingerprint is null || rule is null || agency is null || year is null || expires is null || decision is null)
            {
                continue;
            }

            entries.Add(new BaselineEntry
            {
                Fingerprint = fingerprint,
                Rule = rule,
                Agency = agency,
                Year = year.Value,
                Instance = (string?)o["instance"] ?? "",
                Expected = Number(o["expected"]),
                Actual = Number(o["actual"]),
                Message = (string?)o["message"],
                Reason = (string?)o["reason"] ?? "",
                AcceptedBy = (string?)o["acceptedBy"] ?? "",
                Expires = expires.Value,
                Decision = decision ?? BaselineDecision.Accepted,
                Comment = o["comment"] is JValue { Type: JTokenType.String } comment ? (string)comment! : "",
            });
        }

        if (problems.Count > 0)
        {
            throw new GovStatsValidationException($"{problems.Count} problem(s) in baseline:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Select(p => "  " + p))}");
        }

        return new Baseline(entries);
    }

    /// <summary>The baseline as indented JSON (deterministic: entries sorted, no timestamps).</summary>
    public string ToJson()
    {
        var root = new JObject
        {
            ["version"] = FormatVersion,
            ["entries"] = new JArray(Entries.Select(e => new JObject
            {
                ["fingerprint"] = e.Fingerprint,
                ["rule"] = e.Rule,
                ["agency"] = e.Agency,
                ["year"] = e.Year,
                ["instance"] = e.Instance,
                ["expected"] = e.Expected,
                ["actual"] = e.Actual,
                ["message"] = e.Message,
                ["reason"] = e.Reason,
                ["acceptedBy"] = e.AcceptedBy,
                ["expires"] = e.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["decision"] = DecisionToken(e.Decision),
                ["comment"] = e.Comment,
            })),
        };
        return root.ToString(Formatting.Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>
    /// Compares a run with the baseline: findings accepted by a valid entry with the same figures are removed; findings whose
    /// entry recorded other figures are kept as changed; findings whose entry has expired are kept as expired; findings a reviewer
    /// confirmed or marked a false alarm are kept and marked so (<see cref="BaselineState.Confirmed"/>,
    /// <see cref="BaselineState.FalseAlarm"/>). Entries for a
    /// checked agency and year that match no finding are stale. Cross-report findings are compared the same way, under the report they are about.
    /// </summary>
    /// <param name="run">The run.</param>
    /// <param name="today">The day to judge expiry by (from a <see cref="TimeProvider"/>).</param>
    /// <returns>The run with only new, changed or expired findings, and the <see cref="BaselineSummary"/>.</returns>
    public CheckRun Apply(CheckRun run, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(run);
        var byFingerprint = Entries.GroupBy(e => e.Fingerprint, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var matched = new HashSet<string>(StringComparer.Ordinal);
        var states = new Dictionary<string, BaselineState>(StringComparer.Ordinal);
        var shown = new Dictionary<string, BaselineEntry>(StringComparer.Ordinal);
        var checkedReports = new HashSet<(string, int)>();
        var accepted = 0;
        var results = new List<ReportCheckResult>(run.Results.Count);

        // Whether a finding stays in the run: not accepted, or accepted with other figures, or accepted but expired.
        bool Keep(Finding f, string agency, int year)
        {
            var fingerprint = f.FingerprintFor(agency, year);
            if (!byFingerprint.TryGetValue(fingerprint, out var entry))
            {
                return true;
            }

            matched.Add(fingerprint);
            shown[fingerprint] = entry;
            if (entry.IsExpired(today))
            {
                states[fingerprint] = BaselineState.Expired;
                return true;
            }

            if ((entry.Actual is not null && entry.Actual != f.Actual) || (entry.Expected is not null && entry.Expected != f.Expected))
            {
                states[fingerprint] = BaselineState.Changed;
                return true;
            }

            switch (entry.Decision)
            {
                case BaselineDecision.Confirmed:
                    states[fingerprint] = BaselineState.Confirmed;
                    return true;
                case BaselineDecision.FalseAlarm:
                    states[fingerprint] = BaselineState.FalseAlarm;
                    return true;
            }

            shown.Remove(fingerprint);
            accepted++;
            return false;
        }

        foreach (var result in run.Results)
        {
            var agency = result.Report.Agency.Name;
            var year = result.Report.Year;
            checkedReports.Add((agency, year));
            results.Add(new ReportCheckResult(result.Report, result.Findings.Where(f => Keep(f, agency, year)).ToList()));
        }

        // Cross-report findings are accepted the same way, under the report they are about.
        var cross = run.CrossReport?.Where(c => Keep(c.Finding, c.Agency, c.Year)).ToList();

        var summary = new BaselineSummary
        {
            Today = today,
            Accepted = accepted,
            States = states,
            Matched = shown,
            Expired = Entries.Where(e => e.IsExpired(today)).ToList(),
            Stale = Entries.Where(e => !matched.Contains(e.Fingerprint) && checkedReports.Contains((e.Agency, e.Year))).ToList(),
            NotChecked = Entries.Count(e => !checkedReports.Contains((e.Agency, e.Year))),
        };
        return run with { Results = results, CrossReport = cross, Baseline = summary };
    }

    /// <summary>The file's token of a decision: <c>accepted</c>, <c>confirmed</c>, <c>false-alarm</c>.</summary>
    public static string DecisionToken(BaselineDecision decision) => decision switch
    {
        BaselineDecision.Confirmed => "confirmed",
        BaselineDecision.FalseAlarm => "false-alarm",
        _ => "accepted",
    };

    /// <summary>The decision of a file token, or <see langword="null"/> when unknown.</summary>
    public static BaselineDecision? ParseDecision(string token) => token switch
    {
        "accepted" => BaselineDecision.Accepted,
        "confirmed" => BaselineDecision.Confirmed,
        "false-alarm" => BaselineDecision.FalseAlarm,
        _ => null,
    };

    private static string? Required(JObject o, string name, string file, List<string> problems)
    {
        if (o[name] is JValue { Type: JTokenType.String } v && ((string?)v)?.Length > 0)
        {
            return (string?)v;
        }

        problems.Add(At(file, o[name] ?? o, $"'{name}' must be a non-empty string"));
        return null;
    }

    private static decimal? Number(JToken? token) =>
        token is JValue { Type: JTokenType.Integer or JTokenType.Float } v ? Convert.ToDecimal(v.Value, CultureInfo.InvariantCulture) : null;

    private static string At(string file, JToken token, string message)
    {
        var info = (IJsonLineInfo)token;
        return info.HasLineInfo() ? $"{file}({info.LineNumber},{info.LinePosition}): {message}" : $"{file}: {message}";
    }
}
