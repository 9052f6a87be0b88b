using System.CommandLine;
using System.Globalization;
using Bedarfsanalyse.Web.Commands;

// Messages of the command line itself (parse errors, help) in German, like everything else the operator reads.
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");

// One executable: the web app, the report worker and the admin commands.
var root = new RootCommand("Bedarfsanalyse – Weiterbildungsbedarfe in regionalen Verbünden erheben und berichten");

ServeCommand.AddTo(root);                            // serve (default): web app on a private or configured PostgreSQL
root.Subcommands.Add(MigrateCommand.Create());        // migrate: bring the database schema up to date
root.Subcommands.Add(CreateAdminCommand.Create());    // create-admin EMAIL: first admin, one-time password
root.Subcommands.Add(ApplyRetentionCommand.Create()); // apply-retention: delete contact data past its retention period
root.Subcommands.Add(ImportQuestionnaireCommand.Create()); // import-questionnaire FILE.xlsx [--publish] | --network
root.Subcommands.Add(SeedDemoCommand.Create());       // seed-demo: demo data (S/M/L) by binary COPY
root.Subcommands.Add(ReportCommand.Create());         // report --network KEY --district 03255 --quarter 2026-Q3: quarterly PDF
root.Subcommands.Add(ExportCommand.Create());         // export --network KEY --quarter 2026-Q3 [--to ...]: analyst workbook, CSV, SPSS
root.Subcommands.Add(BenchCommand.Create());          // bench: performance figures as a table and JSON

return await CommandRunner.InvokeAsync(root, args);
