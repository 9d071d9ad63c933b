using System.Text;
using LogLens.Input;

namespace LogLens.Tests.Support;

/// <summary>Reads test input through a real <see cref="LogSource"/>.</summary>
public static class Sources
{
    static Sources() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GB18030 (a superset of GBK), as Chinese Windows writes its logs.</summary>
    public static Encoding Gb18030 => Encoding.GetEncoding("gb18030");

    /// <summary>The bytes of <paramref name="text"/> in UTF-8 without a byte order mark.</summary>
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Reads every line of <paramref name="bytes"/>, optionally handing them out <paramref name="chunk"/> bytes per read.</summary>
    public static Read ReadAll(byte[] bytes, LogSourceOptions? options = null, int? chunk = null)
    {
        Stream stream = chunk is { } n ? new ChunkedStream(bytes, n) : new MemoryStream(bytes, writable: false);
        using var source = LogSource.FromStream(stream, "test.log", options);
        var lines = source.ReadLines().ToList();
        return new Read(source, lines);
    }

    /// <summary>The lines of a source and the source itself (disposed; its properties stay readable).</summary>
    public sealed record Read(LogSource Source, IReadOnlyList<LogLine> Lines)
    {
        public IReadOnlyList<string> Texts => Lines.Select(l => l.Text).ToArray();

        public IReadOnlyList<Diagnostic> Diagnostics => Source.Diagnostics;

        public IReadOnlyList<string> Codes => Source.Diagnostics.Select(d => d.Code).ToArray();
    }
}
