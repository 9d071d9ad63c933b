namespace LogLens.Analysis;

/// <summary>
/// A map that remembers only its most recent <see cref="Capacity"/> keys, forgetting the oldest
/// first: what the analyzer needs to know about sessions that ended (their ids, that they closed)
/// without its memory growing with the length of the log.
/// </summary>
/// <typeparam name="TValue">What is remembered per key.</typeparam>
internal sealed class RecentKeys<TValue>(int capacity)
{
    private readonly Dictionary<string, TValue> values = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();

    public int Capacity { get; } = capacity;

    public bool TryGetValue(string key, out TValue value) => values.TryGetValue(key, out value!);

    public void Set(string key, TValue value)
    {
        if (!values.ContainsKey(key))
        {
            order.Enqueue(key);
            if (order.Count > Capacity)
            {
                values.Remove(order.Dequeue());
            }
        }

        values[key] = value;
    }
}
