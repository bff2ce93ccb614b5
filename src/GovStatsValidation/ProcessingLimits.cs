namespace GovStatsValidation;

/// <summary>
/// Every budget the library works within, in one place: sizes, nesting depth, grid cells after spans, rule instances and
/// expanded terms. Input beyond a budget is refused with a message that names the budget (never a hang, a stack overflow
/// or running out of memory). The values and what happens beyond each are listed in <c>docs/reliability.md</c>.
/// </summary>
public static class ProcessingLimits
{
    /// <summary>The largest report JSON, in bytes.</summary>
    public const int MaxReportJsonBytes = 16 * 1024 * 1024;

    /// <summary>The deepest nesting of a report JSON.</summary>
    public const int MaxReportJsonDepth = 32;

    /// <summary>The largest published report (text, HTML, Word), in bytes.</summary>
    public const int MaxPublishedReportBytes = 32 * 1024 * 1024;

    /// <summary>The most a Word .docx may inflate to, all parts together, in bytes.</summary>
    public const long MaxDocxInflatedBytes = 128L * 1024 * 1024;

    /// <summary>The largest baseline, rule, lexicon or agency file read, in bytes.</summary>
    public const int MaxDataFileBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The deepest element nesting read from an HTML page or a Word document (nested tables, content controls, hyperlinks,
    /// <c>&lt;div&gt;</c>s). Measured before the document is parsed, so no parser recursion depth comes from the input.
    /// </summary>
    public const int MaxMarkupNesting = 256;

    /// <summary>The most columns one table row may span after <c>gridSpan</c> / <c>colspan</c> are expanded.</summary>
    public const int MaxGridColumns = 1_000;

    /// <summary>The most grid cells all tables of one document may expand to after row and column spans.</summary>
    public const int MaxGridCells = 200_000;

    /// <summary>The most instances one rule's <c>forEach</c> may expand to, per table format.</summary>
    public const int MaxRuleInstances = 10_000;

    /// <summary>The most cell terms one rule instance's expressions may expand to (<c>descendants</c>, <c>children</c>, <c>cells</c>).</summary>
    public const int MaxExpandedTermsPerInstance = 10_000;

    /// <summary>The most cell terms all instances of one rule may expand to, per table format.</summary>
    public const int MaxExpandedTermsPerRule = 200_000;
}
