using System.Security.Cryptography;
using System.Text;
using GovStatsValidation.Checking;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Findings;

/// <summary>A cell a finding is about, with its value as read.</summary>
/// <param name="Id">The cell id.</param>
/// <param name="Label">The cell's label (row, and column after a slash).</param>
/// <param name="State">What the cell held.</param>
/// <param name="Value">The number, when it held one.</param>
/// <param name="Raw">The printed text, when known.</param>
/// <param name="Line">The source line, when known.</param>
public sealed record FindingCell(CellId Id, string Label, CellState State, decimal? Value, string? Raw, int? Line)
{
    /// <summary>True when the value was cut out of digits that ran together in the source (see <see cref="CellValue.Reconstructed"/>).</summary>
    public bool Reconstructed { get; init; }

    /// <summary>The 1-based PDF page the cell was read from, when the report was a PDF.</summary>
    public int? Page { get; init; }

    /// <summary>The value as shown in reports: the number, or (blank), (absent), the raw text.</summary>
    public string Display => DisplayIn(Messages.MessageCatalog.English);

    /// <summary>The value as shown in reports in the words of a culture: the number, (空白) / (blank), (未列出) / (absent), the raw text.</summary>
    public string DisplayIn(System.Globalization.CultureInfo culture) => State switch
    {
        CellState.Number => CellValue.Format(Value!.Value),
        CellState.Blank => Messages.MessageCatalog.Get(culture, "cell.blank"),
        CellState.Absent => Messages.MessageCatalog.Get(culture, "cell.absent"),
        _ => Raw ?? Messages.MessageCatalog.Get(culture, State == CellState.Placeholder ? "state.placeholder" : "state.unreadable"),
    };

    /// <summary>How the cell is named in a culture: its label in Chinese, its id otherwise.</summary>
    public string NameIn(System.Globalization.CultureInfo culture) => Messages.MessageCatalog.IsChinese(culture) ? Label : Id.Value;
}

/// <summary>The cell a finding most likely lies in, and why.</summary>
/// <param name="Cell">The suspected cell.</param>
/// <param name="Reason">Why it is suspected.</param>
/// <param name="CorrectedValue">The value that would make the rule hold, when one is implied.</param>
public sealed record Suspect(CellId Cell, LocalizedText Reason, decimal? CorrectedValue = null)
{
    /// <summary>Other cells exactly as likely to be the wrong one (a tie the evidence cannot break), each with its correction; empty when the suspect is ahead.</summary>
    public IReadOnlyList<Suspect> Alternatives { get; init; } = [];

    /// <summary>How sure the localization is, when the suspect comes from the report's localization.</summary>
    public Localization.LocalizationConfidence? Confidence { get; init; }

    /// <summary>Whether the evidence cannot choose between this cell and <see cref="Alternatives"/>.</summary>
    public bool IsAmbiguous => Alternatives.Count > 0;
}

/// <summary>
/// One finding, explained: which rule, how serious, which cells with which values, the formula with numbers filled
/// in, expected against actual, where in the source, and a message in Chinese and English.
/// </summary>
public sealed record Finding
{
    // The explained parts (title, message, cells, formula, figures, line, suspect, arguments) are either set when the
    // finding is made or, for a table rule's finding (a failure, or a comparison reported on a clean report), built on
    // first read from the snapshot of the report's cells the check loaded, and pointed then at the report's localization:
    // the check path then costs a small object, not a formatted explanation.
    // Reading any of them gives the same value either way; `with` and equality see the built finding.
    private DeferredFinding? _deferred;
    private LocalizedText _title = null!;
    private LocalizedText _message = null!;
    private IReadOnlyList<FindingCell> _cells = [];
    private string? _expression;
    private string? _formula;
    private decimal? _expected;
    private decimal? _actual;
    private int? _line;
    private Suspect? _suspect;
    private IReadOnlyDictionary<string, string> _arguments = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>A finding whose parts are set by the object initializer.</summary>
    public Finding()
    {
    }

    /// <summary>A finding whose explained parts are built from <paramref name="deferred"/> when first read.</summary>
#pragma warning disable CS8618 // Title and Message: built on first read (deferred), or copied from the built original.
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    internal Finding(string ruleId, Severity severity, string instance, bool passed, DeferredFinding deferred)
    {
        RuleId = ruleId;
        Severity = severity;
        Instance = instance;
        Passed = passed;
        _deferred = deferred; // title and message are built with the rest on first read
    }

    /// <summary>A copy (<c>with</c>): of the built finding.</summary>
    /// <param name="original">The finding copied.</param>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    private Finding(Finding original)
    {
        original.Build();
        RuleId = original.RuleId;
        Severity = original.Severity;
        _title = original._title;
        _message = original._message;
        _cells = original._cells;
        _expression = original._expression;
        _formula = original._formula;
        _formulaText = original._formulaText;
        _expected = original._expected;
        _actual = original._actual;
        _line = original._line;
        _suspect = original._suspect;
        Quote = original.Quote;
        Passed = original.Passed;
        _arguments = original._arguments;
        Instance = original.Instance;
        RelatedSources = original.RelatedSources;
        Supersedes = original.Supersedes;
    }
#pragma warning restore CS8618

    /// <summary>The rule id (the finding code).</summary>
    public required string RuleId { get; init; }

    /// <summary>How serious.</summary>
    public required Severity Severity { get; init; }

    /// <summary>The rule's title.</summary>
    public required LocalizedText Title { get => Built()._title; init => _title = value; }

    /// <summary>The message, placeholders filled.</summary>
    public required LocalizedText Message { get => Built()._message; init => _message = value; }

    /// <summary>The cells involved, with their values.</summary>
    public IReadOnlyList<FindingCell> Cells { get => Built()._cells; init => _cells = value; }

    /// <summary>The rule's expression with ids, e.g. <c>requests.received == sum(children(requests.received))</c>.</summary>
    public string? Expression { get => Built()._expression; init => _expression = value; }

    /// <summary>The formula with numbers filled in, e.g. <c>224 = 18 + 0 + 131 + 75 (= 224)</c>.</summary>
    public string? Formula { get => Built()._formula; init => _formula = value; }

    /// <summary>The formula in Chinese and English (Chinese names cells by label and says 空白 for blank); <see cref="Formula"/> is the English form.</summary>
    public LocalizedText? FormulaText { get => Built()._formulaText; init => _formulaText = value; }

    private LocalizedText? _formulaText;

    /// <summary>The formula in the language of a culture (<see cref="FormulaText"/>, else <see cref="Formula"/>).</summary>
    public string? FormulaIn(System.Globalization.CultureInfo culture) => FormulaText?.In(culture) ?? Formula;

    /// <summary>The value the rule expected.</summary>
    public decimal? Expected { get => Built()._expected; init => _expected = value; }

    /// <summary>The value found.</summary>
    public decimal? Actual { get => Built()._actual; init => _actual = value; }

    /// <summary><see cref="Actual"/> minus <see cref="Expected"/>.</summary>
    public decimal? Difference => Actual is { } a && Expected is { } e ? a - e : null;

    /// <summary>Where in the original text, when known (1-based line).</summary>
    public int? Line { get => Built()._line; init => _line = value; }

    /// <summary>The most likely wrong cell, when the evidence points at one.</summary>
    public Suspect? Suspect { get => Built()._suspect; init => _suspect = value; }

    /// <summary>A sentence from the report's text the finding quotes, when it is about the narrative.</summary>
    public string? Quote { get; init; }

    /// <summary>Whether the rule's condition held (findings of rules that always report a comparison).</summary>
    public bool Passed { get; init; }

    /// <summary>The placeholder values the message was built from (so it can be re-rendered).</summary>
    public IReadOnlyDictionary<string, string> Arguments { get => Built()._arguments; init => _arguments = value; }

    /// <summary>The forEach instance, e.g. <c>col=natural_person</c>, or empty.</summary>
    public string Instance { get; init; } = "";

    /// <summary>
    /// Findings this one already reports, as <c>rule|instance</c> keys (a missing section with its table says what the
    /// table's <c>*.table.missing</c> says): the checker drops those, so one missing thing is one finding.
    /// </summary>
    public IReadOnlyList<string> Supersedes { get; init; } = [];

    /// <summary>The <c>rule|instance</c> key <see cref="Supersedes"/> names findings by.</summary>
    public string Key => $"{RuleId}|{Instance}";

    /// <summary>Other reports a cross-report finding involves (their sources).</summary>
    public IReadOnlyList<string> RelatedSources { get; init; } = [];

    /// <summary>Whether every property holds the same value (the parts of a deferred finding are built first).</summary>
    /// <param name="other">The other finding.</param>
    public bool Equals(Finding? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (RuleId == other.RuleId && Severity == other.Severity && Equals(Title, other.Title) && Equals(Message, other.Message)
                && ReferenceEquals(Cells, other.Cells) && Expression == other.Expression && Formula == other.Formula
                && Expected == other.Expected && Actual == other.Actual && Line == other.Line && Equals(Suspect, other.Suspect)
                && Quote == other.Quote && Passed == other.Passed && ReferenceEquals(Arguments, other.Arguments)
                && Instance == other.Instance && ReferenceEquals(RelatedSources, other.RelatedSources)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(RuleId, Severity, Instance, Message, Formula, Line, Passed);

    /// <summary>
    /// Whether the finding's place in <see cref="FindingOrder"/> is known without building its explanation: its
    /// <see cref="Line"/> is none and its first cell's id is <paramref name="firstCell"/>.
    /// </summary>
    internal bool TryOrderKey(out string? firstCell)
    {
        if (Volatile.Read(ref _deferred) is { } deferred && deferred.TryOrderKey(out firstCell))
        {
            return true;
        }

        firstCell = null;
        return false;
    }

    /// <summary>The rule finding still to be built, if this is one (the checker points it at the report's localization).</summary>
    internal DeferredRuleFinding? DeferredRule => Volatile.Read(ref _deferred) as DeferredRuleFinding;

    /// <summary>This finding, its parts built.</summary>
    private Finding Built()
    {
        if (Volatile.Read(ref _deferred) is not null)
        {
            Build();
        }

        return this;
    }

    private void Build()
    {
        var deferred = Volatile.Read(ref _deferred);
        if (deferred is null)
        {
            return;
        }

        lock (deferred)
        {
            if (_deferred is null)
            {
                return;
            }

            var built = deferred.Build();
            _title = built._title;
            _message = built._message;
            _cells = built._cells;
            _expression = built._expression;
            _formula = built._formula;
            _formulaText = built._formulaText;
            _expected = built._expected;
            _actual = built._actual;
            _line = built._line;
            _suspect = built._suspect;
            _arguments = built._arguments;
            Volatile.Write(ref _deferred, null);
        }
    }

    /// <summary>A stable hash of rule id, instance and cell ids (agency and year are added by <see cref="FingerprintFor"/>).</summary>
    public string FingerprintFor(string agency, int year)
    {
        var text = $"{RuleId}|{Instance}|{agency}|{year}|{string.Join(",", Cells.Select(c => c.Id.Value))}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {RuleId}{(Line is { } l ? $" (line {l})" : "")}: {Message.En}";
}

/// <summary>Fills the message templates of rules and checks (<c>{name}</c> placeholders), for packages that word their own findings.</summary>
public static class FindingMessage
{
    /// <summary>The placeholders a rule's message may use (table and cross-report rules alike; checked when a rule file loads).</summary>
    internal static readonly HashSet<string> KnownPlaceholders =
    [
        "actual", "expected", "difference", "absDifference", "formula", "col", "colLabel", "row", "rowLabel", "cell", "cellLabel",
        "value", "claim", "suspect", "quote", "year", "agency", "other", "otherYear", "detail", "concept", "conceptLabel",
    ];

    /// <summary>Replaces each <c>{name}</c> of <paramref name="template"/> by its argument; a placeholder without an argument is kept as <c>{name}</c>.</summary>
    /// <param name="template">The template.</param>
    /// <param name="arguments">The values by placeholder name.</param>
    /// <returns>The filled text.</returns>
    public static string Fill(string template, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(arguments);
        var sb = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            sb.Append(template, i, open - i);
            var name = template[(open + 1)..close];
            sb.Append(arguments.TryGetValue(name, out var value) ? value : "{" + name + "}");
            i = close + 1;
        }

        return sb.ToString();
    }
}
