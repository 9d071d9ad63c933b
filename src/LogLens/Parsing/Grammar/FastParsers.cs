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
                state.SetError(Maybe.Nothing<char>(), false, state.Location, $"text before '{delimiter}'");
                expecteds.Add(new Expected<char>($"text before '{delimiter}'"));
                result = string.Empty;
                return false;
            }

            result = rest[..length].ToString();
            state.Advance(length);
            return true;
        }
    }
}
