using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Mail;

namespace Workspace.Tests.Infrastructure;

/// <summary>A server whose mail goes to a real SMTP server of the test's own.</summary>
public class MailHost : WorkspaceHost
{
    public SmtpServer Smtp { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Mail:Smtp:Host", "127.0.0.1"), new("Mail:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Mail:Smtp:UseTls", "false"), new("Mail:From", "workspace@icat.example"),
    ];

    /// <summary>The mail settings change nothing the database holds at start.</summary>
    protected override bool StartsFromTemplate => true;

    protected override async Task DisposedAsync() => await Smtp.DisposeAsync();

    /// <summary>
    /// Once the mail of every committed event is in the outbox, runs the minutely mail job now (digests due, then delivery), by the fake clock, until nothing due is left: a message another
    /// delivery (the job the commit woke) has leased is waited for, as that delivery finishes it.
    /// </summary>
    public async Task DeliverMailAsync()
    {
        await ReactionsDoneAsync();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await using (var scope = App.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<Workspace.Server.Jobs.TimedJobs>().RunAsync("mail-delivery", null, CancellationToken.None);
            }

            var due = (long)(await QueryScalarAsync("""SELECT count(*) FROM "OutgoingMail" WHERE "SentAt" IS NULL AND "GivenUpAt" IS NULL AND NOT "HeldForDigest" AND "NextAttemptAt" <= @now""",
                ("@now", Clock.GetUtcNow().UtcDateTime)))!;
            if (due == 0)
            {
                return;
            }

            await Task.Delay(50);
        }
    }
}

public sealed class MailHostOnPostgres : MailHost
{
    public override Workspace.Server.DatabaseProvider Provider => Workspace.Server.DatabaseProvider.PostgreSql;
}
