using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace GovStatsValidation.TestUtils;

/// <summary>
/// The public surface of an assembly as text, one sorted line per public (or protected, in an unsealed type) type and
/// member with its full signature and nullability — a reflection stand-in for Roslyn's PublicApiAnalyzers, which is not
/// served here. Used by the public API test of each shipped library.
/// </summary>
public static class PublicApi
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The dump: sorted lines, <c>\n</c>-separated, with a final newline.</summary>
    public static string Dump(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            AddType(type, lines);
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines.Distinct()) + "\n";
    }

    /// <summary>
    /// Compares the dump with the checked-in file. On a difference writes <c>PublicAPI.received.txt</c> beside it and
    /// returns a message with the added and removed lines; returns <see langword="null"/> when they match.
    /// </summary>
    public static string? Compare(Assembly assembly, string recordedPath)
    {
        var actual = Dump(assembly);
        var received = Path.Combine(Path.GetDirectoryName(recordedPath)!, Path.GetFileNameWithoutExtension(recordedPath) + ".received.txt");
        var recorded = File.Exists(recordedPath) ? File.ReadAllText(recordedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        if (recorded == actual)
        {
            File.Delete(received);
            return null;
        }

        File.WriteAllText(received, actual, new UTF8Encoding(false));
        var before = recorded.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var after = actual.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var removed = before.Except(after).Order(StringComparer.Ordinal).Select(l => "- " + l);
        var added = after.Except(before).Order(StringComparer.Ordinal).Select(l => "+ " + l);
        return $"The public API of {assembly.GetName().Name} differs from {recordedPath}.\n" +
            $"The new surface was written to {received}; if the change is intended, accept it: mv \"{received}\" \"{recordedPath}\"\n" +
            string.Join("\n", removed.Concat(added));
    }

    private static void AddType(Type type, List<string> lines)
    {
        var name = TypeName(type);
        var header = new StringBuilder("type ").Append(name).Append(" : ").Append(Kind(type));
        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
        {
            bases.Add(TypeName(b));
        }

        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic)
            .Where(i => type.BaseType?.GetInterfaces().Contains(i) != true)
            .Select(i => TypeName(i)).Order(StringComparer.Ordinal));
        if (bases.Count > 0)
        {
            header.Append(" (").Append(string.Join(", ", bases)).Append(')');
        }

        lines.Add(header.ToString());

        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                lines.Add($"{name}.{field.Name} = {Convert.ToString(field.GetRawConstantValue(), CultureInfo.InvariantCulture)}");
            }

            return;
        }

        var nullability = new NullabilityInfoContext();
        foreach (var member in type.GetMembers(Declared))
        {
            if (!IsVisible(member) || member is Type || member.Name.StartsWith('<'))
            {
                continue;
            }

            switch (member)
            {
                case ConstructorInfo c:
                    lines.Add($"{Modifiers(c)}{name}.ctor({Parameters(c, nullability)})");
                    break;
                case MethodInfo m when !m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal):
                    lines.Add($"{Modifiers(m)}{name}.{m.Name}{GenericArguments(m)}({Parameters(m, nullability)}) -> {TypeName(m.ReturnType, nullability.Create(m.ReturnParameter))}");
                    break;
                case PropertyInfo p:
                    var accessors = new List<string>();
                    if (p.GetMethod is { } g && IsVisible(g))
                    {
                        accessors.Add("get");
                    }

                    if (p.SetMethod is { } s && IsVisible(s))
                    {
                        accessors.Add(s.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) ? "init" : "set");
                    }

                    var accessor = (p.GetMethod ?? p.SetMethod)!;
                    var index = p.GetIndexParameters().Length > 0 ? $"[{string.Join(", ", p.GetIndexParameters().Select(ip => TypeName(ip.ParameterType, nullability.Create(ip))))}]" : "";
                    var required = p.GetCustomAttributes().Any(a => a.GetType().Name == "RequiredMemberAttribute") ? "required " : "";
                    lines.Add($"{required}{Modifiers(accessor)}{name}.{p.Name}{index} {{ {string.Join("; ", accessors)} }} -> {TypeName(p.PropertyType, nullability.Create(p))}");
                    break;
                case FieldInfo f:
                    var constant = f.IsLiteral ? $" = {Convert.ToString(f.GetRawConstantValue(), CultureInfo.InvariantCulture)}" : "";
                    var fieldModifiers = f.IsLiteral ? "const " : (f.IsStatic ? "static " : "") + (f.IsInitOnly ? "readonly " : "");
                    lines.Add($"{fieldModifiers}{name}.{f.Name} -> {TypeName(f.FieldType, nullability.Create(f))}{constant}");
                    break;
                case EventInfo e:
                    lines.Add($"event {name}.{e.Name} -> {TypeName(e.EventHandlerType!)}");
                    break;
            }
        }
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase m => m.IsPublic || ((m.IsFamily || m.IsFamilyOrAssembly) && !m.DeclaringType!.IsSealed),
        FieldInfo f => f.IsPublic || ((f.IsFamily || f.IsFamilyOrAssembly) && !f.DeclaringType!.IsSealed),
        PropertyInfo p => (p.GetMethod is { } g && IsVisible(g)) || (p.SetMethod is { } s && IsVisible(s)),
        EventInfo e => e.AddMethod is { } a && IsVisible(a),
        _ => false,
    };

    private static string Kind(Type type)
    {
        if (type.IsEnum)
        {
            return "enum";
        }

        if (type.IsInterface)
        {
            return "interface";
        }

        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return "delegate";
        }

        var isRecord = type.GetMethod("<Clone>$") is not null
            || type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null;
        if (type.IsValueType)
        {
            var readOnly = type.GetCustomAttributes().Any(a => a.GetType().Name == "IsReadOnlyAttribute") ? "readonly " : "";
            return readOnly + (isRecord || type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null ? "record struct" : "struct");
        }

        var modifiers = type.IsAbstract && type.IsSealed ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : "";
        return modifiers + (isRecord ? "record" : "class");
    }

    private static string Modifiers(MethodBase method)
    {
        var sb = new StringBuilder();
        if (method.IsFamily || method.IsFamilyOrAssembly)
        {
            sb.Append("protected ");
        }

        if (method.IsStatic)
        {
            sb.Append("static ");
        }

        if (method is MethodInfo m && !m.DeclaringType!.IsInterface)
        {
            if (m.IsAbstract)
            {
                sb.Append("abstract ");
            }
            else if (m.GetBaseDefinition() != m)
            {
                sb.Append("override ");
            }
            else if (m.IsVirtual && !m.IsFinal)
            {
                sb.Append("virtual ");
            }
        }

        return sb.ToString();
    }

    private static string GenericArguments(MethodInfo method) =>
        method.IsGenericMethodDefinition ? $"<{string.Join(", ", method.GetGenericArguments().Select(a => a.Name))}>" : "";

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability) =>
        string.Join(", ", method.GetParameters().Select(p =>
        {
            var modifier = p.IsOut ? "out " : p.ParameterType.IsByRef ? (p.IsIn ? "in " : "ref ") : "";
            var isParams = p.GetCustomAttribute<ParamArrayAttribute>() is not null ? "params " : "";
            var text = $"{isParams}{modifier}{TypeName(p.ParameterType, nullability.Create(p))} {p.Name}";
            return p.HasDefaultValue ? $"{text} = {DefaultValue(p.DefaultValue)}" : text;
        }));

    private static string DefaultValue(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void", [typeof(object)] = "object", [typeof(string)] = "string", [typeof(bool)] = "bool",
        [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(char)] = "char", [typeof(short)] = "short",
        [typeof(ushort)] = "ushort", [typeof(int)] = "int", [typeof(uint)] = "uint", [typeof(long)] = "long",
        [typeof(ulong)] = "ulong", [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal",
    };

    private static string TypeName(Type type, NullabilityInfo? info = null)
    {
        if (type.IsByRef)
        {
            return TypeName(type.GetElementType()!, info?.ElementType ?? info);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying) + "?";
        }

        string text;
        if (Keywords.TryGetValue(type, out var keyword))
        {
            text = keyword;
        }
        else if (type.IsArray)
        {
            text = TypeName(type.GetElementType()!, info?.ElementType) + "[]";
        }
        else if (type.IsGenericParameter)
        {
            text = type.Name;
        }
        else
        {
            var name = type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name : (type.Namespace is { } ns ? ns + "." : "") + type.Name;
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            if (tick >= 0)
            {
                name = name[..tick];
            }

            if (type.IsGenericType)
            {
                var arguments = type.GetGenericArguments();
                var argumentInfos = info?.GenericTypeArguments;
                name += "<" + string.Join(", ", arguments.Select((a, i) => TypeName(a, argumentInfos is { Length: > 0 } ai && i < ai.Length ? ai[i] : null))) + ">";
            }

            text = name;
        }

        return !type.IsValueType && info?.ReadState == NullabilityState.Nullable ? text + "?" : text;
    }
}
