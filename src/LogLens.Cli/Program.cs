using System.Runtime.InteropServices;
using LogLens.Cli;

// The first Ctrl+C (or a SIGTERM) asks the command to stop, so that it removes what it had begun to
// write; a second one ends the process at once.
using var interrupted = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return CliApp.Run(args, CliConsoles.ForProcess(), interrupted.Token);

void Stop(PosixSignalContext context)
{
    if (!interrupted.IsCancellationRequested)
    {
        context.Cancel = true;
        interrupted.Cancel();
    }
}
