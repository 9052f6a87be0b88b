namespace Bedarfsanalyse.Web.Security;

/// <summary>
/// API errors as RFC 9457 problem details with German titles; never an exception's text or stack trace.
/// </summary>
internal static class GermanProblemDetails
{
    public static IServiceCollection AddGermanProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (TitleFor(status) is { } title && (problem.Title is null || IsDefaultEnglish(problem.Title)))
            {
                problem.Title = title;
            }

            if (status >= 500)
            {
                problem.Detail = "Bitte versuchen Sie es später erneut. Der Fehler wurde protokolliert.";
            }

            problem.Extensions.Remove("exception");
            problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });

    public static string? TitleFor(int status) => status switch
    {
        400 => "Ungültige Anfrage",
        401 => "Nicht angemeldet",
        403 => "Keine Berechtigung",
        404 => "Nicht gefunden",
        405 => "Methode nicht erlaubt",
        409 => "Konflikt",
        413 => "Anfrage zu groß",
        415 => "Format nicht unterstützt",
        422 => "Nicht verarbeitbar",
        429 => "Zu viele Anfragen",
        >= 500 => "Interner Fehler",
        _ => null,
    };

    private static bool IsDefaultEnglish(string title) =>
        title.Contains("error", StringComparison.OrdinalIgnoreCase)
        || title is "Bad Request" or "Unauthorized" or "Forbidden" or "Not Found" or "Conflict" or "Method Not Allowed"
            or "Payload Too Large" or "Content Too Large" or "Unsupported Media Type" or "Too Many Requests" or "Unprocessable Entity";
}
