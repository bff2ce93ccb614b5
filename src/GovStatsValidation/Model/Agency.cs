namespace GovStatsValidation.Model;

/// <summary>The administrative level of the body that published a report.</summary>
public enum AgencyLevel
{
    /// <summary>Not known.</summary>
    Unknown,

    /// <summary>A national body (国务院部门).</summary>
    National,

    /// <summary>A provincial government (省、自治区、直辖市).</summary>
    Provincial,

    /// <summary>A prefecture-level city government (地级市).</summary>
    Prefecture,

    /// <summary>A county-level government (县、县级市、区).</summary>
    County,

    /// <summary>A township or street (乡镇、街道).</summary>
    Township,

    /// <summary>A department of a government (局、委、办).</summary>
    Department,

    /// <summary>An office or centre attached to a government (审管办, 行政服务中心).</summary>
    Office,
}

/// <summary>The body that published a report.</summary>
/// <param name="Name">The name as printed, e.g. 桐乡市综合行政执法局.</param>
/// <param name="Level">The administrative level.</param>
/// <param name="Parent">The jurisdiction the body belongs to (桐乡市), when known.</param>
public sealed record Agency(string Name, AgencyLevel Level = AgencyLevel.Unknown, string? Parent = null);

/// <summary>Where something was read in the original input.</summary>
/// <param name="Line">1-based line number in the original text (for a PDF: in the text rebuilt from its pages).</param>
/// <param name="Column">1-based column, when known.</param>
public readonly record struct SourceLocation(int Line, int? Column = null)
{
    /// <summary>1-based page of a PDF, when the input was a PDF.</summary>
    public int? Page { get; init; }

    /// <summary>Left edge of the printed text on the <see cref="Page"/>, in PDF points from the page's left edge.</summary>
    public double? X { get; init; }

    /// <summary>Baseline of the printed text on the <see cref="Page"/>, in PDF points from the page's bottom edge.</summary>
    public double? Y { get; init; }

    /// <inheritdoc/>
    public override string ToString()
    {
        var at = Column is { } c ? $"{Line}:{c}" : Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page is { } p
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{at} (page {p}{(X is { } x && Y is { } y ? $", x {x:0.#}, y {y:0.#}" : "")})")
            : at;
    }
}
