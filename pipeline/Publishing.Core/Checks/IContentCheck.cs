using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Checks;

/// <summary>
/// One editors' check over a loaded document (numbering, typos, indicator framework …). Checks only
/// report; they never change the model. They run in `validate` and before every `build`.
/// </summary>
public interface IContentCheck
{
    /// <summary>The name a form uses to tune the check (checks: { typos: off }).</summary>
    string Name { get; }

    void Check(PublishingDocument document, CheckContext context, DiagnosticBag diagnostics);
}

/// <summary>What checks may need beyond the document: where templates/ and its data files are.</summary>
/// <param name="SharedData">The data files as read once for a whole run (many documents); read anew when null.</param>
public sealed record CheckContext(string TemplatesDirectory, CheckData? SharedData = null)
{
    /// <summary>The data files editors extend (typos, qualitative values, indicator frameworks).</summary>
    public CheckData Data => SharedData ?? (_data ??= new CheckData(TemplatesDirectory));

    private CheckData? _data;
}
