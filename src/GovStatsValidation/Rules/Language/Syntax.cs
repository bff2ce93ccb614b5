using System.Globalization;

namespace GovStatsValidation.Rules.Language;

/// <summary>A syntax error in a rule expression, at a character offset.</summary>
internal sealed class ExpressionSyntaxException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}

/// <summary>The expression language's syntax tree.</summary>
internal abstract record Syntax(int Position);

internal sealed record NumberSyntax(decimal Value, int Position) : Syntax(Position);

/// <summary>A cell or row reference: <c>active.total</c>, <c>requests.new[natural_person]</c>, <c>result.withheld</c>.</summary>
internal sealed record ReferenceSyntax(string Name, int Position) : Syntax(Position);

internal sealed record CallSyntax(string Function, IReadOnlyList<Syntax> Arguments, int Position) : Syntax(Position);

internal sealed record UnarySyntax(string Operator, Syntax Operand, int Position) : Syntax(Position);

internal sealed record BinarySyntax(string Operator, Syntax Left, Syntax Right, int Position) : Syntax(Position);

/// <summary>Recursive-descent parser of rule expressions.</summary>
/// <remarks>
/// Grammar: or := and ('||' and)*; and := not ('&amp;&amp;' not)*; not := '!' not | cmp;
/// cmp := add (('=='|'!='|'&lt;'|'&lt;='|'&gt;'|'&gt;=') add)?; add := mul (('+'|'-') mul)*;
/// mul := unary (('*'|'/') unary)*; unary := '-' unary | primary;
/// primary := number | name '(' args ')' | reference | '(' or ')'.
/// A reference is dotted identifiers with an optional bracketed column: <c>a.b[c.d]</c>.
/// </remarks>
internal sealed class ExpressionParser
{
    /// <summary>The most operators and calls in one expression; a longer expression is a load error, not a stack overflow.</summary>
    public const int MaxOperators = 1000;

    /// <summary>The deepest nesting of parentheses, calls and unary operators.</summary>
    public const int MaxNesting = 100;

    private readonly string _text;
    private int _pos;
    private int _operators;
    private int _nesting;

    private ExpressionParser(string text) => _text = text;

    public static Syntax Parse(string text)
    {
        var parser = new ExpressionParser(text);
        var result = parser.ParseOr();
        parser.SkipSpace();
        if (parser._pos < text.Length)
        {
            throw new ExpressionSyntaxException($"unexpected '{text[parser._pos]}'", parser._pos);
        }

        return result;
    }

    private Syntax ParseOr()
    {
        var left = ParseAnd();
        while (TryOperator("||") || TryWord("or"))
        {
            var at = _pos;
            left = Node(new BinarySyntax("||", left, ParseAnd(), at));
        }

        return left;
    }

    private Syntax ParseAnd()
    {
        var left = ParseNot();
        while (TryOperator("&&") || TryWord("and"))
        {
            var at = _pos;
            left = Node(new BinarySyntax("&&", left, ParseNot(), at));
        }

        return left;
    }

    private Syntax ParseNot()
    {
        SkipSpace();
        var at = _pos;
        if (Peek('!') && !Peek('=', 1))
        {
            _pos++;
            return Nested(() => new UnarySyntax("!", ParseNot(), at), at);
        }

        if (TryWord("not"))
        {
            return Nested(() => new UnarySyntax("!", ParseNot(), at), at);
        }

        return ParseComparison();
    }

    private Syntax ParseComparison()
    {
        var left = ParseAdditive();
        SkipSpace();
        foreach (var op in (ReadOnlySpan<string>)["==", "!=", "<=", ">=", "<", ">", "="])
        {
            var at = _pos;
            if (TryOperator(op))
            {
                return Node(new BinarySyntax(op == "=" ? "==" : op, left, ParseAdditive(), at));
            }
        }

        return left;
    }

    private Syntax ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (true)
        {
            SkipSpace();
            var at = _pos;
            if (TryOperator("+"))
            {
                left = Node(new BinarySyntax("+", left, ParseMultiplicative(), at));
            }
            else if (TryOperator("-"))
            {
                left = Node(new BinarySyntax("-", left, ParseMultiplicative(), at));
            }
            else
            {
                return left;
            }
        }
    }

    private Syntax ParseMultiplicative()
    {
        var left = ParseUnary();
        while (true)
        {
            SkipSpace();
            var at = _pos;
            if (TryOperator("*"))
            {
                left = Node(new BinarySyntax("*", left, ParseUnary(), at));
            }
            else if (TryOperator("/"))
            {
                left = Node(new BinarySyntax("/", left, ParseUnary(), at));
            }
            else
            {
                return left;
            }
        }
    }

    private Syntax ParseUnary()
    {
        SkipSpace();
        var at = _pos;
        if (TryOperator("-"))
        {
            return Nested(() => new UnarySyntax("-", ParseUnary(), at), at);
        }

        return ParsePrimary();
    }

    private Syntax ParsePrimary()
    {
        SkipSpace();
        var at = _pos;
        if (_pos >= _text.Length)
        {
            throw new ExpressionSyntaxException("unexpected end of expression", _pos);
        }

        var c = _text[_pos];
        if (c == '(')
        {
            _pos++;
            var inner = Nested(ParseOr, at);
            Expect(')');
            return inner;
        }

        if (char.IsAsciiDigit(c))
        {
            while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '.'))
            {
                _pos++;
            }

            var literal = _text[at.._pos];
            if (!decimal.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                throw new ExpressionSyntaxException($"bad number '{literal}'", at);
            }

            return new NumberSyntax(value, at);
        }

        if (IsIdentStart(c))
        {
            var name = ReadDotted();
            SkipSpace();
            if (Peek('('))
            {
                _pos++;
                var args = new List<Syntax>();
                SkipSpace();
                if (!Peek(')'))
                {
                    do
                    {
                        args.Add(Nested(ParseOr, at));
                        SkipSpace();
                    }
                    while (TryOperator(","));
                }

                Expect(')');
                return Node(new CallSyntax(name.ToLowerInvariant(), args, at));
            }

            if (Peek('['))
            {
                _pos++;
                SkipSpace();
                var column = ReadDotted();
                SkipSpace();
                Expect(']');
                name = $"{name}[{column}]";
            }

            return new ReferenceSyntax(name, at);
        }

        throw new ExpressionSyntaxException($"unexpected '{c}'", _pos);
    }

    private T Node<T>(T node)
        where T : Syntax
    {
        if (++_operators > MaxOperators)
        {
            throw new ExpressionSyntaxException($"expression too long: more than {MaxOperators} operators and calls", node.Position);
        }

        return node;
    }

    private Syntax Nested(Func<Syntax> parse, int at)
    {
        if (++_nesting > MaxNesting)
        {
            throw new ExpressionSyntaxException($"expression nested too deeply: more than {MaxNesting} levels of parentheses, calls or unary operators", at);
        }

        var result = parse();
        _nesting--;
        return result;
    }

    private string ReadDotted()
    {
        var start = _pos;
        if (_pos >= _text.Length || !IsIdentStart(_text[_pos]))
        {
            throw new ExpressionSyntaxException("identifier expected", _pos);
        }

        while (_pos < _text.Length && (IsIdentPart(_text[_pos]) || (_text[_pos] == '.' && _pos + 1 < _text.Length && IsIdentPart(_text[_pos + 1]))))
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    private static bool IsIdentStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsIdentPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private void Expect(char c)
    {
        SkipSpace();
        if (!Peek(c))
        {
            throw new ExpressionSyntaxException(_pos < _text.Length ? $"'{c}' expected, found '{_text[_pos]}'" : $"'{c}' expected at end", _pos);
        }

        _pos++;
    }

    private bool Peek(char c, int ahead = 0) => _pos + ahead < _text.Length && _text[_pos + ahead] == c;

    private bool TryOperator(string op)
    {
        SkipSpace();
        if (string.CompareOrdinal(_text, _pos, op, 0, op.Length) != 0)
        {
            return false;
        }

        // '<' must not swallow '<=', '=' must not be half of '=='.
        if (op.Length == 1 && op is "<" or ">" or "=" && Peek('=', 1))
        {
            return false;
        }

        _pos += op.Length;
        return true;
    }

    private bool TryWord(string word)
    {
        SkipSpace();
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0
            && (_pos + word.Length >= _text.Length || !IsIdentPart(_text[_pos + word.Length]))
            && (_pos + word.Length >= _text.Length || _text[_pos + word.Length] != '('))
        {
            _pos += word.Length;
            return true;
        }

        return false;
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }
}
