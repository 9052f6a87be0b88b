using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Bedarfsanalyse.Core.Questionnaires.Json;

/// <summary>
/// Lets the serializer treat <see cref="ValueList{T}"/> and <see cref="ValueMap{TValue}"/> as its own collection kinds
/// rather than through a custom converter, so that an error deep inside a definition is reported with its full
/// path ($.pages[0].elements[3].min) instead of the path inside the converter.
/// </summary>
internal sealed class ValueCollectionTypeInfoResolver : IJsonTypeInfoResolver
{
    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        var method = definition == typeof(ValueList<>) ? nameof(ListInfo)
            : definition == typeof(ValueMap<>) ? nameof(MapInfo)
            : null;
        return method is null
            ? null
            : (JsonTypeInfo)typeof(ValueCollectionTypeInfoResolver).GetMethod(method, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type.GetGenericArguments()[0]).Invoke(null, [options])!;
    }

    private static JsonTypeInfo<ValueList<T>> ListInfo<T>(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateImmutableEnumerableInfo<ValueList<T>, T>(
            options,
            new JsonCollectionInfoValues<ValueList<T>> { ElementInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)) },
            static items => new ValueList<T>(items.ToList() is var list && list.FindIndex(i => i is null) is var empty and >= 0
                ? throw new DefinitionJsonException($"Der {empty + 1}. Eintrag der Liste ist leer (null).") { AtCollection = true }
                : list));

    private static JsonTypeInfo<ValueMap<TValue>> MapInfo<TValue>(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateImmutableDictionaryInfo<ValueMap<TValue>, string, TValue>(
            options,
            new JsonCollectionInfoValues<ValueMap<TValue>>
            {
                KeyInfo = (JsonTypeInfo<string>)options.GetTypeInfo(typeof(string)),
                ElementInfo = (JsonTypeInfo<TValue>)options.GetTypeInfo(typeof(TValue)),
            },
            static entries => new ValueMap<TValue>(entries.FirstOrDefault(e => e.Value is null) is { Key: { } key, Value: null }
                ? throw new DefinitionJsonException($"„{key}“ hat keinen Wert (null).") { AtCollection = true }
                : entries));
}
