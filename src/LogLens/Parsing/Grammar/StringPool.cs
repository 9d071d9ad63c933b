namespace LogLens.Parsing.Grammar;

/// <summary>
/// Hands out one string for text a log repeats on line after line (client addresses, user names,
/// reply texts, command verbs), so that reading a field costs a lookup rather than a new string.
/// </summary>
/// <remarks>
/// A fixed table of slots chosen by the text's hash; a slot holds the last text that hashed to it.
/// Lock-free and safe to share between threads: a slot is one reference, written whole, and
/// entries never change, so a reader sees an old entry, a new one or none, and each is a correct
/// answer (at worst a string is made twice). Memory is bounded by the number of slots.
/// </remarks>
internal sealed class StringPool
{
    private readonly Entry?[] slots;
    private readonly int maxLength;
    private readonly Func<string, string>? make;

    /// <summary>Creates a pool.</summary>
    /// <param name="slotsLog2">The table holds 2^<paramref name="slotsLog2"/> entries.</param>
    /// <param name="maxLength">Longer text is not pooled (rarely repeated, and costly to compare).</param>
    /// <param name="make">
    /// Makes the value handed out for a text (an address's normal form), or null for the text itself;
    /// it must depend on nothing but the text, as its result is kept.
    /// </param>
    public StringPool(int slotsLog2 = 12, int maxLength = 160, Func<string, string>? make = null)
    {
        slots = new Entry?[1 << slotsLog2];
        this.maxLength = maxLength;
        this.make = make;
    }

    /// <summary>A pool for short text any file repeats (verbs, reply texts, user names), shared by every parser.</summary>
    public static StringPool Shared { get; } = new(14);

    /// <summary>The value for <paramref name="text"/>: the same instance as last time, where the pool still holds it.</summary>
    /// <param name="text">The text as read.</param>
    /// <returns>The text as a string, or what the pool's maker makes of it.</returns>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > maxLength)
        {
            return Make(text.ToString());
        }

        ref var slot = ref slots[string.GetHashCode(text) & (slots.Length - 1)];
        var entry = Volatile.Read(ref slot);
        if (entry is not null && text.SequenceEqual(entry.Key))
        {
            return entry.Value;
        }

        var key = text.ToString();
        entry = new Entry(key, Make(key));
        Volatile.Write(ref slot, entry);
        return entry.Value;
    }

    private string Make(string text) => make is null ? text : make(text);

    private sealed record Entry(string Key, string Value);
}
