namespace GovStatsValidation.Model;

/// <summary>Which bodies of a jurisdiction have a report in the set, per year.</summary>
/// <param name="Jurisdiction">The jurisdiction (桐乡市), as the cross-report checks group it.</param>
/// <param name="FromAgencyFile">
/// Whether the expected bodies and years come from an agency file; when <see langword="false"/>, the bodies are those seen
/// in the set and the years are the years of the set, so a body lacking a year only means no report of it was given.
/// </param>
/// <param name="Years">The years considered, ascending.</param>
/// <param name="Bodies">The bodies, in the file's order (or by name when seen in the set).</param>
public sealed record ReportingCoverage(string Jurisdiction, bool FromAgencyFile, IReadOnlyList<int> Years, IReadOnlyList<BodyCoverage> Bodies)
{
    /// <summary>The expected reports that are not in the set: (body, year).</summary>
    public IEnumerable<(string Body, int Year)> Missing =>
        Bodies.SelectMany(b => b.Years.Where(y => y.Expected && y.Sources.Count == 0).Select(y => (b.Name, y.Year)));
}

/// <summary>One body of a jurisdiction and its reports per year.</summary>
/// <param name="Name">The body's name (as in the agency file, or as printed on its report).</param>
/// <param name="Years">Per year of <see cref="ReportingCoverage.Years"/>: whether a report is expected and the sources of the reports found.</param>
public sealed record BodyCoverage(string Name, IReadOnlyList<BodyYear> Years);

/// <summary>One body in one year.</summary>
/// <param name="Year">The year.</param>
/// <param name="Expected">Whether a report is expected (always, without an agency file).</param>
/// <param name="Sources">The sources of the body's reports for that year in the set; empty when none.</param>
public sealed record BodyYear(int Year, bool Expected, IReadOnlyList<string> Sources);
