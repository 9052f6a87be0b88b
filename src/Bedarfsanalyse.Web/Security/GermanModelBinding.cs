using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Bedarfsanalyse.Web.Security;

/// <summary>The messages form binding gives for values that do not fit their field, in German.</summary>
internal static class GermanModelBinding
{
    public static IServiceCollection AddGermanModelBinding(this IServiceCollection services) =>
        services.Configure<MvcOptions>(options =>
        {
            var messages = options.ModelBindingMessageProvider;
            messages.SetValueIsInvalidAccessor(value => $"„{value}“ ist hier nicht gültig.");
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"„{value}“ ist für „{field}“ nicht gültig.");
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"„{value}“ ist nicht gültig.");
            messages.SetUnknownValueIsInvalidAccessor(field => $"Der Wert für „{field}“ ist nicht gültig.");
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Der Wert ist nicht gültig.");
            messages.SetValueMustNotBeNullAccessor(field => $"Bitte füllen Sie „{field}“ aus.");
            messages.SetMissingBindRequiredValueAccessor(field => $"„{field}“ fehlt.");
            messages.SetMissingKeyOrValueAccessor(() => "Ein Wert fehlt.");
            messages.SetMissingRequestBodyRequiredValueAccessor(() => "Die Anfrage enthält keine Daten.");
            messages.SetValueMustBeANumberAccessor(field => $"„{field}“ muss eine Zahl sein.");
            messages.SetNonPropertyValueMustBeANumberAccessor(() => "Bitte geben Sie eine Zahl ein.");
            options.ModelMetadataDetailsProviders.Add(new SystemTextJsonValidationMetadataProvider());
        });
}
