using LogLens.Events;
using LogLens.Parsing.Grammar;
using LogLens.Parsing.Syslog;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Formats.PureFtpd;

/// <summary>A Pure-FTPd message taken apart: <c>(user@client) [LEVEL] text</c>.</summary>
/// <param name="User">The logged-in user, or null before login (<c>?</c>).</param>
/// <param name="Client">The client, in normal form.</param>
/// <param name="Level">The level word (<c>INFO</c>, <c>NOTICE</c>, <c>WARNING</c>, <c>ERROR</c>, <c>DEBUG</c>).</param>
/// <param name="Text">The text after the level.</param>
internal readonly record struct PureFtpdLine(string? User, string Client, string Level, string Text);

/// <summary>
/// Pure-FTPd's syslog messages: <c>(?@192.0.2.7) [INFO] New connection from 192.0.2.7</c>,
/// <c>(bob@192.0.2.7) [NOTICE] /home/bob/report.pdf downloaded  (1048576 bytes, 85.30KB/sec)</c>. The
/// part in parentheses is the user (<c>?</c> before login; a virtual user may hold <c>@</c> itself) and the
/// client, split at the last <c>@</c>.
/// </summary>
internal static class PureFtpdGrammar
{
    private static readonly Parser<char, PureFtpdLine> Line =
        Map(
            (ident, level, text) => Make(ident, level, text),
            Char('(').Then(Token(c => c != ')').AtLeastOnceString()).Before(Char(')')).Assert(s => s.Contains('@'), "user@client").Before(Spaces),
            Char('[').Then(Token(char.IsAsciiLetter).AtLeastOnceString()).Before(Char(']')).Before(OptionalSpaces),
            Rest);

    /// <summary><c>/path uploaded  (1048576 bytes, 85.30KB/sec)</c>: bytes and rate after the verb.</summary>
    private static readonly Parser<char, (long Bytes, string Rate)> Statistics =
        Map(
            (bytes, rate) => (bytes, rate.Trim()),
            OptionalSpaces.Then(Char('(')).Then(Primitives.Long).Before(Spaces).Before(String("bytes")).Before(Char(',')).Before(OptionalSpaces),
            Token(c => c != ')').ManyString().Before(Char(')')).Before(OptionalSpaces).Before(End));

    /// <summary><c>Command [user] [bob]</c> (debug logging), the password masked as <c>&lt;*&gt;</c> — or not, in debug builds.</summary>
    private static readonly Parser<char, Said> Command =
        Map(
            (verb, argument) => Say(new CommandEvent
            {
                Line = 0,
                Text = string.Empty,
                Command = verb.ToUpperInvariant(),
                Argument = verb.Equals("pass", StringComparison.OrdinalIgnoreCase) ? Redaction.Mark : NullIfEmpty(argument),
            }),
            String("Command").Then(Spaces).Then(Char('[')).Then(Token(char.IsAsciiLetterOrDigit).AtLeastOnceString()).Before(Char(']')),
            OptionalSpaces.Then(Char('[')).Then(Rest).Select(rest => rest.EndsWith(']') ? rest[..^1] : rest).Optional().Select(a => a.HasValue ? a.Value : string.Empty))
        .Before(End);

    private static readonly Parser<char, Said> Reply =
        ProtocolLines.Reply.Select(r => Say(new ReplyEvent { Line = 0, Text = string.Empty, Code = r.Code, Message = r.Message, IsFinal = r.IsFinal })).Before(End);

    /// <summary>Reads a message.</summary>
    /// <param name="message">The message after the envelope.</param>
    /// <param name="line">What it holds.</param>
    /// <returns>Whether the message has Pure-FTPd's shape.</returns>
    public static bool TrySplit(string message, out PureFtpdLine line)
    {
        line = default;
        if (message.Length < 8 || message[0] != '(')
        {
            return false;
        }

        var result = Line.Parse(message);
        if (!result.Success)
        {
            return false;
        }

        line = result.Value;
        return true;
    }

    /// <summary>What a message's text says, as an event template (user and client not yet filled in).</summary>
    /// <param name="line">The message.</param>
    /// <param name="said">What it says.</param>
    /// <returns>Whether a rule knows the text.</returns>
    public static bool TryRead(in PureFtpdLine line, out Said said)
    {
        var text = line.Text.Trim();
        said = default;
        if (text.Length == 0)
        {
            return false;
        }

        var read = Read(text, line.User);
        if (read is not { } known)
        {
            return false;
        }

        said = known;
        return true;
    }

    private static Said? Read(string text, string? user)
    {
        if (text.Contains("users (the maximum)", StringComparison.Ordinal))
        {
            return Closed(text);
        }

        switch (text[0])
        {
            case >= '0' and <= '9':
                return Parse(Reply, text);
            case 'N' when text.StartsWith("New connection from ", StringComparison.Ordinal):
                var from = RemoteIdent.Client(text["New connection from ".Length..]);
                return Say(new ConnectEvent { Line = 0, Text = string.Empty, Client = from }, new Telling("connect", "daemon"));
            case 'A' when text.StartsWith("Authentication failed for user ", StringComparison.Ordinal):
                var name = Bracketed(text["Authentication failed for user ".Length..]);
                return Say(Failed(name, "Authentication failed"), new Telling("fail", "daemon", name));
            case 'A' when text.StartsWith("Anonymous user logged in", StringComparison.Ordinal):
                return Say(new LoginEvent { Line = 0, Text = string.Empty, User = "anonymous", Succeeded = true });
            case 'L' when text.StartsWith("Logout", StringComparison.Ordinal):
                return Say(new DisconnectEvent { Line = 0, Text = string.Empty, User = user });
            case 'C' when text.StartsWith("Command ", StringComparison.Ordinal):
                return Parse(Command, text);
            case 'C' when text.StartsWith("Can't login as [", StringComparison.Ordinal):
                var disabled = Bracketed(text["Can't login as ".Length..]);
                return Say(Failed(disabled, text), new Telling("fail", "daemon", disabled));
            case 'C' when text.StartsWith("Client closed the connection", StringComparison.Ordinal):
                return Closed(text);
            case 'C' when text.StartsWith("Can't change directory", StringComparison.Ordinal):
                return Say(new ServerNotice { Line = 0, Text = string.Empty });
            case 'T' when text.StartsWith("Timeout", StringComparison.Ordinal) || text.StartsWith("Too many", StringComparison.Ordinal):
                return Closed(text);
            case 'T' when text.StartsWith("This is a private system - No anonymous login", StringComparison.Ordinal):
                return Say(Failed("anonymous", text), new Telling("fail", "daemon", "anonymous"));
            case 'S' when text.StartsWith("Sorry, cleartext sessions", StringComparison.Ordinal) || text.StartsWith("Sorry, but I can't trust you", StringComparison.Ordinal):
                return Closed(text);
            case 'S' when text.StartsWith("SSL/TLS:", StringComparison.Ordinal):
                return Say(new ServerNotice { Line = 0, Text = string.Empty });
            case 'I' when text.StartsWith("I can't accept more than", StringComparison.Ordinal):
                return Closed(text);
            case 'R' when text.StartsWith("Read error from the client", StringComparison.Ordinal):
                return Closed(text);
        }

        if (text.EndsWith(" is now logged in", StringComparison.Ordinal))
        {
            var who = text[..^" is now logged in".Length];
            return Say(new LoginEvent { Line = 0, Text = string.Empty, User = who.Length > 0 ? who : user, Succeeded = true });
        }

        return Transfer(text);
    }

    /// <summary><c>/path uploaded  (…)</c>, <c>/path downloaded  (…)</c>, <c>/path partially uploaded  (…)</c>.</summary>
    private static Said? Transfer(string text)
    {
        foreach (var (verb, direction, succeeded) in Verbs)
        {
            var at = text.LastIndexOf(verb, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var statistics = Statistics.Parse(text.AsSpan(at + verb.Length).ToString());
            if (!statistics.Success)
            {
                continue;
            }

            return Say(new TransferEvent
            {
                Line = 0,
                Text = string.Empty,
                Direction = direction,
                Path = text[..at],
                Bytes = statistics.Value.Bytes,
                Rate = statistics.Value.Rate,
                Succeeded = succeeded,
            });
        }

        return null;
    }

    private static readonly (string Verb, TransferDirection Direction, bool Succeeded)[] Verbs =
    [
        (" partially uploaded ", TransferDirection.Upload, false),
        (" uploaded ", TransferDirection.Upload, true),
        (" downloaded ", TransferDirection.Download, true),
    ];

    private static PureFtpdLine Make(string ident, string level, string text)
    {
        var at = ident.LastIndexOf('@');
        var user = ident[..at];
        return new PureFtpdLine(user is "?" or "" ? null : user, Addresses.Normalize(ident[(at + 1)..]), level, text);
    }

    /// <summary>Runs a parser that reads to the end of the text.</summary>
    private static Said? Parse(Parser<char, Said> parser, string text)
    {
        var result = parser.Parse(text);
        return result.Success ? result.Value : null;
    }

    private static string? Bracketed(string text)
    {
        var open = text.IndexOf('[');
        var close = text.LastIndexOf(']');
        return open >= 0 && close > open + 1 ? text[(open + 1)..close] : null;
    }

    private static Said Closed(string text) => Say(new DisconnectEvent { Line = 0, Text = string.Empty, Detail = text });

    private static LoginEvent Failed(string? user, string detail) =>
        new() { Line = 0, Text = string.Empty, User = user, Succeeded = false, Detail = detail };

    private static Said Say(FtpEvent e, Telling? telling = null) => new(e, telling);

    private static string? NullIfEmpty(string text) => text.Trim().Length == 0 ? null : text.Trim();
}
