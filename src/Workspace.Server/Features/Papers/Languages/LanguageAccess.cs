using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// The reviewers the secretariat named for the request's language, on a paper they may see: anyone else who sees it is
/// refused (403); anyone who does not is told it does not exist (404).
/// </summary>
public interface ILanguageReviewerRequest
{
    Guid PaperId { get; }

    string Language { get; }
}

/// <summary>Who writes versions: the paper's participating agencies and the secretariat (403 for other viewers, 404 for anyone else).</summary>
public interface IPaperTranslatorRequest
{
    Guid PaperId { get; }
}

internal sealed class LanguageReviewerRule<T>(PaperAccess papers, WorkspaceDb db, ICurrentUser me) : IAccessRule<T>
    where T : ILanguageReviewerRequest
{
    public async Task CheckAsync(T request, CancellationToken cancellationToken)
    {
        await papers.CapacityAsync(request.PaperId, cancellationToken);
        if (!await db.IsLanguageReviewerAsync(request.Language, me.Email, cancellationToken))
        {
            throw new ForbiddenException($"Only the reviewers the secretariat named for {request.Language} review the versions in it.");
        }
    }
}

internal sealed class PaperTranslatorRule<T>(PaperAccess papers, ICurrentUser me) : IAccessRule<T>
    where T : IPaperTranslatorRequest
{
    public async Task CheckAsync(T request, CancellationToken cancellationToken)
    {
        if ((await papers.CapacityAsync(request.PaperId, cancellationToken) & (Capacity.Participant | Capacity.Secretariat)) == 0)
        {
            throw new ForbiddenException($"{me.AgencyCode} does not participate in this paper.");
        }
    }
}

internal static class LanguageReviewerQueries
{
    public static async Task<IReadOnlyList<string>> ReviewersOfAsync(this WorkspaceDb db, string language, CancellationToken ct) =>
        await db.LanguageReviewers.AsNoTracking().Where(r => r.Language == language).Select(r => r.Emails).SingleOrDefaultAsync(ct) ?? [];

    public static async Task<bool> IsLanguageReviewerAsync(this WorkspaceDb db, string language, string email, CancellationToken ct) =>
        (await db.ReviewersOfAsync(language, ct)).Contains(email.ToLowerInvariant(), StringComparer.Ordinal);
}
