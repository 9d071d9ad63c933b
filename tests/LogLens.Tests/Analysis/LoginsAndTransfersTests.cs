using LogLens.Analysis;
using LogLens.Events;
using LogLens.Tests.Support;

namespace LogLens.Tests.Analysis;

/// <summary>A session's lists of logins and transfers: one entry per attempt, however many lines report it.</summary>
public class LoginsAndTransfersTests
{
    private static readonly string[] ServULog =
    [
        "[2] Sun 07Mar04 12:00:01 - (000201) Connected to 198.51.100.7 (Local address 192.0.2.10)",
        "[6] Sun 07Mar04 12:00:01 - (000201) 220 Serv-U FTP Server v6.0 for WinSock ready...",
        "[5] Sun 07Mar04 12:00:02 - (000201) USER carol",
        "[6] Sun 07Mar04 12:00:02 - (000201) 331 User name okay, need password.",
        "[5] Sun 07Mar04 12:00:03 - (000201) PASS ***",
        "[6] Sun 07Mar04 12:00:03 - (000201) 230 User logged in, proceed.",
        "[2] Sun 07Mar04 12:00:03 - (000201) User carol logged in",
        "[5] Sun 07Mar04 12:00:04 - (000201) PASV",
        "[6] Sun 07Mar04 12:00:04 - (000201) 227 Entering Passive Mode (192,0,2,10,14,178)",
        "[5] Sun 07Mar04 12:00:04 - (000201) RETR manual 2004.pdf",
        "[6] Sun 07Mar04 12:00:04 - (000201) 150 Opening BINARY mode data connection for manual 2004.pdf (786432 Bytes).",
        "[3] Sun 07Mar04 12:00:16 - (000201) Sent file D:\\pub\\manual 2004.pdf successfully (64.0 kB/sec - 786432 Bytes)",
        "[6] Sun 07Mar04 12:00:16 - (000201) 226 Transfer complete.",
        "[5] Sun 07Mar04 12:00:20 - (000201) STOR notes.txt",
        "[6] Sun 07Mar04 12:00:20 - (000201) 150 Opening BINARY mode data connection for notes.txt.",
        "[3] Sun 07Mar04 12:00:21 - (000201) Received file D:\\incoming\\notes.txt successfully (20.0 kB/sec - 20480 Bytes)",
        "[6] Sun 07Mar04 12:00:21 - (000201) 226 Transfer complete.",
        "[5] Sun 07Mar04 12:00:30 - (000201) STOR big.iso",
        "[6] Sun 07Mar04 12:00:30 - (000201) 150 Opening BINARY mode data connection for big.iso.",
        "[3] Sun 07Mar04 12:02:40 - (000201) Received file D:\\incoming\\big.iso aborted (40.1 kB/sec - 5242880 Bytes)",
        "[6] Sun 07Mar04 12:02:40 - (000201) 426 Connection closed; transfer aborted.",
        "[5] Sun 07Mar04 12:02:45 - (000201) QUIT",
        "[6] Sun 07Mar04 12:02:45 - (000201) 221 Goodbye!",
        "[2] Sun 07Mar04 12:02:45 - (000201) Closing connection for user CAROL (00:02:44 connected)",
    ];

    [Fact]
    public void A_serv_u_login_written_both_as_230_and_as_its_own_line_counts_once()
    {
        var session = Assert.Single(Transcript.AnalyzeText(string.Join("\n", ServULog), "servu").Sessions);

        var login = Assert.Single(session.Logins);
        Assert.Equal(new LoginAttempt(7, login.Time, "carol", true), login);
        Assert.Equal("2004-03-07T12:00:03", login.Time?.ToString());
    }

    [Fact]
    public void Serv_u_transfers_carry_direction_path_bytes_rate_result_and_the_reply_that_followed()
    {
        var session = Assert.Single(Transcript.AnalyzeText(string.Join("\n", ServULog), "servu").Sessions);

        Assert.Equal(
            [
                (12, TransferDirection.Download, "D:\\pub\\manual 2004.pdf", (long?)786432, "64.0 kB/sec", true, (int?)226),
                (16, TransferDirection.Upload, "D:\\incoming\\notes.txt", 20480, "20.0 kB/sec", true, 226),
                (20, TransferDirection.Upload, "D:\\incoming\\big.iso", 5242880, "40.1 kB/sec", false, 426),
            ],
            session.Transfers.Select(t => (t.Line, t.Direction, t.Path, t.Bytes, t.Rate, t.Succeeded, t.ReplyCode)));
    }

    [Fact]
    public void A_serv_u_transfer_aborted_with_426_is_the_sessions_outcome_with_that_code()
    {
        var session = Assert.Single(Transcript.AnalyzeText(string.Join("\n", ServULog), "servu").Sessions);

        Assert.Equal(("transfer-failed", "transfer-aborted", 426), (session.Outcome.Id, session.Outcome.Reason, session.Outcome.ReplyCode));
        Assert.Contains(20, session.Outcome.Evidence);
        Assert.Contains(21, session.Outcome.Evidence);
        Assert.Equal(("198.51.100.7", "192.0.2.10", "carol"), (session.Client, session.Server, session.User));
        Assert.Equal(164, session.DurationSeconds);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    [InlineData(TranscriptStyle.Timestamped)]
    public void A_transcript_login_is_one_login_though_the_client_also_says_login_successful(TranscriptStyle style)
    {
        var t = Transcript.In(style).Open().Login("software", "230 User logged in, proceed.").Command("PWD").Reply("257 \"/\" is current directory.");

        var session = Assert.Single(t.Analyze().Sessions);

        var login = Assert.Single(session.Logins);
        Assert.Equal(("software", true), (login.User, login.Succeeded));
        Assert.Equal(t.Lines.ToList().FindIndex(l => l.Contains("230 User logged in", StringComparison.Ordinal)) + 1, login.Line);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    [InlineData(TranscriptStyle.Timestamped)]
    public void Each_password_tried_is_one_login_in_order(TranscriptStyle style)
    {
        var t = Transcript.In(style).Open()
            .Login("admin", "530 Not logged in.")
            .Login("root", "530 Not logged in.")
            .Login("software", "230 User logged in, proceed.");

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal([("admin", false), ("root", false), ("software", true)], session.Logins.Select(l => (l.User, l.Succeeded)));
        Assert.Equal("software", session.User);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    [InlineData(TranscriptStyle.Timestamped)]
    public void Transcript_transfers_take_bytes_from_the_150_and_the_code_from_the_final_reply(TranscriptStyle style)
    {
        var t = Transcript.In(style).Open().Login("software", "230 User logged in, proceed.")
            .Command("TYPE I").Reply("200 Type set to I.")
            .Command("PASV").Reply("227 Entering Passive Mode (192,0,2,45,19,137)")
            .Command("RETR 软件/安装 1.0.exe").Reply("150 Opening BINARY mode data connection for 软件/安装 1.0.exe (1048576 bytes).").Reply("226 Transfer complete.")
            .Command("PASV").Reply("227 Entering Passive Mode (192,0,2,45,19,138)")
            .Command("STOR 报告.doc").Reply("150 Opening BINARY mode data connection for 报告.doc.").Reply("226 Transfer complete.")
            .Command("PASV").Reply("227 Entering Passive Mode (192,0,2,45,19,139)")
            .Command("LIST").Reply("150 Opening ASCII mode data connection for /bin/ls.").Reply("226 Transfer complete.");

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal("succeeded", session.Outcome.Id);
        Assert.Equal(
            [
                (TransferDirection.Download, "软件/安装 1.0.exe", (long?)1048576, true, (int?)226),
                (TransferDirection.Upload, "报告.doc", null, true, 226),
            ],
            session.Transfers.Select(x => (x.Direction, x.Path, x.Bytes, x.Succeeded, x.ReplyCode)));
    }

    [Fact]
    public void The_seeds_first_transcript_has_one_login_no_transfers_and_knows_the_user_and_server()
    {
        var t = Transcript.In(TranscriptStyle.Chinese).GettingListing()
            .Open("211.0.113.4", 21, "211.0.113.4", "220 FTP服务器已启动")
            .Login("software", "230 User logged in, proceed.")
            .Command("PWD").Reply("257 \"/\" is current directory.");

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal(("software", "211.0.113.4:21", (string?)null), (session.User, session.Server, session.Client));
        Assert.Single(session.Logins);
        Assert.Empty(session.Transfers);
        Assert.Null(session.Start);
        Assert.Null(session.DurationSeconds);
        Assert.Equal((1, t.Last), (session.FirstLine, session.LastLine));
    }
}
