using System.CommandLine;
using Bedarfsanalyse.Web.Commands;

// One executable: the web app, the report worker and the admin commands.
var root = new RootCommand("Bedarfsanalyse – Weiterbildungsbedarfe in regionalen Verbünden erheben und berichten");

ServeCommand.AddTo(root);                 // serve (default): web app on a private or configured PostgreSQL
root.Subcommands.Add(MigrateCommand.Create()); // migrate: bring the database schema up to date
root.Subcommands.Add(BenchCommand.Create());   // bench: performance figures as a table and JSON

return await CommandRunner.InvokeAsync(root, args);
