using System.CommandLine;
using Spectre.Console;

namespace LogLens.Cli.Rendering;

/// <summary>
/// <c>loglens --help</c> and <c>loglens COMMAND --help</c>: what a command does, how it is called, its
/// examples, arguments and options (or, for <c>loglens</c> itself, its commands).
/// </summary>
internal sealed class HelpView(IAnsiConsole output, CliDefinition cli)
{
    /// <summary>The most examples <c>loglens --help</c> lists (each command lists all of its own).</summary>
    private const int RootExamples = 5;

    public void Render(Command command)
    {
        var isRoot = command == cli.Root;
        if (!isRoot)
        {
            output.MarkupLine("[yellow]DESCRIPTION:[/]");
            output.MarkupLine(Sentence(command.Description));
            output.WriteLine();
        }

        output.MarkupLine("[yellow]USAGE:[/]");
        var usage = isRoot
            ? "loglens [grey][[OPTIONS]][/] [aqua]<COMMAND>[/]"
            : $"loglens {command.Name}{string.Concat(command.Arguments.Select(a => " [silver]" + Markup.Escape(ArgumentName(a)) + "[/]"))} [grey][[OPTIONS]][/]";
        output.MarkupLine("    " + usage);

        var examples = isRoot
            ? cli.Root.Subcommands.SelectMany(c => cli.Examples.GetValueOrDefault(c) ?? []).Take(RootExamples).ToList()
            : cli.Examples.GetValueOrDefault(command) ?? [];
        if (examples.Count > 0)
        {
            output.WriteLine();
            output.MarkupLine("[yellow]EXAMPLES:[/]");
            foreach (var example in examples)
            {
                output.MarkupLine("    loglens " + Markup.Escape(string.Join(' ', example)));
            }
        }

        if (command.Arguments.Count > 0)
        {
            output.WriteLine();
            output.MarkupLine("[yellow]ARGUMENTS:[/]");
            output.Write(Table(command.Arguments.Select(a => (Markup.Escape(ArgumentName(a)), a.Description))));
        }

        output.WriteLine();
        output.MarkupLine("[yellow]OPTIONS:[/]");
        var options = isRoot ? command.Options : command.Options.Prepend(cli.Help);
        output.Write(Table(options.Select(o => (OptionName(o), o.Description))));

        if (isRoot)
        {
            output.WriteLine();
            output.MarkupLine("[yellow]COMMANDS:[/]");
            output.Write(Table(command.Subcommands.Select(c => (
                Markup.Escape(c.Name + string.Concat(c.Arguments.Where(cli.IsRequired).Select(a => " " + ArgumentName(a)))),
                c.Description))));
        }
    }

    /// <summary>An argument as usage shows it: <c>&lt;PATH&gt;</c> when it is needed, <c>[FILE]</c> when not.</summary>
    private string ArgumentName(Argument argument) =>
        cli.IsRequired(argument) ? $"<{argument.Name}>" : $"[{argument.Name}]";

    /// <summary><c>-o, --output &lt;FILE&gt;</c>; an option with no short name is aligned with those that have one.</summary>
    private static string OptionName(Option option)
    {
        var shortName = option.Aliases.FirstOrDefault(a => a.Length == 2 && a[0] == '-' && a[1] != '-');
        var value = option.HelpName is null ? string.Empty : $" <{option.HelpName}>";
        return Markup.Escape((shortName is null ? "    " : shortName + ", ") + option.Name + value);
    }

    /// <summary>Names (markup) and descriptions (markup) in two columns, the descriptions wrapped.</summary>
    private static Grid Table(IEnumerable<(string Name, string? Description)> rows)
    {
        var grid = new Grid()
            .AddColumn(new GridColumn().PadLeft(4).PadRight(4).NoWrap())
            .AddColumn(new GridColumn().PadLeft(0).PadRight(0));
        foreach (var (name, description) in rows)
        {
            grid.AddRow(new Markup(name), new Markup(Sentence(description)));
        }

        return grid;
    }

    /// <summary>A description as help lists it: without its final full stop, as a list entry is.</summary>
    private static string Sentence(string? description) =>
        description is null ? string.Empty : description.EndsWith('.') ? description[..^1] : description;
}
