using Hangfire;

namespace Workspace.Server.Mail;

/// <summary>The mail outbox's job: a delivery run, asked for after a reaction wrote mail to send now.</summary>
public sealed class MailJobs(MailDelivery mail)
{
    /// <summary>The outbox: what is due is sent; a failure waits for a later run (the message keeps its own pause).</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task DeliverMailAsync(CancellationToken cancellationToken) => mail.DeliverDueAsync(cancellationToken);
}
