using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>
/// A JSON request body read by the endpoint itself, so that a body that is not JSON, a field of the wrong type or a
/// body over the size limit becomes a 400 that names the field in German (the framework's own binding answers such
/// bodies with a generic problem, and an oversized one with 413). The field names are those of the request.
/// </summary>
public sealed class JsonRequestBody<T>
    where T : class
{
    private JsonRequestBody(T? value, InputErrors? errors) => (Value, Errors) = (value, errors);

    public T? Value { get; }

    /// <summary>What made the body unreadable, or null.</summary>
    public InputErrors? Errors { get; }

    public static async ValueTask<JsonRequestBody<T>> BindAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var tooLarge = InputErrors.Of("body", $"Die Anfrage ist zu groß: höchstens {InterviewsApi.MaxBodyBytes / 1024:N0} KB sind erlaubt.");
        if (context.Request.ContentLength > InterviewsApi.MaxBodyBytes)
        {
            return new(null, tooLarge);
        }

        JsonDocument document;
        try
        {
            // Read up to the limit whatever the server enforces (a chunked body has no length to check up front).
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > InterviewsApi.MaxBodyBytes)
                {
                    return new(null, tooLarge);
                }

                buffer.Write(chunk, 0, read);
            }

            // Syntax first (where in the text), then types (which field): two messages a client can act on.
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (Zeile {line + 1}, Zeichen {e.BytePositionInLine + 1})" : "";
            return new(null, InputErrors.Of("body", $"Die Anfrage ist kein gültiges JSON{where}."));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, tooLarge);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new(null, InputErrors.Of("body", "Erwartet wird ein JSON-Objekt ({ … })."));
            }

            try
            {
                return new(document.Deserialize<T>(options), null);
            }
            catch (JsonException e)
            {
                var field = FieldOf(e.Path);
                return new(null, InputErrors.Of(field, MessageFor(field)));
            }
        }
    }

    /// <summary>"$.consent.given" → "consent.given"; the body itself is "body".</summary>
    private static string FieldOf(string? path)
    {
        var field = (path ?? "$").TrimStart('$').TrimStart('.');
        var bracket = field.IndexOf('[');
        if (bracket >= 0)
        {
            // "answers['a b']" and the like: the name inside the brackets is the answer's question.
            field = field[..bracket] + "." + field[(bracket + 1)..].Trim('[', ']', '\'');
        }

        return field.Length == 0 ? "body" : field;
    }

    private static string MessageFor(string field) => field switch
    {
        "id" or "establishmentId" => $"„{field}“ muss eine UUID als Text sein, z. B. \"0195f3a2-7c1e-7d4b-9a51-2f6e8c0b1d3e\".",
        "version" => "„version“ muss die Zahl aus der letzten Antwort sein (eine ganze Zahl ab 0, ohne Anführungszeichen).",
        "questionnaireVersion" => "„questionnaireVersion“ muss eine ganze Zahl sein.",
        "conductedOn" => "„conductedOn“ muss ein Datum als Text sein (JJJJ-MM-TT).",
        "consent" => "„consent“ muss ein Objekt sein, z. B. {\"given\": true}.",
        "consent.given" => "„consent.given“ muss true oder false sein.",
        "answers" => "„answers“ muss ein Objekt sein: Frage → Antwort.",
        _ => $"„{field}“ hat den falschen Typ.",
    };
}
