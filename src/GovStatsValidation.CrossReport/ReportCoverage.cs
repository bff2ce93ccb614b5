using GovStatsValidation.CrossReport.Agencies;
using GovStatsValidation.Model;

namespace GovStatsValidation.CrossReport;

/// <summary>
/// Who has reported: per jurisdiction and year, which bodies have a report in the set. With the expected bodies of an agency
/// file (<see cref="AgencyMap.Expected"/>), each expected body and year is present or missing (and bodies reporting without
/// being expected are listed too); without, the bodies seen in any year of a jurisdiction and the years of the set each lacks.
/// </summary>
public static class ReportCoverage
{
    /// <summary>The coverage of every jurisdiction of a set, and of every jurisdiction the agency map expects reports from.</summary>
    /// <param name="set">The grouped reports.</param>
    /// <param name="resolver">The resolver the set was grouped with (its map's <see cref="AgencyMap.Expected"/> is used).</param>
    /// <param name="source">The name a report is known by in the run (default: its <see cref="AnnualReport.Source"/>).</param>
    public static IReadOnlyList<ReportingCoverage> Of(ReportSet set, AgencyResolver resolver, Func<AnnualReport, string>? source = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(resolver);
        source ??= r => r.Source ?? $"{r.Agency.Name} {r.Year}";
        var all = set.Jurisdictions.SelectMany(g => g.Reports).ToList();
        var expected = resolver.Map.Expected.GroupBy(e => e.Jurisdiction, StringComparer.Ordinal).ToList();
        var result = new List<ReportingCoverage>();
        var done = new HashSet<string>(StringComparer.Ordinal);

        foreach (var blocks in expected)
        {
            var jurisdiction = blocks.Key;
            var placeKey = resolver.PlaceKey(jurisdiction);
            var group = set.Jurisdictions.FirstOrDefault(g => g.Name == jurisdiction || g.Key == placeKey);
            if (group is not null)
            {
                done.Add(group.Name);
            }

            var years = blocks.SelectMany(b => b.Years).Distinct().Order().ToList();
            var bodies = new List<BodyCoverage>();
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var body in blocks.SelectMany(b => b.Bodies).Distinct(StringComparer.Ordinal))
            {
                var key = resolver.Identify(new Agency(body)).Key;
                listed.Add(key);
                var reports = all.Where(e => e.Identity.Key == key).ToList();
                bodies.Add(new BodyCoverage(body, years.Select(y => new BodyYear(
                    y,
                    blocks.Any(b => b.Years.Contains(y) && b.Bodies.Contains(body, StringComparer.Ordinal)),
                    reports.Where(e => e.Report.Year == y).Select(e => source(e.Report)).Order(StringComparer.Ordinal).ToList())).ToList()));
            }

            // Bodies of the jurisdiction that reported without being expected are shown too (never as missing).
            foreach (var agency in (group?.Agencies ?? []).Where(a => !listed.Contains(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                bodies.Add(new BodyCoverage(agency.OrderByDescending(e => e.Report.Year).First().Identity.Name, years.Select(y => new BodyYear(
                    y, false, agency.Where(e => e.Report.Year == y).Select(e => source(e.Report)).Order(StringComparer.Ordinal).ToList())).ToList()));
            }

            result.Add(new ReportingCoverage(group?.Name ?? jurisdiction, true, years, bodies));
        }

        foreach (var group in set.Jurisdictions.Where(g => !done.Contains(g.Name)))
        {
            var years = group.Reports.Select(e => e.Report.Year).Where(y => y > 0).Distinct().Order().ToList();
            var bodies = group.Agencies.OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => new BodyCoverage(a.OrderByDescending(e => e.Report.Year).First().Identity.Name, years.Select(y => new BodyYear(
                    y, true, a.Where(e => e.Report.Year == y).Select(e => source(e.Report)).Order(StringComparer.Ordinal).ToList())).ToList()))
                .ToList();
            result.Add(new ReportingCoverage(group.Name, false, years, bodies));
        }

        return result;
    }
}
