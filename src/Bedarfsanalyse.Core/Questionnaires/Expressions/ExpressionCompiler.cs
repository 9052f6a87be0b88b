using System.Globalization;
using System.Text.RegularExpressions;

namespace Bedarfsanalyse.Core.Questionnaires.Expressions;

/// <summary>
/// Type-checks a parsed expression against the questionnaire and turns it into a tree of delegates, so that a
/// published version is parsed and checked once and then only run. Problems are collected, never thrown.
/// </summary>
internal sealed class ExpressionCompiler
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    private readonly ExpressionContext _context;
    private readonly List<ExpressionProblem> _problems;
    private readonly List<string> _references = [];

    private ExpressionCompiler(ExpressionContext context, List<ExpressionProblem> problems)
    {
        _context = context;
        _problems = problems;
    }

    private readonly record struct Bound(StaticType Type, Evaluator Evaluate, SyntaxNode Node)
    {
        public DataKind Kind => Type.Kind;
    }

    public static CompiledExpression Compile(SyntaxNode root, ExpressionContext context, List<ExpressionProblem> problems)
    {
        var compiler = new ExpressionCompiler(context, problems);
        var bound = compiler.Bind(root);
        return new CompiledExpression(bound.Type, bound.Evaluate, compiler._references.Distinct().ToList());
    }

    private Bound Bind(SyntaxNode node) => node switch
    {
        NumberLiteral n => Constant(StaticType.Number, Value.Of(n.Value), node),
        StringLiteral s => s.Value.Length == 0
            ? Constant(StaticType.Empty, Value.Empty, node)
            : Constant(StaticType.Text, Value.Of(s.Value), node),
        Reference r => BindReference(r),
        CurrentValue c => BindCurrentValue(c),
        BareName b => BindBareName(b),
        Call c => BindCall(c),
        Binary b => BindBinary(b),
        Negation n => BindNegation(n),
        _ => Fail(node, "syntax_error", "Unbekannter Ausdruck."),
    };

    private static Bound Constant(StaticType type, Value value, SyntaxNode node) => new(type, _ => value, node);

    private Bound Fail(SyntaxNode node, string code, string message)
    {
        _problems.Add(new ExpressionProblem(node.Position, code, message));
        return new Bound(StaticType.Unknown, static _ => Value.Empty, node);
    }

    private Bound BindReference(Reference reference)
    {
        var symbol = _context.Symbols.Resolve(reference.Name, out var problem);
        if (symbol is not { } found)
        {
            return problem is null
                ? Fail(reference, "unknown_reference", $"Die Frage „{reference.Name}“ gibt es nicht.")
                : Fail(reference, "invalid_reference", problem);
        }

        _references.Add(reference.Name);
        var slot = found.Slot;
        return new Bound(found.Type, scope => scope.Values[slot], reference);
    }

    private Bound BindCurrentValue(CurrentValue node) => _context.CurrentType is { } type
        ? new Bound(type, static scope => scope.Current, node)
        : Fail(node, "misplaced_current_value", "„.“ (der eigene Wert) ist nur in einer Prüfbedingung (constraint) erlaubt.");

    private Bound BindBareName(BareName node)
    {
        if (_context.FilteredList is not { } list)
        {
            return Fail(node, "unknown_name", $"„{node.Name}“ ist weder Funktion noch Verweis; auf eine Frage verweisen Sie mit ${{{node.Name}}}.");
        }

        if (node.Name == "name")
        {
            return new Bound(new StaticType(DataKind.Choice, list), static scope => Value.Of(scope.Choice?.Code), node);
        }

        if (list.Choices.Any(c => c.Properties.ContainsKey(node.Name)))
        {
            var property = node.Name;
            return new Bound(StaticType.Text, scope =>
                scope.Choice is { } choice && choice.Properties.TryGetValue(property, out var value) ? Value.Of(value) : Value.Empty, node);
        }

        return Fail(node, "unknown_choice_property", $"Die Auswahlliste „{list.Name}“ hat keine Spalte „{node.Name}“; im Auswahlfilter stehen „name“ und die Zusatzspalten der Liste zur Verfügung.");
    }

    private Bound BindNegation(Negation node)
    {
        var operand = Bind(node.Operand);
        Require(operand, "Das Minuszeichen", DataKind.Number);
        var evaluate = operand.Evaluate;
        return new Bound(StaticType.Number, scope => evaluate(scope) is { Kind: DataKind.Number } v ? Value.Of(-v.Number) : Value.Empty, node);
    }

    private Bound BindBinary(Binary node)
    {
        var left = Bind(node.Left);
        var right = Bind(node.Right);
        var symbol = BinaryOperatorText.Of(node.Operator);
        switch (node.Operator)
        {
            case BinaryOperator.Or:
            case BinaryOperator.And:
            {
                Require(left, $"„{symbol}“", DataKind.Boolean);
                Require(right, $"„{symbol}“", DataKind.Boolean);
                var (l, r) = (left.Evaluate, right.Evaluate);
                Evaluator evaluate = node.Operator == BinaryOperator.Or
                    ? scope => Value.Of(l(scope).Boolean || r(scope).Boolean)
                    : scope => Value.Of(l(scope).Boolean && r(scope).Boolean);
                return new Bound(StaticType.Boolean, evaluate, node);
            }

            case BinaryOperator.Equal:
            case BinaryOperator.NotEqual:
            {
                (left, right) = CheckComparable(node, left, right, ordered: false);
                var (l, r) = (left.Evaluate, right.Evaluate);
                Evaluator evaluate = node.Operator == BinaryOperator.Equal
                    ? scope => Value.Of(AreEqual(l(scope), r(scope)))
                    : scope => Value.Of(!AreEqual(l(scope), r(scope)));
                return new Bound(StaticType.Boolean, evaluate, node);
            }

            case BinaryOperator.Less:
            case BinaryOperator.LessOrEqual:
            case BinaryOperator.Greater:
            case BinaryOperator.GreaterOrEqual:
            {
                (left, right) = CheckComparable(node, left, right, ordered: true);
                var (l, r) = (left.Evaluate, right.Evaluate);
                Func<int, bool> test = node.Operator switch
                {
                    BinaryOperator.Less => static c => c < 0,
                    BinaryOperator.LessOrEqual => static c => c <= 0,
                    BinaryOperator.Greater => static c => c > 0,
                    _ => static c => c >= 0,
                };
                return new Bound(StaticType.Boolean, scope => Compare(l(scope), r(scope)) is { } c ? Value.Of(test(c)) : Value.False, node);
            }

            default:
                return BindArithmetic(node, left, right, symbol);
        }
    }

    private Bound BindArithmetic(Binary node, Bound left, Bound right, string symbol)
    {
        var (l, r) = (left.Evaluate, right.Evaluate);
        if (node.Operator is BinaryOperator.Add or BinaryOperator.Subtract && (left.Kind == DataKind.Date || right.Kind == DataKind.Date))
        {
            // Dates count in days, as in XPath: date ± days is a date, date − date the days between them.
            if (left.Kind == DataKind.Date && right.Kind == DataKind.Date && node.Operator == BinaryOperator.Subtract)
            {
                return new Bound(StaticType.Number, scope =>
                    l(scope) is { Kind: DataKind.Date } a && r(scope) is { Kind: DataKind.Date } b
                        ? Value.Of(a.Date.DayNumber - b.Date.DayNumber)
                        : Value.Empty, node);
            }

            var (date, days, daysBound) = left.Kind == DataKind.Date ? (l, r, right) : (r, l, left);
            if (left.Kind != DataKind.Date && node.Operator == BinaryOperator.Subtract)
            {
                return Fail(node, "type_mismatch", "Ein Datum kann nicht von einer Zahl abgezogen werden.");
            }

            Require(daysBound, $"„{symbol}“ mit einem Datum", DataKind.Number);
            var sign = node.Operator == BinaryOperator.Add ? 1 : -1;
            return new Bound(StaticType.Date, scope => AddDays(date(scope), days(scope), sign), node);
        }

        Require(left, $"„{symbol}“", DataKind.Number);
        Require(right, $"„{symbol}“", DataKind.Number);
        Func<decimal, decimal, decimal?> operation = node.Operator switch
        {
            BinaryOperator.Add => static (a, b) => a + b,
            BinaryOperator.Subtract => static (a, b) => a - b,
            BinaryOperator.Multiply => static (a, b) => a * b,
            BinaryOperator.Divide => static (a, b) => b == 0 ? null : a / b,
            _ => static (a, b) => b == 0 ? null : a % b,
        };
        return new Bound(StaticType.Number, scope =>
        {
            var a = l(scope);
            var b = r(scope);
            if (a.Kind != DataKind.Number || b.Kind != DataKind.Number)
            {
                return Value.Empty;
            }

            try
            {
                return operation(a.Number, b.Number) is { } result ? Value.Of(result) : Value.Empty;
            }
            catch (OverflowException)
            {
                return Value.Empty;
            }
        }, node);
    }

    private static Value AddDays(Value date, Value days, int sign)
    {
        if (date.Kind != DataKind.Date || days.Kind != DataKind.Number || Math.Abs(days.Number) > 3_000_000)
        {
            return Value.Empty;
        }

        var dayNumber = date.Date.DayNumber + sign * (long)decimal.Truncate(days.Number);
        return dayNumber is >= 0 and <= 3_652_058 ? Value.Of(DateOnly.FromDayNumber((int)dayNumber)) : Value.Empty;
    }

    /// <summary>
    /// Checks that two operands can be compared and returns them, with an ISO date written as text turned into a date
    /// when the other side is a date. The literal '' may be compared with anything: it tests for "no answer".
    /// </summary>
    private (Bound, Bound) CheckComparable(Binary node, Bound left, Bound right, bool ordered)
    {
        if (left.Kind == DataKind.Unknown || right.Kind == DataKind.Unknown)
        {
            return (left, right);
        }

        if (left.Kind == DataKind.Date && right is { Kind: DataKind.Text, Node: StringLiteral rightText })
        {
            return (left, DateLiteral(rightText));
        }

        if (right.Kind == DataKind.Date && left is { Kind: DataKind.Text, Node: StringLiteral leftText })
        {
            return (DateLiteral(leftText), right);
        }

        var symbol = BinaryOperatorText.Of(node.Operator);
        if (ordered)
        {
            if (left.Kind == right.Kind && left.Kind is DataKind.Number or DataKind.Date)
            {
                return (left, right);
            }

            var hint = left.Kind is DataKind.Choice || right.Kind is DataKind.Choice
                ? " Auswahlcodes sind keine Zahlen; fragen Sie einzelne Codes mit selected(${frage}, 'code') ab."
                : "";
            Fail(node, "type_mismatch", $"„{symbol}“ vergleicht nur Zahlen mit Zahlen oder Daten mit Daten, nicht {left.Type.Describe()} mit {right.Type.Describe()}.{hint}");
            return (left, right);
        }

        if (left.Kind == DataKind.Empty || right.Kind == DataKind.Empty)
        {
            return (left, right);
        }

        if (left.Kind == DataKind.ChoiceSet || right.Kind == DataKind.ChoiceSet)
        {
            Fail(node, "type_mismatch", "Eine Mehrfachauswahl kann nicht mit „" + symbol + "“ verglichen werden; verwenden Sie selected(${frage}, 'code') oder count-selected(${frage}).");
            return (left, right);
        }

        var textual = IsTextual(left.Kind) && IsTextual(right.Kind);
        if (!textual && left.Kind != right.Kind)
        {
            Fail(node, "type_mismatch", $"Typen passen nicht zusammen: {left.Type.Describe()} kann nicht mit {right.Type.Describe()} verglichen werden.");
            return (left, right);
        }

        CheckCode(left, right);
        CheckCode(right, left);
        return (left, right);
    }

    private static bool IsTextual(DataKind kind) => kind is DataKind.Text or DataKind.Choice;

    /// <summary>A code written as text next to a choice question must be one of its list's codes.</summary>
    private void CheckCode(Bound choice, Bound other)
    {
        if (choice.Type is { Kind: DataKind.Choice or DataKind.ChoiceSet, List: { } list } && other.Node is StringLiteral literal
            && list.Find(literal.Value) is null && literal.Value != OtherOption.Code)
        {
            Fail(other.Node, "unknown_choice_code", $"Den Code „{ExpressionLexer.Shorten(literal.Value)}“ gibt es in der Auswahlliste „{list.Name}“ nicht.");
        }
    }

    private Bound DateLiteral(StringLiteral literal) =>
        DateOnly.TryParseExact(literal.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Constant(StaticType.Date, Value.Of(date), literal)
            : Fail(literal, "invalid_date", $"„{ExpressionLexer.Shorten(literal.Value)}“ ist kein Datum; schreiben Sie es als 'JJJJ-MM-TT', z. B. '2026-12-31'.");

    private static bool AreEqual(Value a, Value b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return a.IsEmpty && b.IsEmpty;
        }

        return a.Kind switch
        {
            DataKind.Number => b.Kind == DataKind.Number && a.Number == b.Number,
            DataKind.Date => b.Kind == DataKind.Date && a.Date == b.Date,
            DataKind.Boolean => b.Kind == DataKind.Boolean && a.Boolean == b.Boolean,
            DataKind.Text => b.Kind == DataKind.Text && string.Equals(a.Text, b.Text, StringComparison.Ordinal),
            DataKind.ChoiceSet => b.Kind == DataKind.ChoiceSet && a.Codes == b.Codes,
            _ => false,
        };
    }

    private static int? Compare(Value a, Value b) => (a.Kind, b.Kind) switch
    {
        (DataKind.Number, DataKind.Number) => a.Number.CompareTo(b.Number),
        (DataKind.Date, DataKind.Date) => a.Date.CompareTo(b.Date),
        _ => null,
    };

    private bool Require(Bound bound, string what, params DataKind[] allowed)
    {
        if (bound.Kind == DataKind.Unknown || allowed.Contains(bound.Kind))
        {
            return true;
        }

        var expected = string.Join(" oder ", allowed.Select(k => new StaticType(k).Describe()));
        Fail(bound.Node, "type_mismatch", $"{what} erwartet {expected}, hier steht aber {bound.Type.Describe()}.");
        return false;
    }

    private Bound BindCall(Call call)
    {
        if (!Functions.TryGetValue(call.Function, out var function))
        {
            return Fail(call, "unknown_function", $"Die Funktion „{ExpressionLexer.Shorten(call.Function)}“ gibt es nicht. Unterstützt werden: {string.Join(", ", Functions.Keys.Order(StringComparer.Ordinal))}.");
        }

        if (call.Arguments.Count != function.Arity)
        {
            foreach (var argument in call.Arguments)
            {
                Bind(argument);
            }

            return Fail(call, "wrong_argument_count", $"{call.Function}() erwartet {ArgumentCount(function.Arity)}, angegeben {(call.Arguments.Count == 1 ? "ist" : "sind")} {call.Arguments.Count}.");
        }

        var arguments = call.Arguments.Select(Bind).ToArray();
        return function.Bind(this, call, arguments);
    }

    private static string ArgumentCount(int count) => count switch
    {
        0 => "keine Argumente",
        1 => "ein Argument",
        _ => $"{count} Argumente",
    };

    private sealed record Function(int Arity, Func<ExpressionCompiler, Call, Bound[], Bound> Bind);

    private static readonly Dictionary<string, Function> Functions = new(StringComparer.Ordinal)
    {
        ["selected"] = new(2, static (c, call, a) => c.BindSelected(call, a[0], a[1])),
        ["count-selected"] = new(1, static (c, call, a) => c.BindCountSelected(call, a[0])),
        ["not"] = new(1, static (c, call, a) => c.BindNot(call, a[0])),
        ["if"] = new(3, static (c, call, a) => c.BindIf(call, a[0], a[1], a[2])),
        ["coalesce"] = new(2, static (c, call, a) => c.BindCoalesce(call, a[0], a[1])),
        ["string-length"] = new(1, static (c, call, a) => c.BindStringLength(call, a[0])),
        ["regex"] = new(2, static (c, call, a) => c.BindRegex(call, a[0], a[1])),
        ["today"] = new(0, static (_, call, _) => new Bound(StaticType.Date, static scope => Value.Of(scope.Today), call)),
        ["date"] = new(1, static (c, call, a) => c.BindDate(call, a[0])),
        ["true"] = new(0, static (_, call, _) => Constant(StaticType.Boolean, Value.True, call)),
        ["false"] = new(0, static (_, call, _) => Constant(StaticType.Boolean, Value.False, call)),
    };

    private Bound BindSelected(Call call, Bound choices, Bound code)
    {
        if (!Require(choices, "selected() (erstes Argument)", DataKind.ChoiceSet, DataKind.Choice))
        {
            return new Bound(StaticType.Boolean, static _ => Value.False, call);
        }

        Require(code, "selected() (zweites Argument)", DataKind.Text, DataKind.Choice);
        CheckCode(choices, code);
        var (c, k) = (choices.Evaluate, code.Evaluate);
        return new Bound(StaticType.Boolean, scope =>
        {
            var value = c(scope);
            var wanted = k(scope).Text;
            return value.Kind switch
            {
                DataKind.ChoiceSet => Value.Of(value.Codes.Contains(wanted)),
                DataKind.Text => Value.Of(string.Equals(value.Text, wanted, StringComparison.Ordinal)),
                _ => Value.False,
            };
        }, call);
    }

    private Bound BindCountSelected(Call call, Bound choices)
    {
        Require(choices, "count-selected()", DataKind.ChoiceSet);
        var c = choices.Evaluate;
        return new Bound(StaticType.Number, scope => Value.Of(c(scope).Codes.Count), call);
    }

    private Bound BindNot(Call call, Bound operand)
    {
        Require(operand, "not()", DataKind.Boolean);
        var o = operand.Evaluate;
        return new Bound(StaticType.Boolean, scope => Value.Of(!o(scope).Boolean), call);
    }

    private Bound BindIf(Call call, Bound condition, Bound then, Bound otherwise)
    {
        Require(condition, "Die Bedingung von if()", DataKind.Boolean);
        var type = Unify(call, "if()", then, otherwise);
        var (c, t, o) = (condition.Evaluate, then.Evaluate, otherwise.Evaluate);
        return new Bound(type, scope => c(scope).Boolean ? t(scope) : o(scope), call);
    }

    private Bound BindCoalesce(Call call, Bound first, Bound second)
    {
        var type = Unify(call, "coalesce()", first, second);
        var (f, s) = (first.Evaluate, second.Evaluate);
        return new Bound(type, scope => f(scope) is { IsEmpty: false } value ? value : s(scope), call);
    }

    private StaticType Unify(Call call, string function, Bound a, Bound b)
    {
        if (a.Kind is DataKind.Unknown or DataKind.Empty)
        {
            return b.Type;
        }

        if (b.Kind is DataKind.Unknown or DataKind.Empty || a.Type == b.Type)
        {
            return a.Type;
        }

        if (IsTextual(a.Kind) && IsTextual(b.Kind))
        {
            return StaticType.Text;
        }

        Fail(call, "type_mismatch", $"{function} liefert je nach Fall {a.Type.Describe()} oder {b.Type.Describe()}; beide Werte müssen denselben Typ haben.");
        return StaticType.Unknown;
    }

    private Bound BindStringLength(Call call, Bound text)
    {
        Require(text, "string-length()", DataKind.Text, DataKind.Choice, DataKind.Empty);
        var t = text.Evaluate;
        return new Bound(StaticType.Number, scope => Value.Of(CountCharacters(t(scope).Text)), call);
    }

    private static int CountCharacters(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private Bound BindRegex(Call call, Bound text, Bound pattern)
    {
        Require(text, "regex()", DataKind.Text, DataKind.Choice, DataKind.Empty);
        if (pattern.Node is not StringLiteral literal)
        {
            return Fail(pattern.Node, "invalid_regex", "Das Muster von regex() muss als Zeichenkette in Anführungszeichen dastehen, z. B. regex(., '^[0-9]{5}$').");
        }

        Regex regex;
        try
        {
            regex = new Regex(literal.Value, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (RegexParseException e)
        {
            // The pattern starts one character after the opening quote; the offset is where .NET noticed the problem.
            var position = literal.Position + 1 + Math.Clamp(e.Offset - 1, 0, literal.Value.Length);
            _problems.Add(new ExpressionProblem(position, "invalid_regex",
                $"Das Muster „{ExpressionLexer.Shorten(literal.Value)}“ ist kein gültiger regulärer Ausdruck: {RegexErrorText.Of(e.Error)}"));
            return new Bound(StaticType.Unknown, static _ => Value.Empty, call);
        }
        catch (ArgumentException)
        {
            return Fail(literal, "invalid_regex", $"Das Muster „{ExpressionLexer.Shorten(literal.Value)}“ ist kein gültiger regulärer Ausdruck.");
        }

        var t = text.Evaluate;
        return new Bound(StaticType.Boolean, scope =>
        {
            try
            {
                return Value.Of(regex.IsMatch(t(scope).Text));
            }
            catch (RegexMatchTimeoutException)
            {
                return Value.False;
            }
        }, call);
    }

    private Bound BindDate(Call call, Bound text)
    {
        if (text.Node is StringLiteral literal)
        {
            return DateLiteral(literal) is { Kind: DataKind.Date } date ? date with { Node = call } : new Bound(StaticType.Unknown, static _ => Value.Empty, call);
        }

        Require(text, "date()", DataKind.Text, DataKind.Date);
        var t = text.Evaluate;
        return new Bound(StaticType.Date, scope => t(scope) switch
        {
            { Kind: DataKind.Date } date => date,
            var value => DateOnly.TryParseExact(value.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? Value.Of(parsed)
                : Value.Empty,
        }, call);
    }
}
