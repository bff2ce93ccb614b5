using GovStatsValidation.Json;

namespace GovStatsValidation.Tests.Json;

[TestFixture]
public sealed class DataFileTests
{
    [Test]
    public void Parse_Truncated_OneProblemAtThePositionAndNoRoot()
    {
        var file = DataFile.Parse("{\n  \"a\": [1, 2,\n", "t.json");

        Assert.Multiple(() =>
        {
            Assert.That(file.Root, Is.Null);
            Assert.That(file.Problems, Has.Count.EqualTo(1));
            Assert.That(file.Problems[0].File, Is.EqualTo("t.json"));
            Assert.That(file.Problems[0].Line, Is.EqualTo(3));
            Assert.That(file.Problems[0].Message, Does.StartWith("not valid JSON: "));
        });
    }

    [Test]
    public void Parse_TwoDuplicatedKeys_BothListedWithLinesAndTheFirstValueKept()
    {
        var file = DataFile.Parse("{\n  \"a\": 1,\n  \"a\": 2,\n  \"o\": { \"b\": true,\n    \"b\": false }\n}", "d.json");

        Assert.Multiple(() =>
        {
            Assert.That(file.Problems.Select(p => (p.Line, p.Message)), Is.EqualTo(new (int?, string)[]
            {
                (3, "duplicate key 'a' in one object (at the top level); the first one is kept"),
                (5, "duplicate key 'b' in one object (at o); the first one is kept"),
            }));
            Assert.That((int?)file.Root!["a"], Is.EqualTo(1));
        });
    }

    [Test]
    public void Parse_EmptyOrNotAnObject_ProblemNotException()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DataFile.Parse("  ", "e.json").Problems.Single().Message, Is.EqualTo("the file is empty; it must hold a JSON object"));
            Assert.That(DataFile.Parse("[1]", "a.json").Problems.Single().Message, Is.EqualTo("the file must hold a JSON object, not an array"));
        });
    }

    [Test]
    public void Accessors_WrongTypesMissingAndUnknown_EveryProblemWithItemAndLine()
    {
        var file = DataFile.Parse("{\n  \"name\": 5,\n  \"count\": \"five\",\n  \"flag\": \"yes\",\n  \"title\": { \"zh\": \"中\" },\n  \"extra\": 1,\n  \"$comment\": \"allowed\"\n}", "w.json");
        var root = file.Root!;

        Assert.Multiple(() =>
        {
            Assert.That(file.GetString(root, "name", "item"), Is.Null);
            Assert.That(file.GetInteger(root, "count", "item"), Is.Null);
            Assert.That(file.GetBoolean(root, "flag", "item"), Is.Null);
            Assert.That(file.GetText(root, "title", "item"), Is.Null);
            Assert.That(file.GetString(root, "absent", "item", required: true), Is.Null);
        });
        file.CheckProperties(root, "item", "name", "count", "flag", "title", "absent");

        Assert.Multiple(() =>
        {
            Assert.That(file.Problems.Select(p => p.ToString()), Is.EqualTo(new[]
            {
                "w.json(2,11): [item] 'name' must be a string, not the number 5",
                "w.json(3,17): [item] 'count' must be an integer, not the string \"five\"",
                "w.json(4,15): [item] 'flag' must be true or false, not the string \"yes\"",
                "w.json(5,12): [item] 'title' must be an object with \"zh\" and \"en\" strings",
                "w.json(1,1): [item] missing 'absent' (a string)",
                "w.json(6,10): [item] unknown property 'extra' (known: name, count, flag, title, absent)",
            }));
            var e = Assert.Throws<DataFileLoadException>(file.ThrowIfAny)!;
            Assert.That(e.Problems, Has.Count.EqualTo(6));
            Assert.That(e.Message, Does.StartWith("6 problem(s) in 1 data file(s):"));
        });
    }

    [Test]
    public void Read_MissingFile_ProblemNamingThePathNotException()
    {
        var path = Path.Combine(Path.GetTempPath(), "datafiles-no-such-" + Guid.NewGuid().ToString("N") + ".json");

        var file = DataFile.Read(path);

        Assert.Multiple(() =>
        {
            Assert.That(file.Root, Is.Null);
            Assert.That(file.Problems.Single().File, Is.EqualTo(path));
            Assert.That(file.Problems.Single().Message, Does.StartWith("cannot read the file: "));
        });
    }
}
