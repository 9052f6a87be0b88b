using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Bedarfsanalyse.Web.Features;

/// <summary>
/// What is wrong with a user's input, per field, in German. Use cases return it; the API turns it into a 400 with
/// problem details listing each field, pages into messages at the fields.
/// </summary>
public sealed class InputErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, List<string>> ByField => _errors;

    public InputErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    public static InputErrors Of(string field, string message) => new InputErrors().Add(field, message);

    public ValidationProblem ToProblem(string detail = "Bitte prüfen Sie die markierten Angaben.") =>
        TypedResults.ValidationProblem(
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            detail: detail,
            title: "Ungültige Eingabe");

    /// <summary>Adds the messages to a page's model state; fields are prefixed with the page's form property name.</summary>
    public void CopyTo(ModelStateDictionary modelState, string prefix = "Form")
    {
        foreach (var (field, messages) in _errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(field.Length == 0 || prefix.Length == 0 ? field : $"{prefix}.{field}", message);
            }
        }
    }
}

/// <summary>The result of a use case: a value, or what was wrong with the input.</summary>
public sealed record Outcome<T>(T? Value, InputErrors? Errors)
{
    public bool Succeeded => Errors is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(InputErrors errors) => new(default, errors);
}
