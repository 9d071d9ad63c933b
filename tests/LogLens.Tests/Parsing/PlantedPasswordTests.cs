using LogLens.Parsing;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing;

/// <summary>
/// A password planted in every PASS, URL, password-field and anonymous-login shape of every format's sample
/// lines reaches no event, whichever format reads the lines: redaction is one pass for every dialect, on
/// every line, recognized or not.
/// </summary>
public class PlantedPasswordTests
{
    public static TheoryData<string, string> WrittenAndRead()
    {
        var data = new TheoryData<string, string>();
        foreach (var written in FormatRegistry.BuiltIn)
        {
            foreach (var read in FormatRegistry.BuiltIn)
            {
                data.Add(written.Name, read.Name);
            }
        }

        return data;
    }

    public static TheoryData<string> FormatNames() => new(FormatRegistry.BuiltIn.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(WrittenAndRead))]
    public void A_password_planted_in_a_formats_lines_reaches_no_event_whatever_format_reads_them(string written, string read)
    {
        var lines = PlantedPasswords.Lines(FormatRegistry.Find(written)!).ToArray();

        var events = Lines.Parse(FormatRegistry.Find(read)!, lines);

        Assert.Equal(lines.Length, events.Count);
        Assert.All(events, e => Assert.DoesNotContain(PlantedPasswords.Secret, e.ToString(), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void Every_formats_sample_lines_get_the_password_in_every_shape(string name)
    {
        var format = FormatRegistry.Find(name)!;

        var planted = PlantedPasswords.Lines(format).Where(l => l.Contains(PlantedPasswords.Secret, StringComparison.Ordinal)).ToArray();

        Assert.True(
            planted.Length >= format.SampleLines.Count * (PlantedPasswords.PassShapes.Count + PlantedPasswords.OtherShapes.Count),
            $"{planted.Length} planted lines");
    }

    [Theory]
    [InlineData("cuteftp-en")]
    [InlineData("cuteftp-zh")]
    [InlineData("filezilla-client")]
    [InlineData("filezilla-server")]
    [InlineData("ftpd")]
    [InlineData("iis-ftp")]
    [InlineData("servu")]
    [InlineData("timestamped")]
    [InlineData("vsftpd")]
    [InlineData("xferlog")]
    public void A_format_whose_samples_hold_a_masked_password_gets_the_planted_one_in_its_place(string name)
    {
        var planted = FormatRegistry.Find(name)!.SampleLines.SelectMany(PlantedPasswords.InPlace);

        Assert.NotEmpty(planted);
    }
}
