using LogLens.Events;
using LogLens.Input;
using LogLens.Parsing;

namespace LogLens.Tests.Parsing;

public class LineParserTests
{
    [Theory]
    [InlineData(typeof(ArgumentOutOfRangeException))]
    [InlineData(typeof(IndexOutOfRangeException))]
    [InlineData(typeof(FormatException))]
    [InlineData(typeof(OverflowException))]
    [InlineData(typeof(InvalidOperationException))]
    public void A_line_a_dialect_fails_on_is_unrecognized_and_the_reading_goes_on(Type failure)
    {
        var parser = new FailingOn("boom", failure);

        var failed = parser.Parse(new LogLine(1, 0, "boom PASS hunter2"));
        var next = parser.Parse(new LogLine(2, 0, "fine"));

        var unrecognized = Assert.IsType<UnrecognizedLine>(failed);
        Assert.Equal(1, unrecognized.Line);
        Assert.Equal("boom PASS ***", unrecognized.Text);
        Assert.IsType<ServerNotice>(next);
    }

    private sealed class FailingOn(string trigger, Type failure) : LineParser
    {
        protected override FtpEvent? TryParse(LogLine line, string text) =>
            text.StartsWith(trigger, StringComparison.Ordinal)
                ? throw (Exception)Activator.CreateInstance(failure)!
                : new ServerNotice { Line = line.Number, Text = text };
    }
}
