namespace Workspace.Server.Features.Notifications;

internal sealed class NotificationsArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/me").WithTags("Notifications");
        ListMyNotifications.Map(notifications);
        MarkNotificationRead.Map(notifications);
        MarkAllNotificationsRead.Map(notifications);
    }

    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<NoticeLines>();
        services.AddSingleton<Data.ILogReaction, NotifyPeople>();
        // After the notices are written: what the same events answered is read.
        services.AddSingleton<Data.ILogReaction, ResolveNotices>();
        services.AddSingleton(new Components.Layout.HeaderPart(typeof(Pages.NotificationBell)));
    }
}
