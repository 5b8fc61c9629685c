using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Features.Publications;

/// <param name="AgencyCodes">The signatories: every agency that approved the text or adopted it by silence.</param>
/// <param name="ContentHash">The hash every signatory approved; the published text hashes to it.</param>
/// <param name="CorrectedAt">When an editorial correction, adopted without objection, last changed the published text.</param>
public sealed record PublicationView(Guid PaperId, string Title, PaperKind Kind, DateTimeOffset PublishedAt, string Summary,
    IReadOnlyList<string> Tags, IReadOnlyList<string> AgencyCodes, string ContentHash, DateTimeOffset? CorrectedAt = null)
{
    /// <summary>The languages it is published in, the original first.</summary>
    public IReadOnlyList<string> LanguageCodes { get; init; } = [];
}

/// <summary>A publication's text in one language, with every language it is published in.</summary>
public sealed record PublicationText(Guid PaperId, string Title, PaperKind Kind, DateTimeOffset PublishedAt, string Summary,
    IReadOnlyList<string> Tags, IReadOnlyList<string> AgencyCodes, string ContentHash, int Revision, string Text, DateTimeOffset? CorrectedAt = null)
{
    /// <summary>The language of <see cref="Text"/>.</summary>
    public string Language { get; init; } = "en";

    public string OriginalLanguage { get; init; } = "en";

    /// <summary>The hash of <see cref="Text"/>: <see cref="ContentHash"/> for the original, the confirmed version's own otherwise.</summary>
    public string TextHash { get; init; } = ContentHash;

    /// <summary>Every language it is published in: the original, authentic, and each version confirmed against the published text.</summary>
    public IReadOnlyList<PublishedLanguage> Languages { get; init; } = [];

    /// <summary>The title as the text in <see cref="Language"/> gives it (its first heading), else the original's.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string TitleInLanguage => Language == OriginalLanguage ? Title : PublishedLanguage.HeadingOf(Text) ?? Title;
}

/// <summary>One language a publication is offered in: its text's hash, who confirmed it against the original, and whether it is the original (the authentic text).</summary>
public sealed record PublishedLanguage(string Language, string ContentHash, string? Reviewer, bool Authentic)
{
    /// <summary>The text's first level-one heading, if it opens with one.</summary>
    public static string? HeadingOf(string markdown)
    {
        var first = markdown.TrimStart().Split('\n', 2)[0];
        return first.StartsWith("# ", StringComparison.Ordinal) && first.Length > 2 ? first[2..].Trim() : null;
    }
}
