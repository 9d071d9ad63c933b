using LogLens.Analysis;
using LogLens.Ftp;
using LogLens.Localization;
using LogLens.Tests.Localization;

namespace LogLens.Tests.Ftp;

public class ReplyCodesTests
{
    // The seed guide's table of reply codes, its Chinese meanings word for word (110 is not in it; RFC 959's is added).
    [Theory]
    [InlineData(110, "重新启动标记应答")]
    [InlineData(120, "服务在nnn分钟内准备好")]
    [InlineData(125, "数据连接已打开，准备传送")]
    [InlineData(150, "文件状态良好，打开数据连接")]
    [InlineData(200, "命令成功")]
    [InlineData(202, "命令未实现")]
    [InlineData(211, "系统状态或系统帮助响应")]
    [InlineData(212, "目录状态")]
    [InlineData(213, "文件状态")]
    [InlineData(214, "帮助信息，信息仅对人类用户有用")]
    [InlineData(215, "名字系统类型")]
    [InlineData(220, "对新用户服务准备好")]
    [InlineData(221, "服务关闭控制连接，可以退出登录")]
    [InlineData(225, "数据连接打开，无传输正在进行")]
    [InlineData(226, "关闭数据连接，请求的文件操作成功")]
    [InlineData(227, "进入被动模式")]
    [InlineData(230, "用户登录")]
    [InlineData(250, "请求的文件操作完成")]
    [InlineData(257, "创建\"PATHNAME\"")]
    [InlineData(331, "用户名正确，需要口令")]
    [InlineData(332, "登录时需要帐户信息")]
    [InlineData(350, "请求的文件操作需要进一步命令")]
    [InlineData(421, "连接用户过多")]
    [InlineData(425, "不能打开数据连接")]
    [InlineData(426, "关闭连接，中止传输")]
    [InlineData(450, "请求的文件操作未执行")]
    [InlineData(451, "中止请求的操作：有本地错误")]
    [InlineData(452, "未执行请求的操作：系统存储空间不足")]
    [InlineData(500, "格式错误，命令不可识别")]
    [InlineData(501, "参数语法错误")]
    [InlineData(502, "命令未实现")]
    [InlineData(503, "命令顺序错误")]
    [InlineData(504, "此参数下的命令功能未实现")]
    [InlineData(530, "账号或密码错误")]
    [InlineData(532, "存储文件需要帐户信息")]
    [InlineData(550, "未执行请求的操作")]
    [InlineData(551, "请求操作中止：页类型未知")]
    [InlineData(552, "请求的文件操作中止，存储分配溢出")]
    [InlineData(553, "未执行请求的操作：文件名不合法")]
    public void Every_seed_code_is_known_with_the_seed_meaning_and_an_english_one(int code, string chinese)
    {
        var info = ReplyCodes.Find(code);
        Assert.NotNull(info);
        Assert.Equal(chinese, info.Meaning(Texts.Chinese));
        var english = info.Meaning(Texts.English);
        Assert.False(string.IsNullOrWhiteSpace(english));
        Assert.False(ResxFile.HasChinese(english));
    }

    [Theory]
    [InlineData(230, "User logged in, proceed.")]
    [InlineData(331, "User name okay, need password.")]
    [InlineData(530, "Not logged in.")]
    [InlineData(502, "Command not implemented.")]
    public void English_meanings_follow_rfc_959(int code, string english) =>
        Assert.Equal(english, ReplyCodes.Find(code)!.Meaning(Texts.English));

    [Fact]
    public void Find_530_can_signal_each_login_refusal_in_the_order_the_analysis_tries_them() =>
        Assert.Equal(
            [OutcomeKind.IpDenied, OutcomeKind.TooManyConnectionsFromIp, OutcomeKind.TooManyUsers, OutcomeKind.AnonymousDenied, OutcomeKind.LoginFailed, OutcomeKind.EncryptionRequired, OutcomeKind.EncryptionUnavailable, OutcomeKind.TransferFailed],
            ReplyCodes.Find(530)!.Outcomes);

    [Fact]
    public void Find_534_is_the_policy_refusal_servers_use_to_require_tls()
    {
        var info = ReplyCodes.Find(534)!;

        Assert.Contains(new ReplySignal(OutcomeKind.EncryptionRequired, OutcomeReasons.TlsRequired), info.Signals);
        Assert.Equal("Request denied for policy reasons.", info.Meaning(Texts.English));
    }

    [Fact]
    public void Find_421_can_signal_a_ban_a_per_address_limit_a_timeout_a_full_server_a_dropped_connection_or_a_refused_plain_session() =>
        Assert.Equal(
            [OutcomeKind.IpDenied, OutcomeKind.TooManyConnectionsFromIp, OutcomeKind.TimedOut, OutcomeKind.TooManyUsers, OutcomeKind.ConnectionClosed, OutcomeKind.EncryptionRequired],
            ReplyCodes.Find(421)!.Outcomes);

    [Theory]
    [InlineData(425, "no-data-connection")]
    [InlineData(426, "transfer-aborted")]
    [InlineData(450, "file-unavailable")]
    [InlineData(451, "server-local-error")]
    [InlineData(452, "insufficient-storage")]
    [InlineData(550, "file-unavailable")]
    [InlineData(551, "page-type-unknown")]
    [InlineData(552, "insufficient-storage")]
    [InlineData(553, "bad-file-name")]
    public void Transfer_error_codes_signal_a_failed_transfer_with_the_reason_of_their_code(int code, string reason) =>
        Assert.Contains(new ReplySignal(OutcomeKind.TransferFailed, reason), ReplyCodes.Find(code)!.Signals);

    [Theory]
    [InlineData(10060, "socket-10060")]
    [InlineData(10061, "socket-10061")]
    public void The_socket_errors_a_client_prints_are_explained_as_failed_connections(int code, string reason)
    {
        var info = ReplyCodes.Find(code)!;

        Assert.True(info.IsSocketError);
        Assert.Equal([new ReplySignal(OutcomeKind.ConnectFailed, reason)], info.Signals);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), info.Meaning(Texts.English), StringComparison.Ordinal);
        Assert.Equal("socket error (printed by the client, not a server reply)", info.ClassName(Texts.English));
    }

    [Fact]
    public void Login_signals_success_and_a_goodbye_decides_nothing_on_its_own()
    {
        Assert.Equal([OutcomeKind.Succeeded], ReplyCodes.Find(230)!.Outcomes);
        Assert.Empty(ReplyCodes.Find(221)!.Outcomes);
    }

    [Fact]
    public void Positive_and_intermediate_codes_signal_nothing_on_their_own() =>
        Assert.All(ReplyCodes.All.Where(i => i.Code is >= 100 and < 400 && i.Code != 230), info => Assert.Empty(info.Outcomes));

    [Fact]
    public void Every_signal_has_an_explanation_and_advice_in_both_languages() =>
        Assert.All(ReplyCodes.All.SelectMany(i => i.Signals), signal =>
        {
            foreach (var culture in new[] { Texts.English, Texts.Chinese })
            {
                Assert.False(string.IsNullOrWhiteSpace(signal.Explanation(culture)));
                Assert.False(string.IsNullOrWhiteSpace(signal.Advice(culture)));
            }
        });

    [Theory]
    [InlineData(999)]
    [InlineData(0)]
    [InlineData(-530)]
    [InlineData(10062)]
    public void Find_gives_null_for_a_code_LogLens_does_not_know(int code) =>
        Assert.Null(ReplyCodes.Find(code));

    [Theory]
    [InlineData(150, "positive preliminary", "肯定预备应答")]
    [InlineData(226, "positive completion", "肯定完成应答")]
    [InlineData(331, "positive intermediate", "肯定中间应答")]
    [InlineData(421, "transient negative", "暂时否定完成应答")]
    [InlineData(530, "permanent negative", "永久否定完成应答")]
    public void ClassName_follows_the_first_digit(int code, string english, string chinese)
    {
        var info = ReplyCodes.Find(code)!;
        Assert.Equal(english, info.ClassName(Texts.English));
        Assert.Equal(chinese, info.ClassName(Texts.Chinese));
    }

    [Fact]
    public void All_is_in_ascending_order_without_duplicates() =>
        Assert.Equal(ReplyCodes.All.Select(i => i.Code).Distinct().Order(), ReplyCodes.All.Select(i => i.Code));

    [Fact]
    public void Catalog_and_reply_texts_name_the_same_codes() =>
        Assert.Equal(
            ReplyCodes.All.Select(i => $"Reply.{i.Code}").Order(),
            ResxFile.English.Texts.Keys.Where(k => k.StartsWith("Reply.", StringComparison.Ordinal)).Order());

    [Fact]
    public void Meaning_rejects_a_null_culture() =>
        Assert.Throws<ArgumentNullException>(() => ReplyCodes.Find(200)!.Meaning(null!));
}
