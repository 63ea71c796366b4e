// Two namespaces for NamespaceLayerTests' check of what the compiled reading sees: Low is the lower layer, so each
// Via* type below uses High against the order in one way; Clean and High's own uses of Low go with it.

namespace Publishing.Tests.Architecture.LayerFixture.Low
{
    public class Base;

    [AttributeUsage(AttributeTargets.Class)]
    public sealed class MarkerAttribute(Type marked) : Attribute
    {
        public Type Marked { get; } = marked;
    }

    public class ViaBody
    {
        public object Make() => new High.Top();
    }

    public class ViaLambda
    {
        public Func<object> Later() => () => High.Top.Create();
    }

    public class ViaField
    {
        private readonly High.Top? _top = null;
        public object? Held() => _top;
    }

    public class ViaSignature
    {
        public int Count(List<High.Top> tops) => tops.Count;
    }

    public class ViaGenericArgument
    {
        public int None() => Enumerable.Empty<High.Top>().Count();
    }

    [Marker(typeof(High.Top))]
    public class ViaAttribute;

    public class ViaAsyncBody
    {
        public async Task<string> Name()
        {
            await Task.Yield();
            return typeof(High.Top).Name;
        }
    }

    /// <summary>Not seen by the compiled reading: the constant's value is copied into the IL (the source scan sees it).</summary>
    public class ViaConstant
    {
        public string Label() => High.Top.Label;
    }

    public class Clean
    {
        public Base Make() => new();
    }
}

namespace Publishing.Tests.Architecture.LayerFixture.High
{
    public class Top : Low.Base
    {
        public const string Label = "top";
        public static Top Create() => new();
    }
}
