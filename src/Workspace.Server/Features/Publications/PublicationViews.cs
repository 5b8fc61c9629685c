using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Features.Publications;

/// <param name="AgencyCodes">The signatories: every agency that approved the text or adopted it by silence.</param>
/// <param name="ContentHash">The hash every signatory approved; the published text hashes to it.</param>
/// <param name="CorrectedAt">When an editorial correction, adopted without objection, last changed the published text.</param>
public sealed record PublicationView(Guid PaperId, string Title, PaperKind Kind, DateTimeOffset PublishedAt, string Summary,
    IReadOnlyList<string> Tags, IReadOnlyList<string> AgencyCodes, string ContentHash, DateTimeOffset? CorrectedAt = null);

public sealed record PublicationText(Guid PaperId, string Title, PaperKind Kind, DateTimeOffset PublishedAt, string Summary,
    IReadOnlyList<string> Tags, IReadOnlyList<string> AgencyCodes, string ContentHash, int Revision, string Text, DateTimeOffset? CorrectedAt = null);
