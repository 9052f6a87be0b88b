using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bedarfsanalyse.Web.Features.Errors;

/// <summary>The page users see for any error: a German sentence, never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string Title { get; private set; } = "";

    public string Text { get; private set; } = "";

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        Status = status ?? 500;
        (Title, Text) = Status switch
        {
            400 => ("Ungültige Anfrage", "Die Anfrage konnte nicht verarbeitet werden. Bitte laden Sie die Seite neu und versuchen Sie es erneut."),
            403 => ("Kein Zugriff", "Sie dürfen diese Seite nicht sehen. Der Versuch wurde protokolliert."),
            404 => ("Seite nicht gefunden", "Diese Seite gibt es nicht oder nicht mehr."),
            405 => ("Nicht erlaubt", "Diese Aktion ist hier nicht möglich."),
            413 => ("Datei zu groß", "Die gesendeten Daten sind zu groß."),
            429 => ("Zu viele Versuche", "Bitte warten Sie eine Minute und versuchen Sie es dann erneut."),
            _ => ("Ein Fehler ist aufgetreten", "Das hätte nicht passieren dürfen. Der Fehler wurde protokolliert; bitte versuchen Sie es später erneut."),
        };
        Response.StatusCode = Status;
    }
}
