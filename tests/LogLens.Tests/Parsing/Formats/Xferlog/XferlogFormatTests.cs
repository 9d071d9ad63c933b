using System.Text;
using LogLens.Analysis;
using LogLens.Events;
using LogLens.Parsing;
using LogLens.Parsing.Formats.Xferlog;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.Xferlog;

public class XferlogFormatTests
{
    private static readonly XferlogFormat Format = new();

    [Fact]
    public void Every_field_of_an_entry_is_read()
    {
        Assert.True(XferlogGrammar.TryParse(
            "Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576 /pub/file name with spaces.iso b _ o r alice ftp 0 * c",
            out var entry));

        Assert.Equal("2016-09-08T00:41:16", entry!.Time.ToString());
        Assert.Equal(1, entry.TransferSeconds);
        Assert.Equal("198.51.100.7", entry.RemoteHost);
        Assert.Equal(1048576, entry.FileSize);
        Assert.Equal("/pub/file name with spaces.iso", entry.FileName);
        Assert.Equal('b', entry.TransferType);
        Assert.Equal("_", entry.SpecialAction);
        Assert.Equal('o', entry.Direction);
        Assert.Equal('r', entry.AccessMode);
        Assert.Equal("alice", entry.UserName);
        Assert.Equal("ftp", entry.ServiceName);
        Assert.Equal("0", entry.AuthenticationMethod);
        Assert.Equal("*", entry.AuthenticatedUserId);
        Assert.Equal('c', entry.CompletionStatus);
        Assert.True(entry.Completed);
    }

    [Theory]
    [InlineData("Thu Sep  2 09:52:00 2004 50 192.168.20.10 896242 /home/test/file1.tgz b _ o r suporte ftp 0 * c", "/home/test/file1.tgz", 'b', "_", 'o', 'r', "suporte", 'c')]
    [InlineData("Mon Apr 17 18:27:14 2006 1 198.51.100.7 0 /pub/lyx/devel/log b _ o a visitor@example.com ftp 0 * i", "/pub/lyx/devel/log", 'b', "_", 'o', 'a', "visitor@example.com", 'i')]
    [InlineData("Mon Nov 20 12:50:07 2023 1 ::ffff:198.51.100.7 92602368 /xab a _ i r ftpuser ftp 0 * i", "/xab", 'a', "_", 'i', 'r', "ftpuser", 'i')]
    [InlineData("Fri Mar 31 10:22:44 2006 0 198.51.100.7 32003 /usr/pages/a b _ o r x.jpg a _ d r canalresende ftp 0 * c", "/usr/pages/a b _ o r x.jpg", 'a', "_", 'd', 'r', "canalresende", 'c')]
    [InlineData("Fri Mar 31 10:22:44 2006 0 198.51.100.7 32003 /src/pkg.tar a CT o g guest ftp 1 guest c", "/src/pkg.tar", 'a', "CT", 'o', 'g', "guest", 'c')]
    [InlineData("Fri Mar 31 10:22:44 2006 0 198.51.100.7 32003 /two  spaces.txt b _ o r carol ftp 0 *", "/two  spaces.txt", 'b', "_", 'o', 'r', "carol", null)]
    [InlineData("Fri Mar 31 10:22:44 2006 0 198.51.100.7 32003 /pub/x b _ o a  ftp 0 * c", "/pub/x", 'b', "_", 'o', 'a', "", 'c')]
    public void Fields_are_read_from_both_ends_so_names_keep_their_spaces(
        string line, string fileName, char type, string action, char direction, char mode, string user, char? status)
    {
        Assert.True(XferlogGrammar.TryParse(line, out var entry));

        Assert.Equal(
            (fileName, type, action, direction, mode, user, status),
            (entry!.FileName, entry.TransferType, entry.SpecialAction, entry.Direction, entry.AccessMode, entry.UserName, entry.CompletionStatus));
    }

    [Theory]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7   1048576 /pub/a.pdf b _ o r alice ftp 0 * c", 1, "198.51.100.7", 1048576, "/pub/a.pdf", "alice")]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576    /pub/a.pdf b _ o r alice ftp 0 * c", 1, "198.51.100.7", 1048576, "/pub/a.pdf", "alice")]
    [InlineData("Thu Sep  8 00:41:16 2016    1 198.51.100.7    1048576   /pub/a.pdf b _ o r alice ftp 0 * c", 1, "198.51.100.7", 1048576, "/pub/a.pdf", "alice")]
    [InlineData("Thu Sep  8 00:41:16 2016  130  198.51.100.7        7 /pub/tiny.txt a _ o r alice ftp 0 * c", 130, "198.51.100.7", 7, "/pub/tiny.txt", "alice")]
    [InlineData("Thu Sep  8 00:41:16 2016 1 files.example.org\t  52 /pub/a.pdf b _ o r alice ftp 0 * c", 1, "files.example.org", 52, "/pub/a.pdf", "alice")]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7    1048576 /pub/my  report v2.pdf b _ o r alice ftp 0 * c", 1, "198.51.100.7", 1048576, "/pub/my  report v2.pdf", "alice")]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7    1048576 /pub/a.pdf   b  _  o  r  alice  ftp  0  *  c", 1, "198.51.100.7", 1048576, "/pub/a.pdf", "alice")]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576 /pub/a.pdf b _ o r alice ftp 0 * c   ", 1, "198.51.100.7", 1048576, "/pub/a.pdf", "alice")]
    public void Runs_of_spaces_between_fields_separate_them_like_one_space(
        string line, int seconds, string host, long size, string fileName, string user)
    {
        Assert.True(XferlogGrammar.TryParse(line, out var entry));

        Assert.Equal(
            (seconds, host, size, fileName, user, 'c'),
            (entry!.TransferSeconds, entry.RemoteHost, entry.FileSize, entry.FileName, entry.UserName, entry.CompletionStatus));
    }

    [Theory]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7   1048576 /pub/a.pdf b _ o r alice ftp 0 * c", "/pub/a.pdf", 1048576)]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7   2048   /pub/old notes.txt b _ i r alice ftp 0 * c", "/pub/old notes.txt", 2048)]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7  0  /pub/empty b _ o r alice  ftp 0 * c", "/pub/empty", 0)]
    public void A_padded_entry_is_a_transfer_of_its_path_and_bytes(string line, string path, long bytes)
    {
        var transfer = Lines.ParseAs<TransferEvent>(Format, line);

        Assert.Equal((path, bytes, "alice@198.51.100.7"), (transfer.Path, transfer.Bytes, transfer.SessionKey));
    }

    [Fact]
    public void A_padded_anonymous_entry_redacts_the_identity_and_nothing_else()
    {
        var transfer = Lines.ParseAs<TransferEvent>(Format, "Mon Apr 17 18:27:20 2006  2 198.51.100.7     4096 /pub/x.log b _ o a  guest@example.org  ftp 0 * c");

        Assert.Equal("Mon Apr 17 18:27:20 2006  2 198.51.100.7     4096 /pub/x.log b _ o a  ***  ftp 0 * c", transfer.Text);
        Assert.Equal("/pub/x.log", transfer.Path);
    }

    [Theory]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576 /pub/a b.iso b _ o r alice ftp 0 * c", TransferDirection.Download, true)]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576 /pub/a b.iso b _ i r alice ftp 0 * c", TransferDirection.Upload, true)]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576 /pub/a b.iso b _ i r alice ftp 0 * i", TransferDirection.Upload, false)]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576 /pub/a b.iso b _ o r alice ftp 0 *", TransferDirection.Download, true)]
    public void An_entry_is_a_transfer_and_an_incomplete_one_failed(string line, TransferDirection direction, bool succeeded)
    {
        var transfer = Lines.ParseAs<TransferEvent>(Format, line);

        Assert.Equal(direction, transfer.Direction);
        Assert.Equal(succeeded, transfer.Succeeded);
        Assert.Equal("/pub/a b.iso", transfer.Path);
        Assert.Equal(1048576, transfer.Bytes);
        Assert.Equal("198.51.100.7", transfer.Client);
        Assert.Equal("2016-09-08T00:41:16", transfer.Time.ToString());
        Assert.Null(transfer.Rate);
    }

    [Theory]
    [InlineData("::ffff:192.0.2.60", "192.0.2.60")]
    [InlineData("2001:db8::25", "2001:db8::25")]
    [InlineData("ftp.example.net", "ftp.example.net")]
    public void The_remote_host_is_the_client_in_its_normal_form(string logged, string client)
    {
        var transfer = Lines.ParseAs<TransferEvent>(Format, $"Thu Sep  8 00:41:16 2016 1 {logged} 20 /a b _ o r alice ftp 0 * c");

        Assert.Equal(client, transfer.Client);
    }

    [Fact]
    public void A_deletion_is_a_dele_command()
    {
        var command = Lines.ParseAs<CommandEvent>(Format, "Fri Mar 31 10:22:44 2006 0 198.51.100.7 32003 /pub/old file.jpg a _ d r bob ftp 0 * c");

        Assert.Equal(("DELE", "/pub/old file.jpg"), (command.Command, command.Argument));
    }

    [Fact]
    public void An_anonymous_users_identity_is_a_password_and_is_redacted()
    {
        var transfer = Lines.ParseAs<TransferEvent>(Format, "Mon Apr 17 18:27:20 2006 2 198.51.100.7 42930 /pub/qtbuild.log b _ o a visitor@example.com ftp 0 * c");

        Assert.Equal("Mon Apr 17 18:27:20 2006 2 198.51.100.7 42930 /pub/qtbuild.log b _ o a *** ftp 0 * c", transfer.Text);
        Assert.Equal("anonymous@198.51.100.7", transfer.SessionKey);
    }

    [Fact]
    public void A_quoted_entry_wrapped_over_three_lines_is_read_whole_on_its_last_line()
    {
        var events = Lines.Parse(
            Format,
            " \"Fri Mar 31 10:22:45 2006 0 198.51.100.7 88302",
            " /usr/pages/images/ban terror.jpg a _ o r",
            " canalresende ftp 0 * c\"",
            "Fri Mar 31 10:23:00 2006 1 198.51.100.7 20 /usr/pages/x.txt a _ o r canalresende ftp 0 * c");

        Assert.IsType<ContinuationLine>(events[0]);
        Assert.IsType<ContinuationLine>(events[1]);
        var transfer = Assert.IsType<TransferEvent>(events[2]);
        Assert.Equal("/usr/pages/images/ban terror.jpg", transfer.Path);
        Assert.Equal(88302, transfer.Bytes);
        Assert.Equal(3, transfer.Line);
        Assert.Equal("Fri Mar 31 10:22:45 2006 0 198.51.100.7 88302 /usr/pages/images/ban terror.jpg a _ o r canalresende ftp 0 * c", transfer.Text);
        Assert.IsType<TransferEvent>(events[3]);
        Assert.Equal(transfer.SessionKey, events[3].SessionKey);
    }

    [Fact]
    public void A_quoted_entry_on_one_line_is_read_too()
    {
        var transfer = Lines.ParseAs<TransferEvent>(Format, "\"Fri Mar 31 10:22:45 2006 0 198.51.100.7 88302 /x.jpg a _ o r bob ftp 0 * c\"");

        Assert.Equal("/x.jpg", transfer.Path);
    }

    [Theory]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576 /pub/a.iso b _ o r alice ftp x * c")]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576 /pub/a.iso")]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7 lots /pub/a.iso b _ o r alice ftp 0 * c")]
    [InlineData("Thu Sep  8 00:41:16 2016 [pid 1] CONNECT: Client \"198.51.100.7\"")]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576 b _ o r alice ftp 0 * c")]
    [InlineData(" canalresende ftp 0 * c\"")]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576 /pub/a.iso x _ o r alice ftp 0 * c")]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576    b _ o r alice ftp 0 * c")]
    [InlineData("Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576 /pub/a.iso b _ o r alice ftp  x  * c")]
    public void Lines_that_are_no_entry_are_unrecognized(string line)
    {
        Lines.ParseAs<UnrecognizedLine>(Format, line);
    }

    [Fact]
    public void A_session_is_one_users_transfers_from_one_client_until_a_ten_minute_pause()
    {
        var events = Lines.Parse(
            Format,
            "Thu Sep  8 00:40:02 2016 7 198.51.100.7 1048576 /pub/a.iso b _ o r alice ftp 0 * c",
            "Thu Sep  8 00:40:39 2016 28 203.0.113.9 2359296 /in/b.pdf b _ i r bob ftp 0 * c",
            "Thu Sep  8 00:41:12 2016 2 198.51.100.7 20480 /pub/c.txt a _ o r alice ftp 0 * c",
            "Thu Sep  8 00:41:30 2016 2 198.51.100.7 20480 /pub/d.txt a _ o r carol ftp 0 * c",
            "Thu Sep  8 00:55:00 2016 1 198.51.100.7 10 /pub/e.txt a _ o r alice ftp 0 * c",
            "Thu Sep  8 01:10:00 2016 600 198.51.100.7 10 /pub/long.iso a _ o r alice ftp 0 * c");

        Assert.Equal(
            ["alice@198.51.100.7", "bob@203.0.113.9", "alice@198.51.100.7", "carol@198.51.100.7", "alice@198.51.100.7-2", "alice@198.51.100.7-2"],
            Lines.SessionIds(events));
    }

    [Fact]
    public void The_sample_gives_each_users_sessions_with_their_transfers()
    {
        var text = string.Join('\n', SampleLogs.Read("xferlog.log").Select(l => l.Text));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var result = LogAnalyzer.AnalyzeStream(stream, "xferlog.log");

        Assert.Equal("xferlog", result.Format);
        Assert.Equal(0, result.Lines.Unrecognized);
        Assert.Equal(
            ["alice@198.51.100.7", "bob@203.0.113.9", "anonymous@2001:db8::25", "alice@198.51.100.7-2", "carol@192.0.2.60"],
            result.Sessions.Select(s => s.Id));
        var bob = result.Sessions[1];
        Assert.Equal(OutcomeKind.TransferFailed, bob.Outcome.Kind);
        Assert.Equal([true, false], bob.Transfers.Select(t => t.Succeeded));
    }
}
