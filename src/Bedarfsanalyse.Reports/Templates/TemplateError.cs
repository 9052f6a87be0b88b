namespace Bedarfsanalyse.Reports.Templates;

/// <summary>One problem of a template, with the file and line where it stands (line 0 when the whole file is meant).</summary>
public sealed record TemplateError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}, Zeile {Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>A template did not pass validation; nothing was loaded.</summary>
public sealed class TemplateValidationException(IReadOnlyList<TemplateError> errors)
    : Exception("Die Berichtsvorlage ist fehlerhaft:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<TemplateError> Errors { get; } = errors;
}
