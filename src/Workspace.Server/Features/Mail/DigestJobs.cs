using Hangfire;
using Workspace.Server.Mail;

namespace Workspace.Server.Features.Mail;

/// <summary>The mail area's minutely job: the digests whose 08:00 has come are written, then sent with everything else due.</summary>
public sealed class DigestJobs(IMediator mediator, MailDelivery mail)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task GatherAndDeliverMailAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new GatherDigests.Command(), cancellationToken);
        await mail.DeliverDueAsync(cancellationToken);
    }
}
