using System.Text.Json;
using Spectre.Console.Testing;
using LogLens.Cli.Tests.Support;
using LogLens.Tests.Support;

namespace LogLens.Cli.Tests;

public class AnalyzeCommandTests
{
    public static TheoryData<string> Samples() => new(Directory.GetFiles(Path.Combine(Repo.Root, "samples"), "*.log").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_bundled_sample_is_analysed_with_every_line_recognized(string sample)
    {
        var result = CliRunner.Run("analyze", Repo.Sample(sample), "--json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.RawOutput);
        var file = doc.RootElement.GetProperty("files")[0];
        Assert.NotEqual(JsonValueKind.Null, file.GetProperty("format").ValueKind);
        Assert.Equal(0, file.GetProperty("lines").GetProperty("unrecognized").GetInt32());
        Assert.NotEqual(0, doc.RootElement.GetProperty("sessions").GetArrayLength());
    }

    [Fact]
    public void The_report_names_the_file_format_and_each_session_outcome_with_advice()
    {
        var result = CliRunner.Run("analyze", Repo.Sample("cuteftp-zh-retry.log"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("cuteftp-zh-retry.log", result.Output);
        Assert.Contains("cuteftp-zh", result.Output);
        Assert.Contains("socket-10060", result.Output);
        Assert.Contains("What to do", result.Output);
        Assert.Contains("Evidence", result.Output);
    }

    [Fact]
    public void The_report_streams_each_session_before_the_file_line_counts_that_only_its_end_knows()
    {
        var result = CliRunner.Run("analyze", Repo.Sample("vsftpd.log"), Repo.Sample("servu.log"));

        Assert.Equal(0, result.ExitCode);
        var output = result.Output;
        int At(string text, int from = 0) => output.IndexOf(text, from, StringComparison.Ordinal);
        var vsftpd = At("── ");
        var firstSession = At("Session ", vsftpd);
        var vsftpdCounts = At("Format ", vsftpd);
        var servu = At("── ", vsftpdCounts);
        Assert.True(vsftpd >= 0 && firstSession > vsftpd && vsftpdCounts > firstSession && servu > vsftpdCounts, output);
        Assert.Contains("vsftpd", output[vsftpdCounts..servu], StringComparison.Ordinal);
        Assert.True(At("Format ", servu) > At("Session ", servu), output);
        Assert.Contains("2 files", output[servu..], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Clients with the most failed logins", "root, admin, test", "password guessing")]
    [InlineData("zh-CN", "登录失败最多的客户端", "root, admin, test", "猜密码")]
    public void A_server_log_ends_with_notes_on_the_clients_that_failed_and_what_to_do(string lang, string heading, string users, string advice)
    {
        var result = CliRunner.Run("analyze", Repo.Sample("vsftpd.log"), "--lang", lang);

        Assert.Equal(0, result.ExitCode);
        // After every session, at the end of the report.
        var notes = result.Output.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(notes > result.Output.LastIndexOf("15040", StringComparison.Ordinal), result.Output);
        Assert.Contains("198.51.100.23", result.Output[notes..], StringComparison.Ordinal);
        Assert.Contains(users, result.Output[notes..], StringComparison.Ordinal);
        Assert.Contains(advice, result.Output[notes..], StringComparison.Ordinal);
    }

    [Fact]
    public void A_transcript_has_no_client_notes()
    {
        var result = CliRunner.Run("analyze", Repo.Sample("cuteftp-en-banned.log"));

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("Clients with the most failed logins", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_speaks_chinese_when_asked()
    {
        var result = CliRunner.Run("analyze", Repo.Sample("cuteftp-zh-retry.log"), "--lang", "zh-CN");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("端口", result.Output);
        Assert.DoesNotContain("What to do", result.Output);
    }

    [Fact]
    public void Json_has_the_documented_shape_and_accounts_for_every_line()
    {
        var result = CliRunner.Run("analyze", Repo.Sample("cuteftp-zh-retry.log"), "--json");

        using var doc = JsonDocument.Parse(result.RawOutput);
        var root = doc.RootElement;
        var lines = root.GetProperty("files")[0].GetProperty("lines");
        Assert.Equal(
            lines.GetProperty("total").GetInt32(),
            lines.GetProperty("recognized").GetInt32() + lines.GetProperty("unrecognized").GetInt32() + lines.GetProperty("blank").GetInt32());
        var session = root.GetProperty("sessions")[0];
        foreach (var key in new[]
                 {
                     "file", "id", "format", "client", "server", "user", "start", "end", "durationSeconds", "outcome", "reason",
                     "replyCode", "evidence", "explanation", "advice", "firstLine", "lastLine", "logins", "transfers", "retry",
                 })
        {
            Assert.True(session.TryGetProperty(key, out _), $"session has no '{key}'");
        }

        Assert.Equal(JsonValueKind.Array, root.GetProperty("unrecognized").ValueKind);
    }

    [Fact]
    public void A_missing_file_is_named_on_stderr_exits_1_and_the_other_files_are_still_analysed()
    {
        var result = CliRunner.Run("analyze", "/no/such/ftp.log", Repo.Sample("cuteftp-zh-retry.log"), "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/no/such/ftp.log", result.Error);
        using var doc = JsonDocument.Parse(result.RawOutput);
        Assert.Equal(2, doc.RootElement.GetProperty("files").GetArrayLength());
        Assert.NotEqual(0, doc.RootElement.GetProperty("sessions").GetArrayLength());
    }

    [Fact]
    public void A_binary_file_is_named_as_not_a_text_log_and_exits_1()
    {
        var path = Path.Combine(Path.GetTempPath(), $"loglens-binary-{Guid.NewGuid():N}.log");
        File.WriteAllBytes(path, [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
        try
        {
            var result = CliRunner.Run("analyze", path);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains(path, result.Error);
            Assert.Contains("binary", result.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Garbage_lines_are_listed_as_unrecognized_with_their_numbers()
    {
        using var file = new TempFile("this is not an ftp log\n\nneither is this\n");

        var result = CliRunner.Run("analyze", file.Path, "--json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.RawOutput);
        var unrecognized = doc.RootElement.GetProperty("unrecognized");
        Assert.Equal([1, 3], unrecognized.EnumerateArray().Select(u => u.GetProperty("line").GetInt32()));
        Assert.Equal(1, doc.RootElement.GetProperty("files")[0].GetProperty("lines").GetProperty("blank").GetInt32());
    }

    [Theory]
    [InlineData(5_000_000, true)]
    [InlineData(20_000, false)]
    public void On_a_terminal_a_large_log_shows_its_reading_progress_on_stderr_and_the_report_is_unchanged(int bytes, bool shown)
    {
        var sample = File.ReadAllText(Repo.Sample("vsftpd.log"));
        var text = new System.Text.StringBuilder();
        while (text.Length < bytes)
        {
            text.Append(sample);
        }

        using var file = new TempFile(text.ToString());
        var plain = CliRunner.Run("analyze", file.Path, "--json");
        var error = new TestConsole().Width(250);
        error.Profile.Capabilities.Ansi = true;
        error.Profile.Capabilities.Interactive = true;
        using var raw = new MemoryStream();

        var exit = CliApp.Run(["analyze", file.Path, "--json"], new CliConsoles(new TestConsole().Width(250), error, raw, ErrorIsTerminal: true));

        Assert.Equal((plain.ExitCode, plain.RawOutput), (exit, System.Text.Encoding.UTF8.GetString(raw.ToArray())));
        Assert.Equal(shown, error.Output.Contains("Reading", StringComparison.Ordinal));
    }

    [Fact]
    public void With_the_report_on_the_terminal_no_progress_is_drawn_over_it()
    {
        var sample = File.ReadAllText(Repo.Sample("vsftpd.log"));
        using var file = new TempFile(string.Concat(Enumerable.Repeat(sample, 1 + (4 << 20) / sample.Length)));
        var error = new TestConsole().Width(250);
        error.Profile.Capabilities.Ansi = true;
        error.Profile.Capabilities.Interactive = true;
        var output = new TestConsole().Width(250);

        var exit = CliApp.Run(["analyze", file.Path], new CliConsoles(output, error, Stream.Null, ErrorIsTerminal: true, OutputIsTerminal: true));

        Assert.Equal(0, exit);
        Assert.DoesNotContain("Reading", error.Output, StringComparison.Ordinal);
        Assert.Contains("Session ", output.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-")]
    [InlineData]
    public void A_transcript_piped_in_is_analysed_as_standard_input(params string[] files)
    {
        var result = CliRunner.RunWithInput(File.ReadAllBytes(Repo.Sample("cuteftp-en-banned.log")), false, ["analyze", .. files, "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.RawOutput);
        var file = doc.RootElement.GetProperty("files")[0];
        Assert.Equal(("(standard input)", "cuteftp-en"), (file.GetProperty("path").GetString(), file.GetProperty("format").GetString()));
        Assert.Equal("ip-denied", doc.RootElement.GetProperty("sessions")[0].GetProperty("outcome").GetString());
        Assert.Empty(result.Error);
    }

    [Fact]
    public void Standard_input_may_be_gzipped_in_chinese_and_read_between_files()
    {
        using var gzipped = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(gzipped, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(File.ReadAllBytes(Repo.Sample("cuteftp-zh-retry.log")));
        }

        var result = CliRunner.RunWithInput(gzipped.ToArray(), false, "analyze", Repo.Sample("vsftpd.log"), "-", "--lang", "zh-CN");

        Assert.Equal(0, result.ExitCode);
        var vsftpd = result.Output.IndexOf("vsftpd.log", StringComparison.Ordinal);
        var piped = result.Output.IndexOf("(standard input)", StringComparison.Ordinal);
        Assert.True(vsftpd >= 0 && piped > vsftpd, result.Output);
        Assert.Contains("cuteftp-zh", result.Output[piped..], StringComparison.Ordinal);
        Assert.Contains("端口", result.Output[piped..], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Paste the log, then press Ctrl-D")]
    [InlineData("zh-CN", "请粘贴日志")]
    public void At_a_terminal_it_says_how_to_paste_the_log_and_end_it(string lang, string hint)
    {
        var result = CliRunner.RunWithInput(File.ReadAllBytes(Repo.Sample("cuteftp-en-banned.log")), true, "analyze", "--lang", lang);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(hint, result.Error, StringComparison.Ordinal);
        Assert.Contains("(standard input)", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyze", "-", "-")]
    [InlineData("scan", "-")]
    public void Standard_input_read_twice_or_scanned_is_a_usage_error(params string[] args)
    {
        var result = CliRunner.RunWithInput([], false, args);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public void Without_standard_input_analyze_asks_for_a_file()
    {
        var result = CliRunner.Run("analyze");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("FILE", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Status:\tConnected to ftp.example.com", "Status: Connected to ftp.example.com")]
    [InlineData("Error:\tAuthentication \u001b[31mfailed.", "Error: Authentication ?[31mfailed.")]
    public void Evidence_lines_show_a_tab_as_a_space_and_other_control_characters_as_a_mark(string line, string shown)
    {
        using var file = new TempFile($"Status:\tConnecting to ftp.example.com...\nCommand:\topen \"alice@ftp.example.com\" 22\nCommand:\tPass: ********\n{line}\n");

        var result = CliRunner.Run("analyze", file.Path, "--format", "filezilla-client");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(shown, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\t", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Thu Sep  8 00:39:49 2016 [pid 15019] [evil\u001b]0;owned\u0007] FAIL LOGIN: Client \"198.51.100.7\"", "evil?]0;owned?")]
    [InlineData("Thu Sep  8 00:39:49 2016 [pid 15019] [\u001b[2Jbob] OK LOGIN: Client \"198.51.100.7\"", "?[2Jbob")]
    [InlineData("[5] Thu 07Mar02 11:44:57 - (000012) USER bob\u001b[31mred\n[6] Thu 07Mar02 11:44:57 - (000012) 530 Not logged in.", "bob?[31mred")]
    [InlineData("2011-05-12 04:03:12 198.51.100.7 WEB01\\\u001b]2;x\u0007 192.0.2.10 21 PASS *** 530 1326 41 s\u001b[2J1 -", "WEB01\\?]2;x?")]
    [InlineData("2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 PASS *** 530 1326 41 s\u001b[2J1 -", "s?[2J1")]
    public void Every_field_of_the_report_shows_a_control_character_as_a_mark(string lines, string shown)
    {
        using var file = new TempFile(lines + "\n");

        var result = CliRunner.Run("analyze", file.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(shown, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_name_with_a_control_character_is_shown_with_a_mark_in_the_report_and_in_its_diagnostics()
    {
        var path = Path.Combine(Path.GetTempPath(), $"loglens-\u001b]0;owned\u0007-{Guid.NewGuid():N}.log");
        File.WriteAllText(path, "no ftp here\n");
        try
        {
            var result = CliRunner.Run("analyze", path);

            Assert.Contains("loglens-?]0;owned?-", result.Output, StringComparison.Ordinal);
            Assert.Contains("loglens-?]0;owned?-", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001b", result.Output + result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("COMMAND:> PASS hunter2\n")]
    [InlineData("命令:> PASS hunter2\n")]
    [InlineData("Thu Mar 07 11:46:30 2004 PASS hunter2\n")]
    [InlineData("[5] Thu 07Mar02 11:44:57 - (000012) PASS hunter2\n")]
    [InlineData("something odd PASS hunter2\n")]
    [InlineData("STATUS:> Getting listing from ftp://bob:hunter2@ftp.example.com/pub ...\n")]
    public void No_output_of_any_mode_contains_a_password(string line)
    {
        using var file = new TempFile("STATUS:> Connecting to FTP server ftp.example.com:21 (ip = 203.0.113.5)...\nCOMMAND:> USER bob\n" + line + "530 Not logged in.\n");

        foreach (var mode in new[] { Array.Empty<string>(), ["--json"], ["--lang", "zh-CN"] })
        {
            var result = CliRunner.Run(["analyze", file.Path, .. mode]);

            Assert.DoesNotContain("hunter2", result.All);
        }
    }

    public static TheoryData<string> FormatNames() => new(LogLens.Parsing.FormatRegistry.BuiltIn.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void A_password_planted_in_any_shape_of_a_formats_sample_lines_is_in_no_output_of_any_mode_whatever_format_reads_them(string format)
    {
        using var file = new TempFile(string.Join("\n", PlantedPasswords.Lines(LogLens.Parsing.FormatRegistry.Find(format)!)) + "\n");
        string[][] modes =
        [
            ["analyze"], ["analyze", "--json"], ["analyze", "--lang", "zh-CN"], ["scan", "-o", "-", "--quiet"],
            .. LogLens.Parsing.FormatRegistry.BuiltIn.SelectMany(f => new[]
            {
                new[] { "analyze", "--format", f.Name }, ["analyze", "--format", f.Name, "--json"], ["scan", "-o", "-", "--quiet", "--format", f.Name],
            }),
        ];

        foreach (var mode in modes)
        {
            var result = CliRunner.Run([mode[0], file.Path, .. mode[1..]]);

            Assert.True(result.ExitCode == 0, $"{string.Join(' ', mode)}: exit {result.ExitCode}");
            Assert.False(result.All.Contains(PlantedPasswords.Secret, StringComparison.Ordinal), $"{string.Join(' ', mode)} shows the password");
        }
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--format", "no-such-format")]
    [InlineData("--encoding", "no-such-encoding")]
    [InlineData("--lang", "klingon")]
    public void A_usage_error_exits_2_and_says_what_is_wrong(params string[] options)
    {
        var result = CliRunner.Run(["analyze", Repo.Sample("cuteftp-zh-retry.log"), .. options]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("loglens:", result.Error);
    }

    [Fact]
    public void A_forced_format_is_used_instead_of_detection()
    {
        var result = CliRunner.Run("analyze", Repo.Sample("cuteftp-zh-retry.log"), "--format", "servu", "--json");

        using var doc = JsonDocument.Parse(result.RawOutput);
        Assert.Equal("servu", doc.RootElement.GetProperty("files")[0].GetProperty("format").GetString());
    }

    [Fact]
    public void Help_shows_examples()
    {
        var result = CliRunner.Run("analyze", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--json", result.Output);
        Assert.Contains("EXAMPLES", result.Output);
    }
}
