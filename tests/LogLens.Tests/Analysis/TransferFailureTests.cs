using LogLens.Events;
using LogLens.Tests.Support;

namespace LogLens.Tests.Analysis;

/// <summary>Logged in, then a transfer fails: the outcome is transfer-failed, its reason read from the reply's code or, over TLS, its words.</summary>
public class TransferFailureTests
{
    // command, 150 first?, reply, reason
    private static readonly (string Command, bool Opened, string Reply, string Reason)[] Failures =
    [
        ("RETR pub/setup 2.1.zip", false, "425 Can't open data connection.", "no-data-connection"),
        ("RETR pub/setup 2.1.zip", true, "426 Connection closed; transfer aborted.", "transfer-aborted"),
        ("RETR pub/setup 2.1.zip", false, "450 pub/setup 2.1.zip: file is busy.", "file-unavailable"),
        ("STOR incoming/report.doc", true, "451 Local error in processing.", "server-local-error"),
        ("STOR incoming/backup.rar", true, "452 Insufficient storage space on server.", "insufficient-storage"),
        ("RETR pub/setup 2.1.zip", false, "550 pub/setup 2.1.zip: No such file or directory.", "file-unavailable"),

        // ... but not the words of a path the reply only echoes.
        ("RETR notes/tls required.txt", false, "550 notes/tls required.txt: No such file or directory.", "file-unavailable"),
        ("STOR on the data channel.doc", false, "553 on the data channel.doc: File name not allowed.", "bad-file-name"),
        ("RETR pub/setup 2.1.zip", false, "551 Page type unknown.", "page-type-unknown"),
        ("STOR incoming/backup.rar", true, "552 Exceeded storage allocation.", "insufficient-storage"),
        ("STOR incoming/报告:第1版?.doc", false, "553 File name not allowed.", "bad-file-name"),

        // Over TLS, the words decide: the data connection must be protected too, or resume the TLS session.
        ("RETR pub/setup 2.1.zip", false, "522 Data connections must be encrypted.", "data-tls-required"),
        ("STOR incoming/report.doc", false, "522 SSL/TLS required on the data channel", "data-tls-required"),
        ("RETR pub/setup 2.1.zip", true, "522 SSL connection failed: session reuse required", "tls-session-reuse-required"),
        ("RETR pub/setup 2.1.zip", false, "550 pub/setup 2.1.zip: No such file or directory.", "file-unavailable"),
    ];

    public static TheoryData<TranscriptStyle, string, bool, string, string> Cases()
    {
        var data = new TheoryData<TranscriptStyle, string, bool, string, string>();
        foreach (var style in Enum.GetValues<TranscriptStyle>())
        {
            foreach (var f in Failures)
            {
                data.Add(style, f.Command, f.Opened, f.Reply, f.Reason);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_failed_transfer_after_login_is_transfer_failed_with_the_reason_its_reply_gives(TranscriptStyle style, string command, bool opened, string reply, string reason)
    {
        var t = LoggedIn(style).Command(command);
        var commandLine = t.Last;
        if (opened)
        {
            t.Reply("150 Opening BINARY mode data connection.");
        }

        t.Reply(reply);
        var code = int.Parse(reply[..3], System.Globalization.CultureInfo.InvariantCulture);

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal(("transfer-failed", reason, code), (session.Outcome.Id, session.Outcome.Reason, session.Outcome.ReplyCode));
        Assert.Equal([commandLine, t.Last], session.Outcome.Evidence);
        var login = Assert.Single(session.Logins);
        Assert.True(login.Succeeded);
        var transfer = Assert.Single(session.Transfers);
        Assert.Equal(command.StartsWith("RETR", StringComparison.Ordinal) ? TransferDirection.Download : TransferDirection.Upload, transfer.Direction);
        Assert.Equal(command[5..], transfer.Path);
        Assert.False(transfer.Succeeded);
        Assert.Equal(code, transfer.ReplyCode);
        Assert.Null(transfer.Bytes);
        Assert.Equal(t.Last, transfer.Line);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    [InlineData(TranscriptStyle.Timestamped)]
    public void A_later_successful_transfer_does_not_hide_an_earlier_failure(TranscriptStyle style)
    {
        var t = LoggedIn(style)
            .Command("RETR pub/missing.zip").Reply("550 pub/missing.zip: No such file or directory.")
            .Command("RETR pub/setup.zip").Reply("150 Opening BINARY mode data connection for pub/setup.zip (2048 bytes).").Reply("226 Transfer complete.");

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal(("transfer-failed", "file-unavailable", 550), (session.Outcome.Id, session.Outcome.Reason, session.Outcome.ReplyCode));
        Assert.Equal([(false, 550, (long?)null), (true, 226, 2048)], session.Transfers.Select(x => (x.Succeeded, x.ReplyCode, x.Bytes)));
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    public void A_refused_login_is_not_a_transfer_failure_even_when_the_client_then_tries_a_listing(TranscriptStyle style)
    {
        var t = Transcript.In(style).Open().Login("software", "530 Not logged in.").Command("LIST").Reply("530 Please login with USER and PASS.");

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal("login-failed", session.Outcome.Id);
        Assert.Empty(session.Transfers);
    }

    private static Transcript LoggedIn(TranscriptStyle style) =>
        Transcript.In(style).Open()
            .Login("software", "230 User logged in, proceed.")
            .Command("TYPE I").Reply("200 Type set to I.")
            .Command("PASV").Reply("227 Entering Passive Mode (192,0,2,45,19,137)");
}
