using System.Runtime.CompilerServices;
using LogLens.Events;
using LogLens.Input;
using LogLens.Parsing;

namespace LogLens.Tests.Parsing.Formats.CuteFtp;

/// <summary>The transcripts in <c>samples/</c>, read through the real input stage.</summary>
public class CuteFtpSampleFileTests
{
    [Theory]
    [InlineData("cuteftp-zh-retry.log", "cuteftp-zh")]
    [InlineData("cuteftp-en-banned.log", "cuteftp-en")]
    [InlineData("cuteftp-en-timestamped.log", "cuteftp-en")]
    public void A_sample_is_detected_as_its_format_and_every_line_is_recognized(string file, string format)
    {
        var lines = Read(file);

        var detected = FormatRegistry.Detect(lines.Take(FormatRegistry.DetectionSampleSize).ToList()).Format;

        Assert.Equal(format, detected?.Name);
        Assert.All(Parse(format, lines), e => Assert.IsNotType<UnrecognizedLine>(e));
    }

    [Fact]
    public void The_chinese_retry_sample_fails_with_10060_waits_and_logs_in_then_is_refused_a_second_session()
    {
        var events = Parse("cuteftp-zh", Read("cuteftp-zh-retry.log"));

        Assert.Equal(3, events.OfType<ClientMessageEvent>().Count(m => m.Kind == ClientMessageKind.Connecting));
        Assert.Contains(events, e => e is ClientMessageEvent { Kind: ClientMessageKind.ConnectFailed, SocketError: 10060 });
        Assert.Contains(events, e => e is ClientMessageEvent { Kind: ClientMessageKind.Waiting, Seconds: 30 });
        Assert.Contains(events, e => e is ClientMessageEvent { Kind: ClientMessageKind.LoginSucceeded });
        Assert.Contains(events, e => e is CommandEvent { Command: "PWD" });
        Assert.Contains(events, e => e is ReplyEvent { Code: 530 } r && r.Message.Contains("only one session from same IP", StringComparison.Ordinal));
        Assert.Equal(
            [ClientMessageKind.NotLoggedIn, ClientMessageKind.ConnectionClosed],
            events.TakeLast(2).Cast<ClientMessageEvent>().Select(m => m.Kind));
    }

    [Fact]
    public void The_english_banned_sample_is_refused_for_its_address_then_the_retry_loses_the_control_connection()
    {
        var events = Parse("cuteftp-en", Read("cuteftp-en-banned.log"));

        Assert.Contains(events, e => e is ReplyEvent { Code: 530, Message: "Not logged in, unauthorized IP address." });
        Assert.Contains(events, e => e is ClientMessageEvent { Kind: ClientMessageKind.NotLoggedIn });
        Assert.Equal(2, events.OfType<ClientMessageEvent>().Count(m => m.Kind == ClientMessageKind.Connecting));
        Assert.Equal(
            ClientMessageKind.ControlConnectionClosed,
            Assert.IsType<ClientMessageEvent>(events[^1]).Kind);
    }

    [Fact]
    public void The_timestamped_sample_logs_in_downloads_and_wraps_one_message()
    {
        var events = Parse("cuteftp-en", Read("cuteftp-en-timestamped.log"));

        Assert.All(events.Where(e => e is not ContinuationLine), e => Assert.NotNull(e.Time));
        Assert.Contains(events, e => e is ClientMessageEvent { Kind: ClientMessageKind.LoginSucceeded });
        Assert.Contains(events, e => e is CommandEvent { Command: "RETR", Argument: "setup 2.1.zip" });
        Assert.Contains(events, e => e is ReplyEvent { Code: 226 });
        Assert.Single(events.OfType<ContinuationLine>());
        Assert.Equal("2009-09-08T22:08:21", events[^1].Time?.ToString());
    }

    private static List<LogLine> Read(string file)
    {
        using var source = LogSource.Open(Path.Combine(SamplesDirectory(), file));
        var lines = source.ReadLines().Where(l => !string.IsNullOrWhiteSpace(l.Text)).ToList();
        Assert.Empty(source.Diagnostics);
        return lines;
    }

    private static List<FtpEvent> Parse(string format, IEnumerable<LogLine> lines)
    {
        var parser = FormatRegistry.Find(format)!.CreateParser();
        return lines.Select(parser.Parse).ToList();
    }

    /// <summary>The repository's <c>samples/</c> folder, found from where this source file lives.</summary>
    private static string SamplesDirectory([CallerFilePath] string here = "")
    {
        for (var dir = Path.GetDirectoryName(here); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var samples = Path.Combine(dir, "samples");
            if (File.Exists(Path.Combine(dir, "LogLens.sln")) && Directory.Exists(samples))
            {
                return samples;
            }
        }

        throw new DirectoryNotFoundException($"No samples/ folder above {here}.");
    }
}
