using System.Collections.Concurrent;
using System.Globalization;
using GovStatsValidation.Checking;
using GovStatsValidation.CrossReport.Agencies;
using GovStatsValidation.CrossReport.Facts;
using GovStatsValidation.CrossReport.Rules;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.CrossReport;

/// <summary>A report known by its name and year before it is read, for checking folders one jurisdiction at a time.</summary>
/// <param name="Source">Where it is read from.</param>
/// <param name="Agency">The publishing body (from a cheap first look: the file's header or name).</param>
/// <param name="Year">The report year.</param>
/// <param name="Load">Reads the whole report; called only while its jurisdiction is checked.</param>
public sealed record CrossReportInput(string? Source, Agency Agency, int Year, Func<AnnualReport> Load);

/// <summary>
/// Checks reports against each other: the same agency's previous year (carry-over, previous-year stocks, identical
/// tables), a jurisdiction-wide report against its departments, narrative figures about earlier years, and facts that
/// several reports state. Rules are data (<c>rules/cross/*.cross.json</c>); findings are grouped by jurisdiction and
/// list every report involved.
/// </summary>
public sealed class CrossReportChecker
{
    /// <summary>The rule id of the info finding that a counterpart report is absent.</summary>
    public const string MissingCounterpartRule = "cross.counterpart.missing";

    private readonly CrossReportOptions _options;
    private readonly IReadOnlyList<RuleDefinition> _rules;
    private readonly ConceptMap _concepts = ConceptMap.BuiltIn;
    private readonly ConcurrentDictionary<(string, SchemaVersion, string?, SchemaVersion?, string?), IReadOnlyList<CrossRuleInstance>> _compiled = new();
    private readonly Dictionary<string, string> _ruleFiles = new(StringComparer.Ordinal);

    /// <summary>A checker with the built-in rules and lexicon and the given options.</summary>
    /// <exception cref="RuleLoadException">A rule file is broken or a rule does not compile for the formats it declares; every problem is listed.</exception>
    public CrossReportChecker(CrossReportOptions? options = null)
        : this(options ?? new CrossReportOptions(), [])
    {
    }

    private CrossReportChecker(CrossReportOptions options, IReadOnlyList<RuleSet> coreSets)
    {
        _options = options;
        Resolver = new AgencyResolver(_options.AgencyMap);
        _rules = RuleSets(_options, coreSets).SelectMany(s => s.Rules.Select(r => (Set: s, Rule: r)))
            .Where(x => x.Rule.Relation is not null && !x.Rule.Disabled && !_options.DisabledRules.Contains(x.Rule.Id))
            .Select(x =>
            {
                _ruleFiles[x.Rule.Id] = x.Set.Source;
                return x.Rule;
            })
            .ToList();
        CompileDeclared();
    }

    /// <summary>
    /// A checker whose rules also come from the core's rule folders and sets (<see cref="GovStatsValidationOptions.RuleFolders"/>,
    /// <see cref="GovStatsValidationOptions.RuleSets"/>): the cross-report rules among them, merged between the built-in sets and
    /// those of <paramref name="options"/>. Used by <c>AddCrossReport</c>, so that one <c>--rules</c> folder holds rules of both kinds.
    /// </summary>
    internal CrossReportChecker(CrossReportOptions options, GovStatsValidationOptions core)
        : this(options, CoreSets(core))
    {
    }

    /// <summary>The rule sets of the core's rule folders and options (both kinds; the cross-report ones are used here).</summary>
    internal static IReadOnlyList<RuleSet> CoreSets(GovStatsValidationOptions core) =>
        core.RuleFolders.SelectMany(RuleSetLoader.LoadFolder).Concat(core.RuleSets).ToList();

    /// <summary>The cross-report rule sets in force: the built-in ones (when used), the core's, then the option's sets, merged in that order.</summary>
    internal static IReadOnlyList<RuleSet> RuleSets(CrossReportOptions options, IReadOnlyList<RuleSet> core) =>
        RuleSetLoader.Merge(RuleSetLoader.Merge(options.UseBuiltInRules ? RuleSetLoader.LoadEmbedded().Where(IsCross) : [], core.Where(IsCross)), options.RuleSets);

    private static bool IsCross(RuleSet set) => set.Rules.Any(r => r.Relation is not null);

    /// <summary>How agency names are read.</summary>
    public AgencyResolver Resolver { get; }

    /// <summary>The cross-report rules in force.</summary>
    public IReadOnlyList<RuleDefinition> Rules => _rules;

    /// <summary>Checks a set of reports against each other; findings are ordered by jurisdiction, report and rule.</summary>
    public IReadOnlyList<CrossReportFinding> Check(IEnumerable<AnnualReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return Check(ReportSet.Build(reports, Resolver, _options.TextProvider));
    }

    /// <summary>
    /// Checks a set already grouped (by <see cref="ReportSet.Build"/> with this checker's <see cref="Resolver"/>), e.g. one
    /// whose report texts came from where the caller read them; findings are ordered by jurisdiction, report and rule.
    /// </summary>
    public IReadOnlyList<CrossReportFinding> Check(ReportSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.Jurisdictions.SelectMany(CheckJurisdiction).ToList();
    }

    /// <summary>
    /// Checks many reports one jurisdiction at a time: a first pass reads only names and years to group the inputs, then
    /// each jurisdiction's reports are loaded, checked and released, so memory follows the largest jurisdiction, not the set.
    /// </summary>
    public IEnumerable<CrossReportFinding> CheckStreaming(IEnumerable<CrossReportInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var groups = new SortedDictionary<string, List<CrossReportInput>>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var key = Resolver.Identify(input.Agency).JurisdictionKey;
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(input);
        }

        return Stream(groups);
    }

    private IEnumerable<CrossReportFinding> Stream(SortedDictionary<string, List<CrossReportInput>> groups)
    {
        foreach (var (key, inputs) in groups)
        {
            var entries = inputs.Select(i =>
            {
                var report = i.Load();
                report.Source ??= i.Source;
                return ReportSet.Entry(report, Resolver, _options.TextProvider);
            }).ToList();
            foreach (var finding in CheckJurisdiction(ReportSet.Group(key, entries)))
            {
                yield return finding;
            }
        }
    }

    /// <summary>Checks one jurisdiction's reports.</summary>
    public IReadOnlyList<CrossReportFinding> CheckJurisdiction(JurisdictionGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);

        // Copies of one report (same agency, year and cells: the same file twice, or its .txt and .html) are compared once:
        // pairs of reports grow with the square of their number, copies add nothing but that.
        var copies = group.Reports
            .GroupBy(e => (e.Identity.Key, e.Report.Year, Content: ContentKey(e.Report)))
            .Where(g => g.Count() > 1)
            .ToList();
        if (copies.Count > 0)
        {
            var dropped = copies.SelectMany(g => g.Skip(1)).ToHashSet();
            group = ReportSet.Group(group.Key, group.Reports.Where(e => !dropped.Contains(e)));
        }

        var evaluator = new CrossRuleEvaluator(_concepts);
        var findings = new List<CrossReportFinding>();
        var missing = new List<MissingNote>();
        void Add(ReportEntry subject, Finding finding, IEnumerable<ReportEntry> involved)
        {
            if (finding.Severity >= _options.MinimumSeverity && !_options.DisabledRules.Contains(finding.RuleId))
            {
                if (finding.RuleId == MissingCounterpartRule && finding.Arguments.TryGetValue("kind", out var kind))
                {
                    // Collapsed below into one line per year of the jurisdiction.
                    missing.Add(new MissingNote(subject, kind, finding.Arguments.GetValueOrDefault("rules") ?? "", finding.Arguments, involved.ToList()));
                    return;
                }

                var sources = new[] { subject }.Concat(involved.Where(e => e != subject)).Select(e => e.AsSource).ToList();
                findings.Add(new CrossReportFinding(group.Name, subject.AsSource,
                    finding.RelatedSources.Count > 0 ? finding : finding with { RelatedSources = sources.Select(s => s.ToString()).ToList() }, sources));
            }
        }

        foreach (var copy in copies)
        {
            var first = copy.First();
            var others = copy.Skip(1).ToList();
            Add(first, new Finding
            {
                RuleId = DuplicateRule,
                Severity = Severity.Info,
                Title = DuplicateTitle,
                Message = new LocalizedText(
                    $"{first.Identity.Name} {first.Report.Year} 年度报告在集合中有 {others.Count + 1} 份内容相同的副本，跨报告检查只用第一份（{first.Report.Source}）",
                    $"{others.Count + 1} copies of the {first.Report.Year} report of {first.Identity.Name} with the same figures are in the set; cross-report checks use the first ({first.Report.Source}) only"),
                Instance = "copies",
            }, others);
        }

        foreach (var entry in group.Reports)
        {
            var report = entry.Report;
            if (!KnownYear(report.Year))
            {
                // Year 0 (a blank template) or an impossible year: there is no previous year to look for.
                RunRelation(RuleRelation.PreviousYear, entry, null, [], evaluator, Add, Missing(entry, "previousYear", "year-unknown"));
            }
            else
            {
                var previous = group.Find(entry.Identity.Key, report.Year - 1);
                RunRelation(RuleRelation.PreviousYear, entry, previous, [], evaluator, Add,
                    previous is null ? Missing(entry, "previousYear", "previous") : null);
                if (previous is not null)
                {
                    foreach (var repeated in Facts.RepeatedText.Check(entry, previous))
                    {
                        Add(entry, repeated, [previous]);
                    }
                }
            }

            if (!entry.Identity.IsGovernment)
            {
                var parent = group.Government(report.Year);
                Finding? why = null;
                if (entry.Identity.Jurisdiction is null)
                {
                    why = Missing(entry, "parent", "jurisdiction-unknown");
                }
                else if (parent is null)
                {
                    why = Missing(entry, "parent", "parent");
                }
                else if (parent.Scope != ReportScope.Jurisdiction)
                {
                    why = Missing(entry, "parent", "parent-scope", ("government", parent.Identity.Name));
                }

                RunRelation(RuleRelation.Parent, entry, why is null ? parent : null, [], evaluator, Add, why, involved: parent);
            }
            else if (entry.Scope == ReportScope.Jurisdiction)
            {
                var children = group.Departments(report.Year);
                Finding? why = null;
                if (children.Count == 0)
                {
                    why = Missing(entry, "children", "children-none");
                }
                else if (!entry.CompilesAll)
                {
                    why = Missing(entry, "children", "children-not-all");
                }
                else if (entry.Units is not { } units || children.Count < units)
                {
                    why = entry.Units is null
                        ? Missing(entry, "children", "children-units-unknown", ("count", children.Count.ToString(CultureInfo.InvariantCulture)))
                        : Missing(entry, "children", "children-units", ("count", children.Count.ToString(CultureInfo.InvariantCulture)), ("units", entry.Units.Value.ToString(CultureInfo.InvariantCulture)));
                }

                RunRelation(RuleRelation.Children, entry, null, why is null ? children : [], evaluator, Add, why, childEntries: children);
            }

            foreach (var f in ClaimChecks.Check(entry, group, _concepts))
            {
                Add(entry, f.Finding, f.Involved);
            }
        }

        foreach (var (subject, finding, involved) in SharedFacts.Check(group))
        {
            Add(subject, finding, involved);
        }

        findings.AddRange(CollapseMissing(group, missing));

        findings.Sort((a, b) =>
        {
            // Errors first, then warnings, then info; within a severity by report.
            var c = b.Finding.Severity.CompareTo(a.Finding.Severity);
            c = c != 0 ? c : string.CompareOrdinal(a.Subject.Source, b.Subject.Source);
            c = c != 0 ? c : a.Subject.Year.CompareTo(b.Subject.Year);
            c = c != 0 ? c : string.CompareOrdinal(a.Subject.Agency, b.Subject.Agency);
            return c != 0 ? c : FindingOrder.Instance.Compare(a.Finding, b.Finding);
        });
        return findings;
    }

    private void RunRelation(RuleRelation relation, ReportEntry entry, ReportEntry? other, IReadOnlyList<ReportEntry> children, CrossRuleEvaluator evaluator,
        Action<ReportEntry, Finding, IEnumerable<ReportEntry>> add, Finding? whyNot, ReportEntry? involved = null, IReadOnlyList<ReportEntry>? childEntries = null)
    {
        var rules = _rules.Where(r => r.Relation == relation && r.Schemas.Contains(entry.Report.Schema) && r.AppliesToVariant(entry.Report.Variant)).ToList();
        if (rules.Count == 0)
        {
            return;
        }

        if (whyNot is not null)
        {
            var arguments = new Dictionary<string, string>(whyNot.Arguments, StringComparer.Ordinal) { ["rules"] = string.Join(", ", rules.Select(r => r.Id)) };
            add(entry, whyNot with { Arguments = arguments }, involved is null ? childEntries ?? [] : [involved]);
            return;
        }

        var childReports = children.Select(c => c.Report).ToList();
        foreach (var rule in rules)
        {
            var instances = Instances(rule, entry.Report.SchemaDefinition, relation == RuleRelation.Children ? null : other!.Report.SchemaDefinition);
            var notApplicable = new List<string>();
            var evaluationReasons = new List<LocalizedText>();
            foreach (var instance in instances)
            {
                if (instance.Rule is null)
                {
                    notApplicable.Add(instance.Instance.Length == 0 ? instance.NotApplicable!.Zh : $"{InstanceZh(instance.Instance)}：{instance.NotApplicable!.Zh}");
                    continue;
                }

                var result = evaluator.Evaluate(instance.Rule, entry.Report, other?.Report, childReports);
                if (result.Finding is { } finding)
                {
                    add(entry, finding, other is null ? children : [other]);
                }
                else if (result.Outcome == RuleOutcome.NotApplicable && result.Reason is not null)
                {
                    evaluationReasons.Add(instance.Instance.Length == 0 ? result.Reason : new LocalizedText($"{InstanceZh(instance.Instance)}：{result.Reason.Zh}", $"{instance.Instance}: {result.Reason.En}"));
                }
            }

            if (notApplicable.Count > 0 || evaluationReasons.Count > 0)
            {
                notApplicable.AddRange(evaluationReasons.Select(r => r.Zh));
                var en = instances.Where(i => i.Rule is null).Select(i => i.Instance.Length == 0 ? i.NotApplicable!.En : $"{i.Instance}: {i.NotApplicable!.En}").Concat(evaluationReasons.Select(r => r.En));
                var otherText = other is null ? $"{children.Count} 个部门报告" : $"{other.Identity.Name} {other.Report.Year.ToString(CultureInfo.InvariantCulture)}";
                add(entry, new Finding
                {
                    RuleId = rule.Id,
                    Severity = Severity.Info,
                    Title = rule.Title,
                    Message = new LocalizedText($"与 {otherText} 比对不适用：{string.Join("；", notApplicable)}",
                        $"not applicable against {(other is null ? $"{children.Count} department reports" : otherText)}: {string.Join("; ", en)}"),
                    Instance = "not-applicable",
                    Arguments = new Dictionary<string, string> { ["detail"] = string.Join("; ", en) },
                }, other is null ? children : [other]);
            }
        }
    }

    /// <summary>A rule instance as named in Chinese: a concept by its title (<c>c=applications.received</c> → 收到的申请数), else as is.</summary>
    private string InstanceZh(string instance) =>
        instance.StartsWith("c=", StringComparison.Ordinal) && _concepts.TryGet(instance[2..], out var concept) ? concept.Title.Zh : instance;

    private IReadOnlyList<CrossRuleInstance> Instances(RuleDefinition rule, ReportSchema self, ReportSchema? other) =>
        _compiled.GetOrAdd((rule.Id, self.Version, self.Variant?.Id, other?.Version, other?.Variant?.Id), _ =>
        {
            var problems = new List<DataFileProblem>();
            var result = CrossRuleCompiler.Compile(rule, self, other, _concepts, _ruleFiles[rule.Id], problems);
            ThrowIfAny(problems);
            return result;
        });

    /// <summary>Compiles every rule for every pair of formats it declares, so a broken rule fails at start-up.</summary>
    private void CompileDeclared()
    {
        var problems = new List<DataFileProblem>();
        foreach (var rule in _rules)
        {
            // Every form of each format: the national one and its printed variants, for the report checked and the other.
            static IEnumerable<ReportSchema> Forms(SchemaVersion v) => [SchemaCatalog.Get(v), .. SchemaCatalog.Get(v).Variants];
            foreach (var self in rule.Schemas.SelectMany(Forms).Where(s => rule.AppliesToVariant(s.Variant?.Id)))
            {
                var others = rule.Relation == RuleRelation.Children ? new ReportSchema?[] { null } : rule.CounterpartSchemas.SelectMany(Forms).Select(f => (ReportSchema?)f).ToArray();
                foreach (var other in others)
                {
                    try
                    {
                        Instances(rule, self, other);
                    }
                    catch (RuleLoadException e)
                    {
                        problems.AddRange(e.Problems);
                    }
                }
            }
        }

        ThrowIfAny(problems);
    }

    private static void ThrowIfAny(List<DataFileProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new RuleLoadException(problems);
        }
    }

    /// <summary>The rule id of the note that copies of one report were compared once.</summary>
    public const string DuplicateRule = "cross.duplicate-report";

    /// <summary>A year a report can have (the 条例 took effect in 2008); others (0 for unknown, hostile values) have no neighbours.</summary>
    private static bool KnownYear(int year) => year is >= Validation.AnnualReportInputValidator.FirstYear and <= 2100;

    /// <summary>What makes two reports the same for cross-report checks: agency, year, format and every cell as read.</summary>
    private static string ContentKey(AnnualReport report)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(report.Agency.Name).Append('\u0001').Append(report.Year.ToString(CultureInfo.InvariantCulture)).Append('\u0001').Append(report.Schema.ToString());
        foreach (var (id, value) in report.Cells)
        {
            sb.Append('\u0001').Append(id.Value).Append('=').Append(value.State.ToString()).Append(':')
                .Append(value.Number?.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value.Raw);
        }

        return sb.ToString();
    }

    /// <summary>A counterpart that is absent, noted while checking, before the notes are collapsed per year.</summary>
    private sealed record MissingNote(ReportEntry Entry, string Kind, string Rules, IReadOnlyDictionary<string, string> Arguments, IReadOnlyList<ReportEntry> Involved);

    /// <summary>A note that a counterpart is absent (collapsed by <see cref="CollapseMissing"/>); <paramref name="kind"/> names its message.</summary>
    private static Finding Missing(ReportEntry entry, string relation, string kind, params (string Name, string Value)[] values)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["relation"] = relation, ["kind"] = kind };
        foreach (var (name, value) in values)
        {
            arguments[name] = value;
        }

        return new Finding
        {
            RuleId = MissingCounterpartRule,
            Severity = Severity.Info,
            Title = MissingTitle,
            Message = new LocalizedText("", ""),
            Instance = relation,
            Arguments = arguments,
        };
    }

    internal static readonly LocalizedText DuplicateTitle = new("重复的报告", "Duplicate report");

    internal static readonly LocalizedText MissingTitle = Messages.MessageCatalog.Text("cross.missing.title");

    /// <summary>
    /// One line per year of the jurisdiction for every counterpart that is absent (last year's reports, the government's
    /// report, the departments'), each kind naming its reports once, so a folder of unrelated reports is not a wall of notes.
    /// A report whose year is unknown (a blank template) goes on a line of its own, never shown as year 0.
    /// </summary>
    private static IEnumerable<CrossReportFinding> CollapseMissing(JurisdictionGroup group, List<MissingNote> notes)
    {
        foreach (var year in notes.GroupBy(n => KnownYear(n.Entry.Report.Year) ? n.Entry.Report.Year : 0).OrderBy(g => g.Key))
        {
            var zh = new List<string>();
            var en = new List<string>();
            var rules = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var kind in year.GroupBy(n => (n.Kind, n.Rules, Government: n.Arguments.GetValueOrDefault("government"), Count: n.Arguments.GetValueOrDefault("count"), Units: n.Arguments.GetValueOrDefault("units"))))
            {
                var first = kind.First();
                var agencies = kind.Select(n => n.Entry.Identity.Name).Distinct(StringComparer.Ordinal).ToList();
                (string Name, object? Value)[] values =
                [
                    ("agencies", string.Join("、", agencies)), ("rules", kind.Key.Rules), ("jurisdiction", group.Name),
                    ("year", year.Key), ("previous", year.Key - 1), ("government", kind.Key.Government ?? ""),
                    ("count", kind.Key.Count ?? ""), ("units", kind.Key.Units ?? ""),
                ];
                var key = "cross.missing." + first.Kind;
                zh.Add(Messages.MessageCatalog.Get(Messages.MessageCatalog.Chinese, key, values));
                var enValues = values.ToArray();
                enValues[0] = ("agencies", string.Join(", ", agencies));
                en.Add(Messages.MessageCatalog.Get(Messages.MessageCatalog.English, key, enValues));
                foreach (var id in kind.Key.Rules.Split(", ", StringSplitOptions.RemoveEmptyEntries))
                {
                    rules.Add(id);
                }
            }

            var entries = year.Select(n => n.Entry).Distinct().OrderBy(e => e.Report.Source, StringComparer.Ordinal).ToList();
            var involved = entries.Concat(year.SelectMany(n => n.Involved)).Distinct().ToList();
            var subject = entries[0];
            var yearZh = year.Key > 0 ? year.Key.ToString(CultureInfo.InvariantCulture) : Messages.MessageCatalog.Get(Messages.MessageCatalog.Chinese, "year.unknown");
            var yearEn = year.Key > 0 ? year.Key.ToString(CultureInfo.InvariantCulture) : Messages.MessageCatalog.Get(Messages.MessageCatalog.English, "year.unknown");
            var sources = involved.Select(e => e.AsSource).ToList();
            var finding = new Finding
            {
                RuleId = MissingCounterpartRule,
                Severity = Severity.Info,
                Title = MissingTitle,
                Message = new LocalizedText(
                    Messages.MessageCatalog.Get(Messages.MessageCatalog.Chinese, "cross.missing.line", ("jurisdiction", group.Name), ("year", yearZh), ("notes", string.Join("；", zh))),
                    Messages.MessageCatalog.Get(Messages.MessageCatalog.English, "cross.missing.line", ("jurisdiction", group.Name), ("year", yearEn), ("notes", string.Join("; ", en)))),
                Instance = year.Key > 0 ? $"year={year.Key.ToString(CultureInfo.InvariantCulture)}" : "year=unknown",
                Arguments = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["rules"] = string.Join(", ", rules),
                    ["reports"] = string.Join(", ", entries.Select(e => e.Report.Source ?? e.Identity.Name)),
                },
                RelatedSources = sources.Select(s => s.ToString()).ToList(),
            };
            yield return new CrossReportFinding(group.Name, subject.AsSource, finding, sources);
        }
    }
}
