using Workspace.Server.Auth;
using Workspace.Server.Features.Meetings;

namespace Workspace.Server.Features.Polls;

/// <summary>Those who may see a poll: its invited agencies and the secretariat (404 for anyone else).</summary>
public interface IPollViewerRequest
{
    Guid PollId { get; }
}

/// <summary>People of a poll's invited agencies (other viewers 403).</summary>
public interface IPollInviteeRequest
{
    Guid PollId { get; }
}

/// <summary>Those who may convene the meeting the poll is for (other viewers 403).</summary>
public interface IPollOrganizerRequest
{
    Guid PollId { get; }
}

internal sealed class PollViewerRule<T>(MeetingAccess meetings) : IAccessRule<T>
    where T : IPollViewerRequest
{
    public Task CheckAsync(T request, CancellationToken cancellationToken) => meetings.PollVisibleAsync(request.PollId, cancellationToken);
}

internal sealed class PollInviteeRule<T>(MeetingAccess meetings, ICurrentUser me) : IAccessRule<T>
    where T : IPollInviteeRequest
{
    public async Task CheckAsync(T request, CancellationToken cancellationToken)
    {
        if (!(await meetings.PollVisibleAsync(request.PollId, cancellationToken)).Invited)
        {
            throw new ForbiddenException($"{me.AgencyCode} is not invited to this poll.");
        }
    }
}

internal sealed class PollOrganizerRule<T>(MeetingAccess meetings) : IAccessRule<T>
    where T : IPollOrganizerRequest
{
    public async Task CheckAsync(T request, CancellationToken cancellationToken)
    {
        var (kind, group, _) = await meetings.PollVisibleAsync(request.PollId, cancellationToken);
        if (!await meetings.MayConveneAsync(kind, group, cancellationToken))
        {
            throw new ForbiddenException("Only those who may convene this meeting pick its time.");
        }
    }
}
