using Hangfire;
using Workspace.Server.Data;

namespace Workspace.Server.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>Outgoing mail: the composer (used as changes are saved), the delivery, and what wakes it after commit.</summary>
    public static IServiceCollection AddWorkspaceMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration("Mail").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MailLinks>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<MailDelivery>();
        services.AddSingleton<ILogFollower, MailFollower>();
        return services;
    }
}

/// <summary>After a committed change that wrote mail, a delivery job at once (the minutely one is the safety net).</summary>
internal sealed class MailFollower(IBackgroundJobClient jobs, MailDelivery delivery) : ILogFollower
{
    /// <summary>The events whose notices are mailed (comments and sign-offs, the most frequent, only when an objection).</summary>
    private static bool Mails(EventRecord e) => e.Type switch
    {
        "paper.round-opened" or "paper.round-closed" or "paper.round-overdue" or "paper.sign-off-reminder" or "paper.published"
            or "meeting.scheduled" or "meeting.rescheduled" or "meeting.cancelled" or "meeting.reminder" => true,
        "paper.sign-off-recorded" => e.Data.Contains("\"decision\":\"Object\"", StringComparison.Ordinal),
        "paper.clearance-requested" or "paper.correction-proposed" or "paper.correction-objected" or "paper.correction-adopted" or "person.alternate-named"
            or "consultation.comment-confirmed" or "consultation.closed" => true,
        "paper.clearance-recorded" => e.Data.Contains("\"decision\":\"SendBack\"", StringComparison.Ordinal),
        _ => e.Type.StartsWith("action-item.", StringComparison.Ordinal) || e.Type.StartsWith("poll.", StringComparison.Ordinal),
    };

    public void Follow(EventRecord e)
    {
        if (Mails(e))
        {
            delivery.Request(jobs);
        }
    }
}
