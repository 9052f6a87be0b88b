using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bedarfsanalyse.Core.Questionnaires.Json;

/// <summary>Reads and writes <see cref="ValueList{T}"/> as a JSON array.</summary>
internal sealed class ValueListJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueList<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ValueListJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class ValueListJsonConverter<T> : JsonConverter<ValueList<T>>
    {
        public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new DefinitionJsonException("Erwartet wurde eine Liste ([...]).");
            }

            var items = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add(JsonSerializer.Deserialize<T>(ref reader, options) ?? throw new DefinitionJsonException("Eine Liste darf keine leeren Einträge (null) enthalten."));
            }

            return new ValueList<T>(items);
        }

        public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value)
            {
                JsonSerializer.Serialize(writer, item, options);
            }

            writer.WriteEndArray();
        }
    }
}

/// <summary>Reads and writes <see cref="ValueMap{TValue}"/> as a JSON object.</summary>
internal sealed class ValueMapJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueMap<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ValueMapJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class ValueMapJsonConverter<TValue> : JsonConverter<ValueMap<TValue>>
    {
        public override ValueMap<TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new DefinitionJsonException("Erwartet wurde ein Objekt ({...}).");
            }

            var entries = new Dictionary<string, TValue>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = reader.GetString()!;
                reader.Read();
                var value = JsonSerializer.Deserialize<TValue>(ref reader, options) ?? throw new DefinitionJsonException($"„{key}“ hat keinen Wert (null).");
                if (!entries.TryAdd(key, value))
                {
                    throw new DefinitionJsonException($"„{key}“ kommt doppelt vor.");
                }
            }

            return new ValueMap<TValue>(entries);
        }

        public override void Write(Utf8JsonWriter writer, ValueMap<TValue> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (key, item) in value)
            {
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, item, options);
            }

            writer.WriteEndObject();
        }
    }
}

/// <summary>A German-only text is a plain JSON string; a translated one an object of language → text.</summary>
internal sealed class LocalizedTextJsonConverter : JsonConverter<LocalizedText>
{
    public override LocalizedText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return LocalizedText.German(reader.GetString()!);
            case JsonTokenType.StartObject:
                // Read by hand rather than as a map, so that an error keeps the path of the text ($.pages[0].label).
                var texts = new Dictionary<string, string>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var language = reader.GetString()!;
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw new DefinitionJsonException($"Der Text in der Sprache „{language}“ muss eine Zeichenkette sein.");
                    }

                    if (!texts.TryAdd(language, reader.GetString()!))
                    {
                        throw new DefinitionJsonException($"Die Sprache „{language}“ kommt in diesem Text doppelt vor.");
                    }
                }

                if (texts.Count == 0)
                {
                    throw new DefinitionJsonException("Ein Text braucht mindestens eine Sprache.");
                }

                return new LocalizedText(new ValueMap<string>(texts));
            default:
                throw new DefinitionJsonException("Ein Text ist eine Zeichenkette oder ein Objekt aus Sprache und Text.");
        }
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        if (value.Texts.Count == 1 && value.Translation(Language.DefaultCode) is { } german)
        {
            writer.WriteStringValue(german);
            return;
        }

        JsonSerializer.Serialize(writer, value.Texts, options);
    }
}
