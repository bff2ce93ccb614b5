using System.Globalization;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Rules;
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

    /// <summary>
    /// The severity of the finding when it was accepted, when recorded: a run whose <c>--min-severity</c> is above it could not
    /// have reported it, so the entry is not judged stale by that run.
    /// </summary>
    public Severity? Severity { get; init; }

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

    /// <summary>
    /// Entries for a checked report that this run could not have reported: their rule was switched off (<c>--disable</c>) or
    /// their severity is below the run's minimum (<c>--min-severity</c>). Neither used nor judged: never stale.
    /// </summary>
    public int NotComparable { get; init; }

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
/// <c>{"version":1,"entries":[{"fingerprint","rule","agency","year","instance","severity"?,"expected","actual","message","reason","acceptedBy","expires":"2026-12-31",
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
                Severity = f.Severity,
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
            text = IO.SafeFile.ReadAllText(path, ProcessingLimits.MaxDataFileBytes, IO.SafeFile.TooLarge);
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
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = 16 };
            root = JObject.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            // Nothing may follow the object (the reader refuses "additional text" once it reads past the end).
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    throw new GovStatsValidationException($"{fileName}({reader.LineNumber}): baseline is not valid JSON: more content after the baseline object ({reader.TokenType})");
                }
            }
        }
        catch (JsonReaderException e)
        {
            throw new GovStatsValidationException($"{fileName}({e.LineNumber}): baseline is not valid JSON: {e.Message}", e);
        }

        var problems = new List<string>();
        if (root["version"] is { } version)
        {
            if (version is not JValue { Type: JTokenType.Integer })
            {
                problems.Add(At(fileName, version, $"'version' must be the whole number {FormatVersion}, found {Describe(version)}"));
            }
            else if (!(version is JValue { Value: long v } && v == FormatVersion))
            {
                problems.Add(At(fileName, version, $"unsupported baseline version {version} (expected {FormatVersion})"));
            }
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
            int? year = o["year"] is JValue { Type: JTokenType.Integer, Value: long y } && y is >= int.MinValue and <= int.MaxValue ? (int)y : null;
            if (year is null)
            {
                problems.Add(At(fileName, o["year"] ?? o, $"'year' must be a whole number, found {Describe(o["year"])}"));
            }

            DateOnly? expires = null;
            if (o["expires"] is JValue { Type: JTokenType.String, Value: string e } && DateOnly.TryParseExact(e, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                expires = date;
            }
            else
            {
                problems.Add(At(fileName, o["expires"] ?? o, "'expires' must be a date yyyy-MM-dd"));
            }

            var optional = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var name in new[] { "instance", "message", "reason", "acceptedBy", "comment" })
            {
                optional[name] = Optional(o, name, fileName, problems);
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

            Severity? severity = null;
            if (o["severity"] is { } sev && sev.Type != JTokenType.Null)
            {
                severity = sev is JValue { Type: JTokenType.String, Value: string severityText } ? severityText switch
                {
                    "error" => Rules.Severity.Error,
                    "warning" => Rules.Severity.Warning,
                    "info" => Rules.Severity.Info,
                    _ => null,
                } : null;
                if (severity is null)
                {
                    problems.Add(At(fileName, sev, "'severity' must be \"error\", \"warning\" or \"info\""));
                }
            }

            var expected = Number(o, "expected", fileName, problems);
            var actual = Number(o, "actual", fileName, problems);
            if (fingerprint is null || rule is null || agency is null || year is null || expires is null || decision is null || problems.Count > 0)
            {
                continue;
            }

            entries.Add(new BaselineEntry
            {
                Fingerprint = fingerprint,
                Rule = rule,
                Agency = agency,
                Year = year.Value,
                Instance = optional["instance"] ?? "",
                Severity = severity,
                Expected = expected,
                Actual = actual,
                Message = optional["message"],
                Reason = optional["reason"] ?? "",
                AcceptedBy = optional["acceptedBy"] ?? "",
                Expires = expires.Value,
                Decision = decision ?? BaselineDecision.Accepted,
                Comment = optional["comment"] ?? "",
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
                ["severity"] = e.Severity?.ToString().ToLowerInvariant(),
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
    /// checked agency and year that match no finding are stale, unless the run could not have reported them (their rule switched
    /// off, their severity below the run's minimum: <paramref name="minimumSeverity"/>, <paramref name="disabledRules"/>).
    /// Cross-report findings are compared the same way, under the report they are about.
    /// </summary>
    /// <param name="run">The run.</param>
    /// <param name="today">The day to judge expiry by (from a <see cref="TimeProvider"/>).</param>
    /// <param name="minimumSeverity">The lowest severity the run reports.</param>
    /// <param name="disabledRules">The rules the run did not run.</param>
    /// <returns>The run with only new, changed or expired findings, and the <see cref="BaselineSummary"/>.</returns>
    public CheckRun Apply(CheckRun run, DateOnly today, Severity minimumSeverity = Rules.Severity.Info, IReadOnlySet<string>? disabledRules = null)
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

        // An entry the run could not have reported (rule off, severity below the minimum) says nothing about the report.
        bool Comparable(BaselineEntry e) => !(disabledRules?.Contains(e.Rule) ?? false) && !(e.Severity < minimumSeverity);

        var summary = new BaselineSummary
        {
            Today = today,
            Accepted = accepted,
            States = states,
            Matched = shown,
            Expired = Entries.Where(e => e.IsExpired(today)).ToList(),
            Stale = Entries.Where(e => !matched.Contains(e.Fingerprint) && checkedReports.Contains((e.Agency, e.Year)) && Comparable(e)).ToList(),
            NotComparable = Entries.Count(e => !matched.Contains(e.Fingerprint) && checkedReports.Contains((e.Agency, e.Year)) && !Comparable(e)),
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

    /// <summary>An optional string property: absent or null is null; any other type is a problem.</summary>
    private static string? Optional(JObject o, string name, string file, List<string> problems)
    {
        switch (o[name])
        {
            case null or JValue { Type: JTokenType.Null }:
                return null;
            case JValue { Type: JTokenType.String, Value: string s }:
                return s;
            case var other:
                problems.Add(At(file, other, $"'{name}' must be a string, found {Describe(other)}"));
                return null;
        }
    }

    /// <summary>An optional number property: absent or null is null; a number written as a string, or out of range, is a problem.</summary>
    private static decimal? Number(JObject o, string name, string file, List<string> problems)
    {
        switch (o[name])
        {
            case null or JValue { Type: JTokenType.Null }:
                return null;
            case JValue { Type: JTokenType.Integer, Value: long l }:
                return l;
            case JValue { Type: JTokenType.Float, Value: decimal d }:
                return d;
            case var other:
                problems.Add(At(file, other, $"'{name}' must be a number or null, found {Describe(other)}"));
                return null;
        }
    }

    private static string Describe(JToken? token) => token switch
    {
        null => "nothing",
        JValue { Type: JTokenType.String } s => $"the string \"{Clip((string)s!)}\"",
        JValue { Type: JTokenType.Integer or JTokenType.Float } n => $"the number {Clip(n.ToString(Formatting.None))}",
        JValue { Type: JTokenType.Boolean } b => $"{((bool)b ? "true" : "false")}",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;

    private static string At(string file, JToken token, string message)
    {
        var info = (IJsonLineInfo)token;
        return info.HasLineInfo() ? $"{file}({info.LineNumber},{info.LinePosition}): {message}" : $"{file}: {message}";
    }
}
