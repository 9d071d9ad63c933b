using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Grammar;

/// <summary>The smallest shared pieces of every line grammar: numbers, spaces, the rest of a line.</summary>
internal static class Primitives
{
    /// <summary>One or more spaces or tabs.</summary>
    public static readonly Parser<char, Unit> Spaces = FastParsers.Blanks(1);

    /// <summary>Zero or more spaces or tabs.</summary>
    public static readonly Parser<char, Unit> OptionalSpaces = FastParsers.Blanks(0);

    /// <summary>An unsigned decimal number that fits an <see cref="int"/>.</summary>
    public static readonly Parser<char, int> Int = FastParsers.Int(1, 9, whole: true);

    /// <summary>An unsigned decimal number that fits a <see cref="long"/>.</summary>
    public static readonly Parser<char, long> Long = FastParsers.Number(1, 18, whole: true);

    /// <summary>Everything up to the end of the line (possibly nothing).</summary>
    public static readonly Parser<char, string> Rest = FastParsers.RestOfLine;

    /// <summary>Exactly <paramref name="count"/> decimal digits as a number.</summary>
    /// <param name="count">How many digits.</param>
    /// <returns>The parser.</returns>
    public static Parser<char, int> Digits(int count) => FastParsers.Int(count, count);

    /// <summary>One to <paramref name="max"/> decimal digits as a number.</summary>
    /// <param name="max">The most digits allowed.</param>
    /// <returns>The parser.</returns>
    public static Parser<char, int> UpToDigits(int max) => FastParsers.Int(1, max, whole: true);

    /// <summary>Case-insensitive literal text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The parser.</returns>
    public static Parser<char, string> Word(string text) => Try(CIString(text));
}
