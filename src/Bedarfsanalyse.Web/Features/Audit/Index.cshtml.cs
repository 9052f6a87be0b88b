using System.Text;
using Bedarfsanalyse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Bedarfsanalyse.Web.Features.Audit;

[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(AuditQuery query, AuditLog audit) : PageModel
{
    public AuditFilter Filter { get; private set; } = new(null, null, null, null, null);

    public AuditPage Result { get; private set; } = new([], 0, 1, 1);

    public string ExportLink => Link(new Dictionary<string, string?> { ["handler"] = "Csv" });

    public string PageLink(int page) => Link(new Dictionary<string, string?> { ["seite"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task OnGetAsync(string? aktion, string? wer, string? kennung, DateOnly? von, DateOnly? bis, int? seite)
    {
        Filter = new AuditFilter(aktion, wer, kennung, von, bis);
        Result = await query.ReadAsync(Filter, seite ?? 1, HttpContext.RequestAborted);
    }

    /// <summary>The filtered trail as CSV for German Excel: semicolons, UTF-8 with BOM.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? aktion, string? wer, string? kennung, DateOnly? von, DateOnly? bis)
    {
        Filter = new AuditFilter(aktion, wer, kennung, von, bis);
        await audit.RecordAsync(AuditActions.AuditExported, "audit", null, Filter, cancellationToken: HttpContext.RequestAborted);
        var csv = new StringBuilder();
        csv.Append('\uFEFF').Append("Zeitpunkt;Wer;Aktion;Gegenstand;Kennung;Einzelheiten;Adresse\r\n");
        await foreach (var e in query.StreamAsync(Filter).WithCancellation(HttpContext.RequestAborted))
        {
            csv.AppendJoin(';', [
                Field(Features.GermanTime.Format(e.OccurredAt)), Field(e.ActorName), Field(AuditActions.Label(e.Action)),
                Field(e.SubjectType), Field(e.SubjectId), Field(e.Details), Field(e.RemoteAddress)]).Append("\r\n");
        }

        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "protokoll.csv");
    }

    private string Link(Dictionary<string, string?> extra)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["aktion"] = Filter.Action, ["wer"] = Filter.Actor, ["kennung"] = Filter.Subject,
            ["von"] = Filter.From?.ToString("yyyy-MM-dd"), ["bis"] = Filter.To?.ToString("yyyy-MM-dd"),
        };
        foreach (var (key, value) in extra)
        {
            parameters[key] = value;
        }

        return QueryHelpers.AddQueryString("/admin/protokoll", parameters.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    /// <summary>A CSV field, quoted; text starting like a formula is prefixed so Excel never evaluates it.</summary>
    private static string Field(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
