using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Auth;

/// <summary>First in the pipeline: refuses a request its sender may not make, before anything else runs.</summary>
internal sealed class AuthorizationBehaviour<TRequest, TResponse>(
    ICurrentUser me, CoChairs coChairs, PaperAccess papers, MeetingAccess meetings, ActionItemAccess actionItems, Alternates alternates,
    ConsultationAccess consultations)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IPublicRequest)
        {
            return await next();
        }

        if (request is ISystemRequest)
        {
            return me.IsAuthenticated ? throw new ForbiddenException("Only the server itself does this.") : await next();
        }

        if (!me.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        switch (request)
        {
            case ISignedInRequest:
                break;
            case ISecretariatRequest when !me.IsSecretariat:
                throw new ForbiddenException("Only the secretariat may do this.");
            case ICoChairOrSecretariatRequest when !me.IsSecretariat && !await coChairs.IsCoChairAsync(me.AgencyCode, cancellationToken):
                throw new ForbiddenException("Only the secretariat or focal points of the current co-chair agencies may do this.");
            case IOwnAgencyRequest own when !me.IsSecretariat && !string.Equals(own.AgencyCode, me.AgencyCode, StringComparison.Ordinal):
                throw new ForbiddenException($"You act for {me.AgencyCode} only; this belongs to {own.AgencyCode}.");
            case IPaperViewerRequest viewer:
                await papers.CapacityAsync(viewer.PaperId, cancellationToken);
                break;
            case IPaperParticipantRequest participant:
                await EnsureParticipantAsync(participant, cancellationToken);
                break;
            case IPaperLeadRequest lead when (await papers.CapacityAsync(lead.PaperId, cancellationToken) & Capacity.Lead) == 0:
                throw new ForbiddenException("Only the lead agency's focal points or the secretariat may do this.");
            case IConveneRequest convene when !await meetings.MayConveneAsync(convene.Kind, convene.WorkingGroupId, cancellationToken):
                throw new ForbiddenException(convene.Kind == Domain.Meetings.MeetingKind.WorkingGroup
                    ? "Only the secretariat, the co-chairs or the working group's lead agency may convene its meetings."
                    : "Only the secretariat or focal points of the current co-chair agencies may convene this meeting.");
            case IConveneRequest convene when !await meetings.MayInviteAsync(convene.WorkingGroupId, convene.InvitedAgencyCodes, cancellationToken):
                throw new ForbiddenException("A working group's lead agency invites the group's members only; the co-chairs or the secretariat convene wider meetings.");
            case IMeetingViewerRequest viewer:
                await meetings.VisibleAsync(viewer.MeetingId, cancellationToken);
                break;
            case IMeetingInviteeRequest invitee when !(await meetings.VisibleAsync(invitee.MeetingId, cancellationToken)).Invited:
                throw new ForbiddenException($"{me.AgencyCode} is not invited to this meeting.");
            case IMeetingOrganizerRequest organizer:
                var (kind, group, _) = await meetings.VisibleAsync(organizer.MeetingId, cancellationToken);
                if (!await meetings.MayConveneAsync(kind, group, cancellationToken))
                {
                    throw new ForbiddenException("Only those who may convene this meeting may change it.");
                }

                break;
            case IPollViewerRequest viewer:
                await meetings.PollVisibleAsync(viewer.PollId, cancellationToken);
                break;
            case IPollInviteeRequest invitee when !(await meetings.PollVisibleAsync(invitee.PollId, cancellationToken)).Invited:
                throw new ForbiddenException($"{me.AgencyCode} is not invited to this poll.");
            case IPollOrganizerRequest organizer:
                var (pollKind, pollGroup, _) = await meetings.PollVisibleAsync(organizer.PollId, cancellationToken);
                if (!await meetings.MayConveneAsync(pollKind, pollGroup, cancellationToken))
                {
                    throw new ForbiddenException("Only those who may convene this meeting pick its time.");
                }

                break;
            case IActionItemViewerRequest viewer:
                await actionItems.VisibleAsync(viewer.ActionItemId, cancellationToken);
                break;
            case IActionItemOwnerRequest owner:
                await actionItems.MayChangeAsync(owner.ActionItemId, cancellationToken);
                break;
            case IConsultationModeratorRequest moderator:
                await consultations.EnsureModeratorAsync(moderator.ConsultationId, cancellationToken);
                break;
            case IConsultationCommentModeratorRequest moderator:
                await consultations.EnsureCommentModeratorAsync(moderator.CommentId, cancellationToken);
                break;
            case IConsultationCommentDecisionRequest decision when !await consultations.EnsureCommentModeratorAsync(decision.CommentId, cancellationToken):
                throw new ForbiddenException("Only the paper's lead agency or the secretariat decides what of a consultation is published.");
            case IConsultationCommentDecisionRequest:
                break;
            case ISecretariatRequest or ICoChairOrSecretariatRequest or IOwnAgencyRequest or IPaperLeadRequest or IConveneRequest or IMeetingInviteeRequest or IPollInviteeRequest:
                break;
            default:
                // A request that states no rule is a programming error, caught by the architecture tests too.
                throw new InvalidOperationException($"{typeof(TRequest).FullName} does not state who may send it.");
        }

        if (request is IAlternateRequest { OnBehalfOf: { Length: > 0 } person })
        {
            await alternates.EnsureHoldsAsync(person, cancellationToken);
        }

        return await next();
    }

    private async Task EnsureParticipantAsync(IPaperParticipantRequest request, CancellationToken ct)
    {
        var capacity = await papers.CapacityAsync(request.PaperId, ct);
        if ((capacity & Capacity.Participant) == 0)
        {
            throw new ForbiddenException($"{me.AgencyCode} does not participate in this paper.");
        }

        if (request.OnBehalfOfAgencyCode is { } agency && !string.Equals(agency, me.AgencyCode, StringComparison.Ordinal))
        {
            throw new ForbiddenException($"You act for {me.AgencyCode} only, not for {agency}.");
        }
    }
}
