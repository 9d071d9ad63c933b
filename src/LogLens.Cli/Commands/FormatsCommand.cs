using LogLens.Parsing;
using Spectre.Console;

namespace LogLens.Cli.Commands;

/// <summary><c>loglens formats</c>: the formats LogLens reads, each with a sample line.</summary>
internal sealed class FormatsCommand(CliConsoles consoles)
{
    public int Execute()
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("[bold]Name[/]")
            .AddColumn("[bold]What writes it[/]")
            .AddColumn("[bold]Sample line[/]");
        foreach (var format in FormatRegistry.BuiltIn)
        {
            table.AddRow(
                new Text(format.Name),
                new Text(format.Description),
                new Text(format.SampleLines.FirstOrDefault() ?? string.Empty));
        }

        consoles.Out.Write(table);
        return CliApp.Ok;
    }
}
