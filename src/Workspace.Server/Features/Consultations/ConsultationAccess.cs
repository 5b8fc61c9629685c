using Workspace.Server.Auth;
using Workspace.Server.Data;

namespace Workspace.Server.Features.Consultations;

/// <summary>Whether the current person moderates a consultation: its paper's participants and the secretariat; anyone else is told it does not exist.</summary>
public sealed class ConsultationAccess(WorkspaceDb db, ICurrentUser me)
{
    public async Task EnsureModeratorAsync(Guid consultationId, CancellationToken ct)
    {
        var participants = await db.Consultations.AsNoTracking().Where(c => c.Id == consultationId).Select(c => c.ParticipatingAgencyCodes).SingleOrDefaultAsync(ct);
        if (participants is null || !(me.IsSecretariat || participants.Contains(me.AgencyCode)))
        {
            throw new NotFoundException("consultation", consultationId.ToString());
        }
    }

    /// <summary>404 unless the current person sees the comment's consultation; then whether they decide on it (its paper's lead, or the secretariat).</summary>
    public async Task<bool> EnsureCommentModeratorAsync(Guid commentId, CancellationToken ct)
    {
        var found = await (from comment in db.ConsultationComments.AsNoTracking()
                           join consultation in db.Consultations on comment.ConsultationId equals consultation.Id
                           join paper in db.Papers on consultation.PaperId equals paper.Id
                           where comment.Id == commentId
                           select new { consultation.ParticipatingAgencyCodes, paper.LeadAgencyCode }).SingleOrDefaultAsync(ct);
        if (found is null || !(me.IsSecretariat || found.ParticipatingAgencyCodes.Contains(me.AgencyCode)))
        {
            throw new NotFoundException("comment", commentId.ToString());
        }

        return me.IsSecretariat || found.LeadAgencyCode == me.AgencyCode;
    }
}
