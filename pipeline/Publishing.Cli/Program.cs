using System.Text;
using Publishing.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
var signals = Interruption.Handle(args);
try
{
    return PublishingCli.Run(args, Console.Out, Console.Error);
}
finally
{
    foreach (var signal in signals) signal.Dispose();
}
