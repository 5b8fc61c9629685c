using Workspace.Server.Auth;
using Workspace.Server.Domain.Meetings;

namespace Workspace.Server.Features.Meetings;

/// <summary>
/// Whoever may convene a meeting of this kind: the secretariat and focal points of today's co-chair agencies
/// for any meeting; for a working-group meeting also the group's lead agency.
/// </summary>
public interface IConveneRequest
{
    MeetingKind? Kind { get; }

    Guid? WorkingGroupId { get; }

    /// <summary>The agencies named; a working group's lead may name only the group's members.</summary>
    IReadOnlyList<string>? InvitedAgencyCodes { get; }
}

/// <summary>People of the invited agencies and the secretariat see a meeting; anyone else gets 404.</summary>
public interface IMeetingViewerRequest
{
    Guid MeetingId { get; }
}

/// <summary>People of the invited agencies (answering for themselves); the secretariat if its agency is invited.</summary>
public interface IMeetingInviteeRequest
{
    Guid MeetingId { get; }
}

/// <summary>Those who may convene a meeting of its kind (see <see cref="IConveneRequest"/>); it must also be visible to them.</summary>
public interface IMeetingOrganizerRequest
{
    Guid MeetingId { get; }
}

internal sealed class ConveneRule<T>(MeetingAccess meetings) : IAccessRule<T>
    where T : IConveneRequest
{
    public async Task CheckAsync(T request, CancellationToken cancellationToken)
    {
        if (!await meetings.MayConveneAsync(request.Kind, request.WorkingGroupId, cancellationToken))
        {
            throw new ForbiddenException(request.Kind == MeetingKind.WorkingGroup
                ? "Only the secretariat, the co-chairs or the working group's lead agency may convene its meetings."
                : "Only the secretariat or focal points of the current co-chair agencies may convene this meeting.");
        }

        if (!await meetings.MayInviteAsync(request.WorkingGroupId, request.InvitedAgencyCodes, cancellationToken))
        {
            throw new ForbiddenException("A working group's lead agency invites the group's members only; the co-chairs or the secretariat convene wider meetings.");
        }
    }
}

internal sealed class MeetingViewerRule<T>(MeetingAccess meetings) : IAccessRule<T>
    where T : IMeetingViewerRequest
{
    public Task CheckAsync(T request, CancellationToken cancellationToken) => meetings.VisibleAsync(request.MeetingId, cancellationToken);
}

internal sealed class MeetingInviteeRule<T>(MeetingAccess meetings, ICurrentUser me) : IAccessRule<T>
    where T : IMeetingInviteeRequest
{
    public async Task CheckAsync(T request, CancellationToken cancellationToken)
    {
        if (!(await meetings.VisibleAsync(request.MeetingId, cancellationToken)).Invited)
        {
            throw new ForbiddenException($"{me.AgencyCode} is not invited to this meeting.");
        }
    }
}

internal sealed class MeetingOrganizerRule<T>(MeetingAccess meetings) : IAccessRule<T>
    where T : IMeetingOrganizerRequest
{
    public async Task CheckAsync(T request, CancellationToken cancellationToken)
    {
        var (kind, group, _) = await meetings.VisibleAsync(request.MeetingId, cancellationToken);
        if (!await meetings.MayConveneAsync(kind, group, cancellationToken))
        {
            throw new ForbiddenException("Only those who may convene this meeting may change it.");
        }
    }
}
