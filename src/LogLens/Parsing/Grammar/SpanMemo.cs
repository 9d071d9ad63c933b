namespace LogLens.Parsing.Grammar;

/// <summary>Makes a value of a text, read in place.</summary>
/// <typeparam name="T">The value.</typeparam>
/// <param name="text">The text.</param>
/// <returns>The value.</returns>
internal delegate T SpanMaker<out T>(ReadOnlySpan<char> text);

/// <summary>
/// Remembers what was made of text a log repeats on line after line (a client address's normal form,
/// a reply text, a parsed reply), so that meeting the text again costs a lookup, not a new string or
/// another parse.
/// </summary>
/// <typeparam name="T">What is made of the text.</typeparam>
/// <remarks>
/// A fixed table of slots chosen by the text's hash; a slot holds the last text that hashed to it,
/// once it has been met twice: text met once (a path, a one-off command) is made and handed out but
/// not kept, so that it is not held long enough to cost the garbage collector. Lock-free and safe to
/// share between threads: a slot is one reference, written whole, and entries never change, so a
/// reader sees an old entry, a new one or none, and each is a correct answer (at worst a value is
/// made twice). Memory is bounded by the number of slots and the longest text kept.
/// </remarks>
internal class SpanMemo<T>
{
    // Slots are structs so that a slot's reference is taken without the type check a covariant array
    // of entries would need on every lookup.
    private readonly Slot[] slots;
    private readonly int[] lastMissed;
    private readonly int maxLength;
    private readonly SpanMaker<T> make;

    /// <summary>Creates a memo.</summary>
    /// <param name="slotsLog2">The table holds 2^<paramref name="slotsLog2"/> entries.</param>
    /// <param name="maxLength">Longer text is not kept (rarely repeated, and costly to compare).</param>
    /// <param name="make">Makes the value of a text; it must depend on nothing but the text, as its result is kept.</param>
    public SpanMemo(int slotsLog2, int maxLength, SpanMaker<T> make)
    {
        slots = new Slot[1 << slotsLog2];
        lastMissed = new int[1 << slotsLog2];
        this.maxLength = maxLength;
        this.make = make;
    }

    /// <summary>The value of <paramref name="text"/>: the one made last time, where the table still holds it.</summary>
    /// <param name="text">The text as read.</param>
    /// <returns>What the maker makes of the text.</returns>
    public T Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > maxLength)
        {
            return make(text);
        }

        var hash = string.GetHashCode(text);
        var index = hash & (slots.Length - 1);
        ref var slot = ref slots[index].Entry;
        var entry = Volatile.Read(ref slot);
        if (entry is not null && text.SequenceEqual(entry.Key))
        {
            return entry.Value;
        }

        var value = make(text);

        // Kept only when the slot missed this same text last time. The mark is a hint, written
        // without a lock: a race only keeps a text one sighting later or earlier.
        ref var missed = ref lastMissed[index];
        if (missed != hash)
        {
            missed = hash;
            return value;
        }

        Volatile.Write(ref slot, new Entry(KeyOf(text, value), value));
        return value;
    }

    /// <summary>The text as the key a kept entry compares with.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">What was made of it.</param>
    /// <returns>The key.</returns>
    private protected virtual string KeyOf(ReadOnlySpan<char> text, T value) => text.ToString();

    private sealed record Entry(string Key, T Value);

    private struct Slot
    {
        public Entry? Entry;
    }
}

/// <summary>Hands out one string for text a log repeats: a user name, a reply text, a command line.</summary>
internal sealed class StringPool : SpanMemo<string>
{
    /// <summary>Creates a pool.</summary>
    /// <param name="slotsLog2">The table holds 2^<paramref name="slotsLog2"/> strings.</param>
    /// <param name="maxLength">Longer text is not pooled.</param>
    public StringPool(int slotsLog2, int maxLength)
        : base(slotsLog2, maxLength, static text => text.ToString())
    {
    }

    /// <summary>A pool for short text any file repeats, shared by every parser.</summary>
    public static StringPool Shared { get; } = new(14, 160);

    /// <inheritdoc />
    private protected override string KeyOf(ReadOnlySpan<char> text, string value) => value;
}
