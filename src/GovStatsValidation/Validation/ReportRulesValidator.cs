using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Results;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;

namespace GovStatsValidation.Validation;

/// <summary>
/// The report checker as a FluentValidation validator, so it composes with a user's own rules (<c>Include</c>,
/// <c>ValidateAndThrow</c>, async). Each failure carries the rule id as <see cref="ValidationFailure.ErrorCode"/>,
/// the mapped severity, and the <see cref="Finding"/> as <see cref="ValidationFailure.CustomState"/>.
/// </summary>
public sealed class ReportRulesValidator : AbstractValidator<AnnualReport>
{
    /// <summary>Creates the validator over a checker.</summary>
    /// <param name="checker">The checker whose findings become failures.</param>
    /// <param name="options">Options; only <see cref="GovStatsValidationOptions.Language"/> is read here (the checker applies the rest).</param>
    /// <param name="ruleSets">
    /// Comma-separated FluentValidation rule sets the rules belong to besides the default one. Rule sets cascade into
    /// included validators, so a composing validator that writes <c>RuleSet("tables", () =&gt; Include(rules))</c> needs
    /// <c>new ReportRulesValidator(checker, options, "tables")</c> for <c>IncludeRuleSets("tables")</c> to run them.
    /// </param>
    public ReportRulesValidator(IReportChecker checker, GovStatsValidationOptions? options = null, string? ruleSets = null)
    {
        ArgumentNullException.ThrowIfNull(checker);
        var language = options?.Language ?? "zh";
        void AddRule() => RuleFor(report => report).Custom((report, context) =>
        {
            foreach (var finding in checker.Check(report).Findings)
            {
                context.AddFailure(ToFailure(finding, language));
            }
        });

        if (string.IsNullOrWhiteSpace(ruleSets))
        {
            AddRule();
        }
        else
        {
            RuleSet(RulesetValidatorSelector.DefaultRuleSetName + "," + ruleSets, AddRule);
        }
    }

    /// <summary>Converts a finding to a FluentValidation failure.</summary>
    public static ValidationFailure ToFailure(Finding finding, string language = "zh")
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new ValidationFailure((finding.Cells.Count > 0 ? finding.Cells[0].Id.Value : finding.RuleId), finding.Message.In(language), finding.Actual)
        {
            ErrorCode = finding.RuleId,
            Severity = finding.Severity switch
            {
                Rules.Severity.Error => FluentValidation.Severity.Error,
                Rules.Severity.Warning => FluentValidation.Severity.Warning,
                _ => FluentValidation.Severity.Info,
            },
            CustomState = finding,
        };
    }
}

/// <summary>A user's FluentValidation validator over the report model, run by the checker: its failures become findings.</summary>
/// <param name="validator">The user's validator.</param>
public sealed class FluentValidationFindingSource(IValidator<AnnualReport> validator) : IFindingSource
{
    /// <inheritdoc/>
    public string Name => validator.GetType().Name;

    /// <inheritdoc/>
    public void Check(AnnualReport report, ICollection<Finding> findings)
    {
        foreach (var failure in validator.Validate(report).Errors)
        {
            if (failure.CustomState is Finding finding)
            {
                findings.Add(finding);
                continue;
            }

            findings.Add(new Finding
            {
                RuleId = string.IsNullOrEmpty(failure.ErrorCode) ? $"{Name}.{failure.PropertyName}" : failure.ErrorCode,
                Severity = failure.Severity switch
                {
                    FluentValidation.Severity.Error => Rules.Severity.Error,
                    FluentValidation.Severity.Warning => Rules.Severity.Warning,
                    _ => Rules.Severity.Info,
                },
                Title = new LocalizedText(Name, Name),
                Message = new LocalizedText(failure.ErrorMessage, failure.ErrorMessage),
                Actual = failure.AttemptedValue is IConvertible c && decimal.TryParse(Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Any, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null,
            });
        }
    }
}
