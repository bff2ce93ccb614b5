using FluentValidation;
using GovStatsValidation;
using GovStatsValidation.Checking;
using GovStatsValidation.Model;
using GovStatsValidation.Validation;

namespace ReportPipeline.Tests;

/// <summary>The pipeline's own rules by default; the built-in table rules in the "tables" rule set.</summary>
public sealed class PipelineValidator : AbstractValidator<AnnualReport>
{
    public PipelineValidator(IReportChecker checker, GovStatsValidationOptions options)
    {
        Include(new PipelineRulesValidator());
        RuleSet("tables", () => Include(new ReportRulesValidator(checker, options, ruleSets: "tables")));
    }
}

// Elsewhere: validator.Validate(report, o => o.IncludeRuleSets("tables"));  validator.ValidateAndThrow(report);
