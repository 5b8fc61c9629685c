using Hangfire;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Domain.Papers;

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
    /// <summary>The events whose notices are always mailed.</summary>
    private static readonly HashSet<string> Mailed = new(StringComparer.Ordinal)
    {
        RoundOpened.Type, RoundClosed.Type, "paper.round-overdue", "paper.sign-off-reminder", PaperPublished.Type,
        MeetingScheduled.Type, MeetingRescheduled.Type, "meeting.cancelled", "meeting.reminder",
        "paper.clearance-requested", CorrectionProposed.Type, "paper.correction-objected", CorrectionAdopted.Type, "person.alternate-named",
        "consultation.comment-confirmed", "consultation.closed",
    };

    /// <summary>The events whose notices are mailed (sign-offs and clearance steps, the most frequent, only an objection or a sending back).</summary>
    private static bool Mails(EventRecord e) =>
        e.TryRead<SignOffRecorded>(out var signOff) ? signOff.IsObjection
        : e.TryRead<ClearanceRecorded>(out var clearance) ? clearance.IsSendBack
        : Mailed.Contains(e.Type) || e.Type.StartsWith("action-item.", StringComparison.Ordinal) || e.Type.StartsWith("poll.", StringComparison.Ordinal);

    public void Follow(EventRecord e)
    {
        if (Mails(e))
        {
            delivery.Request(jobs);
        }
    }
}
