using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace LogLens.Parsing;

/// <summary>
/// Finds the implementations of an interface in this assembly and makes one of each: a format or a
/// syslog dialect joins LogLens by being added to its folder, with nothing to register.
/// </summary>
/// <remarks>
/// Safe in a trimmed or natively compiled app: <c>ILLink.Descriptors.xml</c>, embedded in this
/// assembly, names each format and dialect, and the trimmer keeps it and its parameterless constructor.
/// A new one is added there too (TrimmingDescriptorTests fails until it is).
/// </remarks>
internal static class Implementations
{
    /// <summary>One instance of every concrete type of this assembly that implements <typeparamref name="T"/> and has a parameterless constructor.</summary>
    /// <typeparam name="T">The interface.</typeparam>
    /// <param name="nonPublic">Whether a non-public constructor will do.</param>
    /// <returns>The instances, in no particular order.</returns>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The embedded ILLink.Descriptors.xml keeps every format and dialect (TrimmingDescriptorTests).")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The embedded ILLink.Descriptors.xml keeps the constructor of every format and dialect (TrimmingDescriptorTests).")]
    [UnconditionalSuppressMessage("Trimming", "IL2065", Justification = "The embedded ILLink.Descriptors.xml keeps the constructor of every format and dialect (TrimmingDescriptorTests).")]
    public static T[] Of<T>(bool nonPublic)
        where T : class
    {
        var flags = BindingFlags.Instance | BindingFlags.Public | (nonPublic ? BindingFlags.NonPublic : BindingFlags.Default);
        var found = new List<T>();
        foreach (var type in typeof(Implementations).Assembly.GetTypes())
        {
            if (type is { IsAbstract: false, IsInterface: false } && typeof(T).IsAssignableFrom(type)
                && type.GetConstructor(flags, Type.EmptyTypes) is { } constructor)
            {
                found.Add((T)constructor.Invoke(null));
            }
        }

        return [.. found];
    }
}
