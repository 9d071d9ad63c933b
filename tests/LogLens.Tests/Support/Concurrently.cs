using System.Collections.Concurrent;

namespace LogLens.Tests.Support;

/// <summary>Runs the same work on several threads released at once, and gathers what each found wrong.</summary>
internal static class Concurrently
{
    /// <summary>Runs <paramref name="work"/> on <paramref name="threads"/> threads that start together.</summary>
    /// <param name="threads">How many threads.</param>
    /// <param name="work">The work of thread <c>t</c>, reporting each wrong result to the queue it is given.</param>
    /// <returns>Everything reported wrong, by any thread.</returns>
    public static IReadOnlyCollection<string> Run(int threads, Action<int, ConcurrentQueue<string>> work)
    {
        var wrong = new ConcurrentQueue<string>();
        using var start = new Barrier(threads);
        var running = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            work(t, wrong);
        })).ToArray();

        foreach (var thread in running)
        {
            thread.Start();
        }

        foreach (var thread in running)
        {
            thread.Join();
        }

        return wrong;
    }
}
