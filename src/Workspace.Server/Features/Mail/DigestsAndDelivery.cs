using Workspace.Server.Data;
using Workspace.Server.Mail;

namespace Workspace.Server.Features.Mail;

/// <summary>The mail area's minutely work: the digests whose 08:00 has come are written, then sent with everything else due.</summary>
internal sealed class DigestsAndDelivery : ITimedWork
{
    public string Name => "mail-delivery";

    public string Cron => Hangfire.Cron.Minutely();

    public async Task RunAsync(IServiceProvider services, Guid? subject, CancellationToken ct)
    {
        await services.GetRequiredService<IMediator>().Send(new GatherDigests.Command(), ct);
        await services.GetRequiredService<MailDelivery>().DeliverDueAsync(ct);
    }
}
