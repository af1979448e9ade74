using ApimLint.Cli;

return CommandLine.Run(args, Console.Out, Console.Error, Environment.CurrentDirectory, Terminal.UseColor());
