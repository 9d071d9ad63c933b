using LogLens.Parsing.Grammar;
using Pidgin;

namespace LogLens.Tests.Parsing.Grammar;

public class FastParsersTests
{
    // Keywords that share a prefix, given shortest first and longest first: the order must not matter.
    private static readonly Parser<char, int> ShortFirst = FastParsers.Keywords(("OK ", 1), ("OK LOGIN: ", 2), ("FAIL ", 3), ("FAIL LOGIN: ", 4));
    private static readonly Parser<char, int> LongFirst = FastParsers.Keywords(("FAIL LOGIN: ", 4), ("OK LOGIN: ", 2), ("FAIL ", 3), ("OK ", 1));

    [Theory]
    [InlineData("0", 0, "")]
    [InlineData("7", 7, "")]
    [InlineData("007", 7, "")]
    [InlineData("123456789", 123456789, "")]
    [InlineData("999999999", 999999999, "")]
    [InlineData("123456789a", 123456789, "a")]
    [InlineData("42 bytes", 42, " bytes")]
    [InlineData("15019]", 15019, "]")]
    [InlineData("12a4567890", 12, "a4567890")]
    [InlineData("1234567890", null, null)]
    [InlineData("12345678901", null, null)]
    [InlineData("", null, null)]
    [InlineData("a1", null, null)]
    [InlineData("-1", null, null)]
    [InlineData(" 1", null, null)]
    public void Int_reads_up_to_nine_digits_and_fails_on_a_tenth(string text, int? value, string? rest)
    {
        AssertReads(Primitives.Int, text, value, rest);
    }

    [Theory]
    [InlineData("1048576", 1048576L, "")]
    [InlineData("999999999999999999", 999999999999999999L, "")]
    [InlineData("123456789012345678 bytes", 123456789012345678L, " bytes")]
    [InlineData("4294967296x", 4294967296L, "x")]
    [InlineData("1000000000000000000", null, null)]
    [InlineData("bytes", null, null)]
    public void Long_reads_up_to_eighteen_digits_and_fails_on_a_nineteenth(string text, long? value, string? rest)
    {
        AssertReads(Primitives.Long, text, value, rest);
    }

    [Theory]
    [InlineData("12", 12, "")]
    [InlineData("12a", 12, "a")]
    [InlineData("7", 7, "")]
    [InlineData("7:05", 7, ":05")]
    [InlineData("09/", 9, "/")]
    [InlineData("123", null, null)]
    [InlineData("1234", null, null)]
    [InlineData("", null, null)]
    [InlineData("a", null, null)]
    public void UpToDigits_reads_one_or_two_digits_but_not_a_longer_number(string text, int? value, string? rest)
    {
        AssertReads(Primitives.UpToDigits(2), text, value, rest);
    }

    [Theory]
    [InlineData("OK LOGIN: Client", 2, "Client")]
    [InlineData("FAIL LOGIN: Client", 4, "Client")]
    [InlineData("OK LOGOUT", 1, "LOGOUT")]
    [InlineData("OK LOGIN:", 1, "LOGIN:")]
    [InlineData("OK ", 1, "")]
    [InlineData("FAIL UPLOAD: x", 3, "UPLOAD: x")]
    public void The_longest_keyword_that_matches_is_consumed(string text, int value, string rest)
    {
        AssertReads(ShortFirst, text, (int?)value, rest);
        AssertReads(LongFirst, text, (int?)value, rest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("X")]
    [InlineData("XOK ")]
    [InlineData("OK")]
    [InlineData("OKAY")]
    [InlineData("ok login: ")]
    [InlineData(" OK ")]
    [InlineData("FAI")]
    public void Text_that_starts_with_no_keyword_fails(string text)
    {
        Assert.False(ShortFirst.Parse(text).Success);
        Assert.False(LongFirst.Parse(text).Success);
    }

    [Theory]
    [InlineData("OKAY")]
    [InlineData("OK")]
    public void A_failed_keyword_leaves_the_input_to_the_next_alternative(string text)
    {
        var parser = ShortFirst.Or(Parser.String(text).ThenReturn(9));

        Assert.Equal(9, parser.Parse(text).Value);
    }

    private static void AssertReads<T>(Parser<char, T> parser, string text, T? value, string? rest)
        where T : struct
    {
        var result = Parser.Map((v, r) => (Value: v, After: r), parser, FastParsers.RestOfLine).Parse(text);
        if (value is null)
        {
            Assert.False(result.Success, $"'{text}' should not parse");
            return;
        }

        Assert.True(result.Success, $"'{text}' should parse");
        Assert.Equal(value.Value, result.Value.Value);
        Assert.Equal(rest, result.Value.After);
    }
}
