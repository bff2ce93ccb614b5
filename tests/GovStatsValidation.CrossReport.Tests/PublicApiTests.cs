using GovStatsValidation.TestUtils;
using NUnit.Framework;

namespace GovStatsValidation.CrossReport.Tests;

[TestFixture]
public sealed class PublicApiTests
{
    /// <summary>
    /// The public surface of GovStatsValidation.CrossReport is declared in src/GovStatsValidation.CrossReport/PublicAPI.Shipped.txt and PublicAPI.Unshipped.txt and
    /// checked by Microsoft.CodeAnalysis.PublicApiAnalyzers on every build; this test fails if that check is switched off.
    /// </summary>
    [Test]
    public void PublicApi_CrossReportAssembly_IsDeclaredAndChecked()
    {
        Assert.That(PublicApi.Problems(typeof(CrossReportChecker).Assembly, Path.Combine(RepoPaths.Root, "src", "GovStatsValidation.CrossReport")), Is.Empty);
    }

    /// <summary>
    /// The cross-report rules are bound through the rule language's public seam (<c>ExpressionFrame</c>,
    /// <c>IExpressionResolver</c>): no packed assembly opens its internals to another packed assembly.
    /// </summary>
    [Test]
    public void InternalsVisibleTo_PackedAssemblies_NameNoPackedAssembly()
    {
        string[] packed = ["GovStatsValidation", "GovStatsValidation.CrossReport", "GovStatsValidation.Readers", "GovStatsValidation.NUnit", "GovStatsValidation.Cli"];
        var friends = new[] { typeof(GovStatsValidation.Rules.RuleDefinition).Assembly, typeof(CrossReportChecker).Assembly }
            .SelectMany(a => a.GetCustomAttributes(typeof(System.Runtime.CompilerServices.InternalsVisibleToAttribute), false)
                .Cast<System.Runtime.CompilerServices.InternalsVisibleToAttribute>()
                .Select(v => $"{a.GetName().Name} → {v.AssemblyName}"))
            .ToList();

        Assert.That(friends, Is.Not.Empty, "the test assemblies are friends, so the attribute is read");
        Assert.That(friends.Where(f => packed.Contains(f[(f.IndexOf('→', StringComparison.Ordinal) + 2)..].Split(',')[0])), Is.Empty);
    }
}
