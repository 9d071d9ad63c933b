using LogLens.Parsing;
using LogLens.Parsing.Grammar;
using Pidgin;

namespace LogLens.Tests.Parsing.Grammar;

public class ProtocolLinesTests
{
    public static TheoryData<string> ReplyTexts => new()
    {
        "230 Login successful.",
        "230-Welcome to the archive",
        "230-",
        "230",
        "221 Goodbye.   ",
        "331 Please specify the password.",
        "257 \"/incoming\" created",
        "150 Here comes the directory listing.",
        "530 " + new string('x', 300),
        "999 x",
        "099 x",
        "99 x",
        "2300 x",
        "230x",
        "abc",
        " 230 x",
        "",
    };

    public static TheoryData<string> CommandTexts => new()
    {
        "PWD",
        "pwd",
        "CWD /pub",
        "cwd   /pub/a b  ",
        "CWD\t/pub",
        "RETR /pub/a \"b\" c.txt",
        "PASS secret",
        "pass secret",
        "PASS",
        "XSHA1 /f",
        "STOR /" + new string('d', 300),
        "FOO bar",
        "GET / HTTP/1.1",
        "PWDX",
        "PWD-x",
        " PWD",
        "",
    };

    [Theory]
    [MemberData(nameof(ReplyTexts))]
    public void ReadReply_reads_what_Reply_reads_however_often_the_text_repeats(string text)
    {
        var parsed = ProtocolLines.Reply.Parse(text);
        var expected = parsed.Success ? parsed.Value : null;

        for (var read = 0; read < 4; read++)
        {
            Assert.Equal(expected, ProtocolLines.ReadReply(text.ToCharArray()));
        }
    }

    [Theory]
    [MemberData(nameof(CommandTexts))]
    public void ReadCommand_reads_what_Command_reads_however_often_the_text_repeats(string text)
    {
        var parsed = ProtocolLines.Command.Parse(text);
        var expected = parsed.Success ? parsed.Value : null;

        for (var read = 0; read < 4; read++)
        {
            Assert.Equal(expected, ProtocolLines.ReadCommand(text.ToCharArray()));
        }
    }

    [Theory]
    [InlineData("230 Login successful.", 230, true, "Login successful.")]
    [InlineData("230-Welcome to the archive", 230, false, "Welcome to the archive")]
    [InlineData("230-", 230, false, "")]
    [InlineData("230", 230, true, "")]
    [InlineData("221 Goodbye.   ", 221, true, "Goodbye.")]
    [InlineData("100 x", 100, true, "x")]
    [InlineData("599 x", 599, true, "x")]
    public void A_reply_gives_its_code_whether_it_is_final_and_its_text(string text, int code, bool final, string message)
    {
        for (var read = 0; read < 3; read++)
        {
            Assert.Equal(new ReplyLine(code, final, message), ProtocolLines.ReadReply(text));
        }
    }

    [Theory]
    [InlineData("999 x")]
    [InlineData("600 x")]
    [InlineData("099 x")]
    [InlineData("2300 x")]
    [InlineData("23 x")]
    [InlineData("abc")]
    [InlineData("")]
    public void Text_that_is_no_reply_reads_as_none(string text)
    {
        for (var read = 0; read < 3; read++)
        {
            Assert.Null(ProtocolLines.ReadReply(text));
        }
    }

    [Theory]
    [InlineData("PWD", "PWD", null)]
    [InlineData("pwd", "PWD", null)]
    [InlineData("CWD /pub", "CWD", "/pub")]
    [InlineData("cwd   /pub/a b  ", "CWD", "/pub/a b")]
    [InlineData("XSHA1 /f", "XSHA1", "/f")]
    [InlineData("PASS", "PASS", null)]
    [InlineData("PASS secret", "PASS", Redaction.Mark)]
    [InlineData("pass correct horse", "PASS", Redaction.Mark)]
    [InlineData("PASS ***", "PASS", Redaction.Mark)]
    public void A_command_gives_its_verb_in_upper_case_and_its_argument_with_a_password_hidden(string text, string verb, string? argument)
    {
        for (var read = 0; read < 3; read++)
        {
            Assert.Equal(new CommandLine(verb, argument), ProtocolLines.ReadCommand(text));
        }
    }

    [Theory]
    [InlineData("FOO bar")]
    [InlineData("GET / HTTP/1.1")]
    [InlineData("PWDX")]
    [InlineData("PWD-x")]
    [InlineData(" PWD")]
    [InlineData("")]
    public void An_unknown_verb_reads_as_no_command(string text)
    {
        for (var read = 0; read < 3; read++)
        {
            Assert.Null(ProtocolLines.ReadCommand(text));
        }
    }
}
