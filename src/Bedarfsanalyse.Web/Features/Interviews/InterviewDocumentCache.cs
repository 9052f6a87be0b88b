using Bedarfsanalyse.Data.Interviews;
using Microsoft.Extensions.Caching.Memory;

namespace Bedarfsanalyse.Web.Features.Interviews;

/// <summary>
/// The interviews this process wrote last, as it wrote them, so that the next page save of the same interview need not
/// read it back (docs/adr/0024-interview-api-speed.md). An entry is used only when the client's version equals the one
/// this process stored; the write that follows is guarded by the same version in the database (<c>xmin</c>), so a change
/// made elsewhere in the meantime (another app instance, an erasure) still ends in 409 or 404, never in a lost update.
/// Only the change path uses it: reads for display always go to the database.
/// </summary>
public sealed class InterviewDocumentCache : IDisposable
{
    // An interviewer works on one interview at a time; a few thousand entries cover every open interview of a network.
    private const int Capacity = 2_000;
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The document as stored with <paramref name="version"/>, with an interview row the caller may change, or null.</summary>
    public InterviewDocument? Find(Guid id, uint version) =>
        _entries.TryGetValue(id, out InterviewDocument? document) && document!.Interview.Version == version
            ? document with { Interview = document.Interview.Copy() }
            : null;

    /// <summary>Keeps a copy of the document just written (its interview row carries the new version).</summary>
    public void Remember(InterviewDocument document) =>
        _entries.Set(document.Interview.Id, document with { Interview = document.Interview.Copy() },
            new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });

    public void Dispose() => _entries.Dispose();
}
