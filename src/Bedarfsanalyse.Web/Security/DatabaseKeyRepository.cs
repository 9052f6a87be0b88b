using System.Xml.Linq;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Accounts;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Bedarfsanalyse.Web.Security;

/// <summary>
/// Keeps data-protection keys in PostgreSQL so that every web and worker instance reads the same cookies and
/// antiforgery tokens, and a restart signs nobody out. (The EF Core package for this is not on the mirror in a
/// version matching EF Core 10.0.5; the repository is small enough to own.)
/// </summary>
internal sealed class DatabaseKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BedarfsanalyseDb>();
        return db.DataProtectionKeys.Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BedarfsanalyseDb>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
