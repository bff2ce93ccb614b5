using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Tests.Rules.Language;

[TestFixture]
public sealed class BinderTests
{
    private static Bound Bind(string text, SchemaVersion schema) =>
        new Binder(SchemaCatalog.Get(schema)).Bind(ExpressionParser.Parse(text));

    private static BindException Fails(string text, SchemaVersion schema) =>
        Assert.Throws<BindException>(() => Bind(text, schema))!;

    [Test]
    public void Bind_IdentityOverChildren_IsConditionOverEveryPart()
    {
        var bound = Bind("requests.received == sum(children(requests.received))", SchemaVersion.Pre2019);
        var cells = new HashSet<CellDefinition>();
        ExpressionCompiler.CollectValueCells(bound, cells);
        Assert.Multiple(() =>
        {
            Assert.That(bound.Type, Is.EqualTo(ExprType.Boolean));
            Assert.That(cells.Select(c => c.Id.Value).Order(), Is.EqualTo(new[]
            {
                "requests.received", "requests.received.fax", "requests.received.in_person", "requests.received.letter", "requests.received.online",
            }));
        });
    }

    [Test]
    public void Bind_ChildrenOfHeaderWithColumn_LooksThroughGroupsAndSkipsRelatedTotal()
    {
        var bound = (BoundBinary)Bind("result.total[total] == sum(children(result[total]))", SchemaVersion.Format2021);
        var list = (BoundList)((BoundNumericCall)bound.Right).Arguments[0];
        Assert.Multiple(() =>
        {
            Assert.That(list.Cells, Has.Count.EqualTo(21), "granted, partial, 8 withheld, 3 unable, 5 not processed, 3 other");
            Assert.That(list.Cells.Select(c => c.Id.Column), Has.All.EqualTo("total"));
            Assert.That(list.Cells.Select(c => c.Id.Value), Has.None.EqualTo("result.total[total]"));
        });
    }

    [Test]
    public void Bind_UnknownCellId_SuggestsNearestId()
    {
        var e = Fails("requests.recieved >= 0", SchemaVersion.Pre2019);
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Contain("unknown cell id 'requests.recieved' in schema pre2019"));
            Assert.That(e.Message, Does.Contain("did you mean 'requests.received'?"));
            Assert.That(e.Position, Is.EqualTo(0));
        });
    }

    [Test]
    public void Bind_MisspelledColumn_SuggestsNearestCell()
    {
        var e = Fails("1 + requests.new[natual_person] >= 0", SchemaVersion.Format2021);
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Contain("unknown cell id 'requests.new[natual_person]'"));
            Assert.That(e.Message, Does.Contain("did you mean 'requests.new[natural_person]'?"));
            Assert.That(e.Position, Is.EqualTo(4));
        });
    }

    [Test]
    public void Bind_RowWithColumnsWithoutColumn_AsksForColumn()
    {
        var e = Fails("requests.new >= 0", SchemaVersion.Format2021);
        Assert.That(e.Message, Is.EqualTo("'requests.new' is a row with columns; name a column, e.g. requests.new[natural_person]"));
    }

    [Test]
    public void Bind_UnknownColumnInList_NamesTable()
    {
        var e = Fails("sum(children(result[nobody])) >= 0", SchemaVersion.Format2021);
        Assert.That(e.Message, Is.EqualTo("unknown column 'nobody' in table 'applications'"));
    }

    [Test]
    public void Bind_UnknownRowInChildren_Suggests()
    {
        var e = Fails("sum(children(review.totl)) >= 0", SchemaVersion.Pre2019);
        Assert.That(e.Message, Does.StartWith("unknown row 'review.totl' in schema pre2019; did you mean 'review.total'?"));
    }

    [TestCase("sum(children(requests.received)) && 1", 0, "'&&' needs a condition, got a number")]
    [TestCase("requests.received == 1 && 2", 26, "'&&' needs a condition, got a number")]
    [TestCase("isblank(requests.received) + 1 > 0", 0, "'+' needs a number, got a condition")]
    [TestCase("!requests.received", 1, "'!' needs a condition, got a number")]
    [TestCase("-isblank(requests.received) > 0", 1, "'-' needs a number, got a condition")]
    [TestCase("children(requests.received) > 0", 0, "'>' needs a number, got a cell list (use it inside sum/min/max)")]
    [TestCase("sum(requests.received > 1) > 0", 22, "sum() takes numbers or cell lists, not a condition")]
    public void Bind_TypeError_ThrowsAtOperand(string text, int position, string message)
    {
        var e = Fails(text, SchemaVersion.Pre2019);
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Is.EqualTo(message));
            Assert.That(e.Position, Is.EqualTo(position));
        });
    }

    [Test]
    public void Bind_UnknownFunction_ListsKnownFunctions()
    {
        var e = Fails("avg(requests.received) > 0", SchemaVersion.Pre2019);
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.StartWith("unknown function 'avg' (known: sum, min, max, abs"));
            Assert.That(e.Position, Is.EqualTo(0));
        });
    }

    [TestCase("abs(1, 2) > 0", "abs() takes 1 argument(s), got 2")]
    [TestCase("children() > 0", "children() takes 1 argument(s), got 0")]
    [TestCase("isblank(requests.received, requests.completed)", "isblank() takes 1 argument(s), got 2")]
    [TestCase("sum() > 0", "sum() needs at least one argument")]
    [TestCase("isblank(1)", "isblank() takes a cell id")]
    [TestCase("children(1) > 0", "children() takes a row id, optionally with a [column]")]
    public void Bind_WrongArguments_Throws(string text, string message)
    {
        Assert.That(Fails(text, SchemaVersion.Pre2019).Message, Is.EqualTo(message));
    }

    [Test]
    public void Bind_Year_IsNumber()
    {
        Assert.That(Bind("year >= 2015", SchemaVersion.Pre2019).Type, Is.EqualTo(ExprType.Boolean));
    }
}
