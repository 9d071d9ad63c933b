using LogLens.Events;
using LogLens.Input;
using LogLens.Parsing;

namespace LogLens.Tests.Support;

/// <summary>
/// A made-up dialect for tests that need recognized lines without depending on a real format:
/// <c>&gt; VERB arg</c> is a command, <c>&lt; 123 text</c> a reply, anything else unrecognized.
/// </summary>
public sealed class ArrowFormat : LogFormat
{
    public override string Name => "test-arrow";

    public override string Description => "A dialect that exists only in tests.";

    public override IReadOnlyList<string> SampleLines { get; } = ["> USER bob", "< 331 Password required"];

    public override ILineParser CreateParser() => new Parser();

    private sealed class Parser : LineParser
    {
        protected override FtpEvent? TryParse(LogLine line, string text)
        {
            if (text.StartsWith("> ", StringComparison.Ordinal) && text.Length > 2)
            {
                var parts = text[2..].Split(' ', 2);
                return new CommandEvent { Line = line.Number, Text = text, Command = parts[0], Argument = parts.Length > 1 ? parts[1] : null };
            }

            if (text.StartsWith("< ", StringComparison.Ordinal) && text.Length >= 5 && int.TryParse(text.AsSpan(2, 3), out var code))
            {
                return new ReplyEvent { Line = line.Number, Text = text, Code = code, Message = text.Length > 6 ? text[6..] : string.Empty };
            }

            return null;
        }
    }
}
