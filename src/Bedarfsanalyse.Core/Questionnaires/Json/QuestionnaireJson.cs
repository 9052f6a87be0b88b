using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Bedarfsanalyse.Core.Questionnaires.Json;

/// <summary>
/// The definition as JSON, for the jsonb column and for the questionnaires kept in the repository. The form is
/// stable (fixed property order, ordinal key order in maps, defaults left out) and round-trips exactly; see
/// docs/adr/0006-questionnaire-engine.md.
/// </summary>
public static class QuestionnaireJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        WriteIndented = true,
        IndentSize = 2,
        // Umlauts and quotes stay readable in the files reviewers read; the output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowOutOfOrderMetadataProperties = true,
        AllowDuplicateProperties = false,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(new ValueCollectionTypeInfoResolver(), new DefaultJsonTypeInfoResolver()),
    };

    public static string Serialize(QuestionnaireDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return JsonSerializer.Serialize(definition, Options) + "\n";
    }

    /// <summary>Reads a definition; throws <see cref="QuestionnaireFormatException"/> (German, with the place) for anything else.</summary>
    public static QuestionnaireDefinition Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<QuestionnaireDefinition>(json, Options)
                ?? throw new QuestionnaireFormatException("Die Fragebogendefinition ist leer (null).");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new QuestionnaireFormatException(JsonErrorText.Describe(e, json), e);
        }
    }
}

/// <summary>A stored definition could not be read.</summary>
public sealed class QuestionnaireFormatException(string message, Exception? inner = null) : Exception(message, inner);
