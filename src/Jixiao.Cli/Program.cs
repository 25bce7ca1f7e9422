using System.CommandLine;
using System.Text;
using Jixiao.Cli;

Console.OutputEncoding = Encoding.UTF8;
var root = new RootCommand("绩效 Jixiao：财政项目支出绩效目标申报表与自评表的导入、评分、审核与输出");
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(ScoreCommand.Create());
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(DbCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(TemplateCommand.Create());
root.Subcommands.Add(CorpusCommand.Create());
return await root.Parse(args).InvokeAsync();
