using System.Text;
using Publishing.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
var signals = Interruption.Handle(args);
try
{
    var exitCode = PublishingCli.Run(args, Console.Out, Console.Error);
    return Interruption.RequestedExit ?? exitCode;
}
finally
{
    foreach (var signal in signals) signal.Dispose();
}
