using System.CommandLine;
using Bedarfsanalyse.Web.Features.Establishments;

namespace Bedarfsanalyse.Web.Commands;

/// <summary>apply-retention: deletes contact data whose retention period has passed (the scheduler runs the same daily).</summary>
internal static class ApplyRetentionCommand
{
    public static Command Create()
    {
        var command = new Command("apply-retention", "Löscht Kontaktdaten von Betrieben, deren Aufbewahrungsfrist abgelaufen ist.");
        command.SetAction((_, cancellationToken) => CommandHost.RunAsync(async (services, ct) =>
        {
            var erased = await services.GetRequiredService<ContactRetention>().ApplyAsync(ct);
            Console.WriteLine(erased == 0
                ? "Keine Kontaktdaten mit abgelaufener Frist."
                : $"Kontaktdaten von {erased} Betrieb(en) gelöscht; die Antworten bleiben pseudonymisiert erhalten.");
            return 0;
        }, cancellationToken));
        return command;
    }
}
