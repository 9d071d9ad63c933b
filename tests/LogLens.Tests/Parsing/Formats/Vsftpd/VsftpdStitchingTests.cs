using System.Globalization;
using LogLens.Parsing.Formats.Vsftpd;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.Vsftpd;

/// <summary>
/// Session stitching over interleaved logs. Each case is a table of lines, each labelled with the
/// session it belongs to: lines with the same label must share a connection, lines with different
/// labels must not. Rows are <c>label pid user message</c> (<c>-</c> for no user prefix); times
/// advance a second a row.
/// </summary>
public class VsftpdStitchingTests
{
    private const string C1 = "Client \"198.51.100.7\"";
    private const string C2 = "Client \"203.0.113.9\"";
    private const string C3 = "Client \"::ffff:192.0.2.50\"";

    public static TheoryData<string, string[]> Cases() => new()
    {
        {
            "two clients interleaved, three pids each",
            [
                $"A 15020 - CONNECT: {C1}",
                $"B 15022 - CONNECT: {C2}",
                $"A 15020 - FTP command: {C1}, \"USER alice\"",
                $"B 15022 - FTP command: {C2}, \"USER bob\"",
                $"A 15020 alice FTP command: {C1}, \"PASS <password>\"",
                $"B 15022 bob FTP command: {C2}, \"PASS <password>\"",
                $"B 15021 bob FAIL LOGIN: {C2}",
                $"A 15019 alice OK LOGIN: {C1}",
                $"B 15022 bob FTP response: {C2}, \"530 Login incorrect.\"",
                $"A 15023 alice FTP response: {C1}, \"230 Login successful.\"",
                $"B 15022 bob FTP command: {C2}, \"PASS <password>\"",
                $"B 15021 bob OK LOGIN: {C2}",
                $"A 15023 alice OK DOWNLOAD: {C1}, \"/pub/a.iso\", 1048576 bytes, 85.30Kbyte/sec",
                $"B 15024 bob OK UPLOAD: {C2}, \"/in/b.txt\", 2048 bytes, 12.00Kbyte/sec",
                $"A 15023 alice OK UPLOAD: {C1}, \"/in/c.txt\", 4096 bytes, 20.00Kbyte/sec",
            ]
        },
        {
            "one client, two parallel sessions, the second logging in first",
            [
                $"A 101 - CONNECT: {C1}",
                $"B 103 - CONNECT: {C1}",
                $"B 102 bob OK LOGIN: {C1}",
                $"A 100 alice OK LOGIN: {C1}",
                $"B 110 bob FTP response: {C1}, \"230 Login successful.\"",
                $"A 111 alice FTP response: {C1}, \"230 Login successful.\"",
                $"A 111 alice OK DOWNLOAD: {C1}, \"/pub/a.iso\", 10 bytes, 1.00Kbyte/sec",
                $"B 110 bob OK UPLOAD: {C1}, \"/in/b.txt\", 20 bytes, 1.00Kbyte/sec",
                $"A 111 alice OK DOWNLOAD: {C1}, \"/pub/c.iso\", 30 bytes, 1.00Kbyte/sec",
            ]
        },
        {
            "one client, two parallel sessions failing in turn",
            [
                $"A 201 - CONNECT: {C1}",
                $"B 203 - CONNECT: {C1}",
                $"B 202 root FAIL LOGIN: {C1}",
                $"A 200 admin FAIL LOGIN: {C1}",
                $"A 200 admin FAIL LOGIN: {C1}",
                $"B 202 root FAIL LOGIN: {C1}",
            ]
        },
        {
            "pids wrap from 32767 to 300",
            [
                $"B 32766 - CONNECT: {C1}",
                $"A 300 - CONNECT: {C1}",
                $"B 32765 bob FAIL LOGIN: {C1}",
                $"A 32767 alice OK LOGIN: {C1}",
                $"A 302 alice OK DOWNLOAD: {C1}, \"/pub/a.iso\", 10 bytes, 1.00Kbyte/sec",
                $"B 32765 bob FAIL LOGIN: {C1}",
            ]
        },
        {
            "the post-login pid comes after others forked in between",
            [
                $"A 200 - CONNECT: {C1}",
                $"A 199 alice OK LOGIN: {C1}",
                $"B 202 - CONNECT: {C2}",
                $"C 204 - CONNECT: {C1}",
                $"A 206 alice FTP response: {C1}, \"230 Login successful.\"",
                $"C 203 carol FAIL LOGIN: {C1}",
                $"B 201 bob OK LOGIN: {C2}",
                $"B 207 bob OK DOWNLOAD: {C2}, \"/pub/b.iso\", 10 bytes, 1.00Kbyte/sec",
                $"A 206 alice OK DOWNLOAD: {C1}, \"/pub/a.iso\", 10 bytes, 1.00Kbyte/sec",
                $"C 204 carol FTP response: {C1}, \"530 Login incorrect.\"",
            ]
        },
        {
            "without protocol logging the first post-login line is a transfer",
            [
                $"A 700 - CONNECT: {C1}",
                $"B 702 - CONNECT: {C2}",
                $"A 699 alice OK LOGIN: {C1}",
                $"B 701 bob OK LOGIN: {C2}",
                $"B 705 bob OK UPLOAD: {C2}, \"/in/b.txt\", 10 bytes, 1.00Kbyte/sec",
                $"A 708 alice OK DOWNLOAD: {C1}, \"/pub/a.iso\", 10 bytes, 1.00Kbyte/sec",
                $"A 708 alice OK MKDIR: {C1}, \"/in/new\"",
            ]
        },
        {
            "a log that starts mid-session",
            [
                $"A 501 bob FTP command: {C1}, \"PASS <password>\"",
                $"A 500 bob FAIL LOGIN: {C1}",
                $"A 501 bob FTP response: {C1}, \"530 Login incorrect.\"",
                $"A 501 bob FTP command: {C1}, \"PASS <password>\"",
                $"A 500 bob OK LOGIN: {C1}",
                $"A 505 bob OK DOWNLOAD: {C1}, \"/pub/a.iso\", 10 bytes, 1.00Kbyte/sec",
            ]
        },
        {
            "FAIL LOGIN lines only: one session per process, per client",
            [
                $"A 27244 user FAIL LOGIN: {C1}",
                $"A 27244 user FAIL LOGIN: {C1}",
                $"B 27250 user FAIL LOGIN: {C1}",
                $"C 27251 user FAIL LOGIN: {C3}",
                $"A 27244 user FAIL LOGIN: {C1}",
            ]
        },
        {
            "a pid that comes back for a new connection starts a new session",
            [
                $"A 400 - CONNECT: {C1}",
                $"A 399 alice OK LOGIN: {C1}",
                $"A 401 alice FTP response: {C1}, \"221 Goodbye.\"",
                $"B 400 - CONNECT: {C1}",
                $"B 399 bob FAIL LOGIN: {C1}",
                $"C 400 - CONNECT: {C1}",
                $"C 399 carol FAIL LOGIN: {C1}",
            ]
        },
        {
            "one-process mode logs everything under one pid",
            [
                $"A 900 - CONNECT: {C1}",
                $"A 900 alice OK LOGIN: {C1}",
                $"A 900 alice OK DOWNLOAD: {C1}, \"/pub/a.iso\", 10 bytes, 1.00Kbyte/sec",
                $"B 901 - CONNECT: {C1}",
                $"B 901 bob FAIL LOGIN: {C1}",
            ]
        },
        {
            "a fresh CONNECT right after a login pid wins over an older tie of that pid",
            [
                $"A 500 - CONNECT: {C1}",
                $"A 499 alice OK LOGIN: {C1}",
                $"A 510 alice FTP response: {C1}, \"230 Login successful.\"",
                $"B 500 - CONNECT: {C1}",
                $"B 499 bob FAIL LOGIN: {C1}",
            ]
        },
        {
            "a post-login process belongs to the login nearest before it in pid order, not the earliest",
            [
                $"A 700 - CONNECT: {C1}",
                $"A 699 alice OK LOGIN: {C1}",
                $"B 703 - CONNECT: {C1}",
                $"B 702 alice OK LOGIN: {C1}",
                $"B 704 alice FTP response: {C1}, \"230 Login successful.\"",
                $"A 701 alice OK DOWNLOAD: {C1}, \"/pub/a.iso\", 10 bytes, 1.00Kbyte/sec",
            ]
        },
        {
            "a refused connection is its own session",
            [
                $"A 600 - CONNECT: {C1}",
                $"B 602 - CONNECT: {C1}, \"Connection refused: too many sessions for this address.\"",
                $"A 599 alice OK LOGIN: {C1}",
                $"A 603 alice OK DOWNLOAD: {C1}, \"/pub/a.iso\", 10 bytes, 1.00Kbyte/sec",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lines_of_one_connection_share_a_session_and_lines_of_others_do_not(string scenario, string[] rows)
    {
        var labels = rows.Select(r => r[..r.IndexOf(' ')]).ToArray();
        var events = Lines.Parse(new VsftpdFormat(), rows.Select(Native).ToArray());

        Assert.All(events, e => Assert.NotNull(e.SessionKey));
        Assert.All(events, e => Assert.NotEqual(0, e.Connection));
        for (var i = 0; i < events.Count; i++)
        {
            for (var j = i + 1; j < events.Count; j++)
            {
                var same = events[i].Connection == events[j].Connection;
                Assert.True(
                    same == (labels[i] == labels[j]),
                    $"{scenario}: rows {i + 1} ({labels[i]}) and {j + 1} ({labels[j]}) {(same ? "share" : "do not share")} a connection");
            }
        }
    }

    [Fact]
    public void A_connection_is_keyed_by_its_pre_login_pid()
    {
        var events = Lines.Parse(new VsftpdFormat(), Native($"A 15020 - CONNECT: {C1}"), Native($"A 15019 alice OK LOGIN: {C1}"));

        Assert.Equal("15020", events[0].SessionKey);
        Assert.Equal("15020", events[1].SessionKey);
    }

    [Fact]
    public void Syslog_lines_without_a_pid_join_the_clients_session_until_vsftpd_would_have_dropped_it()
    {
        // Not logged in: vsftpd drops a connection idle for 300 seconds (idle_session_timeout).
        var events = Lines.Parse(
            new VsftpdFormat(),
            "Mar  4 01:07:02 files vsftpd: pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty=ftp ruser=admin rhost=203.0.113.77",
            "Mar  4 01:07:09 files vsftpd: pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty=ftp ruser=root rhost=203.0.113.78",
            "Mar  4 01:12:01 files vsftpd: pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty=ftp ruser=test rhost=203.0.113.77",
            "Mar  4 01:17:02 files vsftpd: pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty=ftp ruser=guest rhost=203.0.113.77");

        Assert.Equal(events[0].Connection, events[2].Connection);
        Assert.NotEqual(events[0].Connection, events[1].Connection);
        Assert.NotEqual(events[2].Connection, events[3].Connection);
        Assert.Equal("203.0.113.77", events[0].SessionKey);
        Assert.Equal("203.0.113.77", events[3].SessionKey);
    }

    [Fact]
    public void A_pam_failure_and_vsftpd_fail_login_of_one_attempt_share_the_parents_session()
    {
        var events = Lines.Parse(
            new VsftpdFormat(),
            "2025-03-04T01:06:31.645577 files vsftpd[1657]: CONNECT: Client \"192.0.2.222\"",
            "2025-03-04T01:06:34.002114 files vsftpd[1656]: pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty=ftp ruser=mallory rhost=ftp-client.example.net user=mallory",
            "2025-03-04T01:06:36.645577 files vsftpd[1656]: [mallory] FAIL LOGIN: Client \"192.0.2.222\"");

        Assert.All(events, e => Assert.Equal("1657", e.SessionKey));
    }

    /// <summary><c>A 15020 alice OK LOGIN: …</c> as a vsftpd.log line (the label dropped).</summary>
    private static string Native(string row)
    {
        var parts = row.Split(' ', 4);
        var time = new DateTime(2016, 9, 8, 0, 39, 0).AddSeconds(Interlocked.Increment(ref clock) % 3600);
        var stamp = time.ToString("ddd MMM ", CultureInfo.InvariantCulture) + time.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)
            + time.ToString(" HH:mm:ss yyyy", CultureInfo.InvariantCulture);
        var user = parts[2] == "-" ? string.Empty : $"[{parts[2]}] ";
        return $"{stamp} [pid {parts[1]}] {user}{parts[3]}";
    }

    private static int clock;
}
