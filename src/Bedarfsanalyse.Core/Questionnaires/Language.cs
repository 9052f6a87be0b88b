namespace Bedarfsanalyse.Core.Questionnaires;

/// <summary>A language a questionnaire is offered in; <see cref="Name"/> is how XLSForm columns spell it ("Deutsch (de)").</summary>
public sealed record Language(string Code, string Name)
{
    public const string DefaultCode = "de";

    public static readonly Language German = new(DefaultCode, "Deutsch");
}
