using GovStatsValidation.CrossReport.Agencies;
using GovStatsValidation.Model;

namespace GovStatsValidation.CrossReport;

/// <summary>One report in a set, with who published it and what it covers.</summary>
public sealed class ReportEntry
{
    internal ReportEntry(AnnualReport report, AgencyIdentity identity, ReportScope scope, bool compilesAll, int? units, string? text)
    {
        Report = report;
        Identity = identity;
        Scope = scope;
        CompilesAll = compilesAll;
        Units = units;
        Text = text;
    }

    /// <summary>The report.</summary>
    public AnnualReport Report { get; }

    /// <summary>Who published it.</summary>
    public AgencyIdentity Identity { get; }

    /// <summary>Whether its figures are the publisher's own or the whole jurisdiction's.</summary>
    public ReportScope Scope { get; }

    /// <summary>Whether it says it compiles the figures of every unit of the jurisdiction.</summary>
    public bool CompilesAll { get; }

    /// <summary>How many units the jurisdiction has (from the mapping), when known.</summary>
    public int? Units { get; }

    /// <summary>The report's text, when known (for shared facts and scope words).</summary>
    internal string? Text { get; }

    /// <summary>The source, or the agency and year.</summary>
    public CrossReportSource AsSource => new(Report.Source, Report.Agency.Name, Report.Year);

    /// <inheritdoc/>
    public override string ToString() => $"{Identity.Key} {Report.Year} ({Report.Source})";
}

/// <summary>The reports of one jurisdiction (its government and its departments) across years.</summary>
public sealed class JurisdictionGroup
{
    internal JurisdictionGroup(string key, string name, IReadOnlyList<ReportEntry> reports)
    {
        Key = key;
        Name = name;
        Reports = reports;
    }

    /// <summary>The jurisdiction key (place name without its level word).</summary>
    public string Key { get; }

    /// <summary>The jurisdiction's name as printed (桐乡市), or the agency's name when the jurisdiction is unknown.</summary>
    public string Name { get; }

    /// <summary>The reports, ordered by agency key, year and source.</summary>
    public IReadOnlyList<ReportEntry> Reports { get; }

    /// <summary>The reports by agency key, each ordered by year.</summary>
    public IEnumerable<IGrouping<string, ReportEntry>> Agencies => Reports.GroupBy(r => r.Identity.Key, StringComparer.Ordinal);

    /// <summary>The report of an agency for a year (the first by source when there are several).</summary>
    public ReportEntry? Find(string agencyKey, int year) =>
        Reports.FirstOrDefault(r => r.Report.Year == year && string.Equals(r.Identity.Key, agencyKey, StringComparison.Ordinal));

    /// <summary>The jurisdiction's government report of a year, if present.</summary>
    public ReportEntry? Government(int year) => Reports.FirstOrDefault(r => r.Report.Year == year && r.Identity.IsGovernment);

    /// <summary>The departments' and offices' reports of a year.</summary>
    public IReadOnlyList<ReportEntry> Departments(int year) => Reports.Where(r => r.Report.Year == year && !r.Identity.IsGovernment).ToList();
}

/// <summary>Many reports, identified and grouped by jurisdiction and by agency across years.</summary>
public sealed class ReportSet
{
    private ReportSet(IReadOnlyList<JurisdictionGroup> jurisdictions) => Jurisdictions = jurisdictions;

    /// <summary>The jurisdictions, ordered by key.</summary>
    public IReadOnlyList<JurisdictionGroup> Jurisdictions { get; }

    /// <summary>Identifies and groups reports.</summary>
    /// <param name="reports">The reports.</param>
    /// <param name="resolver">How names are read; the built-in lexicon when <see langword="null"/>.</param>
    /// <param name="text">The text of a report (for scope words and shared facts), or <see langword="null"/> when unknown.</param>
    public static ReportSet Build(IEnumerable<AnnualReport> reports, AgencyResolver? resolver = null, Func<AnnualReport, string?>? text = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        resolver ??= new AgencyResolver();
        var entries = reports.Select(r => Entry(r, resolver, text)).ToList();
        var variants = resolver.OcrVariants(entries.Select(e => (e.Identity, e.Report.Year)).ToList());
        if (variants.Count > 0)
        {
            entries = entries.Select(e => variants.TryGetValue(e.Identity.Key, out var read)
                ? new ReportEntry(e.Report, read with { Name = e.Identity.Name }, e.Scope, e.CompilesAll, e.Units, e.Text)
                : e).ToList();
        }

        var groups = entries.GroupBy(e => e.Identity.JurisdictionKey, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Group(g.Key, g))
            .ToList();
        return new ReportSet(groups);
    }

    internal static JurisdictionGroup Group(string key, IEnumerable<ReportEntry> entries)
    {
        var list = entries.OrderBy(e => e.Identity.Key, StringComparer.Ordinal).ThenBy(e => e.Report.Year)
            .ThenBy(e => e.Report.Source, StringComparer.Ordinal).ToList();
        var name = list.Select(e => e.Identity.Jurisdiction).FirstOrDefault(j => j is not null) ?? list[0].Identity.Name;
        return new JurisdictionGroup(key, name, list);
    }

    internal static ReportEntry Entry(AnnualReport report, AgencyResolver resolver, Func<AnnualReport, string?>? textProvider)
    {
        var identity = resolver.Identify(report.Agency);
        var entry = resolver.Entry(report.Agency.Name);
        var text = textProvider?.Invoke(report);
        var words = text ?? string.Join("\n", report.Claims.Select(c => c.Text));
        var scope = entry?.Scope ?? ReportScope.Unknown;
        if (scope == ReportScope.Unknown)
        {
            scope = !identity.IsGovernment ? ReportScope.Own : resolver.SaysJurisdictionWide(words) ? ReportScope.Jurisdiction : ReportScope.Unknown;
        }

        var compilesAll = (entry?.CompilesAll ?? false) || (scope == ReportScope.Jurisdiction && resolver.SaysCompilesAll(words));
        return new ReportEntry(report, identity, scope, compilesAll, entry?.Units, text);
    }
}
