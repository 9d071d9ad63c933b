using LogLens.Events;
using LogLens.Input;
using LogLens.Parsing;
using LogLens.Parsing.Formats.ServU;
using LogLens.Parsing.Formats.Timestamped;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.Timestamped;

public class TimestampedTranscriptFormatTests
{
    private static readonly TimestampedTranscriptFormat Format = new();

    [Theory]
    [InlineData("Thu Mar 07 11:46:29 2004 USER bugdown", "USER", "bugdown", "2004-03-07T11:46:29")]
    [InlineData("Thu Mar 07 11:46:30 2004 PASS ********", "PASS", "***", "2004-03-07T11:46:30")]
    [InlineData("Thu Mar 07 11:46:30 2004 PASS hunter2", "PASS", "***", "2004-03-07T11:46:30")]
    [InlineData("Tue Mar  9 08:00:02 2004 PWD", "PWD", null, "2004-03-09T08:00:02")]
    [InlineData("Tue Mar  9 08:00:02 2004 retr /pub/a b.zip", "RETR", "/pub/a b.zip", "2004-03-09T08:00:02")]
    public void A_command_after_the_timestamp_is_a_command_event(string line, string verb, string? argument, string time)
    {
        var command = Lines.ParseAs<CommandEvent>(Format, line);

        Assert.Equal(verb, command.Command);
        Assert.Equal(argument, command.Argument);
        Assert.Equal(time, command.Time.ToString());
        Assert.Null(command.SessionKey);
    }

    [Theory]
    [InlineData("Thu Mar 07 11:46:30 2004 331 User name okay, need password.", 331, "User name okay, need password.", "2004-03-07T11:46:30")]
    [InlineData("Thu Mar 07 11:46:30 2004 530 Not logged in.", 530, "Not logged in.", "2004-03-07T11:46:30")]
    [InlineData("Thu Mar 07 11:44:56 2002 530 Sorry, no ANONYMOUS access allowed", 530, "Sorry, no ANONYMOUS access allowed", "2002-03-07T11:44:56")]
    [InlineData("Thu Mar 07 11:51:25 2004 421 Too many users - please try again later.", 421, "Too many users - please try again later.", "2004-03-07T11:51:25")]
    [InlineData("Tue Mar  9 08:00:01 2004 230 User logged in, proceed.", 230, "User logged in, proceed.", "2004-03-09T08:00:01")]
    public void A_reply_after_the_timestamp_is_a_final_reply_event(string line, int code, string message, string time)
    {
        var reply = Lines.ParseAs<ReplyEvent>(Format, line);

        Assert.Equal(code, reply.Code);
        Assert.Equal(message, reply.Message);
        Assert.True(reply.IsFinal);
        Assert.Equal(time, reply.Time.ToString());
    }

    [Fact]
    public void The_weekday_is_ignored_when_it_disagrees_with_the_date()
    {
        // 7 March 2004 was a Sunday; the seed calls it Thursday. The date wins, the line is kept.
        var command = Lines.ParseAs<CommandEvent>(Format, "Thu Mar 07 11:46:29 2004 USER bugdown");

        Assert.Equal(new DateTime(2004, 3, 7, 11, 46, 29), command.Time!.Value.Local);
        Assert.Null(command.Time.Value.Offset);
    }

    [Fact]
    public void A_multi_line_reply_is_non_final_until_its_last_line()
    {
        var events = Lines.Parse(
            Format,
            "Tue Mar  9 08:00:01 2004 230-Welcome, archive user.",
            "Tue Mar  9 08:00:01 2004     Mirrors are refreshed nightly.",
            "Tue Mar  9 08:00:01 2004 230 User logged in, proceed.",
            "Tue Mar  9 08:00:02 2004 Mirrors are refreshed nightly.");

        var replies = events.Take(3).Select(e => Assert.IsType<ReplyEvent>(e)).ToArray();
        Assert.All(replies, r => Assert.Equal(230, r.Code));
        Assert.Equal([false, false, true], replies.Select(r => r.IsFinal));
        Assert.Equal("Mirrors are refreshed nightly.", replies[1].Message);

        // Once the reply is closed, the same text is no longer part of it.
        Assert.IsType<UnrecognizedLine>(events[3]);
    }

    [Fact]
    public void A_command_ends_a_multi_line_reply_whose_last_line_was_lost()
    {
        var events = Lines.Parse(
            Format,
            "Tue Mar  9 08:00:01 2004 230-Welcome, archive user.",
            "Tue Mar  9 08:00:02 2004 PWD",
            "Tue Mar  9 08:00:02 2004 Some text after the command");

        Assert.IsType<CommandEvent>(events[1]);
        Assert.IsType<UnrecognizedLine>(events[2]);
    }

    [Theory]
    [InlineData("Thu Mar 07 11:46:31 2004 Connection closed by remote host")]
    [InlineData("Thu Mar 07 11:46:31 2004 Transfer complete")]
    [InlineData("Thu Mar 07 11:46:31 2004")]
    public void Other_text_after_a_valid_timestamp_is_unrecognized_but_keeps_its_time(string line)
    {
        // Decision: this style shows no client status messages of its own, so unknown text is not
        // dressed up as one (no ClientMessageEvent); it stays unrecognized, with its time.
        var unrecognized = Lines.ParseAs<UnrecognizedLine>(Format, line);

        Assert.Equal("2004-03-07T11:46:31", unrecognized.Time.ToString());
    }

    [Theory]
    [InlineData("Thu Feb 31 11:46:29 2004 USER bugdown")]
    [InlineData("Thu Mar 07 25:46:29 2004 USER bugdown")]
    [InlineData("Thu Mar 07 11:61:29 2004 USER bugdown")]
    [InlineData("Thu Mar 00 11:46:29 2004 USER bugdown")]
    [InlineData("Thx Mar 07 11:46:29 2004 USER bugdown")]
    [InlineData("Thu Mar 07 11:46:29 04 USER bugdown")]
    [InlineData("Thu Mar 07 11:46")]
    [InlineData("Thu Mar 07 11:46:29 2004USER bugdown")]
    [InlineData("USER bugdown")]
    [InlineData("530 Not logged in.")]
    [InlineData("\u0000\u0001garbage\uFFFD")]
    [InlineData("状态:> 正在连接到 ftp 服务器")]
    [InlineData("[2] Thu 07Mar02 11:44:56 - (000012) USER bob")]
    public void Invalid_dates_garbage_and_truncated_lines_are_unrecognized(string line)
    {
        var unrecognized = Lines.ParseAs<UnrecognizedLine>(Format, line);

        Assert.Null(unrecognized.Time);
    }

    [Theory]
    [InlineData("Thu Mar 07 11:46:30 2004 PASS hunter2")]
    [InlineData("Thu Mar 07 11:46:30 2004 pass hunter2")]
    [InlineData("Thu Mar 07 11:46 PASS hunter2")]
    public void A_password_reaches_no_field_and_no_text(string line)
    {
        var parsed = Lines.ParseOne(Format, line);

        Assert.DoesNotContain("hunter2", parsed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", parsed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_sample_line_parses_to_a_recognized_event()
    {
        Assert.NotEmpty(Format.SampleLines);
        var events = Lines.Parse(Format, [.. Format.SampleLines]);

        Assert.All(events, e => Assert.IsNotType<UnrecognizedLine>(e));
        Assert.All(events, e => Assert.NotNull(e.Time));
    }

    [Fact]
    public void The_sample_log_parses_completely()
    {
        var lines = SampleLogs.Read("timestamped-transcript.log");
        var parser = Format.CreateParser();
        var events = lines.Select(parser.Parse).ToArray();

        Assert.All(events, e => Assert.IsNotType<UnrecognizedLine>(e));
        Assert.Contains(events, e => e is ReplyEvent { Code: 530, Message: "Sorry, no ANONYMOUS access allowed" });
        Assert.Contains(events, e => e is ReplyEvent { Code: 530, Message: "Not logged in." });
        Assert.Contains(events, e => e is ReplyEvent { Code: 421 });
        Assert.Contains(events, e => e is ReplyEvent { Code: 230, IsFinal: true });
    }

    [Fact]
    public void Detection_picks_this_format_for_a_timestamped_transcript()
    {
        var sample = SampleLogs.Read("timestamped-transcript.log");

        Assert.Same(typeof(TimestampedTranscriptFormat), FormatRegistry.Detect(sample).Format?.GetType());
        Assert.IsType<TimestampedTranscriptFormat>(FormatRegistry.Detect(sample, [new ServUFormat(), Format]).Format);
    }

    [Fact]
    public void The_format_is_registered_by_name()
    {
        Assert.IsType<TimestampedTranscriptFormat>(FormatRegistry.Find("timestamped"));
    }

    [Fact]
    public void A_sample_of_another_format_scores_zero()
    {
        var sample = SampleLogs.Read("servu.log");

        Assert.Equal(0, Format.Score(sample));
    }
}
