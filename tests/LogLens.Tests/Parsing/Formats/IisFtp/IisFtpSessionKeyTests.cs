using LogLens.Parsing.Formats.IisFtp;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.IisFtp;

public class IisFtpSessionKeyTests
{
    private const string NoSessionFields = "#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status";

    private static readonly IisFtpFormat Format = new();

    private static string[] Keys(params string[] lines) => Lines.SessionIds(Lines.Parse(Format, lines));

    [Fact]
    public void The_x_session_column_is_the_key_even_when_one_client_interleaves_two_connections()
    {
        const string fields = "#Fields: date time c-ip cs-method cs-uri-stem sc-status x-session";
        Assert.Equal(
            ["(none)", "a1", "b2", "a1", "b2"],
            Keys(
                fields,
                "2011-05-12 04:03:11 198.51.100.7 USER bob 331 a1",
                "2011-05-12 04:03:11 198.51.100.7 USER eve 331 b2",
                "2011-05-12 04:03:12 198.51.100.7 PASS *** 230 a1",
                "2011-05-12 04:03:12 198.51.100.7 PASS *** 530 b2"));
    }

    [Fact]
    public void Without_session_column_a_client_gets_a_fresh_key_for_each_control_connection()
    {
        Assert.Equal(
            ["(none)", "198.51.100.7", "198.51.100.7", "198.51.100.7-2", "198.51.100.7-2", "203.0.113.25"],
            Keys(
                NoSessionFields,
                "2011-05-12 04:03:11 198.51.100.7 - 192.0.2.10 21 ControlChannelOpened - - 0",
                "2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 USER bob 331 0",
                "2011-05-12 04:03:13 198.51.100.7 - 192.0.2.10 21 ControlChannelOpened - - 0",
                "2011-05-12 04:03:14 198.51.100.7 - 192.0.2.10 21 USER eve 331 0",
                "2011-05-12 04:03:14 203.0.113.25 - 192.0.2.10 21 USER carol 331 0"));
    }

    [Fact]
    public void Without_session_column_the_close_after_quit_stays_with_its_session_and_the_next_row_starts_another()
    {
        Assert.Equal(
            ["(none)", "198.51.100.7", "198.51.100.7", "198.51.100.7", "198.51.100.7-2"],
            Keys(
                NoSessionFields,
                "2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 USER bob 331 0",
                "2011-05-12 04:03:20 198.51.100.7 - 192.0.2.10 21 QUIT - 221 0",
                "2011-05-12 04:03:20 198.51.100.7 - 192.0.2.10 21 ControlChannelClosed - - 0",
                "2011-05-12 04:04:00 198.51.100.7 - 192.0.2.10 21 USER bob 331 0"));
    }

    [Theory]
    [InlineData("04:13:12", "198.51.100.7")]
    [InlineData("04:13:13", "198.51.100.7-2")]
    public void Without_session_column_more_than_ten_minutes_of_silence_starts_another_session(string later, string key)
    {
        var keys = Keys(
            NoSessionFields,
            "2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 USER bob 331 0",
            $"2011-05-12 {later} 198.51.100.7 - 192.0.2.10 21 USER bob 331 0");

        Assert.Equal(key, keys[^1]);
    }

    [Fact]
    public void Connection_ids_that_start_over_after_a_new_header_block_are_other_connections()
    {
        Assert.Equal(
            ["61", "62", "(none)", "(none)", "1", "2", "62"],
            Keys(
                "14:03:19 198.51.100.7 [61]USER bob 331 0",
                "14:03:20 198.51.100.7 [62]USER eve 331 0",
                "#Software: Microsoft Internet Information Services 6.0",
                "#Date: 2011-05-12 15:00:00",
                "15:00:05 203.0.113.25 [1]USER carol 331 0",
                "15:00:06 203.0.113.25 [2]USER carol 331 0",
                "15:00:07 203.0.113.25 [62]USER carol 331 0").Select(k => k.Split('-')[0]).ToArray());

        var keys = Keys(
            "14:03:20 198.51.100.7 [62]USER eve 331 0",
            "#Date: 2011-05-12 15:00:00",
            "15:00:05 203.0.113.25 [1]USER carol 331 0",
            "15:00:07 203.0.113.25 [62]USER carol 331 0");
        Assert.Equal(["62", "(none)", "1", "62-2"], keys);
    }

    [Fact]
    public void Connection_ids_that_go_on_rising_after_a_new_header_keep_their_keys()
    {
        Assert.Equal(
            ["62", "(none)", "63", "62"],
            Keys(
                "14:03:20 198.51.100.7 [62]USER eve 331 0",
                "#Fields: time c-ip cs-method cs-uri-stem sc-status sc-win32-status",
                "14:04:05 203.0.113.25 [63]USER carol 331 0",
                "14:04:07 198.51.100.7 [62]PASS - 530 1326"));
    }
}
