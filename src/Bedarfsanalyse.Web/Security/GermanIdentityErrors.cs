using Microsoft.AspNetCore.Identity;

namespace Bedarfsanalyse.Web.Security;

/// <summary>Identity's messages in German, as users see them.</summary>
internal sealed class GermanIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Ein unbekannter Fehler ist aufgetreten.");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Das Konto wurde inzwischen geändert. Bitte laden Sie die Seite neu.");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Das Passwort ist falsch.");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Der Link ist ungültig oder abgelaufen.");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"„{userName}“ ist kein gültiger Benutzername.");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"„{email}“ ist keine gültige E-Mail-Adresse.");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Es gibt bereits ein Konto für „{userName}“.");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Es gibt bereits ein Konto mit der E-Mail-Adresse „{email}“.");

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"„{role}“ ist keine gültige Rolle.");

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"Die Rolle „{role}“ gibt es bereits.");

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Das Konto hat bereits ein Passwort.");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Für dieses Konto ist keine Sperre vorgesehen.");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"Das Konto hat die Rolle „{role}“ bereits.");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"Das Konto hat die Rolle „{role}“ nicht.");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Das Passwort muss mindestens {length} Zeichen lang sein.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"Das Passwort muss mindestens {uniqueChars} verschiedene Zeichen enthalten.");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Das Passwort muss ein Sonderzeichen enthalten.");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Das Passwort muss eine Ziffer enthalten.");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Das Passwort muss einen Kleinbuchstaben enthalten.");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Das Passwort muss einen Großbuchstaben enthalten.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
