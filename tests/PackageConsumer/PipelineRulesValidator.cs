using FluentValidation;
using GovStatsValidation.Model;

namespace ReportPipeline.Tests;

/// <summary>
/// A pipeline's own rules over the report model, written with FluentValidation as any team would; registered with
/// <c>AddReportValidator&lt;PipelineRulesValidator&gt;()</c> its failures appear among the checker's findings.
/// </summary>
public sealed class PipelineRulesValidator : AbstractValidator<AnnualReport>
{
    public const string FeesReview = "pipeline.fees-review";
    public const string AgencyParent = "pipeline.agency-parent";

    public PipelineRulesValidator()
    {
        RuleFor(r => r.Cells["art20_8.admin_fees[amount]"].Number)
            .LessThanOrEqualTo(100m)
            .WithErrorCode(FeesReview)
            .WithSeverity(Severity.Warning)
            .WithMessage("admin fees above 100 (万元) need a second reader");

        RuleFor(r => r.Agency.Parent)
            .NotEmpty()
            .WithErrorCode(AgencyParent)
            .WithSeverity(Severity.Info)
            .WithMessage("the agency's jurisdiction is not recorded");
    }
}
