using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bedarfsanalyse.Reports.Pdf.Layout;

/// <summary>
/// Sets the document language (/Lang) in the catalogue of a finished PDF. SkiaSharp 3.119's PDF metadata has no
/// language field, so an incremental update is appended: a new revision of the catalogue object, a one-entry
/// cross-reference section and a trailer pointing back to Skia's. Every conforming reader applies it; the bytes
/// Skia wrote stay untouched. Also asks viewers to show the title instead of the file name (DisplayDocTitle).
/// </summary>
internal static partial class DocumentLanguageUpdate
{
    public static void Append(MemoryStream pdf, string language)
    {
        if (!LanguageTag().IsMatch(language))
        {
            throw new ArgumentException($"\"{language}\" ist kein Sprachkennzeichen wie de-DE.", nameof(language));
        }

        var text = Encoding.Latin1.GetString(pdf.GetBuffer(), 0, (int)pdf.Length);
        var startXref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        var offset = startXref < 0 ? null : Number().Match(text, startXref + "startxref".Length);
        var previousXref = offset is { Success: true } && int.TryParse(offset.Value, CultureInfo.InvariantCulture, out var parsed) && parsed < text.Length
            ? parsed
            : -1;
        var trailerStart = previousXref < 0 ? -1 : text.IndexOf("trailer", previousXref, StringComparison.Ordinal);
        if (trailerStart < 0 || trailerStart > startXref)
        {
            throw new InvalidDataException("Die PDF-Datei hat keinen klassischen Trailer; die Sprache kann nicht gesetzt werden.");
        }

        var trailer = text[trailerStart..startXref];
        var root = Regex.Match(trailer, @"/Root\s+(\d+)\s+(\d+)\s+R");
        var size = Regex.Match(trailer, @"/Size\s+(\d+)");
        var info = Regex.Match(trailer, @"/Info\s+\d+\s+\d+\s+R");
        var id = Regex.Match(trailer, @"/ID\s*\[[^\]]*\]");
        var catalogNumber = int.Parse(root.Groups[1].Value, CultureInfo.InvariantCulture);
        var catalogGeneration = int.Parse(root.Groups[2].Value, CultureInfo.InvariantCulture);

        var catalogOffset = FindOffset(text, previousXref, catalogNumber);
        var end = text.IndexOf("endobj", catalogOffset, StringComparison.Ordinal);
        var body = text[catalogOffset..end];
        var dictionaryStart = body.IndexOf("<<", StringComparison.Ordinal);
        var dictionaryEnd = body.LastIndexOf(">>", StringComparison.Ordinal);
        if (body.Contains("/Lang", StringComparison.Ordinal))
        {
            return;
        }

        var entries = body[(dictionaryStart + 2)..dictionaryEnd];
        var update = new StringBuilder();
        if (text[^1] != '\n')
        {
            update.Append('\n');
        }

        var objectOffset = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"{catalogNumber} {catalogGeneration} obj\n<</Lang ({language})\n");
        if (!entries.Contains("/ViewerPreferences", StringComparison.Ordinal))
        {
            update.Append("/ViewerPreferences <</DisplayDocTitle true>>\n");
        }

        update.Append(entries.TrimStart()).Append(">>\nendobj\n");
        var xrefOffset = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"xref\n{catalogNumber} 1\n{objectOffset:D10} {catalogGeneration:D5} n \n");
        update.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size.Groups[1].Value}\n/Root {catalogNumber} {catalogGeneration} R\n");
        if (info.Success)
        {
            update.Append(info.Value).Append('\n');
        }

        if (id.Success)
        {
            update.Append(id.Value).Append('\n');
        }

        update.Append(CultureInfo.InvariantCulture, $"/Prev {previousXref}>>\nstartxref\n{xrefOffset}\n%%EOF\n");

        var bytes = Encoding.Latin1.GetBytes(update.ToString());
        pdf.Seek(0, SeekOrigin.End);
        pdf.Write(bytes);
    }

    /// <summary>Reads the offset of one object from a classic cross-reference section (entries of 20 bytes).</summary>
    private static int FindOffset(string text, int xrefOffset, int objectNumber)
    {
        var position = text.IndexOf("xref", xrefOffset, StringComparison.Ordinal) + 4;
        while (true)
        {
            var header = Subsection().Match(text, position);
            if (!header.Success || header.Index != position)
            {
                throw new InvalidDataException($"Objekt {objectNumber} steht nicht in der Querverweistabelle der PDF-Datei.");
            }

            var first = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
            var count = int.Parse(header.Groups[2].Value, CultureInfo.InvariantCulture);
            var entries = header.Index + header.Length;
            if (objectNumber >= first && objectNumber < first + count)
            {
                return int.Parse(text.AsSpan(entries + (objectNumber - first) * 20, 10), CultureInfo.InvariantCulture);
            }

            position = entries + count * 20;
        }
    }

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s*(\d+) (\d+)[ \r]*\n")]
    private static partial Regex Subsection();
}
