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
    [InlineData("USER anonymous")]
    [InlineData("227 Entering Passive Mode (192,168,1,2,19,137)")]
    [InlineData("PASS ***")]
    [InlineData("Connecting to ftp://ftp.example.com/pub")]
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
