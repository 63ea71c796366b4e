using System.Reflection;
using System.Reflection.Emit;

namespace Publishing.Tests.Architecture;

/// <summary>
/// The types a compiled type refers to, read by reflection: its base type and interfaces, generic constraints,
/// attributes, fields, properties and events, every method's and constructor's signature and local variables, and
/// the instructions of every method body (the types, methods and fields its IL names: calls, new objects, casts,
/// typeof, field access). Lambdas, iterators and async methods are compiled into nested types, which are read as
/// part of the type that wrote them. Generic arguments count (List&lt;X&gt; refers to X).
/// It does not see what the compiler leaves out of the IL: constants (a const's value is copied into the caller),
/// nameof, unused using directives and documentation comments; the source scan of <see cref="NamespaceLayerTests"/> does.
/// </summary>
internal static class CompiledReferences
{
    /// <summary>A reference of <paramref name="From"/> (the type as written, not a compiler-generated one) to <paramref name="To"/>.</summary>
    public sealed record Reference(Type From, Type To, string Where);

    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic
                                          | BindingFlags.Instance | BindingFlags.Static;

    /// <summary>Every reference each type of <paramref name="assembly"/> (nested types included) makes.</summary>
    public static IEnumerable<Reference> Of(System.Reflection.Assembly assembly) =>
        assembly.GetTypes().SelectMany(Of);

    public static IEnumerable<Reference> Of(Type type)
    {
        var from = Written(type);
        var found = new List<Reference>();
        void Add(Type? target, string where)
        {
            foreach (var named in Named(target)) found.Add(new Reference(from, named, where));
        }
        void AddAttributes(IEnumerable<CustomAttributeData> attributes, string where)
        {
            foreach (var attribute in attributes)
            {
                Add(attribute.AttributeType, where + " attribute");
                foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
                    if (argument.Value is Type typeArgument) Add(typeArgument, where + " attribute typeof");
            }
        }

        Add(type.BaseType, "base type");
        foreach (var implemented in type.GetInterfaces()) Add(implemented, "interface");
        AddAttributes(type.GetCustomAttributesData(), "type");
        foreach (var parameter in type.IsGenericTypeDefinition ? type.GetGenericArguments() : [])
            foreach (var constraint in parameter.GetGenericParameterConstraints()) Add(constraint, "generic constraint");
        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType, $"field {field.Name}");
            AddAttributes(field.GetCustomAttributesData(), $"field {field.Name}");
        }
        foreach (var property in type.GetProperties(Declared)) Add(property.PropertyType, $"property {property.Name}");
        foreach (var evt in type.GetEvents(Declared)) Add(evt.EventHandlerType, $"event {evt.Name}");
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            var name = method is ConstructorInfo ? "constructor" : $"method {method.Name}";
            if (method is MethodInfo info) Add(info.ReturnType, $"{name} return type");
            foreach (var parameter in method.GetParameters()) Add(parameter.ParameterType, $"{name} parameter {parameter.Name}");
            AddAttributes(method.GetCustomAttributesData(), name);
            if (method.IsGenericMethodDefinition)
                foreach (var parameter in method.GetGenericArguments())
                    foreach (var constraint in parameter.GetGenericParameterConstraints()) Add(constraint, $"{name} generic constraint");
            var body = method.GetMethodBody();
            if (body is null) continue;
            foreach (var local in body.LocalVariables) Add(local.LocalType, $"{name} local variable");
            foreach (var member in InstructionOperands(method, body.GetILAsByteArray() ?? []))
            {
                switch (member)
                {
                    case Type named: Add(named, $"{name} body"); break;
                    case FieldInfo field: Add(field.DeclaringType, $"{name} body, field {field.Name}"); break;
                    case MethodBase called:
                        var what = $"{name} body, {(called is ConstructorInfo ? "new" : "call " + called.Name)}";
                        Add(called.DeclaringType, what);
                        if (called is MethodInfo { IsGenericMethod: true } generic)
                            foreach (var argument in generic.GetGenericArguments()) Add(argument, what + " generic argument");
                        break;
                }
            }
        }
        return found;
    }

    /// <summary>A compiler-generated type (a lambda's closure, an iterator, an async state machine) is part of the type that wrote it.</summary>
    private static Type Written(Type type)
    {
        while (type.DeclaringType is { } outer && type.Name.StartsWith('<')) type = outer;
        return type;
    }

    /// <summary>The named types in a type: itself or what it is an array / by-ref / pointer of, and its generic arguments.</summary>
    private static IEnumerable<Type> Named(Type? type)
    {
        if (type is null || type.IsGenericParameter) yield break;
        if (type.HasElementType)
        {
            foreach (var element in Named(type.GetElementType())) yield return element;
            yield break;
        }
        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
            foreach (var argument in type.GetGenericArguments())
                foreach (var named in Named(argument)) yield return named;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The members and types the IL's token operands name (the other operands are skipped by their size).</summary>
    private static IEnumerable<MemberInfo> InstructionOperands(MethodBase method, byte[] il)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            short value = il[at++];
            if (value == 0xFE) value = (short)(0xFE00 | il[at++]);
            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    yield return method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments)!;
                    at += 4;
                    break;
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: at += 1; break;
                case OperandType.InlineVar: at += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: at += 8; break;
                case OperandType.InlineSwitch: at += 4 + 4 * BitConverter.ToInt32(il, at); break;
                default: at += 4; break;   // branch targets, int32, float32, strings, signatures
            }
        }
    }
}
