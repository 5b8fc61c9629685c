using Workspace.Server.Features.Agencies;
using Workspace.Server.Features.Auth;
using Workspace.Server.Features.CoChairTerms;
using Workspace.Server.Features.Events;
using Workspace.Server.Features.Meetings;
using Workspace.Server.Features.Notifications;
using Workspace.Server.Features.Papers;
using Workspace.Server.Features.Publications;
using Workspace.Server.Features.WorkingGroups;

namespace Workspace.Server.Features;

/// <summary>The HTTP API, area by area: each use case maps its own route.</summary>
public static class Api
{
    public static void MapWorkspaceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        var auth = api.MapGroup("/auth").WithTags("Auth");
        Login.Map(auth);
        SignOut.Map(auth);
        var me = api.MapGroup("").WithTags("Auth");
        GetMe.Map(me);
        ChangePassword.Map(me);
        var settings = api.MapGroup("/me").WithTags("Auth");
        Settings.GetMySettings.Map(settings);
        Settings.UpdateMySettings.Map(settings);
        var mailSettings = api.MapGroup("/me").WithTags("Mail");
        Mail.GetMyMailSettings.Map(mailSettings);
        Mail.UpdateMyMailSettings.Map(mailSettings);
        Mail.Unsubscribe.Map(api.MapGroup("/mail").WithTags("Mail"));
        var notifications = api.MapGroup("/me").WithTags("Notifications");
        ListMyNotifications.Map(notifications);
        MarkNotificationRead.Map(notifications);
        var alternate = api.MapGroup("/me").WithTags("Sign-off practice");
        Alternates.GetMyAlternate.Map(alternate);
        Alternates.NameAlternate.Map(alternate);
        Alternates.EndAlternate.Map(alternate);
        var feed = api.MapGroup("/me").WithTags("Meetings");
        IssueCalendarFeed.Map(feed);
        RevokeCalendarFeed.Map(feed);

        var agencies = api.MapGroup("/agencies").WithTags("Membership");
        ListAgencies.Map(agencies);
        GetAgency.Map(agencies);
        RegisterAgency.Map(agencies);
        UpdateAgencyProfile.Map(agencies);
        RegisterFocalPoint.Map(agencies);
        var chains = api.MapGroup("/agencies").WithTags("Sign-off practice");
        GetClearanceChain.Map(chains);
        ChangeClearanceChain.Map(chains);
        var rules = api.MapGroup("/sign-off-rules").WithTags("Sign-off practice");
        SignOffRules.ListSignOffRules.Map(rules);
        SignOffRules.ChangeSignOffRule.Map(rules);
        ListMembers.Map(api);
        GetDirectoryTerms.Map(api);
        ChangeDirectoryTerms.Map(api);
        GetMemberProfile.Map(api);
        ListPeople.Map(api);
        SetPersonAgency.Map(api);

        var terms = api.MapGroup("/cochair-terms").WithTags("Membership");
        ListTerms.Map(terms);
        CreateTerm.Map(terms);
        GetCurrentTerm.Map(api);

        var groups = api.MapGroup("/working-groups").WithTags("Membership");
        ListWorkingGroups.Map(groups);
        GetWorkingGroup.Map(groups);
        CreateWorkingGroup.Map(groups);
        UpdateWorkingGroup.Map(groups);
        ListWorkingGroupWork.Map(groups);

        var meetings = api.MapGroup("/meetings").WithTags("Meetings");
        ScheduleMeeting.Map(meetings);
        ListMeetings.Map(meetings);
        GetMeeting.Map(meetings);
        AddAgendaItem.Map(meetings);
        RecordRsvp.Map(meetings);
        RescheduleMeeting.Map(meetings);
        CancelMeeting.Map(meetings);
        GetMeetingInvitation.Map(meetings);
        DraftMinutes.Map(meetings);
        ActionItems.RecordActionItem.Map(meetings);
        var actionItems = api.MapGroup("/action-items").WithTags("Action items");
        ActionItems.ListActionItems.Map(actionItems);
        ActionItems.GetActionItem.Map(actionItems);
        ActionItems.ChangeActionItemStatus.Map(actionItems);
        ActionItems.CommentOnActionItem.Map(actionItems);
        GetMyCalendar.Map(api);
        var polls = api.MapGroup("/polls").WithTags("Meetings");
        Polls.OpenPoll.Map(polls);
        Polls.ListPolls.Map(polls);
        Polls.GetPoll.Map(polls);
        Polls.AnswerPoll.Map(polls);
        Polls.PickPollSlot.Map(polls);

        var papers = api.MapGroup("/papers").WithTags("Papers");
        CreatePaper.Map(papers);
        ListPapers.Map(papers);
        GetPaper.Map(papers);
        AddRevision.Map(papers);
        ListRevisions.Map(papers);
        GetRevision.Map(papers);
        ImportRevision.Map(papers);
        ExportRevision.Map(papers);
        GetDiff.Map(papers);
        AddComment.Map(papers);
        ListComments.Map(papers);
        OpenRound.Map(papers);
        RecordSignOff.Map(papers);
        RecordClearance.Map(papers);
        GetClearance.Map(papers);
        ProposeCorrection.Map(papers);
        ObjectToCorrection.Map(papers);
        ListCorrections.Map(papers);
        ListRounds.Map(papers);
        PublishPaper.Map(papers);
        WithdrawPaper.Map(papers);
        GetSignOffRecord.Map(papers);
        GetSignOffStatus.Map(api);
        Reports.DraftAnnualReport.Map(api);

        Consultations.OpenConsultation.Map(papers);
        Consultations.ListConsultations.Map(papers);
        var consultations = api.MapGroup("/consultations").WithTags("Consultations");
        Consultations.GetConsultation.Map(consultations);
        Consultations.CommentOnConsultation.Map(consultations);
        Consultations.ConfirmComment.Map(consultations);
        Consultations.ListCommentsForModeration.Map(consultations);
        Consultations.ModerateComment.Map(api);
        Consultations.AnswerComment.Map(api);
        Consultations.ExportComments.Map(consultations);

        var publications = api.MapGroup("/publications").WithTags("Publications");
        ListPublications.Map(publications);
        GetPublication.Map(publications);
        ExportPublication.Map(publications);
        PublicationsFeed.Map(app);

        ReadEvents.Map(api);
        VerifyAudit.Map(api);
        RotateChainKey.Map(api);
        BackUpDatabase.Map(api);
    }
}
