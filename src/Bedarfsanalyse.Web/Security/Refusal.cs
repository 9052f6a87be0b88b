using Bedarfsanalyse.Web.Features.Audit;

namespace Bedarfsanalyse.Web.Security;

/// <summary>
/// Why a request was refused before any role was looked at: credentials that do not hold. The code goes into the
/// audit trail's details, the text is what the admin reads.
/// </summary>
public sealed record Refusal(string Code, string Text)
{
    public static readonly Refusal TokenMalformed = new("token-malformed", "API-Token in unbekanntem Format");
    public static readonly Refusal TokenUnknown = new("token-unknown", "API-Token unbekannt");
    public static readonly Refusal TokenRevoked = new("token-revoked", "API-Token widerrufen");
    public static readonly Refusal TokenExpired = new("token-expired", "API-Token abgelaufen");
    public static readonly Refusal AccountLocked = new("account-locked", "Konto des API-Tokens gesperrt");
    public static readonly Refusal CookieInvalid = new("cookie-invalid", "Anmelde-Cookie ungültig (verändert oder nicht von dieser Anwendung)");
    public static readonly Refusal Antiforgery = new("antiforgery", "Formular ohne gültiges Fälschungsschutz-Token");
}

/// <summary>
/// The failure an authentication handler reports for refused credentials, carrying what the audit trail records:
/// the owner when the credentials name one (a revoked token's user), and what repeats of the same refusal are
/// counted under.
/// </summary>
public sealed class CredentialsRefusedException(Refusal refusal, AuditActor? owner = null, string? repeatKey = null, object? details = null)
    : Exception(refusal.Text)
{
    public Refusal Refusal { get; } = refusal;

    public AuditActor? Owner { get; } = owner;

    /// <summary>What repeats are counted under (e.g. the token id); null: the caller's address.</summary>
    public string? RepeatKey { get; } = repeatKey;

    public object? Details { get; } = details;
}
