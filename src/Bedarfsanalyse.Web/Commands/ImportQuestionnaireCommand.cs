using System.CommandLine;
using Bedarfsanalyse.Core.Questionnaires.Checking;
using Bedarfsanalyse.Web.Features.Questionnaires;

namespace Bedarfsanalyse.Web.Commands;

/// <summary>
/// import-questionnaire FILE.xlsx [--publish] [--replace-draft]: an XLSForm workbook as a draft (or published); an open
/// draft of the same questionnaire is replaced only with --replace-draft.
/// import-questionnaire --network: the network's own employer and employee questionnaires, published.
/// </summary>
internal static class ImportQuestionnaireCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "XLSForm-Arbeitsmappe (.xlsx)", Arity = ArgumentArity.ZeroOrOne };
        var publish = new Option<bool>("--publish") { Description = "Nach bestandener Prüfung gleich veröffentlichen." };
        var replaceDraft = new Option<bool>("--replace-draft") { Description = "Einen unveröffentlichten Entwurf desselben Fragebogens ersetzen (sonst wird abgebrochen)." };
        var network = new Option<bool>("--network") { Description = "Die mitgelieferten Fragebögen des Verbunds (Betriebe, Beschäftigte) veröffentlichen." };
        var command = new Command("import-questionnaire", "Übernimmt einen Fragebogen aus einer XLSForm-Datei.") { file, publish, replaceDraft, network };
        command.SetAction((parseResult, cancellationToken) => CommandHost.RunAsync(async (services, ct) =>
        {
            if (parseResult.GetValue(network))
            {
                var setup = await services.GetRequiredService<NetworkQuestionnaireSetup>().EnsurePublishedAsync(ct);
                foreach (var published in setup.Published)
                {
                    Console.WriteLine($"Veröffentlicht: {published.Key}, Version {published.Number}");
                }

                foreach (var reason in setup.Waiting)
                {
                    await Console.Error.WriteLineAsync("Fehler: " + reason);
                }

                if (setup.Published.Count == 0 && setup.Waiting.Count == 0)
                {
                    Console.WriteLine("Die Fragebögen des Verbunds sind bereits in dieser Fassung veröffentlicht.");
                }

                return setup.Waiting.Count == 0 ? 0 : CommandRunner.Failed;
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
                throw new CommandFailedException($"{path.Name}: {XlsForm.XlsFormReader.TooLargeReason(QuestionnaireImport.MaxBytes)}");
            }

            var outcome = await services.GetRequiredService<QuestionnaireImport>()
                .ImportAsync(await File.ReadAllBytesAsync(path.FullName, ct), parseResult.GetValue(publish), parseResult.GetValue(replaceDraft), ct);
            if (outcome.Draft is { } draft)
            {
                await Console.Error.WriteLineAsync($"Fehler: {path.Name} wurde nicht übernommen. " + draft.Message("rufen Sie den Befehl mit --replace-draft erneut auf"));
                return CommandRunner.Failed;
            }

            if (!outcome.Succeeded)
            {
                await Console.Error.WriteLineAsync($"Fehler: {path.Name} wurde nicht übernommen; es hat sich nichts geändert.");
                foreach (var message in outcome.Errors!.ByField.SelectMany(e => e.Value))
                {
                    await Console.Error.WriteLineAsync("  " + message);
                }

                return CommandRunner.Failed;
            }

            var saved = outcome.Saved!;
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
