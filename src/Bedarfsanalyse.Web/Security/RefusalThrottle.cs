namespace Bedarfsanalyse.Web.Security;

/// <summary>
/// Keeps refusals of unauthenticated garbage from flooding the audit trail and the log: the first refusal of a kind
/// from one source (address, token) in a window is recorded, the repeats are counted and reported with the next
/// recorded one; beyond <see cref="RefusalOptions.PerWindow"/> records per window from all sources together, only
/// a count is kept (a flood from many addresses).
/// </summary>
public sealed class RefusalThrottle(TimeProvider clock, RefusalOptions options)
{
    private const int MaxSources = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Source> _sources = new(StringComparer.Ordinal);
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _recordedInWindow;
    private int _droppedInWindow;

    public TimeSpan Window => TimeSpan.FromSeconds(options.WindowSeconds);

    public Admission Admit(string source)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var dropped = 0;
            if (now - _windowStart >= Window)
            {
                dropped = _droppedInWindow;
                _windowStart = now;
                _recordedInWindow = 0;
                _droppedInWindow = 0;
            }

            if (_sources.TryGetValue(source, out var known) && now - known.Since < Window)
            {
                known.Repeats++;
                return new Admission(false, 0, dropped);
            }

            if (_recordedInWindow >= options.PerWindow)
            {
                _droppedInWindow++;
                return new Admission(false, 0, dropped);
            }

            if (_sources.Count >= MaxSources)
            {
                Forget(now);
            }

            _recordedInWindow++;
            _sources[source] = new Source { Since = now };
            return new Admission(true, known?.Repeats ?? 0, dropped);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, source) in _sources)
        {
            if (now - source.Since >= Window)
            {
                _sources.Remove(key);
            }
        }

        if (_sources.Count >= MaxSources)
        {
            _sources.Clear();
        }
    }

    /// <param name="Record">Whether to write this refusal to the audit trail and the log.</param>
    /// <param name="Repeats">Refusals of the same kind from the same source in its previous window, not recorded one by one.</param>
    /// <param name="Dropped">Refusals of the previous window over the overall limit, reported once.</param>
    public readonly record struct Admission(bool Record, int Repeats, int Dropped);

    private sealed class Source
    {
        public DateTimeOffset Since { get; init; }

        public int Repeats { get; set; }
    }
}

/// <summary>Section "Security:Refusals": how refusals of unauthenticated requests are thinned out.</summary>
public sealed class RefusalOptions
{
    /// <summary>One refusal per kind and source is recorded in this many seconds; repeats are counted.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>At most this many refusals are recorded per window from all sources together.</summary>
    public int PerWindow { get; set; } = 100;
}
