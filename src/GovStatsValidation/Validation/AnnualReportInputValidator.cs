using FluentValidation;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Validation;

/// <summary>
/// Validates the report model itself before any rule runs: an agency is named, the year is in range, and the schema
/// agrees with the year (a mismatch is allowed — agencies used the wrong vintage — but reported).
/// </summary>
public sealed class AnnualReportInputValidator : AbstractValidator<AnnualReport>
{
    /// <summary>The first year reports were published (条例 2008).</summary>
    public const int FirstYear = 2008;

    /// <summary>Creates the validator.</summary>
    public AnnualReportInputValidator()
    {
        RuleFor(r => r.Agency).NotNull().WithErrorCode("input.agency").WithMessage("报告未注明机关名称 / the report names no agency");
        RuleFor(r => r.Agency.Name).NotEmpty().When(r => r.Agency is not null)
            .WithErrorCode("input.agency").WithMessage("报告未注明机关名称 / the report names no agency");
        RuleFor(r => r.Year).NotEqual(0).WithErrorCode("input.year")
            .WithMessage("未能识别报告年度（标题中没有年份） / the report year could not be found (no year in the title)");
        RuleFor(r => r.Year).InclusiveBetween(FirstYear, 2100).When(r => r.Year != 0).WithErrorCode("input.year")
            .WithMessage(r => $"报告年度 {r.Year} 不在 {FirstYear}–2100 之间 / report year {r.Year} is outside {FirstYear}–2100");
        RuleFor(r => r.Schema).Must((r, schema) => SchemaVersions.ForYear(r.Year) == schema)
            .When(r => r.Year is >= FirstYear and <= 2100)
            .WithSeverity(FluentValidation.Severity.Warning).WithErrorCode("input.schema-year")
            .WithMessage(r => $"{r.Year} 年度报告应使用 {SchemaVersions.ForYear(r.Year).ToToken()} 格式，实际为 {r.Schema.ToToken()} / a {r.Year} report should use the {SchemaVersions.ForYear(r.Year).ToToken()} format, this one uses {r.Schema.ToToken()}");
    }
}
