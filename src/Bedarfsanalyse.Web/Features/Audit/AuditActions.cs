namespace Bedarfsanalyse.Web.Features.Audit;

/// <summary>The actions the audit trail records, with the German words the admin reads.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignOut = "sign-out";
    public const string PasswordChanged = "password-changed";
    public const string AccessDenied = "access-denied";
    public const string RequestRefused = "request-refused";
    public const string UserCreated = "user-created";
    public const string UserChanged = "user-changed";
    public const string RoleChanged = "role-changed";
    public const string TokenCreated = "token-created";
    public const string TokenRevoked = "token-revoked";
    public const string NetworkChanged = "network-changed";
    public const string TargetsChanged = "targets-changed";
    public const string MarginsUploaded = "margins-uploaded";
    public const string DistrictAdded = "district-added";
    public const string EstablishmentCreated = "establishment-created";
    public const string ContactViewed = "contact-viewed";
    public const string ContactErased = "contact-erased";
    public const string ContactExpired = "contact-expired";
    public const string InterviewCreated = "interview-created";
    public const string InterviewCompleted = "interview-completed";
    public const string InterviewChanged = "interview-changed";
    public const string InterviewsImported = "interviews-imported";
    public const string AuditExported = "audit-exported";
    public const string AuditRedacted = "audit-redacted";
    public const string QuestionnaireSaved = "questionnaire-saved";
    public const string ReportDownloaded = "report-downloaded";
    public const string ExportDownloaded = "export-downloaded";
    public const string QuestionnairePublished = "questionnaire-published";

    private static readonly Dictionary<string, string> Labels = new()
    {
        [SignIn] = "Anmeldung",
        [SignInFailed] = "Anmeldung fehlgeschlagen",
        [LockedOut] = "Konto gesperrt",
        [SignOut] = "Abmeldung",
        [PasswordChanged] = "Passwort geändert",
        [AccessDenied] = "Zugriff verweigert",
        [RequestRefused] = "Anfrage abgewiesen (Anmeldedaten ungültig)",
        [UserCreated] = "Konto angelegt",
        [UserChanged] = "Konto geändert",
        [RoleChanged] = "Rollen geändert",
        [TokenCreated] = "API-Token erstellt",
        [TokenRevoked] = "API-Token widerrufen",
        [NetworkChanged] = "Verbund geändert",
        [TargetsChanged] = "Soll-Werte geändert",
        [MarginsUploaded] = "Grundgesamtheit hochgeladen",
        [DistrictAdded] = "Kreis angelegt",
        [EstablishmentCreated] = "Betrieb angelegt",
        [ContactViewed] = "Kontaktdaten angesehen",
        [ContactErased] = "Kontaktdaten gelöscht (auf Antrag)",
        [ContactExpired] = "Kontaktdaten gelöscht (Aufbewahrungsfrist)",
        [InterviewCreated] = "Interview angelegt",
        [InterviewCompleted] = "Interview abgeschlossen",
        [InterviewChanged] = "Interview geändert",
        [InterviewsImported] = "Interviews importiert",
        [AuditExported] = "Protokoll exportiert",
        [AuditRedacted] = "Protokoll: Namen und Adressen abgewiesener Versuche entfernt (Aufbewahrungsfrist)",
        [QuestionnaireSaved] = "Fragebogen-Entwurf gespeichert",
        [ReportDownloaded] = "Bericht heruntergeladen",
        [ExportDownloaded] = "Arbeitsmappe heruntergeladen",
        [QuestionnairePublished] = "Fragebogen veröffentlicht",
    };

    public static IReadOnlyDictionary<string, string> All => Labels;

    public static string Label(string action) => Labels.GetValueOrDefault(action, action);
}
