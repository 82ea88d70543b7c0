using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace PyHeapSim.Scripting.Syntax.Ast;

/// <summary>
/// Writes a syntax tree as one-line S-expressions, for tests and for debugging a script's parse.
/// Positions and expression contexts are left out.
/// </summary>
/// <remarks>
/// The shapes, by example: <c>(+ a (* b 2))</c>, <c>(- x)</c>, <c>(not x)</c>,
/// <c>(and a b c)</c>, <c>(cmp a &lt; b &lt;= c)</c>, <c>(call f a k=1)</c>, <c>(. obj attr)</c>,
/// <c>([] a i)</c>, <c>(slice 1 _ 2)</c>, <c>(tuple a b)</c>, <c>(list)</c>, <c>(set 1)</c>,
/// <c>(dict k:v)</c>, <c>(listcomp e (for x xs (if c)))</c>, <c>(ifexp test body else)</c>,
/// <c>(lambda (a b=1) body)</c>, <c>(fstr 'a' (fmt x !r (fstr '&gt;4')))</c>; constants as Python
/// reprs (<c>'s'</c>, <c>b'\x00'</c>, <c>1.5</c>, <c>None</c>). Statements are printed one per line
/// at module level: <c>(= (tuple a b) (tuple b a))</c>, <c>(if t (body …) (else …))</c>.
/// </remarks>
public static class AstPrinter
{
    /// <summary>The S-expression of <paramref name="node"/>; a module gives one line per top-level statement.</summary>
    public static string Print(Node node)
    {
        var builder = new StringBuilder();
        if (node is ScriptModule module)
        {
            for (int i = 0; i < module.Body.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append('\n');
                }

                Write(builder, module.Body[i]);
            }
        }
        else
        {
            Write(builder, node);
        }

        return builder.ToString();
    }

    private static void Write(StringBuilder b, Node? node)
    {
        switch (node)
        {
            case null:
                b.Append('_');
                break;
            case Expression expression:
                WriteExpression(b, expression);
                break;
            case Statement statement:
                WriteStatement(b, statement);
                break;
            case KeywordArgument keyword:
                b.Append(keyword.Name).Append('=');
                Write(b, keyword.Value);
                break;
            case Parameter parameter:
                b.Append(parameter.Name);
                if (parameter.Default is not null)
                {
                    b.Append('=');
                    Write(b, parameter.Default);
                }

                break;
            case ComprehensionClause clause:
                b.Append("(for ");
                Write(b, clause.Target);
                b.Append(' ');
                Write(b, clause.Iterable);
                foreach (Expression condition in clause.Conditions)
                {
                    b.Append(" (if ");
                    Write(b, condition);
                    b.Append(')');
                }

                b.Append(')');
                break;
            case ExceptHandler handler:
                b.Append("(except ");
                Write(b, handler.Type);
                if (handler.Name is not null)
                {
                    b.Append(" as ").Append(handler.Name);
                }

                WriteBlock(b, " (body", handler.Body);
                b.Append(')');
                break;
            case ImportAlias alias:
                b.Append(alias.Name);
                if (alias.AsName is not null)
                {
                    b.Append(" as ").Append(alias.AsName);
                }

                break;
            default:
                b.Append('(').Append(node.GetType().Name).Append(')');
                break;
        }
    }

    private static void WriteExpression(StringBuilder b, Expression expression)
    {
        switch (expression)
        {
            case NameExpression name:
                b.Append(name.Id);
                break;
            case IntConstant i:
                b.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case FloatConstant f:
                b.Append(FloatRepr(f.Value));
                break;
            case StrConstant s:
                WriteQuoted(b, s.Value);
                break;
            case BytesConstant bytes:
                b.Append('b');
                WriteQuoted(b, string.Concat(bytes.Value.Select(x => (char)x)), isBytes: true);
                break;
            case BoolConstant boolean:
                b.Append(boolean.Value ? "True" : "False");
                break;
            case NoneConstant:
                b.Append("None");
                break;
            case EllipsisConstant:
                b.Append("...");
                break;
            case BinaryExpression binary:
                List(b, binary.Operator.Symbol(), binary.Left, binary.Right);
                break;
            case UnaryExpression unary:
                List(b, unary.Operator.Symbol(), unary.Operand);
                break;
            case BooleanExpression boolean:
                List(b, boolean.Operator.Symbol(), boolean.Values);
                break;
            case CompareExpression compare:
                b.Append("(cmp ");
                Write(b, compare.Left);
                for (int k = 0; k < compare.Operators.Length; k++)
                {
                    b.Append(' ').Append(compare.Operators[k].Symbol()).Append(' ');
                    Write(b, compare.Comparators[k]);
                }

                b.Append(')');
                break;
            case CallExpression call:
                b.Append("(call ");
                Write(b, call.Function);
                WriteItems(b, call.Arguments);
                WriteItems(b, call.Keywords);
                b.Append(')');
                break;
            case AttributeExpression attribute:
                b.Append("(. ");
                Write(b, attribute.Value);
                b.Append(' ').Append(attribute.Attr).Append(')');
                break;
            case SubscriptExpression subscript:
                List(b, "[]", subscript.Value, subscript.Index);
                break;
            case SliceExpression slice:
                b.Append("(slice ");
                Write(b, slice.Lower);
                b.Append(' ');
                Write(b, slice.Upper);
                b.Append(' ');
                Write(b, slice.Step);
                b.Append(')');
                break;
            case TupleExpression tuple:
                List(b, "tuple", tuple.Elements);
                break;
            case ListExpression list:
                List(b, "list", list.Elements);
                break;
            case SetExpression set:
                List(b, "set", set.Elements);
                break;
            case DictExpression dict:
                b.Append("(dict");
                for (int k = 0; k < dict.Keys.Length; k++)
                {
                    b.Append(' ');
                    Write(b, dict.Keys[k]);
                    b.Append(':');
                    Write(b, dict.Values[k]);
                }

                b.Append(')');
                break;
            case ListComprehension comprehension:
                Comprehension(b, "listcomp", [comprehension.Element], comprehension.Generators);
                break;
            case SetComprehension comprehension:
                Comprehension(b, "setcomp", [comprehension.Element], comprehension.Generators);
                break;
            case GeneratorExpression comprehension:
                Comprehension(b, "genexp", [comprehension.Element], comprehension.Generators);
                break;
            case DictComprehension comprehension:
                Comprehension(b, "dictcomp", [comprehension.Key, comprehension.Value], comprehension.Generators);
                break;
            case ConditionalExpression conditional:
                List(b, "ifexp", conditional.Test, conditional.Body, conditional.OrElse);
                break;
            case LambdaExpression lambda:
                b.Append("(lambda (");
                for (int k = 0; k < lambda.Parameters.Length; k++)
                {
                    if (k > 0)
                    {
                        b.Append(' ');
                    }

                    Write(b, lambda.Parameters[k]);
                }

                b.Append(") ");
                Write(b, lambda.Body);
                b.Append(')');
                break;
            case JoinedStrExpression joined:
                List(b, "fstr", joined.Values);
                break;
            case FormattedValueExpression formatted:
                b.Append("(fmt ");
                Write(b, formatted.Value);
                if (formatted.Conversion != FormatConversion.None)
                {
                    b.Append(formatted.Conversion switch
                    {
                        FormatConversion.Str => " !s",
                        FormatConversion.Repr => " !r",
                        _ => " !a",
                    });
                }

                if (formatted.FormatSpec is not null)
                {
                    b.Append(' ');
                    Write(b, formatted.FormatSpec);
                }

                b.Append(')');
                break;
            default:
                b.Append('(').Append(expression.GetType().Name).Append(')');
                break;
        }
    }

    private static void WriteStatement(StringBuilder b, Statement statement)
    {
        switch (statement)
        {
            case ExpressionStatement s:
                List(b, "expr", s.Value);
                break;
            case AssignStatement s:
                b.Append("(=");
                WriteItems(b, s.Targets);
                b.Append(' ');
                Write(b, s.Value);
                b.Append(')');
                break;
            case AugAssignStatement s:
                List(b, s.Operator.Symbol() + "=", s.Target, s.Value);
                break;
            case DeleteStatement s:
                List(b, "del", s.Targets);
                break;
            case PassStatement:
                b.Append("(pass)");
                break;
            case BreakStatement:
                b.Append("(break)");
                break;
            case ContinueStatement:
                b.Append("(continue)");
                break;
            case ReturnStatement s:
                b.Append("(return");
                if (s.Value is not null)
                {
                    b.Append(' ');
                    Write(b, s.Value);
                }

                b.Append(')');
                break;
            case RaiseStatement s:
                b.Append("(raise");
                if (s.Exception is not null)
                {
                    b.Append(' ');
                    Write(b, s.Exception);
                }

                if (s.Cause is not null)
                {
                    b.Append(" from ");
                    Write(b, s.Cause);
                }

                b.Append(')');
                break;
            case GlobalStatement s:
                b.Append("(global ").AppendJoin(' ', s.Names).Append(')');
                break;
            case NonlocalStatement s:
                b.Append("(nonlocal ").AppendJoin(' ', s.Names).Append(')');
                break;
            case AssertStatement s:
                List(b, "assert", s.Test, s.Message);
                break;
            case ImportStatement s:
                b.Append("(import");
                WriteItems(b, s.Names);
                b.Append(')');
                break;
            case ImportFromStatement s:
                b.Append("(from ").Append('.', s.Level).Append(s.Module ?? string.Empty).Append(" import");
                WriteItems(b, s.Names);
                b.Append(')');
                break;
            case IfStatement s:
                b.Append("(if ");
                Write(b, s.Test);
                WriteBlock(b, " (body", s.Body);
                WriteBlock(b, " (else", s.OrElse);
                b.Append(')');
                break;
            case WhileStatement s:
                b.Append("(while ");
                Write(b, s.Test);
                WriteBlock(b, " (body", s.Body);
                WriteBlock(b, " (else", s.OrElse);
                b.Append(')');
                break;
            case ForStatement s:
                b.Append("(for ");
                Write(b, s.Target);
                b.Append(' ');
                Write(b, s.Iterable);
                WriteBlock(b, " (body", s.Body);
                WriteBlock(b, " (else", s.OrElse);
                b.Append(')');
                break;
            case TryStatement s:
                b.Append("(try");
                WriteBlock(b, " (body", s.Body);
                WriteItems(b, s.Handlers);
                WriteBlock(b, " (else", s.OrElse);
                WriteBlock(b, " (finally", s.FinalBody);
                b.Append(')');
                break;
            case FunctionDefStatement s:
                b.Append("(def ").Append(s.Name).Append(" (");
                for (int k = 0; k < s.Parameters.Length; k++)
                {
                    if (k > 0)
                    {
                        b.Append(' ');
                    }

                    Write(b, s.Parameters[k]);
                }

                b.Append(')');
                WriteBlock(b, " (body", s.Body);
                b.Append(')');
                break;
            case ClassDefStatement s:
                b.Append("(class ").Append(s.Name).Append(" (");
                for (int k = 0; k < s.Bases.Length; k++)
                {
                    if (k > 0)
                    {
                        b.Append(' ');
                    }

                    Write(b, s.Bases[k]);
                }

                b.Append(')');
                WriteBlock(b, " (body", s.Body);
                b.Append(')');
                break;
            default:
                b.Append('(').Append(statement.GetType().Name).Append(')');
                break;
        }
    }

    /// <summary>Writes " (label s1 s2)", or nothing for an empty block other than a body.</summary>
    private static void WriteBlock(StringBuilder b, string label, ImmutableArray<Statement> block)
    {
        if (block.IsEmpty && label != " (body")
        {
            return;
        }

        b.Append(label);
        WriteItems(b, block);
        b.Append(')');
    }

    private static void WriteItems<T>(StringBuilder b, ImmutableArray<T> items)
        where T : Node
    {
        foreach (T item in items)
        {
            b.Append(' ');
            Write(b, item);
        }
    }

    private static void List(StringBuilder b, string head, params Node?[] items)
    {
        b.Append('(').Append(head);
        foreach (Node? item in items)
        {
            b.Append(' ');
            Write(b, item);
        }

        b.Append(')');
    }

    private static void List(StringBuilder b, string head, ImmutableArray<Expression> items)
    {
        b.Append('(').Append(head);
        WriteItems(b, items);
        b.Append(')');
    }

    private static void Comprehension(StringBuilder b, string head, Expression[] elements, ImmutableArray<ComprehensionClause> generators)
    {
        b.Append('(').Append(head);
        foreach (Expression element in elements)
        {
            b.Append(' ');
            Write(b, element);
        }

        WriteItems(b, generators);
        b.Append(')');
    }

    /// <summary>
    /// Python's float repr: the shortest digits that round-trip, in fixed notation when the
    /// decimal exponent is in [-4, 16), else as d.ddde±XX (pystrtod.c format_float_short, 'r' mode).
    /// </summary>
    private static string FloatRepr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        string sign = double.IsNegative(value) ? "-" : string.Empty;
        if (value == 0)
        {
            return sign + "0.0";
        }

        string shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture); // "1.5", "1E-05", "1.2E+20"
        int e = shortest.IndexOf('E', StringComparison.Ordinal);
        string mantissa = e < 0 ? shortest : shortest[..e];
        int exponent = e < 0 ? 0 : int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string integerPart = dot < 0 ? mantissa : mantissa[..dot];
        string all = integerPart + (dot < 0 ? string.Empty : mantissa[(dot + 1)..]);
        int leadingZeros = all.Length - all.TrimStart('0').Length;
        string digits = all.TrimStart('0').TrimEnd('0');
        int point = integerPart.Length + exponent - leadingZeros; // value = 0.digits * 10^point

        if (point > 16 || point < -3)
        {
            string fraction = digits.Length > 1 ? "." + digits[1..] : string.Empty;
            int shown = point - 1;
            return $"{sign}{digits[0]}{fraction}e{(shown < 0 ? '-' : '+')}{Math.Abs(shown):00}";
        }

        if (point <= 0)
        {
            return $"{sign}0.{new string('0', -point)}{digits}";
        }

        return point >= digits.Length
            ? $"{sign}{digits}{new string('0', point - digits.Length)}.0"
            : $"{sign}{digits[..point]}.{digits[point..]}";
    }

    /// <summary>Python's repr quoting: single quotes unless the text has a single quote and no double quote.</summary>
    private static void WriteQuoted(StringBuilder b, string value, bool isBytes = false)
    {
        char quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        b.Append(quote);
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\':
                    b.Append(@"\\");
                    break;
                case '\n':
                    b.Append(@"\n");
                    break;
                case '\r':
                    b.Append(@"\r");
                    break;
                case '\t':
                    b.Append(@"\t");
                    break;
                default:
                    if (c == quote)
                    {
                        b.Append('\\').Append(c);
                    }
                    else if (c < 0x20 || c == 0x7F || (isBytes && c >= 0x80))
                    {
                        b.Append(@"\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(c);
                    }

                    break;
            }
        }

        b.Append(quote);
    }
}
