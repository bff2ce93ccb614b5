using System.Globalization;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Tests.Rules;

/// <summary>The rule language's public seam for comparing reports: bind in a frame of two reports, resolve names, evaluate, write the formula.</summary>
[TestFixture]
public sealed class RuleExpressionTests
{
    private static readonly ReportSchema F2021 = SchemaCatalog.Get(SchemaVersion.Format2021);

    private static AnnualReport Report(int year, decimal carriedOver, decimal carryForward) => new()
    {
        Agency = new Agency("示例县人民政府"),
        Year = year,
        Schema = SchemaVersion.Format2021,
        Cells =
        {
            [new CellId("requests.carried_over[total]")] = CellValue.Of(carriedOver),
            [new CellId("requests.carry_forward[total]")] = CellValue.Of(carryForward),
        },
    };

    /// <summary>Names <c>total.carried</c> as an expression over the other report; any other unknown name is not applicable.</summary>
    private sealed class Resolver : IExpressionResolver
    {
        public ExpressionBinding? ResolveReference(ExpressionFrame frame, string name) => name switch
        {
            "prev.carried" => ExpressionBinding.Expression("requests.carry_forward[total] + 0", inOther: true),
            "missing.thing" => ExpressionBinding.NotApplicable(new LocalizedText("没有", "none")),
            _ => null,
        };

        public ExpressionBinding? ResolveCall(ExpressionFrame frame, string functionName, IReadOnlyList<string?> arguments) =>
            functionName == "outside" ? ExpressionBinding.Computed("outside()", "外部值", tag: 42) : null;
    }

    [Test]
    public void Bind_PrefixedCellOfOtherReport_EvaluatesOnBothReports()
    {
        var frame = new ExpressionFrame(F2021, "prev.", F2021);
        var expression = frame.Bind("requests.carried_over[$c] == prev.requests.carry_forward[$c]", new Dictionary<string, string> { ["c"] = "total" });

        var holds = frame.Load(Report(2022, 5, 0), Report(2021, 0, 5));
        var fails = frame.Load(Report(2022, 5, 0), Report(2021, 0, 7));

        Assert.Multiple(() =>
        {
            Assert.That(expression.Text, Is.EqualTo("requests.carried_over[total] == prev.requests.carry_forward[total]"));
            Assert.That(expression.IsCondition, Is.True);
            Assert.That(expression.ValueCells.Select(c => (c.Id, c.Part)), Is.EqualTo(new[] { ("requests.carried_over[total]", 0), ("prev.requests.carry_forward[total]", 1) }));
            Assert.That(expression.Holds(holds), Is.True);
            Assert.That(expression.Holds(fails), Is.False);
            Assert.That(expression.Holds(fails, tolerance: 2), Is.True);
            Assert.That(expression.TryEvaluateSides(fails, out var left, out var right) && left == 5 && right == 7, Is.True);
            Assert.That(expression.Formula(fails, CultureInfo.InvariantCulture), Does.Contain("5").And.Contain("7").And.Contain("≠"));
        });
    }

    [Test]
    public void Bind_UnknownCell_ThrowsWithSuggestionAndPosition()
    {
        var frame = new ExpressionFrame(F2021, "prev.", F2021);

        var e = Assert.Throws<RuleExpressionException>(() => frame.Bind("review[total] <= prev.requests.carry_froward[total]"));

        Assert.That(e!.Message, Does.Contain("did you mean 'requests.carry_forward"));
        Assert.That(e.Position, Is.EqualTo("review[total] <= ".Length));
        Assert.That(e.Text, Is.EqualTo("review[total] <= prev.requests.carry_froward[total]"));
    }

    [Test]
    public void Bind_ResolverNames_ExpressionComputedAndNotApplicable()
    {
        var frame = new ExpressionFrame(F2021, "prev.", F2021);
        var expression = frame.Bind("prev.carried + outside() == 12", resolver: new Resolver());
        var values = frame.Load(Report(2022, 0, 0), Report(2021, 0, 5));
        values.SetComputed(frame.Computed.Single(), 7);

        Assert.Multiple(() =>
        {
            Assert.That(frame.Computed.Single().Tag, Is.EqualTo(42));
            Assert.That(expression.ValueCells.Select(c => c.Id), Is.EqualTo(new[] { "prev.requests.carry_forward[total]", "outside()" }));
            Assert.That(expression.Holds(values), Is.True);
            Assert.That(Assert.Throws<ExpressionNotApplicableException>(() => frame.Bind("missing.thing > 0", resolver: new Resolver()))!.Reason.En, Is.EqualTo("none"));
            Assert.That(() => frame.Bind("sum(1, year > 0)"), Throws.InstanceOf<RuleExpressionException>());
        });
    }

    [Test]
    public void Evaluate_NumberExpressionOnValuesOfAnotherFrame_Throws()
    {
        var expression = new ExpressionFrame(F2021).Bind("requests.carried_over[total] * 2");
        var other = new ExpressionFrame(F2021).Load(Report(2022, 3, 0));

        Assert.That(expression.Evaluate(expression.Frame.Load(Report(2022, 3, 0))), Is.EqualTo(6m));
        Assert.That(() => expression.Evaluate(other), Throws.ArgumentException);
    }
}
