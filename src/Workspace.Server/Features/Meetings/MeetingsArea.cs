namespace Workspace.Server.Features.Meetings;

internal sealed class MeetingsArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api)
    {
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
        GetMyCalendar.Map(api);
        var feed = api.MapGroup("/me").WithTags("Meetings");
        IssueCalendarFeed.Map(feed);
        RevokeCalendarFeed.Map(feed);
    }

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<MeetingAccess>();
        services.AddSingleton<Data.ITimedWork, MeetingReminders>();
        services.AddSingleton<Server.Mail.INoticeTemplates, MeetingNotices>();
        // The calendar takes a feed secret or the usual sign-in.
        services.AddCalendarFeedAuthentication();
    }
}
