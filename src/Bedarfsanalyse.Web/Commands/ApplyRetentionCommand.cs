using System.CommandLine;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Features.Establishments;

namespace Bedarfsanalyse.Web.Commands;

/// <summary>
/// apply-retention: deletes contact data whose retention period has passed and removes names and addresses of old
/// refused attempts from the audit trail (the scheduler runs the same daily).
/// </summary>
internal static class ApplyRetentionCommand
{
    public static Command Create()
    {
        var command = new Command("apply-retention",
            "Löscht Kontaktdaten von Betrieben, deren Aufbewahrungsfrist abgelaufen ist, und entfernt Namen und Adressen alter abgewiesener Anmeldeversuche aus dem Protokoll.");
        command.SetAction((_, cancellationToken) => CommandHost.RunAsync(async (services, ct) =>
        {
            var erased = await services.GetRequiredService<ContactRetention>().ApplyAsync(ct);
            Console.WriteLine(erased == 0
                ? "Keine Kontaktdaten mit abgelaufener Frist."
                : $"Kontaktdaten von {erased} Betrieb(en) gelöscht; die Antworten bleiben pseudonymisiert erhalten.");
            var audit = services.GetRequiredService<AuditRetention>();
            var redacted = await audit.ApplyAsync(ct);
            Console.WriteLine(redacted == 0
                ? $"Protokoll: keine abgewiesenen Versuche älter als {audit.RetentionDays} Tage mit Namen oder Adresse."
                : $"Protokoll: Namen und Adressen aus {redacted} Einträgen abgewiesener Versuche entfernt (älter als {audit.RetentionDays} Tage).");
            return 0;
        }, cancellationToken));
        return command;
    }
}
