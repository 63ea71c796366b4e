using System.Text;
using Publishing.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
return PublishingCli.Run(args, Console.Out, Console.Error);
