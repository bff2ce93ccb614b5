using System.Globalization;
using GovStatsValidation.Rules.Language;

namespace GovStatsValidation.Tests.Rules.Language;

[TestFixture]
public sealed class ExpressionParserTests
{
    /// <summary>The syntax tree as an S-expression, so precedence shows in the test text.</summary>
    private static string Tree(string text) => Show(ExpressionParser.Parse(text));

    private static string Show(Syntax s) => s switch
    {
        NumberSyntax n => n.Value.ToString(CultureInfo.InvariantCulture),
        ReferenceSyntax r => r.Name,
        CallSyntax c => $"{c.Function}({string.Join(", ", c.Arguments.Select(Show))})",
        UnarySyntax u => $"({u.Operator} {Show(u.Operand)})",
        BinarySyntax b => $"({b.Operator} {Show(b.Left)} {Show(b.Right)})",
        _ => "?",
    };

    [TestCase("1 + 2 * 3", "(+ 1 (* 2 3))")]
    [TestCase("(1 + 2) * 3", "(* (+ 1 2) 3)")]
    [TestCase("1 - 2 - 3", "(- (- 1 2) 3)")]
    [TestCase("8 / 4 / 2", "(/ (/ 8 4) 2)")]
    [TestCase("-a * b", "(* (- a) b)")]
    [TestCase("a + b == c * 2", "(== (+ a b) (* c 2))")]
    [TestCase("a == 1 || b == 2 && c == 3", "(|| (== a 1) (&& (== b 2) (== c 3)))")]
    [TestCase("(a == 1 || b == 2) && c == 3", "(&& (|| (== a 1) (== b 2)) (== c 3))")]
    [TestCase("!a == 1", "(! (== a 1))")]
    [TestCase("!isblank(x) && y >= 0", "(&& (! isblank(x)) (>= y 0))")]
    [TestCase("a and b or not c", "(|| (&& a b) (! c))")]
    [TestCase("a = b", "(== a b)")]
    [TestCase("a<=b", "(<= a b)")]
    [TestCase("a<b", "(< a b)")]
    [TestCase("a != b", "(!= a b)")]
    [TestCase("requests.new[org.commercial] >= 0", "(>= requests.new[org.commercial] 0)")]
    [TestCase("requests.new[ total ]", "requests.new[total]")]
    [TestCase("SUM(children(requests.received), 1.5)", "sum(children(requests.received), 1.5)")]
    [TestCase("order.x + org.y", "(+ order.x org.y)")]
    public void Parse_ValidExpression_BuildsTreeWithPrecedence(string text, string expected)
    {
        Assert.That(Tree(text), Is.EqualTo(expected));
    }

    [TestCase("1 +", 3, "unexpected end of expression")]
    [TestCase("(1 + 2", 6, "')' expected at end")]
    [TestCase("a # b", 2, "unexpected '#'")]
    [TestCase("1..2", 0, "bad number '1..2'")]
    [TestCase("a[ ]", 3, "identifier expected")]
    [TestCase("sum(1 2)", 6, "')' expected, found '2'")]
    [TestCase("a == b == c", 7, "unexpected '='")]
    [TestCase("", 0, "unexpected end of expression")]
    public void Parse_SyntaxError_ThrowsWithPosition(string text, int position, string message)
    {
        var e = Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.Parse(text));
        Assert.Multiple(() =>
        {
            Assert.That(e!.Message, Is.EqualTo(message));
            Assert.That(e.Position, Is.EqualTo(position));
        });
    }
}
