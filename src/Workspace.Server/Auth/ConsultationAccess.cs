using Workspace.Server.Data;

namespace Workspace.Server.Auth;

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

    public async Task EnsureCommentModeratorAsync(Guid commentId, CancellationToken ct)
    {
        var participants = await (from comment in db.ConsultationComments.AsNoTracking()
                                  join consultation in db.Consultations on comment.ConsultationId equals consultation.Id
                                  where comment.Id == commentId
                                  select consultation.ParticipatingAgencyCodes).SingleOrDefaultAsync(ct);
        if (participants is null || !(me.IsSecretariat || participants.Contains(me.AgencyCode)))
        {
            throw new NotFoundException("comment", commentId.ToString());
        }
    }
}
