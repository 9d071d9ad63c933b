using LogLens.Events;
using LogLens.Parsing;
using LogLens.Parsing.Formats.Vsftpd;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.Vsftpd;

public class VsftpdLineTests
{
    private static readonly VsftpdFormat Format = new();

    // The parser a scan gets for the format's name.
    private static readonly ILogFormat Registered = FormatRegistry.Find("vsftpd")!;

    [Theory]
    [InlineData("Thu Sep  8 00:39:49 2016 [pid 15019] CONNECT: Client \"198.51.100.7\"", "2016-09-08T00:39:49")]
    [InlineData("Mon Jun 8 12:08:44 2020 [pid 27245] CONNECT: Client \"198.51.100.7\"", "2020-06-08T12:08:44")]
    [InlineData("Sat Jun 22 09:05:00 2019 [pid 3] CONNECT: Client \"198.51.100.7\"", "2019-06-22T09:05:00")]
    [InlineData("Mon Jun  9 12:08:53 2020 [pid 27244]  CONNECT: Client \"198.51.100.7\"", "2020-06-09T12:08:53")]
    public void A_native_line_gives_its_ctime_whatever_the_day_padding(string line, string time)
    {
        var connect = Lines.ParseAs<ConnectEvent>(Format, line);

        Assert.Equal(time, connect.Time.ToString());
        Assert.Equal("198.51.100.7", connect.Client);
        Assert.Equal(line, connect.Text);
    }

    [Theory]
    [InlineData("198.51.100.7", "198.51.100.7")]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1")]
    [InlineData("::FFFF:192.0.2.1", "192.0.2.1")]
    [InlineData("2001:db8::25", "2001:db8::25")]
    [InlineData("2001:DB8:0:0:0:0:0:25", "2001:db8::25")]
    [InlineData("fe80::baac:6fff:fe7d:d2e0", "fe80::baac:6fff:fe7d:d2e0")]
    public void The_client_is_reported_in_its_normal_form(string logged, string reported)
    {
        var login = Lines.ParseAs<LoginEvent>(Format, $"Mon Oct 24 11:32:53 2016 [pid 1] [dave] FAIL LOGIN: Client \"{logged}\"");

        Assert.Equal(reported, login.Client);
    }

    [Theory]
    [InlineData("Fri Jan 19 12:20:33 2007 [pid 27202] [anonymous] FAIL LOGIN: Client \"198.51.100.7\"", "anonymous", false, null)]
    [InlineData("Mon Aug 21 14:37:23 2006 [pid 20293] [dcid] OK LOGIN: Client \"198.51.100.7\"", "dcid", true, null)]
    [InlineData("Thu Sep  8 00:39:49 2016 [pid 15019] [guest] FAIL LOGIN: Client \"::ffff:198.51.100.7\", \"User is not in the allow user list.\"", "guest", false, "User is not in the allow user list.")]
    [InlineData("Mon Oct 24 11:32:53 2016 [pid 1] [$ALOC$] FAIL LOGIN: Client \"198.51.100.7\"", "$ALOC$", false, null)]
    [InlineData("Mon Oct 24 11:32:53 2016 [pid 1] [john smith] FAIL LOGIN: Client \"198.51.100.7\"", "john smith", false, null)]
    [InlineData("Mon Oct 24 11:32:53 2016 [pid 1] [a] b] FAIL LOGIN: Client \"198.51.100.7\"", "a] b", false, null)]
    [InlineData("Mon Oct 24 11:32:53 2016 [pid 1] FAIL LOGIN: Client \"198.51.100.7\"", null, false, null)]
    public void A_login_line_is_a_login_verdict_with_its_user_and_reason(string line, string? user, bool succeeded, string? detail)
    {
        var login = Lines.ParseAs<LoginEvent>(Format, line);

        Assert.Equal(user, login.User);
        Assert.Equal(succeeded, login.Succeeded);
        Assert.Equal(detail, login.Detail);
        Assert.Equal("198.51.100.7", login.Client);
    }

    [Theory]
    [InlineData("Mon Aug 21 14:32:06 2006 [pid 20127] [ftp] OK LOGIN: Client \"198.51.100.7\", anon password \"visitor@example.com\"")]
    [InlineData("Mon Aug 21 14:32:06 2006 [pid 20127] [ftp] OK LOGIN: Client \"198.51.100.7\", anon password \"a \"quoted\" one\"")]
    [InlineData("Aug 21 14:32:06 files vsftpd[20127]: [ftp] OK LOGIN: Client \"198.51.100.7\", anon password \"visitor@example.com\"")]
    public void An_anonymous_password_never_reaches_the_text(string line)
    {
        var login = Lines.ParseAs<LoginEvent>(Format, line);

        Assert.True(login.Succeeded);
        Assert.Equal("ftp", login.User);
        Assert.EndsWith("anon password \"***\"", login.Text);
        Assert.DoesNotContain("visitor", login.Text);
        Assert.DoesNotContain("quoted", login.Text);
    }

    [Theory]
    [InlineData(
        "Thu Sep  8 00:41:16 2016 [pid 15023] [alice] OK DOWNLOAD: Client \"198.51.100.7\", \"/pub/file name with spaces.iso\", 1048576 bytes, 85.30Kbyte/sec",
        TransferDirection.Download, "/pub/file name with spaces.iso", 1048576L, "85.30Kbyte/sec", true)]
    [InlineData(
        "Sun Aug 27 16:28:20 2006 [pid 13962] [xx] OK UPLOAD: Client \"198.51.100.7\", \"/a.php\", 8338 bytes, 18.77Kbyte/sec",
        TransferDirection.Upload, "/a.php", 8338L, "18.77Kbyte/sec", true)]
    [InlineData(
        "Thu Sep  8 00:41:44 2016 [pid 15026] [bob] FAIL UPLOAD: Client \"198.51.100.7\", \"/incoming/video.mp4\", 1310720 bytes, 53.28Kbyte/sec",
        TransferDirection.Upload, "/incoming/video.mp4", 1310720L, "53.28Kbyte/sec", false)]
    [InlineData(
        "Thu Sep  8 00:42:38 2016 [pid 15034] [ftp] OK DOWNLOAD: Client \"198.51.100.7\", \"/pub/empty.txt\", 0.00Kbyte/sec",
        TransferDirection.Download, "/pub/empty.txt", 0L, "0.00Kbyte/sec", true)]
    [InlineData(
        "Thu Sep  8 00:42:38 2016 [pid 15034] [bob] FAIL DOWNLOAD: Client \"198.51.100.7\", \"/pub/say \"hi\", 2 bytes.txt\", 2 bytes, 0.50Kbyte/sec",
        TransferDirection.Download, "/pub/say \"hi\", 2 bytes.txt", 2L, "0.50Kbyte/sec", false)]
    public void A_transfer_line_is_a_transfer_with_path_bytes_and_rate(string line, TransferDirection direction, string path, long bytes, string rate, bool succeeded)
    {
        var transfer = Lines.ParseAs<TransferEvent>(Format, line);

        Assert.Equal(direction, transfer.Direction);
        Assert.Equal(path, transfer.Path);
        Assert.Equal(bytes, transfer.Bytes);
        Assert.Equal(rate, transfer.Rate);
        Assert.Equal(succeeded, transfer.Succeeded);
        Assert.Equal("198.51.100.7", transfer.Client);
    }

    [Theory]
    [InlineData("OK MKDIR: Client \"198.51.100.7\", \"/incoming/2016\"", "MKD", "/incoming/2016")]
    [InlineData("FAIL MKDIR: Client \"198.51.100.7\", \"/incoming/2016\"", "MKD", "/incoming/2016")]
    [InlineData("OK RMDIR: Client \"198.51.100.7\", \"/incoming/old dir\"", "RMD", "/incoming/old dir")]
    [InlineData("OK DELETE: Client \"198.51.100.7\", \"/index.php\"", "DELE", "/index.php")]
    [InlineData("OK RENAME: Client \"198.51.100.7\", \"/index.php /4444index.php\"", "RNTO", "/index.php /4444index.php")]
    [InlineData("OK CHMOD: Client \"198.51.100.7\", \"/index.php 777\"", "SITE", "CHMOD /index.php 777")]
    public void A_file_operation_is_the_command_that_asked_for_it(string message, string verb, string argument)
    {
        var command = Lines.ParseAs<CommandEvent>(Format, "Sun Aug 16 16:26:21 2015 [pid 4976] [ftpuser] " + message);

        Assert.Equal(verb, command.Command);
        Assert.Equal(argument, command.Argument);
    }

    [Theory]
    [InlineData("FTP command: Client \"198.51.100.7\", \"USER bob\"", "USER", "bob")]
    [InlineData("FTP command: Client \"198.51.100.7\", \"PASS <password>\"", "PASS", Redaction.Mark)]
    [InlineData("FTP command: Client \"198.51.100.7\", \"PASS hunter2\"", "PASS", Redaction.Mark)]
    [InlineData("FTP command: Client \"198.51.100.7\", \"RETR /pub/a \"b\" c.txt\"", "RETR", "/pub/a \"b\" c.txt")]
    [InlineData("FTP command: Client \"198.51.100.7\", \"pasv\"", "PASV", null)]
    [InlineData("FTP command: Client \"198.51.100.7\", \"GET / HTTP/1.1\"", "GET", "/ HTTP/1.1")]
    public void A_logged_command_is_a_command(string message, string verb, string? argument)
    {
        var command = Lines.ParseAs<CommandEvent>(Format, "Thu Sep  8 00:39:48 2016 [pid 15020] " + message);

        Assert.Equal(verb, command.Command);
        Assert.Equal(argument, command.Argument);
        Assert.DoesNotContain("hunter2", command.Text);
        Assert.DoesNotContain("<password>", command.Text);
    }

    [Theory]
    [InlineData("FTP response: Client \"198.51.100.7\", \"220 (vsFTPd 3.0.3)\"", 220, "(vsFTPd 3.0.3)")]
    [InlineData("[bob] FTP response: Client \"198.51.100.7\", \"331 Please specify the password.\"", 331, "Please specify the password.")]
    [InlineData("[bob] FTP response: Client \"198.51.100.7\", \"257 \"/incoming/2016\" created\"", 257, "\"/incoming/2016\" created")]
    [InlineData("[bob] FTP response: Client \"198.51.100.7\", \"421 Timeout.\"", 421, "Timeout.")]
    public void A_logged_response_is_a_reply(string message, int code, string text)
    {
        var reply = Lines.ParseAs<ReplyEvent>(Format, "Thu Sep  8 00:39:48 2016 [pid 15020] " + message);

        Assert.Equal(code, reply.Code);
        Assert.Equal(text, reply.Message);
    }

    [Fact]
    public void Goodbye_is_the_reply_it_is()
    {
        // The line is a reply; vsftpd's session contract ends the session at it (its process exits).
        var bye = Lines.ParseAs<ReplyEvent>(Format, "Thu Sep  8 00:40:41 2016 [pid 15023] [alice] FTP response: Client \"198.51.100.7\", \"221 Goodbye.\"");

        Assert.Equal((221, "Goodbye."), (bye.Code, bye.Message));
    }

    [Fact]
    public void A_530_that_starts_the_log_is_a_failed_login_of_the_user_in_its_prefix()
    {
        var login = Lines.ParseAs<LoginEvent>(Format, "Mon Apr 12 15:19:22 2021 [pid 15685] [www-data] FTP response: Client \"198.51.100.7\", \"530 Permission denied.\"");

        Assert.False(login.Succeeded);
        Assert.Equal("www-data", login.User);
        Assert.Equal("Permission denied.", login.Detail);
    }

    [Fact]
    public void A_530_after_a_logged_user_command_stays_a_reply()
    {
        var events = Lines.Parse(
            Format,
            "Mon Apr 12 15:19:21 2021 [pid 15685] FTP command: Client \"198.51.100.7\", \"USER www-data\"",
            "Mon Apr 12 15:19:22 2021 [pid 15685] [www-data] FTP response: Client \"198.51.100.7\", \"530 Permission denied.\"");

        Assert.Equal(530, Assert.IsType<ReplyEvent>(events[1]).Code);
    }

    [Theory]
    [InlineData("Thu Sep  8 00:39:58 2016 [pid 15025] CONNECT: Client \"198.51.100.7\", \"Connection refused: too many sessions for this address.\"")]
    [InlineData("Thu Sep  8 00:39:58 2016 [pid 15025] CONNECT: Client \"198.51.100.7\", \"Connection refused: too many sessions.\"")]
    [InlineData("Thu Sep  8 00:39:58 2016 [pid 15025] CONNECT: Client \"198.51.100.7\", \"Connection refused: tcp_wrappers denial.\"")]
    public void A_refused_connection_is_a_connect_carrying_the_refusal(string line)
    {
        var connect = Lines.ParseAs<ConnectEvent>(Format, line);

        Assert.StartsWith("Connection refused: ", connect.Refusal);
        Assert.Equal("198.51.100.7", connect.Client);
        Assert.NotNull(connect.SessionKey);
    }

    [Fact]
    public void A_debug_line_is_recognized_but_decides_nothing()
    {
        var notice = Lines.ParseAs<ServerNotice>(Format, "Thu Sep  8 00:39:58 2016 [pid 15025] [bob] DEBUG: Client \"198.51.100.7\", \"Control connection terminated without SSL shutdown.\"");

        Assert.Equal("198.51.100.7", notice.Client);
    }

    [Theory]
    [InlineData("2025-03-04T01:06:36.645577 ip-172-31-3-150.example.internal vsftpd[1658]: [username] FAIL LOGIN: Client \"192.0.2.222\"", "2025-03-04T01:06:36.645577", "1658")]
    [InlineData("Mar  4 01:06:36 files vsftpd[1658]: [username] FAIL LOGIN: Client \"192.0.2.222\"", "--03-04T01:06:36", "1658")]
    [InlineData("Mar  4 01:06:36 files /usr/sbin/vsftpd[1658]: [username] FAIL LOGIN: Client \"192.0.2.222\"", "--03-04T01:06:36", "1658")]
    [InlineData("Jul 13 12:31:20 www vsftpd: Sun Jul 13 10:31:20 2008 [pid 27528] [username] FAIL LOGIN: Client \"192.0.2.222\"", "2008-07-13T10:31:20", "27528")]
    public void Vsftpd_messages_inside_syslog_are_read_like_its_own_lines(string line, string time, string key)
    {
        var login = Lines.ParseAs<LoginEvent>(Format, line);

        Assert.False(login.Succeeded);
        Assert.Equal("username", login.User);
        Assert.Equal("192.0.2.222", login.Client);
        Assert.Equal(time, login.Time.ToString());
        Assert.Equal(key, login.SessionKey);
    }

    [Theory]
    [InlineData("Oct 23 21:15:42 vps vsftpd: pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty=ftp ruser=test rhost=198.51.100.7", "198.51.100.7", "test")]
    [InlineData("Feb  6 12:02:29 server vsftpd(pam_unix)[15522]: authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=198.51.100.7 user=user1", "198.51.100.7", "user1")]
    [InlineData("Oct 11 01:06:47 server vsftpd: (pam_unix) authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=198.51.100.7", "198.51.100.7", null)]
    [InlineData("2025-03-04T01:06:37.123456 host vsftpd[1659]: authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=198.51.100.7 user=tester", "198.51.100.7", "tester")]
    [InlineData("2025-03-04T01:06:38.123456 host vsftpd[1660]: pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=198.51.100.7 user=tester", "198.51.100.7", "tester")]
    [InlineData("Jul 19 18:11:26 srv2 vsftpd: pam_unix: authentication failure; logname= uid=0 euid=0 tty=ftp ruser=an8767 rhost=ftp.example.net", "ftp.example.net", "an8767")]
    [InlineData("Jul 19 18:11:26 srv2 vsftpd: pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty=ftp ruser= rhost=::ffff:198.51.100.7  user=root", "198.51.100.7", "root")]
    public void A_pam_authentication_failure_is_a_failed_login_from_its_rhost(string line, string client, string? user)
    {
        var login = Lines.ParseAs<LoginEvent>(Format, line);

        Assert.False(login.Succeeded);
        Assert.Equal(client, login.Client);
        Assert.Equal(user, login.User);
        Assert.NotNull(login.SessionKey);
    }

    [Theory]
    [InlineData("tty=xxx ruser=test rhost=203.0.113.151 rhost=198.51.100.7", "test rhost=203.0.113.151")]
    [InlineData("tty=xxx ruser= rhost=198.51.100.7 user=test rhost=203.0.113.152", "test rhost=203.0.113.152")]
    public void A_host_forged_in_a_pam_user_name_is_not_the_client(string fields, string user)
    {
        var login = Lines.ParseAs<LoginEvent>(Format, "Jul 19 18:11:50 srv2 vsftpd: pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 " + fields);

        Assert.Equal("198.51.100.7", login.Client);
        Assert.Equal(user, login.User);
    }

    [Theory]
    [InlineData("Mar  4 01:07:10 files vsftpd[1672]: pam_unix(vsftpd:auth): check pass; user unknown")]
    [InlineData("Mar  4 01:07:10 files vsftpd[1672]: pam_unix(vsftpd:session): session opened for user bob by (uid=0)")]
    [InlineData("Mar  4 01:07:10 files vsftpd[1672]: pam_listfile(vsftpd:auth): Refused user root for service vsftpd")]
    public void Other_pam_lines_are_recognized_and_decide_nothing(string line)
    {
        Lines.ParseAs<ServerNotice>(Format, line);
    }

    [Theory]
    [InlineData("Mar  4 01:06:42 files sshd[1702]: Accepted publickey for backup from 198.51.100.50 port 50122 ssh2", "sshd")]
    [InlineData("2025-03-04T01:06:37.001201 files CRON[1661]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)", "CRON")]
    public void Lines_of_other_programs_are_foreign(string line, string program)
    {
        Assert.Equal(program, Lines.ParseAs<ForeignLine>(Format, line).Program);
    }

    [Theory]
    [InlineData("Thu Sep  8 00:39:49 2016 [pid 15019] CONNECT: Client \"not an address\"")]
    [InlineData("Thu Sep  8 00:39:49 2016 [pid 15019] HELLO: Client \"198.51.100.7\"")]
    [InlineData("Thu Sep  8 00:39:49 2016 [pid 15019] OK LOGIN: Client \"198.51.100.7\" trailing")]
    [InlineData("Thu Sep  8 00:39:49 2016 [pid x] OK LOGIN: Client \"198.51.100.7\"")]
    [InlineData("Thu Sep 31 00:39:49 2016 [pid 1] OK LOGIN: Client \"198.51.100.7\"")]
    [InlineData("Thu Sep  8 00:39:49 2016 [pid 15026] [bob] OK UPLOAD: Client \"198.51.100.7\", \"/a\", many bytes, 1.00Kbyte/sec")]
    [InlineData("Mar  4 01:07:10 files vsftpd[1672]: something vsftpd never says")]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576 /pub/a.iso b _ o r alice ftp 0 * c")]
    [InlineData("[pid 15019] CONNECT: Client \"198.51.100.7\"")]
    [InlineData("Thu Sep  8 00:41:08 2016 [pid 1551] [bob] OK UPLOAD: Client \"198.51.100.7\", \"/a\", bytes, 1.00Kbyte/sec")]
    [InlineData("Thu Sep  8 00:41:08 2016 [pid 1551] [bob] OK UPLOAD: Client \"198.51.100.7\", bytes")]
    [InlineData("Thu Sep  8 00:41:08 2016 [pid 1551] [bob] OK DOWNLOAD: Client \"198.51.100.7\", \"/a\", Kbyte/sec")]
    public void Lines_vsftpd_does_not_write_are_unrecognized(string line)
    {
        Lines.ParseAs<UnrecognizedLine>(Format, line);
    }

    [Theory]
    [InlineData("[anonymous] OK LOGIN: Client \"198.51.100.7\", anon password \"z] FAIL LOGIN: Client \"203.0.113.66\"")]
    [InlineData("[x] FTP response: Client \"203.0.113.66\", \"530 Login incorrect.] FTP response: Client \"198.51.100.7\", \"530 Login incorrect.\"")]
    [InlineData("[x] FTP command: Client \"203.0.113.66\", \"PWD] FTP command: Client \"198.51.100.7\", \"PWD\"")]
    [InlineData("[x] FTP response: Client \"203.0.113.66\", \"530 Login incorrect.] FAIL LOGIN: Client \"198.51.100.7\"")]
    public void A_message_forged_in_a_user_name_or_password_is_left_unrecognized_rather_than_trusted(string message)
    {
        // Two splits of such a line read as whole messages naming different clients; no client is
        // reported rather than the wrong one.
        Lines.ParseAs<UnrecognizedLine>(Format, "Thu Sep  8 00:39:49 2016 [pid 15019] " + message);
    }

    [Theory]
    [InlineData("x] FAIL LOGIN: Client \"203.0.113.66\"")]
    [InlineData("x] FAIL LOGIN: Client \"203.0.113.66\", \"y")]
    [InlineData("x] FAIL LOGIN: Client \"203.0.113.66\", \"")]
    public void A_user_name_holding_a_forged_message_that_cannot_be_the_line_leaves_the_real_client(string user)
    {
        // vsftpd never writes a client mark in a login's own tail, so only the real split reads whole.
        var login = Lines.ParseAs<LoginEvent>(Format, $"Thu Sep  8 00:39:49 2016 [pid 15019] [{user}] FAIL LOGIN: Client \"198.51.100.7\"");

        Assert.Equal("198.51.100.7", login.Client);
        Assert.Equal(user, login.User);
    }

    [Theory]
    [InlineData("ab\" cd")]
    [InlineData("ab\", cd")]
    [InlineData("ab\", \"cd")]
    [InlineData("\"")]
    public void A_password_holding_quotes_is_hidden_whole_in_the_line_text(string password)
    {
        var command = Lines.ParseAs<CommandEvent>(
            Format, $"Thu Sep  8 00:39:49 2016 [pid 15019] [x] FTP command: Client \"198.51.100.7\", \"PASS {password}\"");

        Assert.Equal("PASS", command.Command);
        Assert.EndsWith("\"PASS ***\"", command.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("cd", command.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_logged_with_a_forged_message_in_its_argument_keeps_its_own_client()
    {
        var command = Lines.ParseAs<CommandEvent>(
            Format,
            "Thu Sep  8 00:39:49 2016 [pid 15023] [bob] FTP command: Client \"198.51.100.7\", \"CWD x] FAIL LOGIN: Client \"203.0.113.66\"\"");

        Assert.Equal("198.51.100.7", command.Client);
        Assert.Equal("CWD", command.Command);
    }

    [Theory]
    [InlineData("a] b")]
    [InlineData("a] b] c")]
    [InlineData("x]")]
    [InlineData("x] FTP command: y")]
    [InlineData("x] OK LOGIN: y")]
    [InlineData("[nested]")]
    [InlineData("a \"quoted\" name")]
    public void A_user_name_holding_brackets_or_a_keyword_is_read_whole(string user)
    {
        var events = Lines.Parse(
            Registered,
            $"Thu Sep  8 00:40:02 2016 [pid 15023] [{user}] FTP command: Client \"192.0.2.1\", \"PWD\"",
            $"Thu Sep  8 00:40:41 2016 [pid 15023] [{user}] FTP response: Client \"192.0.2.1\", \"221 Goodbye.\"");

        var command = Assert.IsType<CommandEvent>(events[0]);
        Assert.Equal("PWD", command.Command);
        Assert.Equal("192.0.2.1", command.Client);
        var bye = Assert.IsType<ReplyEvent>(events[1]);
        Assert.Equal(221, bye.Code);
        Assert.Equal("192.0.2.1", bye.Client);
        Assert.Equal(command.Connection, bye.Connection);
    }

    [Theory]
    [InlineData("[x] OK LOGIN: Client \"6.6.6.6\"] FTP command: Client \"192.0.2.1\", \"PWD\"")]
    [InlineData("[x] FAIL LOGIN: Client \"6.6.6.6\"] FTP response: Client \"192.0.2.1\", \"530 Login incorrect.\"")]
    [InlineData("[x] CONNECT: Client \"6.6.6.6\"] FTP command: Client \"192.0.2.1\", \"PWD\"")]
    [InlineData("[x] OK LOGIN: Client \"6.6.6.6\", \"y] FTP command: Client \"192.0.2.1\", \"PWD\"")]
    [InlineData("[x] FAIL LOGIN: Client \"6.6.6.6\", anon password \"y] OK LOGIN: Client \"192.0.2.1\"")]
    [InlineData("[x] OK LOGIN: Client \"6.6.6.6\"] OK LOGIN: Client \"192.0.2.1\"")]
    public void A_login_or_connect_forged_in_a_user_name_never_reports_the_forged_client(string message)
    {
        var parsed = Lines.ParseOne(Registered, "Thu Sep  8 00:39:49 2016 [pid 15019] " + message);

        Assert.NotEqual("6.6.6.6", parsed.Client);
        Assert.True(parsed is UnrecognizedLine || parsed.Client == "192.0.2.1", $"{parsed}");
    }

    [Theory]
    [InlineData("[bob] OK LOGOUT: Client \"192.0.2.1\"")]
    [InlineData("[bob] FAIL LOGINS: Client \"192.0.2.1\"")]
    [InlineData("[bob] ok login: Client \"192.0.2.1\"")]
    [InlineData("[bob] OK LOGIN Client \"192.0.2.1\"")]
    [InlineData("[bob] OK LOGIN:Client \"192.0.2.1\"")]
    [InlineData("[bob] OK LOGIN: client \"192.0.2.1\"")]
    [InlineData("[bob] OK LOGIN: Client 192.0.2.1")]
    [InlineData("[bob]OK LOGIN: Client \"192.0.2.1\"")]
    [InlineData("bob] OK LOGIN: Client \"192.0.2.1\"")]
    [InlineData("[bob] FTP reply: Client \"192.0.2.1\", \"230 Login successful.\"")]
    [InlineData("[bob] FTP response: Client \"192.0.2.1\", \"999 Unknown.\"")]
    [InlineData("[bob] FTP response: Client \"192.0.2.1\", 230 Login successful.")]
    [InlineData("[bob] FTP command: Client \"192.0.2.1\"")]
    [InlineData("[bob] DEBUGGING: Client \"192.0.2.1\", \"x\"")]
    [InlineData("CONNECTED: Client \"192.0.2.1\"")]
    [InlineData("CONNECT: Client \"192.0.2.1\", \"Connection \"refused\"\"")]
    [InlineData("CONNECT: Client \"192.0.2.1\" refused")]
    public void A_message_whose_keyword_or_body_vsftpd_never_writes_is_unrecognized(string message)
    {
        Lines.ParseAs<UnrecognizedLine>(Registered, "Thu Sep  8 00:39:49 2016 [pid 15019] " + message);
    }

    [Theory]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1", "Connection refused: too many sessions for this address.")]
    [InlineData("2001:DB8::7", "2001:db8::7", "Connection refused: too many sessions.")]
    public void A_refused_connection_reports_the_logged_reason_and_the_client_in_normal_form(string logged, string client, string reason)
    {
        var connect = Lines.ParseAs<ConnectEvent>(Registered, $"Mon Jun 8 12:08:44 2020 [pid 27245] CONNECT: Client \"{logged}\", \"{reason}\"");

        Assert.Equal(reason, connect.Refusal);
        Assert.Equal(client, connect.Client);
    }

    [Fact]
    public void A_refused_connection_is_alone_in_its_session()
    {
        var events = Lines.Parse(
            Registered,
            "Mon Jun 8 12:08:44 2020 [pid 27245] CONNECT: Client \"192.0.2.1\", \"Connection refused: too many sessions for this address.\"",
            "Mon Jun 8 12:09:10 2020 [pid 27245] CONNECT: Client \"192.0.2.1\"");

        var refused = Assert.IsType<ConnectEvent>(events[0]);
        var next = Assert.IsType<ConnectEvent>(events[1]);
        Assert.NotNull(refused.Refusal);
        Assert.Null(next.Refusal);
        Assert.NotNull(refused.SessionKey);
        Assert.NotEqual(refused.Connection, next.Connection);
    }

    [Theory]
    [InlineData("[bob] OK UPLOAD: Client \"198.51.100.7\", \"/a\", bytes, 1.00Kbyte/sec")]
    [InlineData("[bob] OK UPLOAD: Client \"198.51.100.7\", bytes")]
    [InlineData("[bob] OK DOWNLOAD: Client \"198.51.100.7\", \"/a\", Kbyte/sec")]
    public void A_transfer_tail_without_its_numbers_is_no_message(string message) =>
        Assert.False(VsftpdGrammar.TryParseMessage(message, out _));
}
