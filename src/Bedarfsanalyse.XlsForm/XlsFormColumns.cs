namespace Bedarfsanalyse.XlsForm;

/// <summary>The columns the mapping reads and writes (docs/adr/0007-xlsform-mapping.md).</summary>
internal static class XlsFormColumns
{
    public const string Survey = "survey";
    public const string Choices = "choices";
    public const string Settings = "settings";

    public const string TypeColumn = "type";
    public const string Name = "name";
    public const string Label = "label";
    public const string Hint = "hint";
    public const string RequiredColumn = "required";
    public const string Relevant = "relevant";
    public const string Constraint = "constraint";
    public const string ConstraintMessage = "constraint_message";
    public const string Calculation = "calculation";
    public const string ChoiceFilter = "choice_filter";
    public const string Appearance = "appearance";

    // Extensions: what XLSForm has no column for (ADR 0007).
    public const string Min = "min";
    public const string Max = "max";
    public const string Unit = "unit";
    public const string MatrixRows = "matrix_rows";
    public const string OtherLabel = "other_label";

    public const string ListName = "list_name";
    public const string NonSubstantive = "non_substantive";

    public const string FormTitle = "form_title";
    public const string FormId = "form_id";
    public const string DefaultLanguage = "default_language";
    public const string RespondentGroupsColumn = "respondent_groups";

    public static readonly IReadOnlyList<string> TranslatableSurvey = [Label, Hint, ConstraintMessage, Unit, OtherLabel];

    public static readonly IReadOnlyList<string> SurveyColumns =
        [TypeColumn, Name, Label, Hint, RequiredColumn, Relevant, Constraint, ConstraintMessage, Calculation, ChoiceFilter, Appearance, Min, Max, Unit, MatrixRows, OtherLabel];

    public static readonly IReadOnlyList<string> ChoiceColumns = [ListName, Name, Label, NonSubstantive];

    public static readonly IReadOnlyList<string> SettingsColumns = [FormTitle, FormId, DefaultLanguage, RespondentGroupsColumn];

    /// <summary>Choice columns that are media, not filter properties: they are reported and left out.</summary>
    public static readonly IReadOnlyList<string> ChoiceMedia = ["image", "audio", "video", "big-image", "media"];

    // Appearances the mapping understands; every other appearance is reported, not silently dropped.
    public const string Likert = "likert";
    public const string YesNo = "yes-no";
    public const string Multiline = "multiline";
    public const string FieldList = "field-list";
}
