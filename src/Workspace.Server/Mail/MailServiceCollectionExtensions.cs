using Hangfire;
using Workspace.Server.Data;

namespace Workspace.Server.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>Outgoing mail: the composer (used as changes are saved), the delivery, and what wakes it after commit.</summary>
    public static IServiceCollection AddWorkspaceMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration("Mail").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<MailDelivery>();
        services.AddSingleton<ILogFollower, MailFollower>();
        return services;
    }
}

/// <summary>After a committed change that wrote mail, a delivery job at once (the minutely one is the safety net).</summary>
internal sealed class MailFollower(IBackgroundJobClient jobs, MailDelivery delivery) : ILogFollower
{
    public void Follow(EventRecord e)
    {
        if (e.Type is "paper.round-opened" or "meeting.scheduled" or "meeting.rescheduled" or "meeting.cancelled")
        {
            delivery.Request(jobs);
        }
    }
}
