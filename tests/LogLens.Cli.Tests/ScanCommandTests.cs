using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using LogLens.Cli.Tests.Support;
using LogLens.Tests.Support;
using Spectre.Console.Testing;

namespace LogLens.Cli.Tests;

public sealed class ScanCommandTests : IDisposable
{
    internal const string Header =
        "file,session,format,client,server,user,start,end,duration_s,outcome,reason,reply_code," +
        "logins_failed,logins_succeeded,uploads,downloads,transfers_failed,bytes_up,bytes_down,first_line,last_line";

    private readonly ScanFolder folder = new();
    private readonly string output = Path.Combine(Path.GetTempPath(), $"loglens-scan-{Guid.NewGuid():N}.csv");

    public void Dispose()
    {
        folder.Dispose();
        File.Delete(output);
    }

    [Fact]
    public void The_csv_is_utf8_with_a_bom_and_starts_with_the_documented_header()
    {
        CliRunner.Run("scan", folder.Root, "-o", output, "--quiet");

        var bytes = File.ReadAllBytes(output);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith(Header + "\r\n", Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_has_one_row_per_session_of_every_readable_file()
    {
        CliRunner.Run("scan", folder.Root, "-o", output, "--quiet");

        var rows = CsvTable.ReadFile(output).Rows;
        foreach (var file in ScanFolder.ReadableFiles)
        {
            var sessions = LogAnalyzer.AnalyzeFile(folder.Path(file)).Sessions;
            Assert.NotEmpty(sessions);
            Assert.Equal(sessions.Select(s => s.Id), rows.Where(r => r["file"] == folder.Path(file)).Select(r => r["session"]));
        }

        Assert.Equal(ScanFolder.ReadableFiles.Select(folder.Path), rows.Select(r => r["file"]).Distinct());
    }

    [Fact]
    public void Rows_are_sorted_by_file_path_then_first_line()
    {
        CliRunner.Run("scan", folder.Root, "-o", output, "--quiet");

        var keys = CsvTable.ReadFile(output).Rows.Select(r => (File: r["file"], Line: int.Parse(r["first_line"], CultureInfo.InvariantCulture))).ToArray();
        Assert.Equal(keys.OrderBy(k => k.File, StringComparer.Ordinal).ThenBy(k => k.Line), keys);
    }

    [Fact]
    public void A_cell_that_would_start_a_spreadsheet_formula_is_escaped_and_no_cell_starts_one()
    {
        CliRunner.Run("scan", folder.Root, "-o", output, "--quiet");

        var table = CsvTable.ReadFile(output);
        var users = table.Rows.Where(r => r["file"] == folder.Path(ScanFolder.UsersLog)).Select(r => r["user"]).ToArray();
        Assert.Equal(
            ScanFolder.SpecialUsers.Select(u => "=+-@".Contains(u[0], StringComparison.Ordinal) ? "'" + u : u),
            users);
        Assert.All(table.Rows.SelectMany(r => r.Values), cell => Assert.False(cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal), cell));
    }

    [Fact]
    public void Chinese_text_round_trips_through_the_csv()
    {
        CliRunner.Run("scan", folder.Root, "-o", output, "--quiet");

        var rows = CsvTable.ReadFile(output).Rows;
        Assert.Contains(rows, r => r["user"] == ScanFolder.ChineseUser && r["outcome"] == "succeeded");
        Assert.Contains(rows, r => r["file"] == folder.Path(ScanFolder.ChineseFolder + "/cuteftp-zh-retry.log") && r["format"] == "cuteftp-zh");
    }

    [Fact]
    public void Login_and_byte_counts_of_servu_log_agree_with_analyze_json()
    {
        var path = folder.Path("servu.log");
        var analyzed = CliRunner.Run("analyze", path, "--json");
        CliRunner.Run("scan", folder.Root, "-o", output, "--quiet");

        using var json = JsonDocument.Parse(analyzed.RawOutput);
        var expected = json.RootElement.GetProperty("sessions").EnumerateArray().Select(s =>
        {
            var logins = s.GetProperty("logins").EnumerateArray().Select(l => l.GetProperty("result").GetString()).ToArray();
            var transfers = s.GetProperty("transfers").EnumerateArray().ToArray();
            long Bytes(string direction) => transfers
                .Where(t => t.GetProperty("direction").GetString() == direction)
                .Sum(t => t.GetProperty("bytes").ValueKind == JsonValueKind.Number ? t.GetProperty("bytes").GetInt64() : 0);
            return string.Join(
                ",",
                s.GetProperty("id").GetString(),
                logins.Count(r => r != "succeeded"),
                logins.Count(r => r == "succeeded"),
                transfers.Count(t => t.GetProperty("direction").GetString() == "upload"),
                transfers.Count(t => t.GetProperty("direction").GetString() == "download"),
                Bytes("upload"),
                Bytes("download"));
        }).ToArray();
        var rows = CsvTable.ReadFile(output).Rows.Where(r => r["file"] == path).Select(r => string.Join(
            ",", r["session"], r["logins_failed"], r["logins_succeeded"], r["uploads"], r["downloads"], r["bytes_up"], r["bytes_down"]));

        Assert.Equal(expected, rows);
        Assert.Contains("000021,0,1,1,1,20480,1048576", expected);
        Assert.Contains("000022,3,0,0,0,0,0", expected);
    }

    [Fact]
    public void The_csv_is_the_same_bytes_whatever_the_number_of_jobs()
    {
        var bytes = new[] { "1", "2", "8" }.Select(jobs =>
        {
            var path = $"{output}.{jobs}";
            try
            {
                CliRunner.Run("scan", folder.Root, "-o", path, "--jobs", jobs, "--quiet");
                return File.ReadAllBytes(path);
            }
            finally
            {
                File.Delete(path);
            }
        }).ToArray();

        Assert.True(bytes[0].Length > Header.Length);
        Assert.Equal(bytes[0], bytes[1]);
        Assert.Equal(bytes[0], bytes[2]);
    }

    [Fact]
    public void A_link_to_a_file_already_scanned_adds_no_row()
    {
        CliRunner.Run("scan", folder.Root, "-o", output, "--quiet");
        var before = File.ReadAllBytes(output);
        File.CreateSymbolicLink(folder.Path("servu-copy.log"), "servu.log");
        File.CreateSymbolicLink(folder.Path("nested/servu.log"), folder.Path("servu.log"));

        var result = CliRunner.Run("scan", folder.Root, "-o", output, "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(Encoding.UTF8.GetString(before), Encoding.UTF8.GetString(File.ReadAllBytes(output)));
    }

    [Fact]
    public void A_broken_link_and_a_binary_file_are_named_on_stderr_exit_1_and_the_other_files_are_still_in_the_csv()
    {
        var result = CliRunner.Run("scan", folder.Root, "-o", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(folder.Path(ScanFolder.BrokenLink), result.Error);
        Assert.Contains(folder.Path(ScanFolder.BinaryFile), result.Error);
        Assert.Equal(ScanFolder.ReadableFiles.Select(folder.Path), CsvTable.ReadFile(output).Rows.Select(r => r["file"]).Distinct());
    }

    [Fact]
    public void A_clean_folder_exits_0_and_only_its_link_back_to_its_own_folder_is_named_on_stderr()
    {
        using var clean = new ScanFolder(withUnreadable: false);

        var result = CliRunner.Run("scan", clean.Root, "-o", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(LinkBackWarning(clean), result.Error.Trim());
        Assert.Equal(ScanFolder.ReadableFiles.Select(clean.Path), CsvTable.ReadFile(output).Rows.Select(r => r["file"]).Distinct());
    }

    [Theory]
    [InlineData("--jobs", "0")]
    [InlineData("--jobs", "257")]
    [InlineData("--jobs", "many")]
    [InlineData("--format", "no-such-format")]
    [InlineData("--encoding", "klingon")]
    [InlineData("--lang", "fr")]
    [InlineData("--no-such-option")]
    public void A_usage_error_exits_2_and_writes_no_csv(params string[] args)
    {
        var result = CliRunner.Run(["scan", folder.Root, "-o", output, .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("loglens:", result.Error);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("--exclude", "", "--exclude needs a pattern, such as '*.old': an empty one would leave every file out")]
    [InlineData("--include", "", "--include needs a pattern, such as '*.log': an empty one would take no file")]
    [InlineData("--include", "a/../b", "'a/../b' is not a glob LogLens can use")]
    [InlineData("--exclude", "logs/**/../x", "'logs/**/../x' is not a glob LogLens can use")]
    public void An_empty_or_unusable_glob_is_a_usage_error_in_words_and_no_csv_is_written(string option, string glob, string message)
    {
        var result = CliRunner.Run("scan", folder.Root, "-o", output, option, glob);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("loglens: " + message, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("servu.log", "servu.log")]
    [InlineData("servu.log", "nested/../servu.log")]
    public void An_output_file_that_is_one_of_the_logs_named_is_a_usage_error_and_the_log_is_kept(string input, string output)
    {
        var log = folder.Path(input);
        var before = File.ReadAllBytes(log);

        var result = CliRunner.Run("scan", log, "-o", folder.Root + "/" + output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is one of the logs to scan", result.Error);
        Assert.Equal(before, File.ReadAllBytes(log));
    }

    [Fact]
    public void Scan_without_a_path_is_a_usage_error()
    {
        Assert.Equal(2, CliRunner.Run("scan", "-o", output).ExitCode);
    }

    [Fact]
    public void Dash_o_dash_writes_the_csv_to_standard_output_and_the_summary_to_standard_error()
    {
        var toFile = CliRunner.Run("scan", folder.Root, "-o", output);
        var toStdout = CliRunner.Run("scan", folder.Root, "-o", "-");

        Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(output)), toStdout.RawOutput);
        Assert.StartsWith("\uFEFF" + Header, toStdout.RawOutput, StringComparison.Ordinal);
        Assert.Equal(string.Empty, toStdout.Output);
        Assert.Contains("Sessions by outcome", toStdout.Error);
        Assert.Contains("Sessions by outcome", toFile.Output);
        Assert.Equal(1, toStdout.ExitCode);
    }

    [Fact]
    public void Dash_o_dash_names_each_unreadable_entry_once_on_standard_error()
    {
        var toStdout = CliRunner.Run("scan", folder.Root, "-o", "-");
        var toFile = CliRunner.Run("scan", folder.Root, "-o", output);

        var named = toFile.Error.Split('\n').Where(l => l.StartsWith("loglens: ", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(named);
        foreach (var line in named)
        {
            var entry = line["loglens: ".Length..].Trim();
            Assert.Equal(1, CountOf(toStdout.Error, entry));
        }

        Assert.Contains("Could not be read", toFile.Output);
        Assert.DoesNotContain("Could not be read", toStdout.Error);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Theory]
    [InlineData(new[] { "scan", "x", "-o", "-" }, new[] { "scan", "x", "--output=-" })]
    [InlineData(new[] { "scan", "-o", "-", "x" }, new[] { "scan", "--output=-", "x" })]
    [InlineData(new[] { "scan", "x", "--output", "-", "-q" }, new[] { "scan", "x", "--output=-", "-q" })]
    [InlineData(new[] { "scan", "x", "-o", "out.csv" }, new[] { "scan", "x", "-o", "out.csv" })]
    [InlineData(new[] { "scan", "x", "-o" }, new[] { "scan", "x", "-o" })]
    public void Dash_as_the_output_is_passed_on_as_an_option_value(string[] args, string[] expected)
    {
        Assert.Equal(expected, CliApp.StandardStreamArguments(args));
    }

    [Fact]
    public void The_output_file_inside_the_scanned_folder_is_not_scanned_itself()
    {
        var inside = folder.Path("report.csv");

        CliRunner.Run("scan", folder.Root, "-o", inside, "--quiet");
        var first = File.ReadAllBytes(inside);
        CliRunner.Run("scan", folder.Root, "-o", inside, "--quiet");

        Assert.Equal(first, File.ReadAllBytes(inside));
        Assert.DoesNotContain(CsvTable.ReadFile(inside).Rows, r => r["file"] == inside);
    }

    [Theory]
    [InlineData(new[] { "--include", "*.gz" }, new[] { "xferlog.2.gz" })]
    [InlineData(new[] { "--include", "vsftpd.log.1" }, new[] { "nested/deeper/vsftpd.log.1" })]
    [InlineData(new[] { "--include", "*.gz", "--include", "servu.*" }, new[] { "servu.log", "xferlog.2.gz" })]
    [InlineData(new[] { "--exclude", "*.gz", "--exclude", "*.1" }, new[] { "servu.log", "users.log", "日志/cuteftp-zh-retry.log" })]
    [InlineData(new[] { "--include", "*.log*", "--exclude", "日志/**" }, new[] { "nested/deeper/vsftpd.log.1", "servu.log", "users.log" })]
    [InlineData(new[] { "--no-recurse" }, new[] { "servu.log", "users.log", "xferlog.2.gz" })]
    public void Include_exclude_and_no_recurse_choose_the_files_read(string[] options, string[] files)
    {
        CliRunner.Run(["scan", folder.Root, "-o", output, "--quiet", .. options]);

        Assert.Equal(files.Select(folder.Path), CsvTable.ReadFile(output).Rows.Select(r => r["file"]).Distinct());
    }

    [Fact]
    public void Hidden_entries_and_what_a_link_loop_reaches_again_are_not_read()
    {
        CliRunner.Run("scan", folder.Root, "-o", output, "--quiet");

        var files = CsvTable.ReadFile(output).Rows.Select(r => r["file"]).Distinct().ToArray();
        Assert.DoesNotContain(files, f => f.Contains("/.", StringComparison.Ordinal) || f.Contains("loop", StringComparison.Ordinal));
    }

    [Fact]
    public void The_summary_gives_files_sessions_per_outcome_failing_and_hammering_clients_and_unreadable_files()
    {
        var result = CliRunner.Run("scan", folder.Root, "-o", output);

        var rows = CsvTable.ReadFile(output).Rows;
        Assert.Contains($"6 files, ", result.Output);
        Assert.Contains($"{rows.Count} sessions in ", result.Output);
        Assert.Contains($"Wrote {rows.Count} sessions to {output}", result.Output);
        Assert.Contains("Sessions by outcome", result.Output);
        foreach (var outcome in rows.GroupBy(r => r["outcome"]))
        {
            Assert.Matches(new Regex($@"^\s+{outcome.Count()}\s+{Regex.Escape(outcome.Key)}\s", RegexOptions.Multiline), result.Output);

            // A title that only says the id again in words is left out.
            Assert.DoesNotMatch(new Regex($@"{Regex.Escape(outcome.Key)}\s+{Regex.Escape(outcome.Key.Replace('-', ' '))}", RegexOptions.IgnoreCase), result.Output);
        }

        Assert.Contains("Clients with the most failed logins", result.Output);
        Assert.Contains("203.0.113.25: 3 failed logins", result.Output);
        Assert.Contains("Clients retrying faster than every 10 seconds", result.Output);
        Assert.Contains("203.0.113.25: again after 3 seconds", result.Output);
        Assert.Contains("Could not be read", result.Output);
        var unreadable = result.Output[result.Output.IndexOf("Could not be read", StringComparison.Ordinal)..];
        Assert.Contains(folder.Path(ScanFolder.BrokenLink), unreadable);
        Assert.Contains(folder.Path(ScanFolder.BinaryFile), unreadable);
    }

    [Fact]
    public void The_summary_speaks_chinese_when_asked()
    {
        var result = CliRunner.Run("scan", folder.Root, "-o", output, "--lang", "zh-CN");

        foreach (var label in new[] { "6 个文件", "各结果的会话数", "登录失败", "登录失败最多的客户端", "重试间隔小于 10 秒的客户端", "无法读取", "已将" })
        {
            Assert.Contains(label, result.Output);
        }

        Assert.DoesNotContain("Sessions by outcome", result.Output);
        Assert.DoesNotContain("Could not be read", result.Output);
    }

    [Fact]
    public void On_a_terminal_the_progress_display_goes_to_stderr_and_the_csv_is_unchanged()
    {
        CliRunner.Run("scan", folder.Root, "-o", output, "--quiet");
        var plain = File.ReadAllBytes(output);
        var error = new TestConsole().Width(250);
        error.Profile.Capabilities.Ansi = true;
        error.Profile.Capabilities.Interactive = true;

        var exit = CliApp.Run(["scan", folder.Root, "-o", output], new CliConsoles(new TestConsole().Width(250), error, Stream.Null, ErrorIsTerminal: true));

        Assert.Equal(1, exit);
        Assert.Equal(plain, File.ReadAllBytes(output));
        Assert.Contains("Scanning", error.Output);
    }

    [Fact]
    public void Quiet_shows_no_progress_even_on_a_terminal()
    {
        var error = new TestConsole().Width(250);
        error.Profile.Capabilities.Interactive = true;

        CliApp.Run(["scan", folder.Root, "-o", output, "--quiet"], new CliConsoles(new TestConsole(), error, Stream.Null, ErrorIsTerminal: true));

        Assert.DoesNotContain("Scanning", error.Output);
    }

    [Fact]
    public void Quiet_prints_no_summary_but_still_names_problems_on_stderr()
    {
        var result = CliRunner.Run("scan", folder.Root, "-o", output, "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("loglens:", l, StringComparison.Ordinal));
        Assert.Contains(LinkBackWarning(folder), lines);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public void Quiet_with_the_csv_on_standard_output_leaves_standard_error_to_problems()
    {
        using var clean = new ScanFolder(withUnreadable: false);

        var result = CliRunner.Run("scan", clean.Root, "-o", "-", "-q");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(LinkBackWarning(clean), result.Error.Trim());
        Assert.Equal(string.Empty, result.Output);
        Assert.NotEmpty(CsvTable.Parse(result.RawOutput).Rows);
    }

    [Theory]
    [InlineData("ftp\n=HYPERLINK(\"x.example\",\"open\").log")]
    [InlineData("ftp\r+1.log")]
    [InlineData("ftp\r\n@SUM(A1).log")]
    public void A_file_name_with_a_line_break_stays_in_its_row_and_starts_no_formula_on_any_line_of_the_csv(string name)
    {
        var root = Path.Combine(Path.GetTempPath(), $"loglens-names-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            var log = Path.Combine(root, name);
            File.Copy(Repo.Sample("servu.log"), log);

            var result = CliRunner.Run("scan", root, "-o", "-", "-q");

            Assert.Equal(0, result.ExitCode);
            var rows = CsvTable.Parse(result.RawOutput).Rows;
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal("servu", r["format"]));
            Assert.All(result.RawOutput.TrimStart('\uFEFF').Split('\r', '\n'), line => Assert.False(line.Length > 0 && "=+-@\t".Contains(line[0], StringComparison.Ordinal), line));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_link_to_an_ancestor_and_a_link_cycle_are_named_each_in_its_own_words_and_each_file_is_read_once()
    {
        CliRunner.Run("scan", folder.Root, "-o", output, "--quiet");
        var before = File.ReadAllBytes(output);
        Directory.CreateSymbolicLink(folder.Path("nested/deeper/up"), "../..");
        File.CreateSymbolicLink(folder.Path("a.log"), "b.log");
        File.CreateSymbolicLink(folder.Path("b.log"), "a.log");

        var result = await Task.Run(() => CliRunner.Run("scan", folder.Root, "-o", output)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(Encoding.UTF8.GetString(before), Encoding.UTF8.GetString(File.ReadAllBytes(output)));
        Assert.Contains($"loglens: {folder.Path("nested/deeper/up")}: a symbolic link to {folder.Root}, a folder it is inside of: not followed", result.Error);
        Assert.Contains($"loglens: {folder.Path("a.log")}: a symbolic link in a cycle", result.Error);
        Assert.Contains($"loglens: {folder.Path("b.log")}: a symbolic link in a cycle", result.Error);
        Assert.DoesNotContain($"{folder.Path("a.log")}: a symbolic link whose target does not exist", result.Error);
        var unreadable = result.Output[result.Output.IndexOf("Could not be read", StringComparison.Ordinal)..];
        Assert.Contains(folder.Path("a.log"), unreadable);
        Assert.DoesNotContain(folder.Path("nested/deeper/up"), unreadable);
    }

    [LinuxFact]
    public async Task A_named_pipe_in_a_folder_is_named_and_skipped_and_the_scan_ends_with_exit_0()
    {
        using var clean = new ScanFolder(withUnreadable: false);
        using var fifo = SpecialEntry.Make(SpecialEntry.Fifo, clean.Path("nested/ftp.log"));

        var result = await Task.Run(() => CliRunner.Run("scan", clean.Root, "-o", output)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"loglens: {fifo.Path}: a named pipe (FIFO), not a file: skipped", result.Error);
        Assert.Equal(ScanFolder.ReadableFiles.Select(clean.Path), CsvTable.ReadFile(output).Rows.Select(r => r["file"]).Distinct());
    }

    [LinuxFact]
    public void A_name_with_a_backslash_is_read_and_a_name_that_is_not_utf8_is_named_with_exit_1()
    {
        using var clean = new ScanFolder(withUnreadable: false);
        File.Copy(clean.Path("servu.log"), clean.Path("back\\slash.log"));
        File.Copy(clean.Path("servu.log"), clean.Path("\\"));
        SpecialEntry.Shell("cp \"$SRC\" \"$ROOT/$(printf 'bad\\377.log')\"", ("ROOT", clean.Root), ("SRC", clean.Path("servu.log")));

        var result = CliRunner.Run("scan", clean.Root, "-o", output);

        Assert.Equal(1, result.ExitCode);
        var files = CsvTable.ReadFile(output).Rows.Select(r => r["file"]).Distinct().ToArray();
        Assert.Contains(clean.Path("back\\slash.log"), files);
        Assert.Contains(clean.Path("\\"), files);
        Assert.Contains($"loglens: {clean.Path("bad\uFFFD.log")}: its name is not valid UTF-8", result.Error);
        Assert.Contains(clean.Path("bad\uFFFD.log"), result.Output[result.Output.IndexOf("Could not be read", StringComparison.Ordinal)..]);
    }

    /// <summary>What a scan says of the folder's link back to its own folder, nested/loop.</summary>
    private static string LinkBackWarning(ScanFolder scanned) =>
        $"loglens: {scanned.Path("nested/loop")}: a symbolic link to {scanned.Path("nested")}, a folder it is inside of: not followed, as it would lead back into itself";
}

/// <summary>The default output file is written to the current folder, which this changes: runs alone.</summary>
[Collection(CurrentDirectoryCollection.Name)]
public sealed class ScanCommandDefaultOutputTests
{
    [Fact]
    public void Without_o_the_csv_is_sessions_csv_in_the_current_folder_and_is_not_scanned_on_the_next_run()
    {
        using var folder = new ScanFolder(withUnreadable: false);
        var previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = folder.Root;

            var first = CliRunner.Run("scan", ".", "--quiet");
            var bytes = File.ReadAllBytes(folder.Path("sessions.csv"));
            var second = CliRunner.Run("scan", ".", "--quiet");

            Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
            Assert.Equal(bytes, File.ReadAllBytes(folder.Path("sessions.csv")));
            Assert.StartsWith("\uFEFF" + ScanCommandTests.Header, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain(CsvTable.ReadFile(folder.Path("sessions.csv")).Rows, r => r["file"].EndsWith("sessions.csv", StringComparison.Ordinal));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CurrentDirectoryCollection
{
    public const string Name = "Changes the current directory";
}

/// <summary>A CSV document read back with CsvHelper, each row by column name.</summary>
internal sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    public static CsvTable ReadFile(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    public static CsvTable Parse(string text)
    {
        using var csv = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.Select((name, i) => (name, value: csv.GetField(i)!)).ToDictionary(c => c.name, c => c.value));
        }

        return new CsvTable(header, rows);
    }
}
