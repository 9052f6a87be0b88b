using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Text;
using System.Xml.Linq;

namespace Bedarfsanalyse.Reports.Excel;

/// <summary>
/// One workbook from two writers: the formatted sheets (cover, codebook, aggregates) as ClosedXML saved them, and
/// large data sheets streamed by a forward-only XmlWriter (sparse cells, ADR 0021). The data sheets are written first,
/// each straight into its zip entry, so memory stays flat with the number of rows; the formatted workbook is asked for
/// only then, so that its figures can be computed while the rows are written (ADR 0030). Its parts follow: copied,
/// the small workbook, relationship, content-type and style parts patched as XML, and [Content_Types].xml last (as
/// System.IO.Packaging itself writes it).
/// </summary>
public static partial class WorkbookAssembler
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly XNamespace ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";

    private const string WorksheetType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    private const string TableType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
    private const string WorksheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    /// <summary>
    /// The data sheets' cell formats sit right after the default format (index 0) of the formatted workbook's styles,
    /// whose own formats move up by this many: so the data sheets can be written before that workbook exists.
    /// </summary>
    private const int DataStyleCount = 3;

    private static readonly DataSheetWriter.NumberStyles DataStyles = new(1, 2, 3);

    /// <summary>Table ids of the data sheets, far above those of the formatted sheets (which ClosedXML counts from 1).</summary>
    private const int FirstDataTableId = 10_000;

    /// <summary>Writes the assembled workbook to <paramref name="output"/> (which may be a non-seekable stream).</summary>
    public static Task AssembleAsync(byte[] formattedWorkbook, IReadOnlyList<StreamedSheet> sheets, Stream output, CompressionLevel dataCompression = CompressionLevel.Fastest) =>
        AssembleAsync(() => Task.FromResult(formattedWorkbook), sheets, output, dataCompression);

    /// <summary>
    /// Writes the assembled workbook to <paramref name="output"/> (which may be a non-seekable stream); the formatted
    /// workbook is awaited once the data sheets are written.
    /// </summary>
    public static async Task AssembleAsync(Func<Task<byte[]>> formattedWorkbook, IReadOnlyList<StreamedSheet> sheets, Stream output, CompressionLevel dataCompression = CompressionLevel.Fastest)
    {
        ArgumentNullException.ThrowIfNull(formattedWorkbook);
        ArgumentNullException.ThrowIfNull(sheets);
        var planned = sheets.Select((sheet, index) => new Planned(sheet, index + 1, $"rIdDaten{index + 1}", FirstDataTableId + index)).ToList();

        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var sheet in planned)
        {
            long rows;
            await using (var stream = target.CreateEntry($"xl/worksheets/daten{sheet.Number}.xml", dataCompression).Open())
            {
                rows = await WriteSheetAsync(stream, sheet, DataStyles);
            }

            SaveText(target, $"xl/worksheets/_rels/daten{sheet.Number}.xml.rels",
                $"""<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="{PackageRelationships}"><Relationship Id="rIdTabelle" Type="{TableType}" Target="/xl/tables/daten{sheet.Number}.xml"/></Relationships>""");
            SaveText(target, $"xl/tables/daten{sheet.Number}.xml", TableXml(sheet, rows));
        }

        using var source = new ZipArchive(new MemoryStream(await formattedWorkbook()), ZipArchiveMode.Read);
        var workbook = Load(source, "xl/workbook.xml");
        var workbookRelations = Load(source, "xl/_rels/workbook.xml.rels");
        var contentTypes = Load(source, "[Content_Types].xml");
        var styles = Load(source, "xl/styles.xml");
        AddNumberStyles(styles);
        if (NextTableId(source) >= FirstDataTableId)
        {
            throw new InvalidOperationException($"The formatted workbook has {FirstDataTableId} tables or more.");
        }

        var worksheets = contentTypes.Root!.Elements(ContentTypes + "Override")
            .Where(o => (string?)o.Attribute("ContentType") == WorksheetContentType)
            .Select(o => ((string)o.Attribute("PartName")!).TrimStart('/'))
            .ToHashSet(StringComparer.Ordinal);
        AddSheets(workbook, workbookRelations, contentTypes, planned);

        foreach (var entry in source.Entries)
        {
            switch (entry.FullName)
            {
                case "[Content_Types].xml":
                    break;
                case "xl/workbook.xml":
                    Save(target, entry.FullName, workbook);
                    break;
                case "xl/_rels/workbook.xml.rels":
                    Save(target, entry.FullName, workbookRelations);
                    break;
                case "xl/styles.xml":
                    Save(target, entry.FullName, styles);
                    break;
                case var name when worksheets.Contains(name):
                    var worksheet = Load(source, name);
                    ShiftStyles(worksheet);
                    Save(target, name, worksheet);
                    break;
                default:
                    await using (var from = entry.Open())
                    await using (var to = target.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open())
                    {
                        await from.CopyToAsync(to);
                    }

                    break;
            }
        }

        Save(target, "[Content_Types].xml", contentTypes);
    }

    /// <summary>A formatted sheet's cell formats, moved up past the data sheets' formats.</summary>
    private static void ShiftStyles(XDocument worksheet)
    {
        foreach (var element in worksheet.Descendants())
        {
            var name = element.Name;
            var attribute = name == Main + "c" || name == Main + "row" ? element.Attribute("s") : name == Main + "col" ? element.Attribute("style") : null;
            if (attribute is not null && int.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index > 0)
            {
                attribute.Value = (index + DataStyleCount).ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private static async Task<long> WriteSheetAsync(Stream stream, Planned sheet, DataSheetWriter.NumberStyles styles)
    {
        var rows = new DataSheetWriter(stream, sheet.Sheet.Columns, styles);
        var frame = new StringBuilder();
        frame.Append(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="utf-8"?><worksheet xmlns="{DataSheetWriter.Main}" xmlns:r="{Relationships.NamespaceName}">""");
        frame.Append("""<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>""");
        for (var i = 0; i < sheet.Sheet.Columns.Count; i++)
        {
            frame.Append(CultureInfo.InvariantCulture, $"""<col min="{i + 1}" max="{i + 1}" width="{sheet.Sheet.Columns[i].Width}" customWidth="1"/>""");
        }

        frame.Append("</cols><sheetData>");
        rows.Raw(frame.ToString());
        rows.WriteHeader();
        await sheet.Sheet.WriteRows(rows);
        rows.Raw("""</sheetData><tableParts count="1"><tablePart r:id="rIdTabelle"/></tableParts></worksheet>""");
        rows.Flush();
        return rows.Rows;
    }

    private static string TableXml(Planned sheet, long rows)
    {
        var reference = $"A1:{ColumnName(sheet.Sheet.Columns.Count)}{Math.Max(rows + 1, 2)}";
        var name = TableName(sheet.Sheet.Name, sheet.TableId);
        var columns = string.Concat(sheet.Sheet.Columns.Select((c, i) =>
            $"""<tableColumn id="{i + 1}" name="{System.Security.SecurityElement.Escape(DataSheetWriter.Clean(c.Header))}"/>"""));
        return $"""<?xml version="1.0" encoding="utf-8"?><table xmlns="{Main}" id="{sheet.TableId}" name="{name}" displayName="{name}" ref="{reference}" totalsRowShown="0"><autoFilter ref="{reference}"/><tableColumns count="{sheet.Sheet.Columns.Count}">{columns}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>""";
    }

    /// <summary>
    /// Adds the cell formats of the data sheets right after the default format: integer "#,##0", decimal "#,##0.0##",
    /// date "dd.mm.yyyy" (Excel shows German separators in a German locale).
    /// </summary>
    private static void AddNumberStyles(XDocument styles)
    {
        var root = styles.Root!;
        var numFmts = root.Element(Main + "numFmts");
        if (numFmts is null)
        {
            numFmts = new XElement(Main + "numFmts");
            root.AddFirst(numFmts);
        }

        var nextFormat = Math.Max(164, numFmts.Elements(Main + "numFmt").Select(e => (int)e.Attribute("numFmtId")!).DefaultIfEmpty(163).Max() + 1);
        var decimalFormat = nextFormat;
        var dateFormat = nextFormat + 1;
        numFmts.Add(
            new XElement(Main + "numFmt", new XAttribute("numFmtId", decimalFormat), new XAttribute("formatCode", "#,##0.0##")),
            new XElement(Main + "numFmt", new XAttribute("numFmtId", dateFormat), new XAttribute("formatCode", "dd\\.mm\\.yyyy")));
        numFmts.SetAttributeValue("count", numFmts.Elements(Main + "numFmt").Count());

        var cellXfs = root.Element(Main + "cellXfs")!;
        var normal = cellXfs.Elements(Main + "xf").First();
        normal.AddAfterSelf(new[] { 3, decimalFormat, dateFormat }.Select(format => new XElement(Main + "xf",
            new XAttribute("numFmtId", format), new XAttribute("fontId", 0), new XAttribute("fillId", 0),
            new XAttribute("borderId", 0), new XAttribute("xfId", 0), new XAttribute("applyNumberFormat", 1))));
        cellXfs.SetAttributeValue("count", cellXfs.Elements(Main + "xf").Count());
    }

    private static void AddSheets(XDocument workbook, XDocument relations, XDocument contentTypes, IReadOnlyList<Planned> planned)
    {
        var sheetsElement = workbook.Root!.Element(Main + "sheets")!;
        var nextSheetId = sheetsElement.Elements(Main + "sheet").Select(e => (int)e.Attribute("sheetId")!).DefaultIfEmpty(0).Max() + 1;
        foreach (var sheet in planned.OrderBy(p => p.Sheet.Position))
        {
            var element = new XElement(Main + "sheet",
                new XAttribute("name", SheetName(sheet.Sheet.Name)),
                new XAttribute("sheetId", nextSheetId++),
                new XAttribute(Relationships + "id", sheet.RelationId));
            var existing = sheetsElement.Elements(Main + "sheet").ToList();
            if (sheet.Sheet.Position >= existing.Count)
            {
                sheetsElement.Add(element);
            }
            else
            {
                existing[sheet.Sheet.Position].AddBeforeSelf(element);
            }

            relations.Root!.Add(new XElement(PackageRelationships + "Relationship",
                new XAttribute("Id", sheet.RelationId), new XAttribute("Type", WorksheetType),
                new XAttribute("Target", $"/xl/worksheets/daten{sheet.Number}.xml")));
            contentTypes.Root!.Add(
                new XElement(ContentTypes + "Override", new XAttribute("PartName", $"/xl/worksheets/daten{sheet.Number}.xml"),
                    new XAttribute("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")),
                new XElement(ContentTypes + "Override", new XAttribute("PartName", $"/xl/tables/daten{sheet.Number}.xml"),
                    new XAttribute("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml")));
        }

        // Open on the first sheet whatever was inserted before it.
        workbook.Root.Element(Main + "bookViews")?.Element(Main + "workbookView")?.SetAttributeValue("activeTab", 0);
    }

    private static int NextTableId(ZipArchive source) =>
        source.Entries.Where(e => e.FullName.StartsWith("xl/tables/", StringComparison.Ordinal))
            .Select(e => (int?)Load(source, e.FullName).Root!.Attribute("id") ?? 0)
            .DefaultIfEmpty(0).Max() + 1;

    /// <summary>Excel's sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    public static string SheetName(string name)
    {
        var cleaned = InvalidSheetCharacters().Replace(name, "_");
        return cleaned.Length > 31 ? cleaned[..31] : cleaned;
    }

    private static string TableName(string sheetName, int id) =>
        "Daten_" + InvalidNameCharacters().Replace(sheetName, "_") + "_" + id.ToString(CultureInfo.InvariantCulture);

    internal static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + (number - 1) % 26) + name;
        }

        return name;
    }

    private static XDocument Load(ZipArchive archive, string name)
    {
        using var stream = archive.GetEntry(name)?.Open() ?? throw new InvalidDataException($"Der Arbeitsmappe fehlt {name}.");
        return XDocument.Load(stream);
    }

    private static void Save(ZipArchive archive, string name, XDocument document)
    {
        using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
        document.Save(stream, SaveOptions.DisableFormatting);
    }

    private static void SaveText(ZipArchive archive, string name, string text)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name, CompressionLevel.Optimal).Open(), new System.Text.UTF8Encoding(false));
        writer.Write(text);
    }

    [GeneratedRegex(@"[:\\/?*\[\]]")]
    private static partial Regex InvalidSheetCharacters();

    [GeneratedRegex(@"[^A-Za-z0-9_]")]
    private static partial Regex InvalidNameCharacters();

    private sealed record Planned(StreamedSheet Sheet, int Number, string RelationId, int TableId);
}
