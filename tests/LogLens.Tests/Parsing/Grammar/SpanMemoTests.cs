using LogLens.Parsing.Grammar;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Grammar;

public class SpanMemoTests
{
    [Theory]
    [InlineData("alice")]
    [InlineData("230 Login successful.")]
    [InlineData("a")]
    [InlineData("exactly sixteen!")]
    public void A_pooled_string_equals_the_text_on_every_lookup(string text)
    {
        var pool = new StringPool(4, 16);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(text, pool.Get(Copy(text)));
        }
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("exactly sixteen!")]
    public void Text_met_a_second_time_is_kept_and_later_lookups_hand_out_that_same_string(string text)
    {
        var pool = new StringPool(4, 16);

        pool.Get(Copy(text));
        var second = pool.Get(Copy(text));
        var third = pool.Get(Copy(text));
        var fourth = pool.Get(Copy(text));

        Assert.Same(second, third);
        Assert.Same(second, fourth);
    }

    [Fact]
    public void The_maker_runs_for_the_first_two_sightings_only()
    {
        var made = 0;
        var memo = new SpanMemo<string>(4, 32, text =>
        {
            Interlocked.Increment(ref made);
            return text.ToString().ToUpperInvariant();
        });

        var values = Enumerable.Range(0, 5).Select(_ => memo.Get(Copy("retr /pub/a.iso"))).ToArray();

        Assert.All(values, v => Assert.Equal("RETR /PUB/A.ISO", v));
        Assert.Equal(2, made);
        Assert.Same(values[1], values[4]);
    }

    [Theory]
    [InlineData("seventeen chars!!")]
    [InlineData("a reply text much longer than the pool keeps")]
    public void Text_longer_than_the_limit_is_returned_whole_but_not_pooled(string text)
    {
        var pool = new StringPool(4, 16);

        var values = Enumerable.Range(0, 3).Select(_ => pool.Get(Copy(text))).ToArray();

        Assert.All(values, v => Assert.Equal(text, v));
        Assert.NotSame(values[1], values[2]);
    }

    [Fact]
    public void Text_longer_than_the_limit_is_made_on_every_lookup()
    {
        var made = 0;
        var memo = new SpanMemo<int>(4, 4, text =>
        {
            made++;
            return text.Length;
        });

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(5, memo.Get("12345"));
        }

        Assert.Equal(3, made);
    }

    [Fact]
    public void Empty_text_gives_what_the_maker_makes_of_empty_text()
    {
        var pool = new StringPool(4, 16);
        var memo = new SpanMemo<string>(4, 16, text => $"<{text.ToString()}>");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(string.Empty, pool.Get(ReadOnlySpan<char>.Empty));
            Assert.Equal("<>", memo.Get(ReadOnlySpan<char>.Empty));
        }
    }

    [Fact]
    public void Texts_that_share_one_slot_each_keep_their_own_value()
    {
        // A table of one slot: every text collides with every other.
        var memo = new SpanMemo<string>(0, 32, text => text.ToString().ToUpperInvariant());
        string[] sequence = ["user bob", "user bob", "user bob", "pwd", "user bob", "pwd", "pwd", "pwd", "user bob", "cwd /", "pwd"];

        foreach (var text in sequence)
        {
            Assert.Equal(text.ToUpperInvariant(), memo.Get(Copy(text)));
        }
    }

    [Fact]
    public void Many_threads_looking_up_the_same_few_texts_always_get_their_values()
    {
        // Fewer slots than texts, so that threads keep replacing each other's entries.
        var memo = new SpanMemo<string>(2, 64, text => "made:" + text.ToString());
        var pool = new StringPool(2, 64);
        var keys = Enumerable.Range(0, 12).Select(i => $"client-{i}.example").ToArray();
        var wrong = Concurrently.Run(8, (t, wrong) =>
        {
            var random = new Random(t);
            for (var i = 0; i < 50_000; i++)
            {
                var key = keys[random.Next(keys.Length)];
                var span = key.AsSpan();
                if (memo.Get(span) != "made:" + key || pool.Get(span) != key)
                {
                    wrong.Enqueue($"thread {t}: '{key}'");
                }
            }
        });

        Assert.Empty(wrong);
    }

    // A fresh copy, so that an equal string is never the same instance by accident.
    private static ReadOnlySpan<char> Copy(string text) => text.ToCharArray();
}
