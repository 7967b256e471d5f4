using System.CommandLine;
using TensorLinear.Cli.Commands;

var root = new RootCommand("TensorLinear: check the mathematics of linear models by machine, by hand-derived reference and libtorch autograd side by side.");
root.Subcommands.Add(EngineCommand.Create());
return root.Parse(args).Invoke();
