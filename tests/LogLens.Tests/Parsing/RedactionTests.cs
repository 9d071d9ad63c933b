using LogLens.Parsing;

namespace LogLens.Tests.Parsing;

public class RedactionTests
{
    [Theory]
    [InlineData("PASS hunter2", "PASS ***")]
    [InlineData("COMMAND:> PASS hunter2", "COMMAND:> PASS ***")]
    [InlineData("命令:> PASS hunter2", "命令:> PASS ***")]
    [InlineData("FTP command: Client \"1.2.3.4\", \"PASS s3cret\"", "FTP command: Client \"1.2.3.4\", \"PASS ***\"")]
    [InlineData("(000012) 07/03/2004 11:46:29 - bob (10.0.0.7)> PASS hunter2", "(000012) 07/03/2004 11:46:29 - bob (10.0.0.7)> PASS ***")]
    [InlineData("pass hunter2", "pass ***")]
    [InlineData("Pass Hunter2", "Pass ***")]
    [InlineData("PASS\thunter2", "PASS\t***")]
    [InlineData("PASS  hunter2", "PASS  ***")]
    [InlineData("> PASS correct horse battery staple", "> PASS ***")]
    [InlineData("PASS hunter2   ", "PASS ***")]
    [InlineData("PASS ***", "PASS ***")]
    [InlineData("PASS  ***", "PASS  ***")]
    [InlineData("PASS *****", "PASS ***")]
    [InlineData("PASS *", "PASS ***")]
    [InlineData("PASS ***x", "PASS ***")]
    [InlineData("Client \"PASS one\" then \"PASS two\"", "Client \"PASS ***\"")]
    [InlineData("FTP command: Client \"1.2.3.4\", \"PASS ab\" cd\"", "FTP command: Client \"1.2.3.4\", \"PASS ***\"")]
    [InlineData("FTP command: Client \"1.2.3.4\", \"PASS ab\", cd\"", "FTP command: Client \"1.2.3.4\", \"PASS ***\"")]
    [InlineData("\"PASS one\", \"pass two\", \"PASS ***\"", "\"PASS ***\", \"pass ***\", \"PASS ***\"")]
    [InlineData("PASSIVE mode", "PASSIVE mode")]
    [InlineData("227 Entering Passive Mode (192,168,1,2,19,137)", "227 Entering Passive Mode (192,168,1,2,19,137)")]
    [InlineData("BYPASS hunter2", "BYPASS hunter2")]
    [InlineData("compass heading", "compass heading")]
    [InlineData("PASS", "PASS")]
    [InlineData("USER bob PASS", "USER bob PASS")]
    [InlineData("PASS ", "PASS ")]
    [InlineData("PASS \"", "PASS ***")]
    [InlineData("COMMAND:> PASS ab\"cd", "COMMAND:> PASS ***")]
    [InlineData("FTP command: Client \"1.2.3.4\", \"PASS ab\"cd\"", "FTP command: Client \"1.2.3.4\", \"PASS ***\"")]
    [InlineData("PASS=hunter2", "PASS=***")]
    [InlineData("USER anonymous", "USER anonymous")]
    [InlineData("", "")]
    public void Pass_arguments_are_replaced_by_the_mark(string line, string expected)
    {
        Assert.Equal(expected, Redaction.RedactLine(line));
    }

    [Theory]
    [InlineData("USER bob; PASS hunter2", "USER bob; PASS ***")]
    [InlineData("PASS hunter2 PASS swordfish", "PASS ***")]
    [InlineData("PASS hunter2\nPASS swordfish", "PASS ***\nPASS ***")]
    [InlineData("PASS hunter2\r\nPASS swordfish\r\n", "PASS ***\r\nPASS ***\r\n")]
    [InlineData("\"PASS hunter2\", \"PASS swordfish\"", "\"PASS ***\", \"PASS ***\"")]
    [InlineData("\"PASS ***\", \"PASS hunter2\"", "\"PASS ***\", \"PASS ***\"")]
    [InlineData("PASS ***\nPASS hunter2", "PASS ***\nPASS ***")]
    [InlineData("PASS hunter2\nPASS ***\nPASS swordfish", "PASS ***\nPASS ***\nPASS ***")]
    [InlineData("FTP command: Client \"192.0.2.1\", \"PASS hunter2\", \"x\"", "FTP command: Client \"192.0.2.1\", \"PASS ***\", \"x\"")]
    [InlineData("\"PASS hunter2\" \"x\"", "\"PASS ***\" \"x\"")]
    public void Every_pass_argument_of_a_line_is_masked_and_the_rest_kept(string line, string expected)
    {
        var redacted = Redaction.RedactLine(line);

        Assert.Equal(expected, redacted);
        Assert.DoesNotContain("hunter2", redacted);
        Assert.DoesNotContain("swordfish", redacted);
    }

    [Theory]
    [InlineData("Status: Connecting to ftp://bob:hunter2@ftp.example.com/pub ...", "Status: Connecting to ftp://bob:***@ftp.example.com/pub ...")]
    [InlineData("lftp ftp://bob:hunter2@ftp.example.com", "lftp ftp://bob:***@ftp.example.com")]
    [InlineData("open \"FTP://Bob:hunter2@192.0.2.7:2121\"", "open \"FTP://Bob:***@192.0.2.7:2121\"")]
    [InlineData("sftp://bob:p%40ss@host and ftps://carol:s3cret@other/x", "sftp://bob:***@host and ftps://carol:***@other/x")]
    [InlineData("ftp://bob:hunter2@word@host/", "ftp://bob:***@host/")]
    [InlineData("ftp://bob:***@host/", "ftp://bob:***@host/")]
    [InlineData("ftp://bob@host/pub", "ftp://bob@host/pub")]
    [InlineData("https://example.com/a:b@c", "https://example.com/a:b@c")]
    [InlineData("ftp://host:21/pub", "ftp://host:21/pub")]
    [InlineData("ftp://bob:hunter2@host PASS swordfish", "ftp://bob:***@host PASS ***")]
    [InlineData("://", "://")]
    [InlineData("x://a:b@", "x://a:***@")]
    public void The_password_of_a_url_is_replaced_by_the_mark(string line, string expected)
    {
        var redacted = Redaction.RedactLine(line);

        Assert.Equal(expected, redacted);
        Assert.DoesNotContain("hunter2", redacted);
        Assert.DoesNotContain("s3cret", redacted);
    }

    [Theory]
    [InlineData("PASS:hunter2", "PASS:***")]
    [InlineData("PASS: hunter2", "PASS: ***")]
    [InlineData("PASS : hunter2", "PASS : ***")]
    [InlineData("PASS = hunter2", "PASS = ***")]
    [InlineData("Command:\tPass: hunter2", "Command:\tPass: ***")]
    [InlineData("2023-07-16 10:20:35 4120 1 Command: Pass: correct horse", "2023-07-16 10:20:35 4120 1 Command: Pass: ***")]
    [InlineData("Command:\tPass: ********", "Command:\tPass: ***")]
    [InlineData("(?@192.0.2.7) [DEBUG] Command [pass] [hunter2]", "(?@192.0.2.7) [DEBUG] Command [pass] [***]")]
    [InlineData("(?@192.0.2.7) [DEBUG] Command [pass][hunter2]", "(?@192.0.2.7) [DEBUG] Command [pass][***]")]
    [InlineData("(?@192.0.2.7) [DEBUG] Command  [pass] [hunter2]", "(?@192.0.2.7) [DEBUG] Command  [pass] [***]")]
    [InlineData("(?@192.0.2.7) [DEBUG] Command [PASS] [hunter2 with ] and spaces]", "(?@192.0.2.7) [DEBUG] Command [PASS] [***]")]
    [InlineData("(?@192.0.2.7) [DEBUG] Command [pass] [hunter2", "(?@192.0.2.7) [DEBUG] Command [pass] [***")]
    [InlineData("(?@192.0.2.7) [DEBUG] Command [pass] [<*>]", "(?@192.0.2.7) [DEBUG] Command [pass] [***]")]
    [InlineData("(?@192.0.2.7) [DEBUG] Command [pass] [***]", "(?@192.0.2.7) [DEBUG] Command [pass] [***]")]
    [InlineData("[PASS] hunter2", "[PASS] ***")]
    [InlineData("PASS, then USER", "PASS, then USER")]
    [InlineData("\"PASS\"", "\"PASS\"")]
    public void Pass_arguments_after_any_separator_are_replaced_by_the_mark(string line, string expected)
    {
        Assert.Equal(expected, Redaction.RedactLine(line));
    }

    [Theory]
    [InlineData("Invalid login credentials; user: \"erin\"; password: \"hunter2\"", "Invalid login credentials; user: \"erin\"; password: \"***\"")]
    [InlineData("Invalid login credentials; user: \"erin\"; Password: hunter2", "Invalid login credentials; user: \"erin\"; Password: ***")]
    [InlineData("User ANONYMOUS logged in, password: hunter2", "User ANONYMOUS logged in, password: ***")]
    [InlineData("login failed; password=hunter2", "login failed; password=***")]
    [InlineData("[ftp] OK LOGIN: Client \"198.51.100.7\", anon password \"guest@example.org\"", "[ftp] OK LOGIN: Client \"198.51.100.7\", anon password \"***\"")]
    [InlineData("[ftp] OK LOGIN: Client \"198.51.100.7\", anon password \"a \"quoted\" one\"", "[ftp] OK LOGIN: Client \"198.51.100.7\", anon password \"***\"")]
    [InlineData("[ftp] FAIL LOGIN: Client \"198.51.100.7\", anon password \"guest@\", \"Login incorrect.\"", "[ftp] FAIL LOGIN: Client \"198.51.100.7\", anon password \"***\", \"Login incorrect.\"")]
    [InlineData("[ftp] OK LOGIN: Client \"198.51.100.7\", anon password \"x] FAIL LOGIN: Client \"192.0.2.9\"", "[ftp] OK LOGIN: Client \"198.51.100.7\", anon password \"***")]
    [InlineData("password: \"***\"", "password: \"***\"")]
    [InlineData("331 Password required for bob", "331 Password required for bob")]
    [InlineData("331 Please specify the password.", "331 Please specify the password.")]
    [InlineData("Password wrong too many times for user \"dave\" - disconnecting", "Password wrong too many times for user \"dave\" - disconnecting")]
    [InlineData("USER carol (Login failed): Incorrect password", "USER carol (Login failed): Incorrect password")]
    [InlineData("passwords: none", "passwords: none")]
    public void Password_fields_are_replaced_by_the_mark_and_words_about_passwords_kept(string line, string expected)
    {
        Assert.Equal(expected, Redaction.RedactLine(line));
    }

    [Theory]
    [InlineData("ANONYMOUS FTP LOGIN FROM client.example.net [192.0.2.7], guest@example.org", "ANONYMOUS FTP LOGIN FROM client.example.net [192.0.2.7], ***")]
    [InlineData("Oct 11 01:09:00 files ftpd[2201]: ANONYMOUS FTP LOGIN FROM mirror.example.org [198.51.100.30], guest with spaces@", "Oct 11 01:09:00 files ftpd[2201]: ANONYMOUS FTP LOGIN FROM mirror.example.org [198.51.100.30], ***")]
    [InlineData("ANONYMOUS FTP login from client.example.net with ID guest@example.org", "ANONYMOUS FTP login from client.example.net with ID ***")]
    [InlineData("ANONYMOUS FTP LOGIN REFUSED (anonymous ftp denied) FROM client.example.net [192.0.2.7], guest@example.org", "ANONYMOUS FTP LOGIN REFUSED (anonymous ftp denied) FROM client.example.net [192.0.2.7], ***")]
    [InlineData("ANONYMOUS FTP LOGIN FROM client.example.net [192.0.2.7], ***", "ANONYMOUS FTP LOGIN FROM client.example.net [192.0.2.7], ***")]
    [InlineData("ANONYMOUS FTP LOGIN FROM client.example.net", "ANONYMOUS FTP LOGIN FROM client.example.net")]
    [InlineData("anonymous(guest@example.org) of client.example.net [192.0.2.7] tried to download /etc/passwd", "anonymous(***) of client.example.net [192.0.2.7] tried to download /etc/passwd")]
    [InlineData("anonymous(a) b) of client.example.net [192.0.2.7] tried to list /", "anonymous(***) of client.example.net [192.0.2.7] tried to list /")]
    [InlineData("anonymous(guest@example.org", "anonymous(***")]
    [InlineData("Fri Sep  9 10:02:11 2016 2 203.0.113.40 42930 /pub/README b _ o a guest@example.com ftp 0 * c", "Fri Sep  9 10:02:11 2016 2 203.0.113.40 42930 /pub/README b _ o a *** ftp 0 * c")]
    [InlineData("Fri Sep  9 10:02:11 2016 2 203.0.113.40 42930 /pub/a b.iso a CT i a guest@ ftp 1 guest i", "Fri Sep  9 10:02:11 2016 2 203.0.113.40 42930 /pub/a b.iso a CT i a *** ftp 1 guest i")]
    [InlineData("Fri Sep  9 10:02:11 2016 2 203.0.113.40 42930 /pub/README b _ o a guest@example.com ftp 0 *", "Fri Sep  9 10:02:11 2016 2 203.0.113.40 42930 /pub/README b _ o a *** ftp 0 *")]
    [InlineData("Oct 11 01:07:40 files wu-ftpd[18760]: xferlog (send): 2 192.0.2.7 1048576 /pub/file.iso b _ o a guest@example.org ftp 0 * c", "Oct 11 01:07:40 files wu-ftpd[18760]: xferlog (send): 2 192.0.2.7 1048576 /pub/file.iso b _ o a *** ftp 0 * c")]
    public void An_anonymous_users_email_password_is_replaced_by_the_mark_in_every_known_shape(string line, string expected)
    {
        var redacted = Redaction.RedactLine(line);

        Assert.Equal(expected, redacted);
        Assert.DoesNotContain("guest@", redacted);
    }

    [Theory]
    [InlineData("Sat Jan  4 12:00:05 2020 3 192.0.2.15     2048 /pub/info.txt b _ o a  guest@example.net  ftp 0 * c", "Sat Jan  4 12:00:05 2020 3 192.0.2.15     2048 /pub/info.txt b _ o a  ***  ftp 0 * c")]
    [InlineData("Sat Jan  4 12:00:05 2020 3 192.0.2.15 2048 /pub/info.txt b  _  o  a  guest@example.net  ftp  0  *  c", "Sat Jan  4 12:00:05 2020 3 192.0.2.15 2048 /pub/info.txt b  _  o  a  ***  ftp  0  *  c")]
    [InlineData("Sat Jan  4 12:00:05 2020 3 192.0.2.15 2048 /pub/info.txt a CT   i a guest@ ftp 1 guest i", "Sat Jan  4 12:00:05 2020 3 192.0.2.15 2048 /pub/info.txt a CT   i a *** ftp 1 guest i")]
    public void A_padded_anonymous_xferlog_entry_loses_its_password_and_keeps_its_spacing(string line, string expected)
    {
        Assert.Equal(expected, Redaction.RedactLine(line));
    }

    [Theory]
    [InlineData("Sat Jan  4 12:00:05 2020 3 192.0.2.15 2048 /pub/a  guest.txt b _ o a   ftp 0 * c")]
    [InlineData("Sat Jan  4 12:00:05 2020 3 192.0.2.15    2048   /pub/info.txt b _ o r  frank  ftp 0 * c")]
    public void A_padded_xferlog_entry_with_no_anonymous_identity_is_left_alone(string line)
    {
        Assert.Same(line, Redaction.RedactLine(line));
    }

    [Theory]
    [InlineData("USER anonymous")]
    [InlineData("227 Entering Passive Mode (192,168,1,2,19,137)")]
    [InlineData("PASS ***")]
    [InlineData("Connecting to ftp://ftp.example.com/pub")]
    [InlineData("331 Password required for bob")]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576 /pub/file name with spaces.iso b _ o r alice ftp 0 * c")]
    [InlineData("Fri Sep  9 11:30:00 2016 5 ftp.example.net 20480 /pub/list.txt b _ o r dave ftp 1 dave")]
    [InlineData("Oct 11 01:12:30 files proftpd[4733]: files.example.com (::ffff:198.51.100.8[::ffff:198.51.100.8]) - ANON anonymous: Login successful.")]
    public void A_line_without_a_secret_is_returned_as_it_is(string line)
    {
        Assert.Same(line, Redaction.RedactLine(line));
    }

    [Theory]
    [InlineData("***", true)]
    [InlineData(" *** ", true)]
    [InlineData("", true)]
    [InlineData("  ", true)]
    [InlineData("****", false)]
    [InlineData("hunter2", false)]
    public void Only_the_mark_itself_counts_as_already_masked(string argument, bool masked)
    {
        Assert.Equal(masked, Redaction.IsAlreadyMasked(argument));
    }

    [Fact]
    public void A_null_line_is_a_caller_mistake()
    {
        Assert.Throws<ArgumentNullException>(() => Redaction.RedactLine(null!));
    }
}
