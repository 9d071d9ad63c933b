using Pidgin;

namespace LogLens.Parsing.Grammar;

/// <summary>
/// Primitive parsers that look at the input as a span and jump with <c>IndexOf</c>, where
/// <c>Any.ManyString()</c> would step one character at a time. Pidgin's cost is per character;
/// these keep the common per-line pieces (the rest of a line, a field up to a delimiter) cheap.
/// </summary>
internal static class FastParsers
{
    /// <summary>Everything up to the end of the input (possibly nothing), as one string.</summary>
    public static readonly Parser<char, string> RestOfLine = new RestParser();

    /// <summary>One or more characters up to (not including) <paramref name="delimiter"/> or the end of input.</summary>
    /// <param name="delimiter">The character that ends the field.</param>
    /// <returns>The parser.</returns>
    public static Parser<char, string> Until(char delimiter) => new UntilParser(delimiter);

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> ASCII digits as a number, without allocating.</summary>
    /// <param name="min">The fewest digits.</param>
    /// <param name="max">The most digits (at most 18).</param>
    /// <param name="whole">
    /// Whether the number must end there: a digit after <paramref name="max"/> digits fails the parse
    /// (what <c>.Before(Not(Digit))</c> says, without a failing parse on every number read).
    /// </param>
    /// <returns>The parser.</returns>
    public static Parser<char, long> Number(int min, int max, bool whole = false) => new NumberParser(min, max, whole);

    /// <summary>Like <see cref="Number"/>, as an <see cref="int"/> (at most 9 digits), without a mapping step.</summary>
    /// <param name="min">The fewest digits.</param>
    /// <param name="max">The most digits (at most 9).</param>
    /// <param name="whole">Whether a digit after <paramref name="max"/> digits fails the parse.</param>
    /// <returns>The parser.</returns>
    public static Parser<char, int> Int(int min, int max, bool whole = false) => new IntParser(new NumberParser(min, Math.Min(max, 9), whole));

    /// <summary>
    /// <paramref name="inner"/> between two literal texts (<c>[pid 123]</c>, <c>Client "192.0.2.1"</c>), in one
    /// step where <c>String(a).Then(inner).Before(String(b))</c> takes five.
    /// </summary>
    /// <typeparam name="T">What <paramref name="inner"/> reads.</typeparam>
    /// <param name="open">The text before.</param>
    /// <param name="inner">What lies between.</param>
    /// <param name="close">The text after.</param>
    /// <returns>The parser.</returns>
    public static Parser<char, T> Enclosed<T>(string open, Parser<char, T> inner, string close) => new EnclosedParser<T>(open, inner, close);

    /// <summary>One of <paramref name="words"/> (compared ignoring ASCII case), as its index.</summary>
    /// <param name="words">Words of equal length.</param>
    /// <param name="label">What the words are, for error messages.</param>
    /// <returns>The parser.</returns>
    public static Parser<char, int> OneOfWords(string[] words, string label) => new WordsParser(words, label);

    /// <summary>
    /// Zero or more (<paramref name="min"/> = 0) or one or more characters up to (not including) the
    /// first of <paramref name="delimiters"/> or the end of input, found with one vectorized search.
    /// </summary>
    /// <param name="delimiters">The characters that end the field.</param>
    /// <param name="min">The fewest characters accepted.</param>
    /// <returns>The parser.</returns>
    public static Parser<char, string> UntilAny(string delimiters, int min = 1) => new UntilAnyParser(delimiters, min);

    /// <summary>Skips spaces and tabs: at least <paramref name="min"/> of them.</summary>
    /// <param name="min">0 for optional blanks, 1 for a required separator.</param>
    /// <returns>The parser.</returns>
    public static Parser<char, Unit> Blanks(int min) => new BlanksParser(min);

    /// <summary><c>H:mm:ss</c> or <c>HH:mm:ss</c>, with an optional fraction after <paramref name="fractionMarks"/>, read in one step.</summary>
    /// <param name="fractionMarks">The characters that may introduce a fraction (<c>.</c>, or <c>.</c> and <c>,</c>).</param>
    /// <returns>The parser.</returns>
    public static Parser<char, TimeSpan> TimeOfDay(string fractionMarks) => new TimeOfDayParser(fractionMarks);

    /// <summary>
    /// Chooses one parser by the literal text the input starts with (ordinal, or ignoring case), and
    /// runs only that one: no alternative is tried and failed, which is what makes Pidgin's
    /// <c>OneOf(Try(…), Try(…))</c> slow on a line that matches the last of many.
    /// </summary>
    /// <typeparam name="T">The result.</typeparam>
    /// <param name="ignoreCase">Whether prefixes compare ignoring case.</param>
    /// <param name="choices">Prefixes and the parser each one selects; the prefix is not consumed. Longer prefixes should come first.</param>
    /// <returns>The parser.</returns>
    public static Parser<char, T> Dispatch<T>(bool ignoreCase, params (string Prefix, Parser<char, T> Parser)[] choices) =>
        new DispatchParser<T>(choices, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>
    /// One of a set of literal words, chosen by the input's first character and then the longest word
    /// that matches; the word is consumed and its value returned. One step where
    /// <c>OneOf(Try(String(a).ThenReturn(x)), …)</c> would try and fail word after word.
    /// </summary>
    /// <typeparam name="T">The words' values.</typeparam>
    /// <param name="words">The words and what each stands for.</param>
    /// <returns>The parser.</returns>
    public static Parser<char, T> Keywords<T>(params (string Word, T Value)[] words) => new KeywordsParser<T>(words);

    /// <summary>Records a failure at the current position: what was expected there.</summary>
    /// <param name="state">The parse state.</param>
    /// <param name="expecteds">Where expectations are collected.</param>
    /// <param name="label">What was expected.</param>
    internal static void Fail(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, string label)
    {
        state.SetError(Maybe.Nothing<char>(), false, state.Location, label);
        expecteds.Add(new Expected<char>(label));
    }

    private sealed class NumberParser(int min, int max, bool whole) : Parser<char, long>
    {
        private readonly string label = min == max ? $"{min} digits" : $"{min} to {max} digits";

        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out long result)
        {
            var i = 0;
            if (!TryReadNumber(state.LookAhead(whole ? max + 1 : max), ref i, min, max, whole, out result))
            {
                Fail(ref state, ref expecteds, label);
                return false;
            }

            state.Advance(i);
            return true;
        }
    }

    private sealed class IntParser(NumberParser number) : Parser<char, int>
    {
        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out int result)
        {
            var success = number.TryParse(ref state, ref expecteds, out var value);
            result = (int)value;
            return success;
        }
    }

    private sealed class EnclosedParser<T>(string open, Parser<char, T> inner, string close) : Parser<char, T>
    {
        private readonly string openLabel = $"'{open}'";
        private readonly string closeLabel = $"'{close}'";

        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out T result)
        {
            result = default!;
            if (!state.LookAhead(open.Length).SequenceEqual(open))
            {
                Fail(ref state, ref expecteds, openLabel);
                return false;
            }

            state.Advance(open.Length);
            if (!inner.TryParse(ref state, ref expecteds, out var value))
            {
                return false;
            }

            if (!state.LookAhead(close.Length).SequenceEqual(close))
            {
                Fail(ref state, ref expecteds, closeLabel);
                return false;
            }

            state.Advance(close.Length);
            result = value;
            return true;
        }
    }

    private sealed class WordsParser(string[] words, string label) : Parser<char, int>
    {
        private readonly int length = words[0].Length;

        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out int result)
        {
            var ahead = state.LookAhead(length);
            result = ahead.Length == length ? IndexOfWord(words, ahead) : -1;
            if (result < 0)
            {
                Fail(ref state, ref expecteds, label);
                return false;
            }

            state.Advance(length);
            return true;
        }
    }

    private sealed class UntilAnyParser(string delimiters, int min) : Parser<char, string>
    {
        private readonly System.Buffers.SearchValues<char> stops = System.Buffers.SearchValues.Create(delimiters);

        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string result)
        {
            var rest = state.LookAhead(int.MaxValue);
            var at = rest.IndexOfAny(stops);
            var length = at < 0 ? rest.Length : at;
            if (length < min)
            {
                Fail(ref state, ref expecteds, "text");
                result = string.Empty;
                return false;
            }

            result = length == 0 ? string.Empty : rest[..length].ToString();
            state.Advance(length);
            return true;
        }
    }

    private sealed class BlanksParser(int min) : Parser<char, Unit>
    {
        private const int Chunk = 32;

        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out Unit result)
        {
            result = Unit.Value;
            var count = 0;
            while (true)
            {
                var ahead = state.LookAhead(Chunk);
                var skipped = 0;
                SkipBlanks(ahead, ref skipped);
                state.Advance(skipped);
                count += skipped;
                if (skipped < Chunk)
                {
                    break;
                }
            }

            if (count < min)
            {
                Fail(ref state, ref expecteds, "a space");
                return false;
            }

            return true;
        }
    }

    /// <summary>
    /// Reads <paramref name="min"/> to <paramref name="max"/> ASCII digits at <paramref name="i"/> as a
    /// number and moves <paramref name="i"/> past them; with <paramref name="whole"/>, a digit after
    /// <paramref name="max"/> of them fails the read.
    /// </summary>
    /// <param name="s">The text.</param>
    /// <param name="i">Where the number starts; where it ended, on success.</param>
    /// <param name="min">The fewest digits.</param>
    /// <param name="max">The most digits (at most 18).</param>
    /// <param name="whole">Whether the number must end after at most <paramref name="max"/> digits.</param>
    /// <param name="value">The number.</param>
    /// <returns>Whether a number is there.</returns>
    internal static bool TryReadNumber(ReadOnlySpan<char> s, ref int i, int min, int max, bool whole, out long value)
    {
        value = 0;
        var at = i;
        while (at < s.Length && at - i < max && char.IsAsciiDigit(s[at]))
        {
            value = (value * 10) + (s[at] - '0');
            at++;
        }

        if (at - i < min || (whole && at < s.Length && char.IsAsciiDigit(s[at])))
        {
            value = 0;
            return false;
        }

        i = at;
        return true;
    }

    /// <summary>Skips spaces and tabs at <paramref name="i"/>.</summary>
    /// <param name="s">The text.</param>
    /// <param name="i">Where to start; moved past the blanks.</param>
    /// <returns>Whether there was at least one.</returns>
    internal static bool SkipBlanks(ReadOnlySpan<char> s, ref int i)
    {
        var start = i;
        while (i < s.Length && s[i] is ' ' or '\t')
        {
            i++;
        }

        return i > start;
    }

    /// <summary>Which of <paramref name="words"/> the text is, ignoring ASCII case, or -1.</summary>
    /// <param name="words">The words.</param>
    /// <param name="text">The text.</param>
    /// <returns>The word's index, or -1.</returns>
    internal static int IndexOfWord(string[] words, ReadOnlySpan<char> text)
    {
        for (var w = 0; w < words.Length; w++)
        {
            if (text.Equals(words[w], StringComparison.OrdinalIgnoreCase))
            {
                return w;
            }
        }

        return -1;
    }

    /// <summary>
    /// Reads <c>H:mm:ss</c> or <c>HH:mm:ss</c> at <paramref name="i"/>, with an optional fraction after
    /// one of <paramref name="fractionMarks"/>, and moves <paramref name="i"/> past it.
    /// </summary>
    /// <param name="s">The text.</param>
    /// <param name="i">Where the time starts; where it ended, on success.</param>
    /// <param name="fractionMarks">The characters that may introduce a fraction.</param>
    /// <param name="time">The time of day.</param>
    /// <returns>Whether a valid time of day is there.</returns>
    internal static bool TryReadTimeOfDay(ReadOnlySpan<char> s, ref int i, string fractionMarks, out TimeSpan time)
    {
        time = default;
        var at = i;
        if (!TryReadNumber(s, ref at, 1, 2, whole: false, out var hours) || !Colon(s, ref at)
            || !TryReadNumber(s, ref at, 2, 2, whole: false, out var minutes) || !Colon(s, ref at)
            || !TryReadNumber(s, ref at, 2, 2, whole: false, out var seconds)
            || hours > 23 || minutes > 59 || seconds > 59)
        {
            return false;
        }

        long ticks = 0;
        if (at + 1 < s.Length && fractionMarks.Contains(s[at]) && char.IsAsciiDigit(s[at + 1]))
        {
            at++;
            var scale = TimeSpan.TicksPerSecond / 10;
            while (at < s.Length && char.IsAsciiDigit(s[at]))
            {
                ticks += (s[at] - '0') * scale;
                scale /= 10;
                at++;
            }
        }

        i = at;
        time = new TimeSpan(((((hours * 60L) + minutes) * 60) + seconds) * TimeSpan.TicksPerSecond + ticks);
        return true;
    }

    private static bool Colon(ReadOnlySpan<char> s, ref int i)
    {
        if (i < s.Length && s[i] == ':')
        {
            i++;
            return true;
        }

        return false;
    }

    private sealed class TimeOfDayParser(string fractionMarks) : Parser<char, TimeSpan>
    {
        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out TimeSpan result)
        {
            var ahead = state.LookAhead(32);
            var i = 0;
            if (!TryReadTimeOfDay(ahead, ref i, fractionMarks, out result))
            {
                Fail(ref state, ref expecteds, "a time of day");
                return false;
            }

            state.Advance(i);
            return true;
        }
    }

    private sealed class DispatchParser<T>((string Prefix, Parser<char, T> Parser)[] choices, StringComparison comparison) : Parser<char, T>
    {
        private readonly int longest = choices.Max(c => c.Prefix.Length);
        private readonly string label = "one of " + string.Join(", ", choices.Select(c => $"'{c.Prefix}'"));

        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out T result)
        {
            var ahead = state.LookAhead(longest);
            foreach (var (prefix, parser) in choices)
            {
                if (ahead.StartsWith(prefix, comparison))
                {
                    return parser.TryParse(ref state, ref expecteds, out result!);
                }
            }

            Fail(ref state, ref expecteds, label);
            result = default!;
            return false;
        }
    }

    private sealed class KeywordsParser<T> : Parser<char, T>
    {
        private readonly Dictionary<char, (string Word, T Value)[]> byFirst;
        private readonly int longest;
        private readonly string label;

        public KeywordsParser((string Word, T Value)[] words)
        {
            byFirst = words.GroupBy(w => w.Word[0])
                .ToDictionary(g => g.Key, g => g.OrderByDescending(w => w.Word.Length).ToArray());
            longest = words.Max(w => w.Word.Length);
            label = "one of " + string.Join(", ", words.Select(w => $"'{w.Word}'"));
        }

        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out T result)
        {
            var ahead = state.LookAhead(longest);
            if (!ahead.IsEmpty && byFirst.TryGetValue(ahead[0], out var candidates))
            {
                foreach (var (word, value) in candidates)
                {
                    if (ahead.StartsWith(word, StringComparison.Ordinal))
                    {
                        state.Advance(word.Length);
                        result = value;
                        return true;
                    }
                }
            }

            Fail(ref state, ref expecteds, label);
            result = default!;
            return false;
        }
    }

    private sealed class RestParser : Parser<char, string>
    {
        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string result)
        {
            var rest = state.LookAhead(int.MaxValue);
            result = rest.Length == 0 ? string.Empty : rest.ToString();
            state.Advance(rest.Length);
            return true;
        }
    }

    private sealed class UntilParser(char delimiter) : Parser<char, string>
    {
        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string result)
        {
            var rest = state.LookAhead(int.MaxValue);
            var at = rest.IndexOf(delimiter);
            var length = at < 0 ? rest.Length : at;
            if (length == 0)
            {
                Fail(ref state, ref expecteds, $"text before '{delimiter}'");
                result = string.Empty;
                return false;
            }

            result = rest[..length].ToString();
            state.Advance(length);
            return true;
        }
    }
}
