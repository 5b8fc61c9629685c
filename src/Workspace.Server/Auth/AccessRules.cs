namespace Workspace.Server.Auth;

/// <summary>
/// Every request states who may send it by implementing exactly one of the interfaces below; the
/// authorization behaviour enforces it for the API, the UI, the hub and the jobs alike.
/// </summary>
public interface IAccessRule;

/// <summary>Anyone, signed in or not (the public member directory, publications, sign-in itself).</summary>
public interface IPublicRequest : IAccessRule;

/// <summary>Any signed-in person.</summary>
public interface ISignedInRequest : IAccessRule;

/// <summary>People of the secretariat only.</summary>
public interface ISecretariatRequest : IAccessRule;

/// <summary>The secretariat, or focal points of the agencies that co-chair the group today.</summary>
public interface ICoChairOrSecretariatRequest : IAccessRule;

/// <summary>Focal points acting for their own agency, or the secretariat.</summary>
public interface IOwnAgencyRequest : IAccessRule
{
    string AgencyCode { get; }
}

/// <summary>
/// Anyone who may see the paper: its participating agencies and the secretariat. Anyone else is told the
/// paper does not exist (404): drafts never leak their existence.
/// </summary>
public interface IPaperViewerRequest : IAccessRule
{
    Guid PaperId { get; }
}

/// <summary>
/// Focal points of a participating agency, acting for their own agency only. The secretariat sees the
/// paper but does not act in it unless its agency participates (403); anyone else gets 404.
/// </summary>
public interface IPaperParticipantRequest : IAccessRule
{
    Guid PaperId { get; }

    /// <summary>The agency the caller claims to act for, if the request names one; another than their own → 403.</summary>
    string? OnBehalfOfAgencyCode => null;
}

/// <summary>Focal points of the paper's lead agency, or the secretariat; other participants 403; anyone else 404.</summary>
public interface IPaperLeadRequest : IAccessRule
{
    Guid PaperId { get; }
}

/// <summary>Timed work the server does by itself (deadlines, reminders); no person may send it.</summary>
public interface ISystemRequest : IAccessRule;

/// <summary>
/// Whoever may convene a meeting of this kind: the secretariat and focal points of today's co-chair agencies
/// for any meeting; for a working-group meeting also the group's lead agency.
/// </summary>
public interface IConveneRequest : IAccessRule
{
    Domain.Meetings.MeetingKind? Kind { get; }

    Guid? WorkingGroupId { get; }

    /// <summary>The agencies named; a working group's lead may name only the group's members.</summary>
    IReadOnlyList<string>? InvitedAgencyCodes { get; }
}

/// <summary>People of the invited agencies and the secretariat see a meeting; anyone else gets 404.</summary>
public interface IMeetingViewerRequest : IAccessRule
{
    Guid MeetingId { get; }
}

/// <summary>People of the invited agencies (answering for themselves); the secretariat if its agency is invited.</summary>
public interface IMeetingInviteeRequest : IAccessRule
{
    Guid MeetingId { get; }
}

/// <summary>Those who may convene a meeting of its kind (see <see cref="IConveneRequest"/>); it must also be visible to them.</summary>
public interface IMeetingOrganizerRequest : IAccessRule
{
    Guid MeetingId { get; }
}

/// <summary>Those who may see an action item: its meeting's invited agencies and the secretariat (404 for anyone else).</summary>
public interface IActionItemViewerRequest : IAccessRule
{
    Guid ActionItemId { get; }
}

/// <summary>Those who may change an action item: its owner agency's people, those who convene its meeting, the secretariat (403 for other viewers).</summary>
public interface IActionItemOwnerRequest : IAccessRule
{
    Guid ActionItemId { get; }
}

/// <summary>Those who may see a poll: its invited agencies and the secretariat (404 for anyone else).</summary>
public interface IPollViewerRequest : IAccessRule
{
    Guid PollId { get; }
}

/// <summary>People of a poll's invited agencies (other viewers 403).</summary>
public interface IPollInviteeRequest : IAccessRule
{
    Guid PollId { get; }
}

/// <summary>Those who may convene the meeting the poll is for (other viewers 403).</summary>
public interface IPollOrganizerRequest : IAccessRule
{
    Guid PollId { get; }
}

/// <summary>Those who moderate a public consultation: its paper's participating agencies and the secretariat (404 for anyone else).</summary>
public interface IConsultationModeratorRequest : IAccessRule
{
    Guid ConsultationId { get; }
}

/// <summary>Those who see the comments of the consultation a public comment was made on: its paper's agencies and the secretariat (404 for anyone else).</summary>
public interface IConsultationCommentModeratorRequest : IAccessRule
{
    Guid CommentId { get; }
}

/// <summary>Those who decide what of a consultation is published: its paper's lead agency and the secretariat (other participants 403, anyone else 404).</summary>
public interface IConsultationCommentDecisionRequest : IAccessRule
{
    Guid CommentId { get; }
}
