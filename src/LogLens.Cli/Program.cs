using LogLens.Cli;

return CliApp.Run(args, CliConsoles.ForProcess());
