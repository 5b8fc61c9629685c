using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Features.Papers;

/// <summary>A request about one comment or suggestion that only its own agency may make (edit, delete, withdraw).</summary>
public interface IAnnotationOwnerRequest
{
    Guid AnnotationId { get; }
}

/// <summary>A request about one sent comment or suggestion that the lead agency's people or the secretariat decide on.</summary>
public interface IAnnotationDisposerRequest
{
    Guid AnnotationId { get; }
}

/// <summary>
/// Who sees which comments and suggestions, in one place: a draft is its agency's alone (the lead and the secretariat
/// included, nobody else sees it in any route, list or count); sent ones, whoever sees the paper.
/// </summary>
public static class AnnotationVisibility
{
    public static IQueryable<Annotation> VisibleTo(this IQueryable<Annotation> annotations, string agencyCode) =>
        annotations.Where(a => a.Status != AnnotationStatus.Draft || a.AgencyCode == agencyCode);

    /// <summary>The annotation as the caller may know it, or 404 (another agency's draft does not exist for them).</summary>
    public static async Task<(Guid PaperId, string AgencyCode)> FindAsync(WorkspaceDb db, Guid id, string agencyCode, CancellationToken ct) =>
        await db.Annotations.AsNoTracking().VisibleTo(agencyCode).Where(a => a.Id == id).Select(a => new { a.PaperId, a.AgencyCode })
            .SingleOrDefaultAsync(ct) is { } found ? (found.PaperId, found.AgencyCode) : throw new NotFoundException("annotation", id.ToString());
}

internal sealed class AnnotationOwnerRule<T>(WorkspaceDb db, PaperAccess papers, ICurrentUser me) : IAccessRule<T>
    where T : IAnnotationOwnerRequest
{
    public async Task CheckAsync(T request, CancellationToken cancellationToken)
    {
        var (paperId, agency) = await AnnotationVisibility.FindAsync(db, request.AnnotationId, me.AgencyCode, cancellationToken);
        await papers.CapacityAsync(paperId, cancellationToken);
        if (agency != me.AgencyCode)
        {
            throw new ForbiddenException($"Only {agency} changes or withdraws its own comments and suggestions.");
        }
    }
}

internal sealed class AnnotationDisposerRule<T>(WorkspaceDb db, PaperAccess papers, ICurrentUser me) : IAccessRule<T>
    where T : IAnnotationDisposerRequest
{
    public async Task CheckAsync(T request, CancellationToken cancellationToken)
    {
        var (paperId, _) = await AnnotationVisibility.FindAsync(db, request.AnnotationId, me.AgencyCode, cancellationToken);
        if ((await papers.CapacityAsync(paperId, cancellationToken) & Capacity.Lead) == 0)
        {
            throw new ForbiddenException("Only the lead agency's people and the secretariat decide on comments and suggestions.");
        }
    }
}

/// <summary>A comment or suggestion as the API shows it.</summary>
public sealed record AnnotationView(Guid Id, Guid PaperId, int Revision, string BlockId, string Quote, int Occurrence, AnnotationKind Kind, string? Text,
    string? Justification, string AgencyCode, string Author, AnnotationStatus Status, DateTimeOffset CreatedAt, string? Reason, int? AppliedInRevision)
{
    public static AnnotationView Of(Annotation a) => new(a.Id, a.PaperId, a.Revision, a.BlockId, a.Quote, a.Occurrence, a.Kind, a.Text, a.Justification,
        a.AgencyCode, a.Author, a.Status, a.CreatedAt.AsUtcInstant(), a.Reason, a.AppliedInRevision);
}

/// <summary>The lead agency's people only: they hold the pen (the secretariat decides on items but does not write the text for the lead).</summary>
public interface IPaperPenHolderRequest
{
    Guid PaperId { get; }
}

internal sealed class PaperPenHolderRule<T>(WorkspaceDb db, PaperAccess papers, ICurrentUser me) : IAccessRule<T>
    where T : IPaperPenHolderRequest
{
    public async Task CheckAsync(T request, CancellationToken cancellationToken)
    {
        await papers.CapacityAsync(request.PaperId, cancellationToken);
        if (!await db.Papers.AnyAsync(p => p.Id == request.PaperId && p.LeadAgencyCode == me.AgencyCode, cancellationToken))
        {
            throw new ForbiddenException("Only the lead agency's people build a revision from suggestions.");
        }
    }
}
