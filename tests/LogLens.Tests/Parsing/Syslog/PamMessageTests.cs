using LogLens.Parsing.Syslog;

namespace LogLens.Tests.Parsing.Syslog;

public class PamMessageTests
{
    [Theory]
    [InlineData(null, "pam_unix(wu-ftpd:auth): authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=198.51.100.71  user=root", "root", "198.51.100.71")]
    [InlineData(null, "(pam_unix) authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=203.0.113.9  user=mark", "mark", "203.0.113.9")]
    [InlineData(null, "(pam_unix) authentication failure; logname= uid=0 euid=0 tty=pure-ftpd ruser=carol rhost=192.0.2.1 ", "carol", "192.0.2.1")]
    [InlineData(null, "pam_unix: authentication failure; logname= uid=0 euid=0 tty=ftp ruser=dave rhost=client.example.net", "dave", "client.example.net")]
    [InlineData("pam_unix", "authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=192.0.2.3 user=erin", "erin", "192.0.2.3")]
    [InlineData(null, "pam_unix(proftpd:auth): authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=", null, null)]
    public void An_authentication_failure_names_its_user_and_remote_host(string? facility, string message, string? user, string? host)
    {
        Assert.True(PamMessage.TryParse(facility, message, out var pam));

        Assert.True(pam.IsAuthFailure);
        Assert.Equal(user, pam.User);
        Assert.Equal(host, pam.RemoteHost);
    }

    [Theory]
    [InlineData("ruser=test rhost=192.0.2.151 rhost=192.0.2.1", "test rhost=192.0.2.151", "192.0.2.1")]
    [InlineData("ruser= rhost=192.0.2.2 user=test rhost=192.0.2.152", "test rhost=192.0.2.152", "192.0.2.2")]
    public void A_user_name_holding_rhost_does_not_move_the_remote_host(string fields, string user, string host)
    {
        Assert.True(PamMessage.TryParse(null, "pam_unix(ftp:auth): authentication failure; logname= uid=0 euid=0 tty=x " + fields, out var pam));

        Assert.Equal(user, pam.User);
        Assert.Equal(host, pam.RemoteHost);
    }

    [Theory]
    [InlineData("pam_unix(proftpd:session): session opened for user bob by (uid=0)")]
    [InlineData("pam_unix(wu-ftpd:auth): check pass; user unknown")]
    [InlineData("(pam_unix) session closed for user bob")]
    public void Other_pam_messages_are_pams_but_no_verdict(string message)
    {
        Assert.True(PamMessage.TryParse(null, message, out var pam));

        Assert.False(pam.IsAuthFailure);
        Assert.StartsWith("pam_", pam.Module);
    }

    [Theory]
    [InlineData("USER bob: Login successful.")]
    [InlineData("authentication failure; rhost=192.0.2.1")]
    [InlineData("(?@192.0.2.1) [INFO] New connection from 192.0.2.1")]
    public void Daemon_messages_are_not_pams(string message) =>
        Assert.False(PamMessage.TryParse(null, message, out _));
}
