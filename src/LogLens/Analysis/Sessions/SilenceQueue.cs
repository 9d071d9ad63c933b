using LogLens.Events;

namespace LogLens.Analysis;

/// <summary>
/// Sessions by when they fall silent for good, judged on log time: the one mechanism by which the
/// session stage closes a silent session and a format's stitching lets go of a silent connection, so
/// that the two always agree. Lazy: a session touched since it was queued goes back in with its new
/// deadline when it comes to the front, so a line costs nothing but a look at the front.
/// </summary>
/// <typeparam name="T">What is watched.</typeparam>
/// <param name="deadline">When an item falls silent for good (seconds of log time, see <see cref="Seconds"/>), or null when it is gone or has no time.</param>
/// <param name="expire">What to do with an item that has fallen silent.</param>
internal sealed class SilenceQueue<T>(Func<T, double?> deadline, Action<T> expire)
{
    private readonly PriorityQueue<T, double> queue = new();

    /// <summary>Seconds of log time, comparable within one file.</summary>
    /// <param name="time">A time.</param>
    /// <returns>Its seconds.</returns>
    public static double Seconds(LogTimestamp time) => time.Local.Ticks / (double)TimeSpan.TicksPerSecond;

    /// <summary>Starts watching an item (once: after that its deadline is asked again as it comes up).</summary>
    /// <param name="item">The item, which must have a time by now.</param>
    public void Watch(T item)
    {
        if (deadline(item) is { } due)
        {
            queue.Enqueue(item, due);
        }
    }

    /// <summary>Expires every watched item silent for good at <paramref name="now"/>.</summary>
    /// <param name="now">The time of the line being read.</param>
    public void Expire(LogTimestamp now)
    {
        var at = Seconds(now);
        while (queue.TryPeek(out var item, out var due) && due < at)
        {
            queue.Dequeue();
            if (deadline(item) is not { } actual)
            {
                continue;
            }

            if (actual < at)
            {
                expire(item);
            }
            else
            {
                queue.Enqueue(item, actual);
            }
        }
    }
}
