using System.Xml.Linq;
using LogLens.Parsing;
using LogLens.Parsing.Syslog;

namespace LogLens.Tests.Parsing;

/// <summary>
/// The native build finds formats and dialects only if ILLink.Descriptors.xml names them (it keeps those
/// types by name, not the whole assembly, which the native compiler cannot finish).
/// </summary>
public sealed class TrimmingDescriptorTests
{
    [Fact]
    public void Every_format_and_dialect_found_by_reflection_is_kept_by_the_descriptor()
    {
        var assembly = typeof(FormatRegistry).Assembly;
        using var stream = assembly.GetManifestResourceStream("ILLink.Descriptors.xml");
        Assert.NotNull(stream);
        var kept = XDocument.Load(stream).Descendants("type").Select(t => (string?)t.Attribute("fullname")).ToHashSet();

        var found = Implementations.Of<ILogFormat>(nonPublic: false).Select(f => f.GetType())
            .Concat(Implementations.Of<ISyslogDialect>(nonPublic: true).Select(d => d.GetType()))
            .Select(t => t.FullName)
            .ToList();

        Assert.Equal(17, found.Count);
        Assert.All(found, name => Assert.Contains(name, kept));
        Assert.Equal(kept.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }
}
