using System.Globalization;
using LogLens.Parsing.Grammar;
using LogLens.Tests.Support;
using Pidgin;

namespace LogLens.Tests.Parsing.Grammar;

public class CtimeTests
{
    // The timestamp and what is left of the input after it.
    private static readonly Parser<char, (DateTime Local, string After)> CtimeThenRest =
        Parser.Map((time, rest) => (time.Local, rest), Timestamps.Ctime, FastParsers.RestOfLine);

    [Theory]
    [InlineData("Thu Sep  8 00:39:49 2016", "2016-09-08T00:39:49")]
    [InlineData("Mon Jun 8 12:08:44 2020", "2020-06-08T12:08:44")]
    [InlineData("Thu Mar 07 11:46:29 2004", "2004-03-07T11:46:29")]
    [InlineData("thu mar 07 11:46:29 2004", "2004-03-07T11:46:29")]
    [InlineData("THU MAR 07 11:46:29 2004", "2004-03-07T11:46:29")]
    [InlineData("Thu Sep  8 00:39:49.5 2016", "2016-09-08T00:39:49.5")]
    [InlineData("Thu Sep  8 00:39:49.123456 2016", "2016-09-08T00:39:49.123456")]
    [InlineData("Thu Sep  8 9:05:01 2016", "2016-09-08T09:05:01")]
    [InlineData("Thu\tSep\t8\t00:39:49\t2016", "2016-09-08T00:39:49")]
    [InlineData("Mon Feb 29 23:59:59 2016", "2016-02-29T23:59:59")]
    [InlineData("Sat Jan  1 00:00:00 2000", "2000-01-01T00:00:00")]
    public void A_ctime_timestamp_reads_as_its_date_and_time(string text, string expected)
    {
        var result = Timestamps.Ctime.Parse(text);

        Assert.True(result.Success, $"'{text}' should parse");
        Assert.Equal(Iso(expected), result.Value.Local);
        Assert.True(result.Value.HasYear);
        Assert.Null(result.Value.Offset);
    }

    [Theory]
    [InlineData("Mon Sep  8 00:39:49 2016")]
    [InlineData("Sun Sep  8 00:39:49 2016")]
    public void The_weekday_is_read_but_the_date_decides(string text)
    {
        Assert.Equal(Iso("2016-09-08T00:39:49"), Timestamps.Ctime.Parse(text).Value.Local);
    }

    [Theory]
    [InlineData("Thu Feb 31 10:00:00 2016")]
    [InlineData("Sun Feb 29 10:00:00 2015")]
    [InlineData("Thu Sxp  8 00:39:49 2016")]
    [InlineData("Thu September  8 00:39:49 2016")]
    [InlineData("Thx Sep  8 00:39:49 2016")]
    [InlineData("Thu Sep  8 24:00:00 2016")]
    [InlineData("Thu Sep  8 00:60:49 2016")]
    [InlineData("Thu Sep  8 00:39:60 2016")]
    [InlineData("Thu Sep 108 00:39:49 2016")]
    [InlineData("Thu Sep  0 00:39:49 2016")]
    [InlineData("Thu Sep  8 00:39 2016")]
    [InlineData("Thu Sep  8 00:39:49")]
    [InlineData("Thu Sep  8 00:39:49 ")]
    [InlineData("Thu Sep  8 00:39:49 16")]
    [InlineData("Thu Sep  8 00:39:49 20x6")]
    [InlineData("Thu Sep  8 00:39:49 0000")]
    [InlineData("ThuSep  8 00:39:49 2016")]
    [InlineData("Thu Sep8 00:39:49 2016")]
    [InlineData("Thu Sep  8")]
    [InlineData("Thu")]
    [InlineData("")]
    public void Text_that_is_no_ctime_timestamp_fails(string text)
    {
        Assert.False(Timestamps.Ctime.Parse(text).Success, $"'{text}' should not parse");
    }

    [Theory]
    [InlineData("Thu Sep  8 00:39:49 2016 [pid 15019] CONNECT", "2016-09-08T00:39:49", " [pid 15019] CONNECT")]
    [InlineData("Mon Jun 8 12:08:44 2020x", "2020-06-08T12:08:44", "x")]
    [InlineData("Thu Sep  8 00:39:49.25 2016  ", "2016-09-08T00:39:49.25", "  ")]
    [InlineData("Thu Sep  8 00:39:49 20161", "2016-09-08T00:39:49", "1")]
    public void Only_the_timestamp_is_consumed_whether_read_or_remembered(string text, string expected, string rest)
    {
        // The second read of the same text is the one the thread remembers.
        for (var read = 0; read < 2; read++)
        {
            var result = CtimeThenRest.Parse(text);

            Assert.True(result.Success);
            Assert.Equal(Iso(expected), result.Value.Local);
            Assert.Equal(rest, result.Value.After);
        }
    }

    [Fact]
    public void Timestamps_read_alternately_each_get_their_own_value()
    {
        // Neighbours that share a prefix with each other, read in turn: a remembered one must never answer for another.
        (string Text, string Expected)[] cases =
        [
            ("Thu Sep  8 00:39:49 2016", "2016-09-08T00:39:49"),
            ("Thu Sep  8 00:39:50 2016", "2016-09-08T00:39:50"),
            ("Thu Sep  8 00:39:49.5 2016", "2016-09-08T00:39:49.5"),
            ("Thu Sep  8 00:39:49 2017", "2017-09-08T00:39:49"),
            ("Thu Sep 18 00:39:49 2016", "2016-09-18T00:39:49"),
            ("thu sep  8 00:39:49 2016", "2016-09-08T00:39:49"),
        ];

        for (var round = 0; round < 3; round++)
        {
            foreach (var (text, expected) in cases)
            {
                Assert.Equal(Iso(expected), Timestamps.Ctime.Parse(text).Value.Local);
            }

            foreach (var (text, expected) in cases.Reverse())
            {
                Assert.Equal(Iso(expected), Timestamps.Ctime.Parse(text).Value.Local);
            }
        }
    }

    [Theory]
    [InlineData("Thu Sep  8 00:39:49 201")]
    [InlineData("Thu Sep  8 00:39:49")]
    [InlineData("Thu Sep  8 00:39:4")]
    public void A_cut_copy_of_the_remembered_timestamp_still_fails(string cut)
    {
        Assert.True(Timestamps.Ctime.Parse("Thu Sep  8 00:39:49 2016").Success);

        Assert.False(Timestamps.Ctime.Parse(cut).Success);
    }

    [Fact]
    public void Threads_reading_different_timestamps_at_once_each_get_the_right_value()
    {
        (string Text, string Expected)[] cases =
        [
            ("Thu Sep  8 00:39:49 2016", "2016-09-08T00:39:49"), ("Fri Sep  9 01:02:03 2016", "2016-09-09T01:02:03"),
            ("Mon Jun 8 12:08:44 2020", "2020-06-08T12:08:44"), ("Thu Mar 07 11:46:29 2004", "2004-03-07T11:46:29"),
            ("Sat Dec 31 23:59:59 2011", "2011-12-31T23:59:59"), ("Sun Jan  1 00:00:00 2012", "2012-01-01T00:00:00"),
            ("Tue Feb 29 06:30:00 2000", "2000-02-29T06:30:00"), ("Wed Jul  4 17:45:12.75 2018", "2018-07-04T17:45:12.75"),
        ];
        var texts = cases.Select(c => c.Text).ToArray();
        var expected = cases.ToDictionary(c => c.Text, c => Iso(c.Expected));
        var wrong = Concurrently.Run(texts.Length, (t, wrong) =>
        {
            var mine = texts[t];
            var neighbour = texts[(t + 1) % texts.Length];
            for (var i = 0; i < 20_000; i++)
            {
                // Mostly its own second, now and then another thread's: both must come out right.
                var text = i % 7 == 0 ? neighbour : mine;
                var result = Timestamps.Ctime.Parse(text);
                if (!result.Success || result.Value.Local != expected[text])
                {
                    wrong.Enqueue($"thread {t}, read {i}: '{text}' gave {(result.Success ? result.Value.ToString() : "a failure")}");
                }
            }
        });

        Assert.Empty(wrong);
    }

    private static DateTime Iso(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
