using System.IO.Compression;
using Bedarfsanalyse.Core.Formatting;
using ClosedXML.Excel;

namespace Bedarfsanalyse.XlsForm;

/// <summary>
/// Imports an XLSForm workbook (.xlsx with the sheets survey, choices and settings) as a questionnaire definition.
/// Whatever the file holds, the result is either a definition that passes the engine's static checks or a list of
/// German errors with their place (sheet, row, column); the method does not throw for bad input.
/// </summary>
public static class XlsFormReader
{
    /// <summary>Questionnaires are small; a larger file is refused before anything is unpacked.</summary>
    public const int DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>An .xlsx is a zip: its unpacked size is checked too, so that a small file cannot unpack into gigabytes.</summary>
    private const long MaxUnpackedBytes = 200L * 1024 * 1024;

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] LegacyExcelSignature = [0xD0, 0xCF, 0x11, 0xE0];

    public static XlsFormImportResult Read(Stream stream, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return Read(buffer.ToArray(), maxBytes);
    }

    public static XlsFormImportResult Read(byte[] content, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        if (StartsWith(content, LegacyExcelSignature))
        {
            return Failed("Die Datei ist eine Excel-Arbeitsmappe im alten Format (.xls). Bitte speichern Sie sie in Excel als .xlsx und laden Sie sie erneut.");
        }

        if (!StartsWith(content, ZipSignature))
        {
            return Failed("Die Datei ist keine Excel-Arbeitsmappe (.xlsx).");
        }

        XLWorkbook workbook;
        try
        {
            if (UnpackedSize(content) > MaxUnpackedBytes)
            {
                return Failed($"Die Arbeitsmappe ist entpackt größer als {Size(MaxUnpackedBytes)} und wird nicht gelesen.");
            }

            workbook = new XLWorkbook(new MemoryStream(content, writable: false));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Failed("Die Datei lässt sich nicht als Excel-Arbeitsmappe (.xlsx) öffnen; sie ist beschädigt oder hat ein anderes Format.");
        }

        using (workbook)
        {
            return new XlsFormImport(workbook).Run();
        }
    }

    private static bool StartsWith(byte[] content, byte[] signature) => content.AsSpan().StartsWith(signature);

    private static long UnpackedSize(byte[] content)
    {
        using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        return archive.Entries.Sum(e => e.Length);
    }

    private static XlsFormImportResult TooLarge(int maxBytes) => Failed(TooLargeReason(maxBytes));

    /// <summary>The German reason for a file over the limit, naming the limit; uploads refused before reading say the same.</summary>
    public static string TooLargeReason(int maxBytes) => $"Die Datei ist größer als {Size(maxBytes)}; ein Fragebogen ist deutlich kleiner.";

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? GermanFigureFormat.Exact(Math.Round(bytes / (1024m * 1024m), 1)) + " MB"
        : GermanFigureFormat.Exact(Math.Round(bytes / 1024m, 1)) + " KB";

    private static XlsFormImportResult Failed(string reason) => new(null, [new XlsFormMessage(null, null, null, null, null, reason)], []) { FileRefused = true };
}
