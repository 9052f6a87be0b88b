using Bedarfsanalyse.Data.Reports;

namespace Bedarfsanalyse.Web.Features.ReportRequests;

/// <summary>Makes the file one kind of request asks for: the district report (pdf) or the network's workbook (xlsx).</summary>
public interface IArtifactGenerator
{
    /// <summary>pdf or xlsx.</summary>
    string Kind { get; }

    /// <summary>Builds the file. Progress is reported from 0 to 100.</summary>
    Task<GeneratedArtifact> GenerateAsync(ReportRequest request, IProgress<int> progress, CancellationToken cancellationToken);
}

/// <summary>A finished file and what it was built from, as the archive keeps it.</summary>
public sealed record GeneratedArtifact(
    byte[] Content, string FileName, string TemplateVersion, IReadOnlyList<int> QuestionnaireVersionIds, string ModelSnapshot);
