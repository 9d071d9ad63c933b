using System.Globalization;
using System.Text;
using System.Text.Json;
using LogLens.Localization;
using LogLens.Reporting;
using LogLens.Tests.Support;

namespace LogLens.Tests.Reporting;

/// <summary>The <c>--json</c> document: issue 2's keys, null for what the log does not say, times as written, no password.</summary>
public class JsonReportWriterTests
{
    private static readonly string[] SessionKeys =
    [
        "file", "id", "format", "client", "server", "user", "start", "end", "durationSeconds", "outcome", "reason", "replyCode",
        "evidence", "explanation", "advice", "firstLine", "lastLine", "logins", "transfers", "retry",
    ];

    private static readonly string[] ServULines =
    [
        "[2] Sun 07Mar04 12:00:01 - (000201) Connected to 198.51.100.7 (Local address 192.0.2.10)",
        "[5] Sun 07Mar04 12:00:02 - (000201) USER carol",
        "[5] Sun 07Mar04 12:00:03 - (000201) PASS hunter2",
        "[6] Sun 07Mar04 12:00:03 - (000201) 230 User logged in, proceed.",
        "[2] Sun 07Mar04 12:00:03 - (000201) User carol logged in",
        "[5] Sun 07Mar04 12:00:04 - (000201) RETR manual 2004.pdf",
        "[3] Sun 07Mar04 12:00:16 - (000201) Sent file D:\\pub\\manual 2004.pdf successfully (64.0 kB/sec - 786432 Bytes)",
        "[6] Sun 07Mar04 12:00:16 - (000201) 226 Transfer complete.",
        "[2] Sun 07Mar04 12:00:20 - (000201) Closing connection for user CAROL (00:00:19 connected)",
        "[02] Thu 26Nov15 14:30:16 - (000003) Connected to 203.0.113.40 (local address 192.0.2.10, port 21)",
        "[02] Thu 26Nov15 14:30:18 - (000003) Invalid login credentials; user: \"erin\"; password: \"s3cret\"",
        "[01] Thu 26Nov15 14:30:19 - (000003) Closed session",
    ];

    [Fact]
    public void The_document_has_the_documented_keys_at_every_level()
    {
        using var doc = Write(Texts.English, Retries(), ServU());
        var root = doc.RootElement;

        Assert.Equal(["sessions", "files", "clients", "unrecognized"], Keys(root));
        var file = root.GetProperty("files")[0];
        Assert.Superset(new HashSet<string> { "path", "format", "encoding", "lines" }, Keys(file).ToHashSet());
        Assert.Equal(["total", "recognized", "unrecognized", "blank", "other"], Keys(file.GetProperty("lines")));
        foreach (var session in root.GetProperty("sessions").EnumerateArray())
        {
            Assert.Equal(SessionKeys, Keys(session));
        }

        var servu = Sessions(root).Single(s => s.GetProperty("id").GetString() == "000201");
        Assert.Equal(["line", "time", "user", "result"], Keys(servu.GetProperty("logins")[0]));
        Assert.Superset(
            new HashSet<string> { "line", "time", "direction", "path", "bytes", "result", "replyCode" },
            Keys(servu.GetProperty("transfers")[0]).ToHashSet());
        var retry = Sessions(root).First(s => s.GetProperty("retry").ValueKind != JsonValueKind.Null).GetProperty("retry");
        Assert.Equal(["of", "afterSeconds", "hammering"], Keys(retry));
        Assert.Equal(
            ["client", "sessions", "failedLogins", "succeededLogins", "users", "shortestRetrySeconds", "hammering"],
            Keys(root.GetProperty("clients")[0]));
    }

    [Fact]
    public void Unknown_values_are_null_not_missing_or_empty()
    {
        using var doc = Write(Texts.English, Retries());
        var first = Sessions(doc.RootElement)[0];

        Assert.Equal("connect-failed", first.GetProperty("outcome").GetString());
        foreach (var key in new[] { "client", "user", "start", "end", "durationSeconds", "replyCode", "retry" })
        {
            Assert.Equal(JsonValueKind.Null, first.GetProperty(key).ValueKind);
        }

        var retried = Sessions(doc.RootElement)[1].GetProperty("retry");
        Assert.Equal("1", retried.GetProperty("of").GetString());
        Assert.Equal(JsonValueKind.Null, retried.GetProperty("afterSeconds").ValueKind);
        Assert.Equal(JsonValueKind.Null, retried.GetProperty("hammering").ValueKind);
        Assert.Equal(JsonValueKind.Null, Sessions(doc.RootElement)[2].GetProperty("reason").ValueKind);
    }

    [Fact]
    public void A_session_carries_its_outcome_evidence_logins_transfers_and_retry_as_analysed()
    {
        var t = Transcript.In(TranscriptStyle.Timestamped)
            .Open().Login("bugdown", "530 Not logged in.")
            .After(4)
            .Open().Login("bugdown", "230 User logged in, proceed.")
            .Command("RETR pub/setup.zip").Reply("150 Opening BINARY mode data connection for pub/setup.zip (2048 bytes).").Reply("226 Transfer complete.");
        var analysis = t.Analyze();

        using var doc = Write(Texts.English, analysis);
        var sessions = Sessions(doc.RootElement);

        Assert.Equal(["login-failed", "succeeded"], sessions.Select(s => s.GetProperty("outcome").GetString()));
        Assert.Equal("bad-credentials", sessions[0].GetProperty("reason").GetString());
        Assert.Equal(530, sessions[0].GetProperty("replyCode").GetInt32());
        Assert.Equal(analysis.Sessions[0].Outcome.Evidence, sessions[0].GetProperty("evidence").EnumerateArray().Select(e => e.GetInt64()));
        var login = sessions[0].GetProperty("logins")[0];
        Assert.Equal(("bugdown", "failed"), (login.GetProperty("user").GetString(), login.GetProperty("result").GetString()));
        var transfer = sessions[1].GetProperty("transfers")[0];
        Assert.Equal(
            ("download", "pub/setup.zip", 2048L, "succeeded", 226),
            (transfer.GetProperty("direction").GetString(), transfer.GetProperty("path").GetString(), transfer.GetProperty("bytes").GetInt64(),
                transfer.GetProperty("result").GetString(), transfer.GetProperty("replyCode").GetInt32()));
        var retry = sessions[1].GetProperty("retry");
        Assert.Equal(("1", 4.0, true), (retry.GetProperty("of").GetString(), retry.GetProperty("afterSeconds").GetDouble(), retry.GetProperty("hammering").GetBoolean()));
        Assert.Equal((1, 5), (sessions[0].GetProperty("firstLine").GetInt32(), sessions[0].GetProperty("lastLine").GetInt32()));
    }

    [Theory]
    [InlineData("Thu Mar 07 11:46:29 2004 USER bugdown\nThu Mar 07 11:46:30 2004 331 User name okay, need password.\nThu Mar 07 11:46:30 2004 PASS ********\nThu Mar 07 11:46:30 2004 530 Not logged in.\n", "timestamped", "2004-03-07T11:46:29", "2004-03-07T11:46:30")]
    [InlineData("STATUS:>   [9/8/2009 10:08:07 PM] Connecting to FTP server ftp.example.com:21 (ip = 203.0.113.5:21)...\n        [9/8/2009 10:08:09 PM] 421 Too many users - please try again later.\n", "cuteftp-en", "2009-09-08T22:08:07", "2009-09-08T22:08:09")]
    [InlineData("状态:> [2009/9/8 22:08:07] 正在连接到 ftp 服务器 ftp.example.com:21 (ip = 192.0.2.10)...\n错误:> [2009/9/8 22:08:28] 无法连接到远程服务器。Socket 错误 = #10060。\n", "cuteftp-zh", "2009-09-08T22:08:07", "2009-09-08T22:08:28")]
    public void Times_are_iso_8601_as_written_with_no_invented_zone(string text, string format, string start, string end)
    {
        using var doc = Write(Texts.English, Transcript.AnalyzeText(text, format));
        var session = Sessions(doc.RootElement)[0];

        Assert.Equal(start, session.GetProperty("start").GetString());
        Assert.Equal(end, session.GetProperty("end").GetString());
        var seconds = (DateTime.Parse(end, CultureInfo.InvariantCulture) - DateTime.Parse(start, CultureInfo.InvariantCulture)).TotalSeconds;
        Assert.Equal(seconds, session.GetProperty("durationSeconds").GetDouble());
    }

    [Fact]
    public void No_password_appears_anywhere_in_the_document()
    {
        var chinese = Transcript.In(TranscriptStyle.Chinese).Open().Login("software", "530 Not logged in.", password: "hunter2").Refused();
        var english = Transcript.In(TranscriptStyle.English, withClock: true).Open().Login("software", "230 User logged in, proceed.", password: "hunter2");
        var stamped = Transcript.In(TranscriptStyle.Timestamped).Open().Login("bugdown", "530 Not logged in.", password: "hunter2");
        var garbage = Transcript.AnalyzeText("Thu Mar 07 11:46:30 2004 220 ready\nsomething odd PASS hunter2\n", "timestamped");

        foreach (var culture in new[] { Texts.English, Texts.Chinese })
        {
            var json = WriteText(culture, chinese.Analyze(), english.Analyze(), stamped.Analyze(), garbage, ServU());

            Assert.DoesNotContain("hunter2", json, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret", json, StringComparison.Ordinal);
            Assert.Contains("PASS ***", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Explanations_and_advice_are_in_the_language_asked_for_and_chinese_stays_readable()
    {
        var analysis = Transcript.In(TranscriptStyle.English).Open().Login("software", "530 Not logged in, only one session from same IP allowed at a time.").Refused().Analyze();
        var outcome = analysis.Sessions[0].Outcome;

        var json = WriteText(Texts.Chinese, analysis);
        using var doc = JsonDocument.Parse(json);
        var session = Sessions(doc.RootElement)[0];

        Assert.Equal(outcome.Explanation(Texts.Chinese), session.GetProperty("explanation").GetString());
        Assert.Equal(outcome.Advice(Texts.Chinese), session.GetProperty("advice").GetString());
        Assert.Contains("单线程", json, StringComparison.Ordinal); // not \uXXXX escapes
        using var english = Write(Texts.English, analysis);
        Assert.Equal(outcome.Explanation(Texts.English), Sessions(english.RootElement)[0].GetProperty("explanation").GetString());
    }

    [Fact]
    public void Files_come_in_the_order_given_and_sessions_by_file_then_first_line()
    {
        var retries = Retries();
        var servu = ServU();

        using var doc = Write(Texts.English, servu, retries);
        var root = doc.RootElement;

        Assert.Equal(["servu.log", "retries.log"], root.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()));
        Assert.Equal(
            servu.Sessions.Concat(retries.Sessions).Select(s => (s.File, s.Id)),
            Sessions(root).Select(s => (s.GetProperty("file").GetString()!, s.GetProperty("id").GetString()!)));
        Assert.Equal(
            servu.Sessions.Select(s => s.FirstLine).Order(),
            Sessions(root).Where(s => s.GetProperty("file").GetString() == "servu.log").Select(s => s.GetProperty("firstLine").GetInt64()));
    }

    [Fact]
    public void Line_counts_and_unrecognized_lines_are_reported_per_file()
    {
        var analysis = Transcript.AnalyzeText("Thu Mar 07 11:46:30 2004 220 ready\n\nnot a transcript line\nThu Mar 07 11:46:31 2004 USER bob\n", "timestamped", name: "odd.log");

        using var doc = Write(Texts.English, analysis);
        var lines = doc.RootElement.GetProperty("files")[0].GetProperty("lines");
        var unrecognized = doc.RootElement.GetProperty("unrecognized");

        Assert.Equal((4, 2, 1, 1, 0), (lines.GetProperty("total").GetInt32(), lines.GetProperty("recognized").GetInt32(), lines.GetProperty("unrecognized").GetInt32(), lines.GetProperty("blank").GetInt32(), lines.GetProperty("other").GetInt32()));
        var entry = Assert.Single(unrecognized.EnumerateArray());
        Assert.Equal(("odd.log", 3, "not a transcript line"), (entry.GetProperty("file").GetString(), entry.GetProperty("line").GetInt32(), entry.GetProperty("text").GetString()));
    }

    [Fact]
    public void The_client_summary_of_a_server_log_is_in_the_document()
    {
        using var doc = Write(Texts.English, ServU());
        var clients = doc.RootElement.GetProperty("clients").EnumerateArray().ToArray();

        var erin = clients.Single(c => c.GetProperty("client").GetString() == "203.0.113.40");
        Assert.Equal(1, erin.GetProperty("failedLogins").GetInt32());
        Assert.Equal(["erin"], erin.GetProperty("users").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(JsonValueKind.Null, erin.GetProperty("shortestRetrySeconds").ValueKind);
        Assert.False(erin.GetProperty("hammering").GetBoolean());
    }

    [Fact]
    public void The_writer_leaves_the_stream_open_and_ends_with_a_newline()
    {
        using var stream = new MemoryStream();

        JsonReportWriter.Write(stream, [Retries()], Texts.English);

        Assert.True(stream.CanWrite);
        Assert.Equal((byte)'\n', stream.ToArray()[^1]);
    }

    private static FileAnalysis Retries() =>
        Transcript.AnalyzeText(
            Transcript.In(TranscriptStyle.Chinese)
                .Connecting().ConnectFailed(10060)
                .Connecting().ConnectFailed(10060).Waiting(30)
                .Open().Login("software", "230 User logged in, proceed.").Text,
            "cuteftp-zh",
            name: "retries.log");

    private static FileAnalysis ServU() => Transcript.AnalyzeText(string.Join("\n", ServULines), "servu", name: "servu.log");

    private static JsonDocument Write(CultureInfo culture, params FileAnalysis[] analyses) => JsonDocument.Parse(WriteText(culture, analyses));

    private static string WriteText(CultureInfo culture, params FileAnalysis[] analyses)
    {
        using var stream = new MemoryStream();
        JsonReportWriter.Write(stream, analyses, culture);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static JsonElement[] Sessions(JsonElement root) => root.GetProperty("sessions").EnumerateArray().ToArray();

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}
