using Bedarfsanalyse.Core.Questionnaires.Network;
using Bedarfsanalyse.Reports.Templates;

namespace Bedarfsanalyse.Tests.Reports;

/// <summary>A copy of the repository's reports-templates in a temporary folder, to be changed by a test.</summary>
internal sealed class TemplateFolder : IDisposable
{
    public TemplateFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "vorlagen-" + Guid.NewGuid().ToString("N"));
        Copy(ReportTemplateLoader.FindRoot(), Root);
    }

    public string Root { get; }

    public ReportTemplateLoader Loader => new(Root, NetworkQuestionnaires.All);

    public void Replace(string relativePath, string oldText, string newText)
    {
        var path = Path.Combine(Root, relativePath);
        var text = File.ReadAllText(path);
        text.ShouldContain(oldText);
        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Write(string relativePath, string text) => File.WriteAllText(Path.Combine(Root, relativePath), text);

    public IReadOnlyList<TemplateError> Errors(string? network = null) =>
        Should.Throw<TemplateValidationException>(() => Loader.Load(network)).Errors;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
