using System.Security.Cryptography;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Data.Reports;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bedarfsanalyse.Web.Features.Archive;

/// <summary>
/// Every generated report and workbook with what it was built from, its size and SHA-256. Older versions stay;
/// an artifact made for a request is stored once, however often the job runs. Reading is scoped: steering members
/// and analysts see their network's reports, only analysts (and admins) its workbooks; every download is audited.
/// </summary>
public sealed class ArtifactArchive(BedarfsanalyseDb db, IArtifactStore store, UserScope scope, AuditLog audit, TimeProvider clock)
{
    public async Task<Guid> StoreAsync(ArtifactToStore artifact, byte[] content, CancellationToken cancellationToken)
    {
        if (artifact.RequestId is { } requestId
            && await db.ReportArtifacts.Where(a => a.RequestId == requestId).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }

        var id = Guid.CreateVersion7();
        db.ReportArtifacts.Add(new ReportArtifact
        {
            Id = id,
            NetworkId = artifact.NetworkId,
            DistrictKey = artifact.DistrictKey,
            Kind = artifact.Kind,
            PeriodStart = artifact.PeriodStart,
            PeriodEnd = artifact.PeriodEnd,
            TemplateVersion = artifact.TemplateVersion,
            QuestionnaireVersionIds = [.. artifact.QuestionnaireVersionIds],
            ModelSnapshot = artifact.ModelSnapshot,
            FileName = artifact.FileName,
            ContentType = artifact.Kind == "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            SizeBytes = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            GeneratedAt = clock.GetUtcNow(),
            RequestId = artifact.RequestId,
        });
        await store.SaveAsync(id, content, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return id;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } && artifact.RequestId is not null)
        {
            // Another run of the same job stored it first: that one counts.
            db.ChangeTracker.Clear();
            return await db.ReportArtifacts.Where(a => a.RequestId == artifact.RequestId).Select(a => a.Id).SingleAsync(cancellationToken);
        }
    }

    /// <summary>The artifacts the user may see, newest period first, then newest version first.</summary>
    public async Task<IReadOnlyList<ArtifactView>> ListAsync(string? district, string? kind, CancellationToken cancellationToken)
    {
        var networkId = scope.NetworkId;
        var all = scope.IsAdmin;
        var workbooks = all || scope.IsIn(Roles.Analyst);
        var reports = all || scope.IsIn(Roles.Analyst) || scope.IsIn(Roles.Steering);
        return await db.ReportArtifacts.AsNoTracking()
            .Where(a => all || a.NetworkId == networkId)
            .Where(a => (a.Kind == "pdf" && reports) || (a.Kind == "xlsx" && workbooks))
            .Where(a => district == null || a.DistrictKey == district)
            .Where(a => kind == null || a.Kind == kind)
            .OrderByDescending(a => a.PeriodStart).ThenBy(a => a.DistrictKey).ThenByDescending(a => a.GeneratedAt)
            .Select(a => new ArtifactView(a.Id, db.Networks.Where(n => n.Id == a.NetworkId).Select(n => n.Key).First(), a.DistrictKey,
                db.Districts.Where(d => d.Key == a.DistrictKey).Select(d => d.Name).FirstOrDefault(), a.Kind, a.PeriodStart, a.PeriodEnd,
                a.FileName, a.SizeBytes, a.Sha256, a.GeneratedAt, a.TemplateVersion))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The file, or null when it does not exist or lies outside the user's scope (indistinguishable on purpose); the download is audited.</summary>
    public async Task<ArtifactFile?> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var artifact = await db.ReportArtifacts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        var allowed = artifact is not null && scope.CanReadNetwork(artifact.NetworkId) && (scope.IsAdmin
            || scope.IsIn(Roles.Analyst)
            || (artifact.Kind == "pdf" && scope.IsIn(Roles.Steering)));
        if (!allowed)
        {
            await audit.AccessDeniedAsync($"Datei {id} unbekannt oder außerhalb der eigenen Rechte", cancellationToken);
            return null;
        }

        var content = await store.ReadAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Der Inhalt von {id} fehlt im Speicher.");
        await audit.RecordAsync(artifact!.Kind == "pdf" ? AuditActions.ReportDownloaded : AuditActions.ExportDownloaded, "artifact", id.ToString(),
            new { artifact.FileName, artifact.DistrictKey, period = artifact.PeriodStart }, cancellationToken: cancellationToken);
        return new ArtifactFile(artifact.FileName, artifact.ContentType, content);
    }
}

/// <summary>What a generator hands to the archive besides the bytes.</summary>
public sealed record ArtifactToStore(
    int NetworkId, string? DistrictKey, string Kind, DateOnly PeriodStart, DateOnly PeriodEnd, string TemplateVersion,
    IReadOnlyList<int> QuestionnaireVersionIds, string ModelSnapshot, string FileName, Guid? RequestId);

public sealed record ArtifactView(
    Guid Id, string Network, string? District, string? DistrictName, string Kind, DateOnly PeriodStart, DateOnly PeriodEnd,
    string FileName, long SizeBytes, string Sha256, DateTimeOffset GeneratedAt, string TemplateVersion);

public sealed record ArtifactFile(string FileName, string ContentType, byte[] Content);
