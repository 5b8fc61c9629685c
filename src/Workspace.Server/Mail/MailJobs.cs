using Hangfire;

namespace Workspace.Server.Mail;

/// <summary>The mail outbox's jobs: a delivery run asked for after a commit, and the minutely one that also writes the digests.</summary>
public sealed class MailJobs(IMediator mediator, MailDelivery mail)
{
    /// <summary>The outbox: what is due is sent; a failure waits for a later run (the message keeps its own pause).</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task DeliverMailAsync(CancellationToken cancellationToken) => mail.DeliverDueAsync(cancellationToken);

    /// <summary>Every minute: the digests whose 08:00 has come are written, then sent with everything else due.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task GatherAndDeliverMailAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new Features.Mail.GatherDigests.Command(), cancellationToken);
        await mail.DeliverDueAsync(cancellationToken);
    }
}
