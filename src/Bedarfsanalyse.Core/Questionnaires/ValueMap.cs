using System.Collections;
using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Bedarfsanalyse.Core.Questionnaires.Json;

namespace Bedarfsanalyse.Core.Questionnaires;

/// <summary>
/// An immutable string-keyed map that compares by content and keeps its keys in ordinal order, so that its JSON
/// form does not depend on the order entries were added in.
/// </summary>
[JsonConverter(typeof(ValueMapJsonConverterFactory))]
public readonly struct ValueMap<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<ValueMap<TValue>>
{
    private readonly ImmutableSortedDictionary<string, TValue>? _entries;

    public ValueMap(IEnumerable<KeyValuePair<string, TValue>> entries) =>
        _entries = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, entries);

    public static ValueMap<TValue> Empty => default;

    private ImmutableSortedDictionary<string, TValue> Entries =>
        _entries ?? ImmutableSortedDictionary<string, TValue>.Empty.WithComparers(StringComparer.Ordinal);

    public int Count => _entries?.Count ?? 0;

    public bool IsEmpty => Count == 0;

    public TValue this[string key] => Entries[key];

    public IEnumerable<string> Keys => Entries.Keys;

    public IEnumerable<TValue> Values => Entries.Values;

    public bool ContainsKey(string key) => Entries.ContainsKey(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value) =>
        Entries.TryGetValue(key, out value);

    public ValueMap<TValue> SetItem(string key, TValue value) => new(Entries.SetItem(key, value));

    private ValueMap(ImmutableSortedDictionary<string, TValue> entries) => _entries = entries;

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => Entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueMap<TValue> other)
    {
        if (Count != other.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<TValue>.Default;
        foreach (var (key, value) in Entries)
        {
            if (!other.Entries.TryGetValue(key, out var otherValue) || !comparer.Equals(value, otherValue))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueMap<TValue> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in Entries)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(ValueMap<TValue> left, ValueMap<TValue> right) => left.Equals(right);

    public static bool operator !=(ValueMap<TValue> left, ValueMap<TValue> right) => !left.Equals(right);

    public override string ToString() => "{" + string.Join(", ", Entries.Select(e => $"{e.Key}: {e.Value}")) + "}";
}
