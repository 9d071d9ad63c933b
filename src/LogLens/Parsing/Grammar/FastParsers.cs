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
    /// <returns>The parser.</returns>
    public static Parser<char, long> Number(int min, int max) => new NumberParser(min, max);

    /// <summary>One of <paramref name="words"/> (compared ignoring ASCII case), as its index.</summary>
    /// <param name="words">Words of equal length.</param>
    /// <param name="label">What the words are, for error messages.</param>
    /// <returns>The parser.</returns>
    public static Parser<char, int> OneOfWords(string[] words, string label) => new WordsParser(words, label);

    private static void Fail(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, string label)
    {
        state.SetError(Maybe.Nothing<char>(), false, state.Location, label);
        expecteds.Add(new Expected<char>(label));
    }

    private sealed class NumberParser(int min, int max) : Parser<char, long>
    {
        private readonly string label = min == max ? $"{min} digits" : $"{min} to {max} digits";

        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out long result)
        {
            var ahead = state.LookAhead(max);
            var count = 0;
            long value = 0;
            while (count < ahead.Length && char.IsAsciiDigit(ahead[count]))
            {
                value = (value * 10) + (ahead[count] - '0');
                count++;
            }

            if (count < min)
            {
                Fail(ref state, ref expecteds, label);
                result = 0;
                return false;
            }

            state.Advance(count);
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
            if (ahead.Length == length)
            {
                for (var i = 0; i < words.Length; i++)
                {
                    if (ahead.Equals(words[i], StringComparison.OrdinalIgnoreCase))
                    {
                        state.Advance(length);
                        result = i;
                        return true;
                    }
                }
            }

            Fail(ref state, ref expecteds, label);
            result = -1;
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
