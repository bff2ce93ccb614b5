using GovStatsValidation.Cli;

Console.OutputEncoding = System.Text.Encoding.UTF8;
return CliApp.Run(args, CliContext.ForConsole());
