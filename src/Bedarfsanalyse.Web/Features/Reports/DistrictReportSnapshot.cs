using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Reports.Quarterly;

namespace Bedarfsanalyse.Web.Features.Reports;

/// <summary>
/// The snapshot of the model a report was built from: every figure the report asked the model for, exactly as the
/// model answered (already under disclosure control). Stored with the report; <see cref="SnapshotDistrictData"/>
/// reads it back, so the same template composes the same report later, whatever happened to the data since.
/// </summary>
public static class DistrictReportSnapshot
{
    public const string Format = "bedarfsanalyse-bezirksbericht-1";

    internal static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new QuarterJsonConverter(), new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    internal static string Key(string method, params string[] arguments) => method + "(" + string.Join(",", arguments) + ")";

    private sealed class QuarterJsonConverter : JsonConverter<Quarter>
    {
        public override Quarter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Quarter.Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, Quarter value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}

/// <summary>Passes every question of the report to the model and writes down the answers (the snapshot).</summary>
public sealed class RecordingDistrictData(IDistrictReportData inner) : IDistrictReportData
{
    private readonly Dictionary<string, JsonNode?> _calls = [];
    private readonly Lock _lock = new();

    public string NetworkKey => inner.NetworkKey;

    public string NetworkName => inner.NetworkName;

    public string DistrictKey => inner.DistrictKey;

    public string DistrictName => inner.DistrictName;

    public Quarter Quarter => inner.Quarter;

    public DateOnly AsOf => inner.AsOf;

    public bool IsWeighted => Record(nameof(IsWeighted), () => inner.IsWeighted);

    public DisclosureRules Disclosure => Record(nameof(Disclosure), () => inner.Disclosure);

    public int EmployerInterviews => Record(nameof(EmployerInterviews), () => inner.EmployerInterviews);

    public int EmployeeInterviews => Record(nameof(EmployeeInterviews), () => inner.EmployeeInterviews);

    public IReadOnlyList<FieldTargetLine> FieldTargets => Record(nameof(FieldTargets), () => inner.FieldTargets);

    public IReadOnlyList<CountFigure> Distribution(string questionnaire, string question) =>
        Record(DistrictReportSnapshot.Key(nameof(Distribution), questionnaire, question), () => inner.Distribution(questionnaire, question));

    public IReadOnlyList<ShareFigure> Shares(string questionnaire, string question) =>
        Record(DistrictReportSnapshot.Key(nameof(Shares), questionnaire, question), () => inner.Shares(questionnaire, question));

    public ShareFigure Share(string questionnaire, string question, string value) =>
        Record(DistrictReportSnapshot.Key(nameof(Share), questionnaire, question, value), () => inner.Share(questionnaire, question, value));

    public NumberFigure Number(string questionnaire, string question) =>
        Record(DistrictReportSnapshot.Key(nameof(Number), questionnaire, question), () => inner.Number(questionnaire, question));

    public MatrixFigures Matrix(string questionnaire, string question) =>
        Record(DistrictReportSnapshot.Key(nameof(Matrix), questionnaire, question), () => inner.Matrix(questionnaire, question));

    public GroupMatrix ByEmployeeGroup(string question) =>
        Record(DistrictReportSnapshot.Key(nameof(ByEmployeeGroup), question), () => inner.ByEmployeeGroup(question));

    public IReadOnlyList<ComparisonLine> Compare(string employerQuestion, string employeeQuestion) =>
        Record(DistrictReportSnapshot.Key(nameof(Compare), employerQuestion, employeeQuestion), () => inner.Compare(employerQuestion, employeeQuestion));

    public Core.Statistics.DifferenceEstimate? CompareWithNetwork(string questionnaire, string question, string value) =>
        Record(DistrictReportSnapshot.Key(nameof(CompareWithNetwork), questionnaire, question, value), () => inner.CompareWithNetwork(questionnaire, question, value));

    public YearOnYearFigures YearOnYear(string questionnaire, string question, string value) =>
        Record(DistrictReportSnapshot.Key(nameof(YearOnYear), questionnaire, question, value), () => inner.YearOnYear(questionnaire, question, value));

    public RegionalFigures Regional(string questionnaire, string question, string value) =>
        Record(DistrictReportSnapshot.Key(nameof(Regional), questionnaire, question, value), () => inner.Regional(questionnaire, question, value));

    public TrendFigures Trend(string questionnaire, string question, string value) =>
        Record(DistrictReportSnapshot.Key(nameof(Trend), questionnaire, question, value), () => inner.Trend(questionnaire, question, value));

    /// <summary>The snapshot of everything asked so far, as JSON.</summary>
    public string ToJson()
    {
        lock (_lock)
        {
            var calls = new JsonObject();
            foreach (var (key, value) in _calls.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                calls[key] = value?.DeepClone();
            }

            var document = new JsonObject
            {
                ["format"] = DistrictReportSnapshot.Format,
                ["network_key"] = NetworkKey,
                ["network_name"] = NetworkName,
                ["district_key"] = DistrictKey,
                ["district_name"] = DistrictName,
                ["quarter"] = Quarter.ToString(),
                ["as_of"] = AsOf.ToString("O", CultureInfo.InvariantCulture),
                ["calls"] = calls,
            };
            return document.ToJsonString(DistrictReportSnapshot.Options);
        }
    }

    private T Record<T>(string key, Func<T> read)
    {
        var value = read();
        lock (_lock)
        {
            _calls[key] = JsonSerializer.SerializeToNode(value, DistrictReportSnapshot.Options);
        }

        return value;
    }
}

/// <summary>A report's figures read back from its snapshot; a figure the snapshot does not hold is an error, never a guess.</summary>
public sealed class SnapshotDistrictData : IDistrictReportData
{
    private readonly JsonObject _calls;

    public SnapshotDistrictData(string json)
    {
        var document = JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException("Die Momentaufnahme ist leer.", nameof(json));
        if ((string?)document["format"] != DistrictReportSnapshot.Format)
        {
            throw new ArgumentException($"Die Momentaufnahme hat nicht das Format {DistrictReportSnapshot.Format}.", nameof(json));
        }

        NetworkKey = (string)document["network_key"]!;
        NetworkName = (string)document["network_name"]!;
        DistrictKey = (string)document["district_key"]!;
        DistrictName = (string)document["district_name"]!;
        Quarter = Quarter.Parse((string)document["quarter"]!);
        AsOf = DateOnly.ParseExact((string)document["as_of"]!, "O", CultureInfo.InvariantCulture);
        _calls = document["calls"]!.AsObject();
    }

    public string NetworkKey { get; }

    public string NetworkName { get; }

    public string DistrictKey { get; }

    public string DistrictName { get; }

    public Quarter Quarter { get; }

    public DateOnly AsOf { get; }

    public bool IsWeighted => Read<bool>(nameof(IsWeighted));

    // Snapshots from before the thresholds were recorded came from reports whose texts named the default ones.
    public DisclosureRules Disclosure => _calls.ContainsKey(nameof(Disclosure)) ? Read<DisclosureRules>(nameof(Disclosure)) : DisclosureRules.Default;

    public int EmployerInterviews => Read<int>(nameof(EmployerInterviews));

    public int EmployeeInterviews => Read<int>(nameof(EmployeeInterviews));

    public IReadOnlyList<FieldTargetLine> FieldTargets => Read<List<FieldTargetLine>>(nameof(FieldTargets));

    public IReadOnlyList<CountFigure> Distribution(string questionnaire, string question) =>
        Read<List<CountFigure>>(DistrictReportSnapshot.Key(nameof(Distribution), questionnaire, question));

    public IReadOnlyList<ShareFigure> Shares(string questionnaire, string question) =>
        Read<List<ShareFigure>>(DistrictReportSnapshot.Key(nameof(Shares), questionnaire, question));

    public ShareFigure Share(string questionnaire, string question, string value) =>
        Read<ShareFigure>(DistrictReportSnapshot.Key(nameof(Share), questionnaire, question, value));

    public NumberFigure Number(string questionnaire, string question) =>
        Read<NumberFigure>(DistrictReportSnapshot.Key(nameof(Number), questionnaire, question));

    public MatrixFigures Matrix(string questionnaire, string question) =>
        Read<MatrixFigures>(DistrictReportSnapshot.Key(nameof(Matrix), questionnaire, question));

    public GroupMatrix ByEmployeeGroup(string question) => Read<GroupMatrix>(DistrictReportSnapshot.Key(nameof(ByEmployeeGroup), question));

    public IReadOnlyList<ComparisonLine> Compare(string employerQuestion, string employeeQuestion) =>
        Read<List<ComparisonLine>>(DistrictReportSnapshot.Key(nameof(Compare), employerQuestion, employeeQuestion));

    public Core.Statistics.DifferenceEstimate? CompareWithNetwork(string questionnaire, string question, string value) =>
        Read<Core.Statistics.DifferenceEstimate?>(DistrictReportSnapshot.Key(nameof(CompareWithNetwork), questionnaire, question, value));

    public YearOnYearFigures YearOnYear(string questionnaire, string question, string value) =>
        Read<YearOnYearFigures>(DistrictReportSnapshot.Key(nameof(YearOnYear), questionnaire, question, value));

    public RegionalFigures Regional(string questionnaire, string question, string value) =>
        Read<RegionalFigures>(DistrictReportSnapshot.Key(nameof(Regional), questionnaire, question, value));

    public TrendFigures Trend(string questionnaire, string question, string value) =>
        Read<TrendFigures>(DistrictReportSnapshot.Key(nameof(Trend), questionnaire, question, value));

    private T Read<T>(string key) =>
        _calls.TryGetPropertyValue(key, out var node)
            ? node.Deserialize<T>(DistrictReportSnapshot.Options)!
            : throw new InvalidOperationException($"Die Momentaufnahme enthält „{key}“ nicht; der Bericht wurde mit einer anderen Vorlage erstellt.");
}
