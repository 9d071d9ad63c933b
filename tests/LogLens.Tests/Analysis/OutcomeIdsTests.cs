using LogLens.Analysis;

namespace LogLens.Tests.Analysis;

/// <summary>The outcome and reason ids that JSON and CSV carry: the issue's names, stable and kebab-case.</summary>
public class OutcomeIdsTests
{
    [Theory]
    [InlineData(OutcomeKind.Succeeded, "succeeded")]
    [InlineData(OutcomeKind.ConnectFailed, "connect-failed")]
    [InlineData(OutcomeKind.AnonymousDenied, "anonymous-denied")]
    [InlineData(OutcomeKind.LoginFailed, "login-failed")]
    [InlineData(OutcomeKind.TooManyUsers, "too-many-users")]
    [InlineData(OutcomeKind.TooManyConnectionsFromIp, "too-many-connections-from-ip")]
    [InlineData(OutcomeKind.IpDenied, "ip-denied")]
    [InlineData(OutcomeKind.EncryptionRequired, "encryption-required")]
    [InlineData(OutcomeKind.EncryptionUnavailable, "encryption-unavailable")]
    [InlineData(OutcomeKind.ConnectionClosed, "connection-closed")]
    [InlineData(OutcomeKind.TransferFailed, "transfer-failed")]
    [InlineData(OutcomeKind.TimedOut, "timed-out")]
    [InlineData(OutcomeKind.Incomplete, "incomplete")]
    [InlineData(OutcomeKind.Unknown, "unknown")]
    public void Each_outcome_has_the_id_the_issue_names_and_reads_back_from_it(OutcomeKind kind, string id)
    {
        Assert.Equal(id, OutcomeIds.ToId(kind));
        Assert.True(OutcomeIds.TryParse(id, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.True(OutcomeIds.TryParse(id.ToUpperInvariant(), out parsed));
        Assert.Equal(kind, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("failed")]
    [InlineData("LoginFailed")]
    [InlineData(null)]
    public void An_unknown_id_is_not_an_outcome(string? id)
    {
        Assert.False(OutcomeIds.TryParse(id!, out _));
    }

    [Fact]
    public void Reason_ids_are_distinct_kebab_case_and_include_the_seeds_socket_errors()
    {
        Assert.Equal(OutcomeReasons.All.Count, OutcomeReasons.All.Distinct().Count());
        Assert.All(OutcomeReasons.All, r => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", r));
        Assert.Contains("socket-10060", OutcomeReasons.All);
        Assert.Contains("socket-10061", OutcomeReasons.All);
    }

    [Fact]
    public void Every_reason_constant_is_one_a_rule_gives()
    {
        // All is read from the rule table: a constant no row gives would be a reason never given.
        var constants = typeof(OutcomeReasons).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.Subset(OutcomeReasons.All.ToHashSet(), constants.ToHashSet());
        Assert.Equal(OutcomeReasons.All.Distinct().Count(), OutcomeReasons.All.Count);
    }
}
