using System.Globalization;
using System.Text;
using LogLens.Events;
using LogLens.Parsing.Grammar;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Formats.CuteFtp;

/// <summary>
/// The grammar of a CuteFTP transcript line, the same in every language; the words come from a
/// <see cref="CuteFtpVocabulary"/>. A line is <c>PREFIX:&gt; [timestamp] body</c>, or a bare
/// server reply (<c>[timestamp] 230 …</c>), or plain text.
/// </summary>
internal sealed class CuteFtpGrammar
{
    /// <summary><c>[9/8/2009 10:08:07 PM]</c>, or the year-first form of Chinese Windows (<c>[2009/9/8 22:08:07]</c>).</summary>
    private static readonly Parser<char, LogTimestamp> BracketedTimestamp =
        Char('[').Then(SkipWhitespaces)
            .Then(Try(Timestamps.UsDateTime).Or(Try(YearFirstDateTime())))
            .Before(SkipWhitespaces).Before(Char(']'));

    /// <summary>A timestamp and where the text after it starts.</summary>
    private static readonly Parser<char, (LogTimestamp Time, int End)> StampAndEnd =
        Map((time, end) => (time, end), BracketedTimestamp, CurrentOffset);

    /// <summary>A verb LogLens does not list (<c>XDUPE</c>-like client extensions), upper-cased like a known one.</summary>
    private static readonly Parser<char, CommandLine> OtherCommand =
        Map(
            (first, more, argument) => MakeCommand(first + more, argument),
            Token(char.IsAsciiLetter),
            Token(char.IsAsciiLetterOrDigit).ManyString().Assert(s => s.Length < 16, "a command verb"),
            Whitespace.SkipAtLeastOnce().Then(Rest).Optional().Before(End));

    /// <summary><c>host[:port] [(ip = address)]</c> after the connecting phrase; a masked port (<c>*</c>) gives no port.</summary>
    private static readonly Parser<char, MessageMeaning> ConnectTarget =
        Map(
            (host, port, address) => new MessageMeaning(ClientMessageKind.Connecting, host.TrimEnd('.'), port.HasValue ? port.Value : null, address.HasValue ? address.Value : null),
            SkipWhitespaces.Then(Token(c => c is not (':' or '(' or '（') && !char.IsWhiteSpace(c)).AtLeastOnceString()),
            Try(Char(':').Then(Token(c => char.IsAsciiDigit(c) || c == '*').AtLeastOnceString())).Select(p => ParsePort(p)).Optional(),
            Try(SkipWhitespaces.Then(OneOf('(', '（')).Then(SkipWhitespaces).Then(CIString("ip")).Then(SkipWhitespaces)
                    .Then(Char('=')).Then(SkipWhitespaces)
                    .Then(Token(c => c is not (')' or '）') && !char.IsWhiteSpace(c)).AtLeastOnceString()))
                .Optional());

    /// <summary>What may stand between a connect failure and its socket error: punctuation and spaces.</summary>
    private static readonly Parser<char, Unit> Separators =
        Token(c => char.IsWhiteSpace(c) || c is '.' or '。' or ',' or '，' or ':' or '：' or '!').SkipMany();

    /// <summary>The line prefixes, by their first character in either case.</summary>
    private readonly Dictionary<char, Parser<char, (PrefixKind Kind, int End)>[]> prefixes;

    /// <summary>The message rules, by the first character of their phrases in either case, each with the phrase's first word.</summary>
    private readonly Dictionary<char, (string Lead, Parser<char, MessageMeaning> Rule)[]> meanings;

    /// <summary>Builds the grammar of one language.</summary>
    /// <param name="words">The language's prefixes and phrases.</param>
    public CuteFtpGrammar(CuteFtpVocabulary words)
    {
        ArgumentNullException.ThrowIfNull(words);
        prefixes = ByFirstChar(
        [
            (words.StatusPrefix, Prefix(words.StatusPrefix, PrefixKind.Status)),
            (words.ErrorPrefix, Prefix(words.ErrorPrefix, PrefixKind.Error)),
            (words.CommandPrefix, Prefix(words.CommandPrefix, PrefixKind.Command)),
        ]);
        meanings = ByFirstChar(MessageRules(words).Select(r => (r.Word, (Lead(r.Word), r.Rule))));
    }

    /// <summary>Reads one line whose surrounding whitespace is already gone.</summary>
    /// <param name="line">The trimmed line.</param>
    /// <returns>
    /// The line's shape; <see langword="null"/> for a prefixed line whose body makes no sense (a
    /// command prefix without a command).
    /// </returns>
    public CuteFtpLine? Parse(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty)
        {
            return null;
        }

        if (ReadPrefix(line) is { } header)
        {
            var body = line[header.End..];
            var time = ReadStamp(ref body);
            if (header.Kind == PrefixKind.Command)
            {
                return ReadCommand(body) is { } command ? new CuteFtpCommandLine(time, command, line.Length - body.Length) : null;
            }

            var severity = header.Kind == PrefixKind.Error ? ClientMessageSeverity.Error : ClientMessageSeverity.Status;
            return new CuteFtpMessageLine(time, severity, Meaning(body), body.ToString());
        }

        var rest = line;
        var stamp = ReadStamp(ref rest);
        if (!rest.IsEmpty && char.IsAsciiDigit(rest[0]) && ProtocolLines.Reply.Parse(rest) is { Success: true } reply)
        {
            return new CuteFtpReplyLine(stamp, reply.Value);
        }

        return new CuteFtpPlainLine(stamp);
    }

    /// <summary>Which prefix a line starts with, and where it ends.</summary>
    private (PrefixKind Kind, int End)? ReadPrefix(ReadOnlySpan<char> line)
    {
        if (prefixes.TryGetValue(line[0], out var candidates))
        {
            foreach (var prefix in candidates)
            {
                if (prefix.Parse(line) is { Success: true } header)
                {
                    return header.Value;
                }
            }
        }

        return null;
    }

    /// <summary>Skips whitespace and an optional <c>[timestamp]</c> with the whitespace after it.</summary>
    private static LogTimestamp? ReadStamp(ref ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        if (text.IsEmpty || text[0] != '[' || StampAndEnd.Parse(text) is not { Success: true } stamp)
        {
            return null;
        }

        text = text[stamp.Value.End..].TrimStart();
        return stamp.Value.Time;
    }

    /// <summary>A known command through the shared grammar, else any one-word verb.</summary>
    private static CommandLine? ReadCommand(ReadOnlySpan<char> body)
    {
        if (ProtocolLines.Command.Parse(body) is { Success: true } known)
        {
            return known.Value;
        }

        return OtherCommand.Parse(body) is { Success: true } other ? other.Value : null;
    }

    /// <summary>What a message means: the first rule whose phrase it starts with, else <see cref="ClientMessageKind.Other"/>.</summary>
    private MessageMeaning Meaning(ReadOnlySpan<char> message)
    {
        if (!message.IsEmpty && meanings.TryGetValue(message[0], out var rules))
        {
            foreach (var (lead, rule) in rules)
            {
                if (message.StartsWith(lead, StringComparison.OrdinalIgnoreCase) && rule.Parse(message) is { Success: true } meaning)
                {
                    return meaning.Value;
                }
            }
        }

        return new MessageMeaning(ClientMessageKind.Other);
    }

    /// <summary>Groups items by the first character of their word, in either case, keeping their order.</summary>
    private static Dictionary<char, T[]> ByFirstChar<T>(IEnumerable<(string Word, T Item)> items) =>
        items
            .SelectMany(i => new[] { char.ToLowerInvariant(i.Word[0]), char.ToUpperInvariant(i.Word[0]) }.Distinct(), (i, key) => (Key: key, i.Item))
            .GroupBy(i => i.Key, i => i.Item)
            .ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>
    /// One rule per phrase of the vocabulary, each with the word it starts with; a rule reads the
    /// phrase and the values after it, and fails on any other message.
    /// </summary>
    private static IEnumerable<(string Word, Parser<char, MessageMeaning> Rule)> MessageRules(CuteFtpVocabulary words)
    {
        foreach (var phrase in words.Connecting)
        {
            yield return (phrase, Phrase(phrase).Then(Try(ConnectTarget).Optional())
                .Select(t => t.HasValue ? t.Value : new MessageMeaning(ClientMessageKind.Connecting)));
        }

        var socketError = words.SocketError.Count == 0
            ? Return(default(Maybe<int>))
            : Try(OneOf(words.SocketError.Select(Phrase)).Then(SkipWhitespaces).Then(OneOf('=', '＝', ':', '：')).Then(SkipWhitespaces)
                .Then(Char('#').Optional()).Then(Primitives.Int)).Optional();
        foreach (var phrase in words.ConnectFailed)
        {
            yield return (phrase, Phrase(phrase).Then(Separators).Then(socketError)
                .Select(n => new MessageMeaning(ClientMessageKind.ConnectFailed, SocketError: n.HasValue ? n.Value : null)));
        }

        foreach (var phrase in words.Waiting)
        {
            yield return (phrase, Phrase(phrase).Then(SkipWhitespaces).Then(Primitives.Int)
                .Select(s => new MessageMeaning(ClientMessageKind.Waiting, Seconds: s)));
        }

        (IReadOnlyList<string> Phrases, ClientMessageKind Kind)[] simple =
        [
            (words.GettingListing, ClientMessageKind.GettingListing),
            (words.SocketConnected, ClientMessageKind.SocketConnected),
            (words.Authenticating, ClientMessageKind.Authenticating),
            (words.LoginSucceeded, ClientMessageKind.LoginSucceeded),
            (words.NotLoggedIn, ClientMessageKind.NotLoggedIn),
            (words.ControlConnectionClosed, ClientMessageKind.ControlConnectionClosed),
            (words.ConnectionClosed, ClientMessageKind.ConnectionClosed),
            (words.TimedOut, ClientMessageKind.TimedOut),
            (words.TransferComplete, ClientMessageKind.TransferComplete),
            (words.TransferFailed, ClientMessageKind.TransferFailed),
        ];
        foreach (var (phrases, kind) in simple)
        {
            foreach (var phrase in phrases)
            {
                yield return (phrase, Phrase(phrase).ThenReturn(new MessageMeaning(kind)));
            }
        }
    }

    /// <summary><c>WORD:&gt;</c>, also with a full-width colon or spaces around the colon; gives where the prefix ends.</summary>
    private static Parser<char, (PrefixKind Kind, int End)> Prefix(string word, PrefixKind kind) =>
        Phrase(word).Then(OptionalSpaces).Then(OneOf(':', '：')).Then(OptionalSpaces).Then(OneOf('>', '＞'))
            .Then(CurrentOffset).Select(end => (kind, end));

    /// <summary>The literal start of a phrase, up to its first space, full stop or apostrophe: a cheap test before parsing.</summary>
    private static string Lead(string phrase)
    {
        var end = phrase.AsSpan().IndexOfAny(" .。'’");
        return end < 0 ? phrase : phrase[..end];
    }

    /// <summary>
    /// A phrase, case-insensitive; a space in it matches any whitespace or none, <c>.</c> and
    /// <c>。</c> match each other (and the whitespace after them), <c>'</c> matches <c>’</c> too.
    /// </summary>
    private static Parser<char, Unit> Phrase(string phrase)
    {
        var parts = new List<Parser<char, Unit>>();
        var run = new StringBuilder();
        void Flush()
        {
            if (run.Length > 0)
            {
                parts.Add(CIString(run.ToString()).IgnoreResult());
                run.Clear();
            }
        }

        foreach (var c in phrase)
        {
            switch (c)
            {
                case ' ':
                    Flush();
                    parts.Add(SkipWhitespaces);
                    break;
                case '.' or '。':
                    Flush();
                    parts.Add(OneOf('.', '。').Then(SkipWhitespaces));
                    break;
                case '\'' or '’':
                    Flush();
                    parts.Add(OneOf('\'', '’').IgnoreResult());
                    break;
                default:
                    run.Append(c);
                    break;
            }
        }

        Flush();
        return Try(parts.Aggregate((a, b) => a.Then(b)));
    }

    /// <summary><c>2009/9/8 22:08:07</c> or <c>2009-9-8 22:08:07</c>: year first, 24-hour time.</summary>
    private static Parser<char, LogTimestamp> YearFirstDateTime() =>
        Digits(4).Then(OneOf('/', '-'), (year, separator) => (year, separator))
            .Then(
                sep => Map(
                    (month, day, time) => Timestamps.Make(sep.year, month, day, time),
                    UpToDigits(2).Before(Char(sep.separator)),
                    UpToDigits(2).Before(Spaces),
                    Timestamps.TimeOfDay))
            .Assert(t => t.HasValue, "a valid date")
            .Select(t => t!.Value);

    private static int? ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 ? port : null;

    private static CommandLine MakeCommand(string verb, Maybe<string> argument)
    {
        var upper = verb.ToUpperInvariant();
        var text = argument.HasValue ? argument.Value.Trim() : string.Empty;
        if (text.Length == 0)
        {
            return new CommandLine(upper, null);
        }

        return new CommandLine(upper, upper == "PASS" ? Redaction.Mark : text);
    }

    /// <summary>Which prefix a line has.</summary>
    private enum PrefixKind
    {
        Status,
        Error,
        Command,
    }
}
