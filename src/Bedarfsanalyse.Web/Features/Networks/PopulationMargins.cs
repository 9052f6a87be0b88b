using System.Globalization;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Networks;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Features.Uploads;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.Web.Features.Networks;

/// <summary>
/// The population margins of a network (establishments per district × size class × sector group), uploaded as
/// .xlsx or CSV. An upload replaces all margins of the network, or, if any row is wrong, changes nothing.
/// </summary>
public sealed partial class PopulationMargins(BedarfsanalyseDb db, AuditLog audit, TimeProvider clock)
{
    private static readonly string[] DistrictHeaders = ["Kreisschlüssel", "Kreis", "district"];
    private static readonly string[] SizeHeaders = ["Größenklasse", "Groessenklasse", "size_class"];
    private static readonly string[] SectorHeaders = ["Wirtschaftsgruppe", "Wirtschaftszweiggruppe", "sector_group"];
    private static readonly string[] EstablishmentHeaders = ["Betriebe", "establishments"];
    private static readonly string[] EmployeeHeaders = ["Beschäftigte", "Beschaeftigte", "employees"];
    private static readonly string[] SourceHeaders = ["Quelle", "source"];

    public async Task<IReadOnlyList<PopulationMarginEntry>> ReadAsync(int networkId, CancellationToken cancellationToken) =>
        await db.PopulationMargins.Where(m => m.NetworkId == networkId)
            .OrderBy(m => m.DistrictKey).ThenBy(m => m.SizeClassCode).ThenBy(m => m.SectorGroupCode)
            .Select(m => new PopulationMarginEntry(m.DistrictKey, m.SizeClassCode, m.SectorGroupCode, m.Establishments, m.Employees, m.Source))
            .ToListAsync(cancellationToken);

    public async Task<Outcome<MarginImportResult>> ImportAsync(NetworkView network, Stream content, string fileName, CancellationToken cancellationToken)
    {
        var read = TableFile.Read(content, fileName);
        if (!read.Succeeded)
        {
            return read.Errors!;
        }

        var table = read.Value!;
        var columns = new
        {
            District = table.Column(DistrictHeaders),
            Size = table.Column(SizeHeaders),
            Sector = table.Column(SectorHeaders),
            Establishments = table.Column(EstablishmentHeaders),
            Employees = table.Column(EmployeeHeaders),
            Source = table.Column(SourceHeaders),
        };
        var errors = new InputErrors();
        foreach (var (index, names) in new[] { (columns.District, DistrictHeaders), (columns.Size, SizeHeaders), (columns.Sector, SectorHeaders), (columns.Establishments, EstablishmentHeaders) })
        {
            if (index < 0)
            {
                errors.Add("file", $"Die Spalte „{names[0]}“ fehlt in der Kopfzeile.");
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        var districts = network.Districts.Select(d => d.Key).ToHashSet();
        var sizeClasses = await db.SizeClasses.Select(c => c.Code).ToListAsync(cancellationToken);
        var sectorGroups = await db.SectorGroups.Select(g => g.Code).ToListAsync(cancellationToken);
        var entries = new List<PopulationMarginEntry>();
        var seen = new Dictionary<(string, string, string), int>();
        foreach (var row in table.Rows)
        {
            var district = row.Cell(columns.District).Split(' ')[0].PadLeft(5, '0');
            var size = NormalizeCode(row.Cell(columns.Size));
            var sector = NormalizeCode(row.Cell(columns.Sector));
            var place = $"Zeile {row.Number}";
            if (!districts.Contains(district))
            {
                errors.Add("file", $"{place}: Der Kreis „{row.Cell(columns.District)}“ gehört nicht zum Verbund {network.Name}.");
            }

            if (!sizeClasses.Contains(size))
            {
                errors.Add("file", $"{place}: „{row.Cell(columns.Size)}“ ist keine Größenklasse ({string.Join(", ", sizeClasses)}).");
            }

            if (!sectorGroups.Contains(sector))
            {
                errors.Add("file", $"{place}: „{row.Cell(columns.Sector)}“ ist keine Wirtschaftsgruppe ({string.Join(", ", sectorGroups)}).");
            }

            var establishments = Count(row.Cell(columns.Establishments));
            if (establishments is null)
            {
                errors.Add("file", $"{place}, Spalte Betriebe: „{row.Cell(columns.Establishments)}“ ist keine ganze Zahl ab 0.");
            }

            var employeesText = row.Cell(columns.Employees);
            var employees = employeesText.Length == 0 ? null : Count(employeesText);
            if (employeesText.Length > 0 && employees is null)
            {
                errors.Add("file", $"{place}, Spalte Beschäftigte: „{employeesText}“ ist keine ganze Zahl ab 0.");
            }

            if (seen.TryGetValue((district, size, sector), out var first))
            {
                errors.Add("file", $"{place}: {district} / {size} / {sector} steht schon in Zeile {first}.");
            }
            else
            {
                seen[(district, size, sector)] = row.Number;
            }

            var source = row.Cell(columns.Source);
            entries.Add(new PopulationMarginEntry(district, size, sector, establishments ?? 0, employees, source.Length == 0 ? null : source[..Math.Min(300, source.Length)]));
        }

        if (entries.Count == 0)
        {
            errors.Add("file", "Die Datei enthält keine Datenzeilen.");
        }

        if (errors.Any)
        {
            return errors;
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.PopulationMargins.Where(m => m.NetworkId == network.Id).ExecuteDeleteAsync(cancellationToken);
        db.PopulationMargins.AddRange(entries.Select(e => new PopulationMargin
        {
            NetworkId = network.Id, DistrictKey = e.District, SizeClassCode = e.SizeClass, SectorGroupCode = e.SectorGroup,
            Establishments = e.Establishments, Employees = e.Employees, Source = e.Source, UploadedAt = now,
        }));
        audit.Add(AuditActions.MarginsUploaded, "network", network.Key, new { fileName, rows = entries.Count, establishments = entries.Sum(e => e.Establishments) });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var missing = (from d in districts
                       from s in sizeClasses
                       from g in sectorGroups
                       where !seen.ContainsKey((d, s, g))
                       select $"{d} / {s} / {g}").ToList();
        return new MarginImportResult(entries.Count, missing);
    }

    /// <summary>An .xlsx with the expected header and one row per stratum of the network, to fill in.</summary>
    public async Task<byte[]> TemplateAsync(NetworkView network, CancellationToken cancellationToken)
    {
        var sizeClasses = await db.SizeClasses.OrderBy(c => c.SortOrder).Select(c => c.Code).ToListAsync(cancellationToken);
        var sectorGroups = await db.SectorGroups.OrderBy(g => g.SortOrder).Select(g => g.Code).ToListAsync(cancellationToken);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Grundgesamtheit");
        string[] headers = ["Kreisschlüssel", "Kreis", "Größenklasse", "Wirtschaftsgruppe", "Betriebe", "Beschäftigte", "Quelle"];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
        }

        var row = 2;
        foreach (var district in network.Districts)
        {
            foreach (var size in sizeClasses)
            {
                foreach (var sector in sectorGroups)
                {
                    sheet.Cell(row, 1).SetValue(district.Key);
                    sheet.Cell(row, 2).SetValue(district.Name);
                    sheet.Cell(row, 3).SetValue(size);
                    sheet.Cell(row, 4).SetValue(sector);
                    row++;
                }
            }
        }

        var range = sheet.Range(1, 1, Math.Max(row - 1, 2), headers.Length);
        range.CreateTable("Grundgesamtheit");
        sheet.SheetView.FreezeRows(1);
        int[] widths = [16, 28, 14, 18, 12, 14, 40];
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string NormalizeCode(string text) =>
        text.Trim().Replace('–', '-').Replace('—', '-').Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()
            .Replace("UNDMEHR", "+", StringComparison.Ordinal);

    /// <summary>A count as written in German ("1.234") or plainly ("1234").</summary>
    private static int? Count(string text)
    {
        var trimmed = text.Trim();
        var cleaned = GermanThousands().IsMatch(trimmed) ? trimmed.Replace(".", "", StringComparison.Ordinal) : trimmed;
        return int.TryParse(cleaned, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,3}(\.\d{3})+$")]
    private static partial System.Text.RegularExpressions.Regex GermanThousands();
}

public sealed record PopulationMarginEntry(string District, string SizeClass, string SectorGroup, int Establishments, int? Employees, string? Source);

/// <summary>How many strata were stored, and which strata of the network's districts the file did not name.</summary>
public sealed record MarginImportResult(int Rows, IReadOnlyList<string> MissingStrata);
