using LogLens.Analysis;
using LogLens.Parsing;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Syslog;

/// <summary>Runs lines through a format's parser and the session analyzer, sessions in order of their first line.</summary>
public static class SyslogSessions
{
    public static IReadOnlyList<FtpSession> Of(ILogFormat format, params string[] lines) =>
        new SessionAnalyzer("test.log", format.Name).Analyze(Lines.Parse(format, lines)).OrderBy(s => s.FirstLine).ToArray();
}
