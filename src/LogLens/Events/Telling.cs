namespace LogLens.Events;

/// <summary>
/// What a line tells about a session, so that two lines telling the same thing are counted once (by
/// the session stage, see <c>OpenSession</c>): a verdict (<c>fail</c>, <c>connect</c>…), who tells it
/// (<c>pam</c>, <c>daemon</c>, <c>wrapper</c>…), and the user it is about. A server often tells one thing
/// twice, in two voices: PAM's <c>authentication failure</c> and the daemon's failed-login line, tcpd's
/// <c>connect from</c> and the daemon's connect line.
/// </summary>
/// <param name="Verdict">What happened.</param>
/// <param name="Source">Which part of the system wrote the line.</param>
/// <param name="User">The user, when the line names one.</param>
internal readonly record struct Telling(string Verdict, string Source, string? User = null);
