using GovStatsValidation.Schemas;

namespace GovStatsValidation.Readers.Pipeline;

/// <summary>Options of reading and checking report files (<see cref="IReportLoader"/>, <see cref="IReportPipeline"/>).</summary>
public sealed class ReportReadingOptions
{
    /// <summary>A table format that replaces the one the report declares or the reader detects (the CLI's <c>--schema</c>); a note says so.</summary>
    /// <value>Default <see langword="null"/>: the format read from the report.</value>
    public SchemaVersion? Schema { get; set; }

    /// <summary>How many files are read and checked at once. The results are the same, in the same order, whatever the number.</summary>
    /// <value>Default: the number of processors.</value>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// When set, the sources of reports read from files are shown relative to this folder (as the CLI shows them relative
    /// to the working folder), unless that climbs more than three folders up; when <see langword="null"/>, as discovery gives
    /// them: full paths for the files of a folder or glob.
    /// </summary>
    /// <value>Default <see langword="null"/>.</value>
    public string? RelativeTo { get; set; }

    /// <summary>
    /// Reviewers' corrections applied to every report as read (the CLI's <c>--corrections</c>): a matching correction sets its
    /// cell and is reported as <c>input.corrected</c>; one whose file or cell changed is reported, not applied.
    /// </summary>
    /// <value>Default <see langword="null"/>: none.</value>
    public Corrections.CorrectionSet? Corrections { get; set; }
}
