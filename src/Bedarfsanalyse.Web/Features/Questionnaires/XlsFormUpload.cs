using Bedarfsanalyse.XlsForm;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Bedarfsanalyse.Web.Features.Questionnaires;

/// <summary>
/// Reads the workbook of an upload (multipart/form-data, field "file") itself rather than through model binding, so
/// that every refusal is a German message naming the limit. A request announcing more than the limit is refused before
/// anything is read; one without a length is read section by section and refused once it passes the limit, with no
/// more than the file kept in memory and nothing spooled to disk. The endpoints set no server limit: that would close
/// the connection on a large body, and the client would see a broken pipe instead of the message. The server reads
/// and discards what remains of a refused body, as it does for any unread body.
/// </summary>
internal static class XlsFormUpload
{
    /// <summary>Room for the multipart envelope (boundaries, headers, other fields) around a file of the largest size.</summary>
    public const long EnvelopeBytes = 64 * 1024;

    /// <summary>The most a request may carry.</summary>
    public const long MaxRequestBytes = QuestionnaireImport.MaxBytes + EnvelopeBytes;

    private const int MaxSections = 16;

    public const string NoFile = "Bitte senden Sie die XLSForm-Datei (.xlsx) im Feld „file“ (multipart/form-data).";

    public static string TooLarge => XlsFormReader.TooLargeReason(QuestionnaireImport.MaxBytes);

    public static async Task<Outcome<byte[]>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxRequestBytes)
        {
            return InputErrors.Of("file", TooLarge);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return InputErrors.Of("file", NoFile);
        }

        try
        {
            return await ReadFileSectionAsync(new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 }, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return InputErrors.Of("file", "Die Anfrage ist kein lesbares multipart/form-data. " + NoFile);
        }
    }

    private static async Task<Outcome<byte[]>> ReadFileSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        byte[]? file = null;
        long total = 0;
        var sections = 0;
        var chunk = new byte[81920];
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (++sections > MaxSections)
            {
                return InputErrors.Of("file", $"Die Anfrage hat zu viele Teile (höchstens {MaxSections}). " + NoFile);
            }

            var isFile = file is null && section.GetContentDispositionHeader() is { } disposition
                && HeaderUtilities.RemoveQuotes(disposition.Name).Equals("file", StringComparison.Ordinal);
            using var content = isFile ? new MemoryStream() : null;
            int read;
            while ((read = await section.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                total += read;
                if (total > MaxRequestBytes || content?.Length + read > QuestionnaireImport.MaxBytes)
                {
                    return InputErrors.Of("file", TooLarge);
                }

                content?.Write(chunk, 0, read);
            }

            if (content is not null)
            {
                file = content.ToArray();
            }
        }

        return file is { Length: > 0 } ? file : InputErrors.Of("file", NoFile);
    }
}
