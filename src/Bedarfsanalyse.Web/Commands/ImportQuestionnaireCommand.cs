using System.CommandLine;
using Bedarfsanalyse.Core.Questionnaires.Checking;
using Bedarfsanalyse.Web.Features.Questionnaires;

namespace Bedarfsanalyse.Web.Commands;

/// <summary>
/// import-questionnaire FILE.xlsx [--publish]: an XLSForm workbook as a draft (or published);
/// import-questionnaire --network: the network's own employer and employee questionnaires, published.
/// </summary>
internal static class ImportQuestionnaireCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "XLSForm-Arbeitsmappe (.xlsx)", Arity = ArgumentArity.ZeroOrOne };
        var publish = new Option<bool>("--publish") { Description = "Nach bestandener Prüfung gleich veröffentlichen." };
        var network = new Option<bool>("--network") { Description = "Die mitgelieferten Fragebögen des Verbunds (Betriebe, Beschäftigte) veröffentlichen." };
        var command = new Command("import-questionnaire", "Übernimmt einen Fragebogen aus einer XLSForm-Datei.") { file, publish, network };
        command.SetAction((parseResult, cancellationToken) => CommandHost.RunAsync(async (services, ct) =>
        {
            if (parseResult.GetValue(network))
            {
                var published = await services.GetRequiredService<NetworkQuestionnaireSetup>().EnsurePublishedAsync(ct);
                Console.WriteLine(published.Count == 0
                    ? "Die Fragebögen des Verbunds sind bereits in dieser Fassung veröffentlicht."
                    : string.Join(Environment.NewLine, published.Select(p => $"Veröffentlicht: {p.Key}, Version {p.Number}")));
                return 0;
            }

            var path = parseResult.GetValue(file);
            if (path is null || !path.Exists)
            {
                throw new CommandFailedException(path is null
                    ? "Bitte geben Sie die XLSForm-Datei an (oder --network für die mitgelieferten Fragebögen)."
                    : $"Die Datei {path.FullName} gibt es nicht.");
            }

            if (path.Length > QuestionnaireImport.MaxBytes)
            {
                throw new CommandFailedException($"Die Datei {path.Name} ist größer als {QuestionnaireImport.MaxBytes / 1024 / 1024} MB.");
            }

            var outcome = await services.GetRequiredService<QuestionnaireImport>()
                .ImportAsync(await File.ReadAllBytesAsync(path.FullName, ct), parseResult.GetValue(publish), ct);
            if (!outcome.Succeeded)
            {
                await Console.Error.WriteLineAsync($"Fehler: {path.Name} wurde nicht übernommen; es hat sich nichts geändert.");
                foreach (var message in outcome.Errors!.ByField.SelectMany(e => e.Value))
                {
                    await Console.Error.WriteLineAsync("  " + message);
                }

                return CommandRunner.Failed;
            }

            var saved = outcome.Value!;
            Console.WriteLine($"{saved.Key}, Version {saved.Number}: {(saved.Status == "published" ? "veröffentlicht" : "als Entwurf gespeichert")}.");
            foreach (var problem in saved.Problems)
            {
                Console.WriteLine($"  {(problem.Severity == ProblemSeverity.Error ? "Fehler" : "Hinweis")}: {problem.Message}");
            }

            return 0;
        }, cancellationToken));
        return command;
    }
}
