using ClosedXML.Excel;

namespace Bedarfsanalyse.XlsForm;

/// <summary>
/// Imports an XLSForm workbook (.xlsx with the sheets survey, choices and settings) as a questionnaire definition.
/// Whatever the file holds, the result is either a definition that passes the engine's static checks or a list of
/// German errors with their place (sheet, row, column); the method does not throw for bad input.
/// </summary>
public static class XlsFormReader
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] LegacyExcelSignature = [0xD0, 0xCF, 0x11, 0xE0];

    public static XlsFormImportResult Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.ToArray());
    }

    public static XlsFormImportResult Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
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

    private static XlsFormImportResult Failed(string reason) => new(null, [new XlsFormMessage(null, null, null, null, null, reason)], []);
}
