using Hangfire;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Workspace.Server.Data;

namespace Workspace.Server.Mail;

/// <summary>
/// Delivers the outbox after commit: each due message is leased (so that on several nodes one node sends it),
/// sent through SMTP with MailKit (or written to the pickup folder), and marked sent. A failure leaves it for a
/// later attempt after a growing pause (1, 2, 4 … minutes, at most an hour), until
/// <see cref="MailOptions.MaxAttempts"/>. Run by Hangfire: after each change that wrote mail, and every minute.
/// </summary>
public sealed partial class MailDelivery(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailDelivery> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private int requested;

    /// <summary>
    /// Asks for a delivery run after a commit that wrote mail: one job for however many commits come before it
    /// starts (seeding 500 rounds enqueues one, not 500).
    /// </summary>
    public void Request(IBackgroundJobClient jobs)
    {
        if (Interlocked.Exchange(ref requested, 1) == 0)
        {
            jobs.Enqueue<MailJobs>(j => j.DeliverMailAsync(CancellationToken.None));
        }
    }

    /// <summary>Sends what is due; answers how many were sent and how many failed this time.</summary>
    public async Task<(int Sent, int Failed)> DeliverDueAsync(CancellationToken ct)
    {
        // What commits from now on write is read by this run or asks for the next.
        Volatile.Write(ref requested, 0);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!options.Value.Sends)
        {
            // Recorded, and closed as not sent: a server configured later never sends what is stale by then.
            await db.OutgoingMail.Where(m => m.SentAt == null && m.GivenUpAt == null).ExecuteUpdateAsync(m => m
                .SetProperty(x => x.GivenUpAt, now).SetProperty(x => x.LastError, "Not sent: no Mail:Smtp:Host (nor pickup folder) is configured."), ct);
            return (0, 0);
        }

        var due = await db.OutgoingMail.AsNoTracking()
            .Where(m => !m.HeldForDigest && m.SentAt == null && m.GivenUpAt == null && m.NextAttemptAt <= now && (m.LeasedUntil == null || m.LeasedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Take(100).ToListAsync(ct);
        var (sent, failed) = (0, 0);
        using var smtp = new SmtpClient();
        foreach (var mail in due)
        {
            var leased = await db.OutgoingMail
                .Where(m => m.Id == mail.Id && m.SentAt == null && (m.LeasedUntil == null || m.LeasedUntil < now))
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.LeasedUntil, now + Lease), ct);
            if (leased == 0)
            {
                continue;
            }

            try
            {
                await SendAsync(smtp, mail, ct);
                await db.OutgoingMail.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(m => m
                    .SetProperty(x => x.SentAt, clock.GetUtcNow().UtcDateTime).SetProperty(x => x.Attempts, mail.Attempts + 1)
                    .SetProperty(x => x.LeasedUntil, (DateTime?)null).SetProperty(x => x.LastError, (string?)null), CancellationToken.None);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                failed++;
                var attempts = mail.Attempts + 1;
                var givenUp = attempts >= options.Value.MaxAttempts;
                var pause = TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, attempts - 1)));
                await db.OutgoingMail.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(m => m
                    .SetProperty(x => x.Attempts, attempts).SetProperty(x => x.NextAttemptAt, now + pause)
                    .SetProperty(x => x.LeasedUntil, (DateTime?)null).SetProperty(x => x.LastError, Truncate(e.Message))
                    .SetProperty(x => x.GivenUpAt, givenUp ? now : null), CancellationToken.None);
                if (givenUp)
                {
                    GaveUp(logger, e, mail.MessageId, mail.To, attempts);
                }
                else
                {
                    WillRetry(logger, mail.MessageId, attempts, pause.TotalMinutes, e.Message);
                }

                // The server is likely down for the others too: they wait for the next run.
                break;
            }
        }

        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(quit: true, CancellationToken.None);
        }

        return (sent, failed);
    }

    private async Task SendAsync(SmtpClient smtp, OutgoingMail mail, CancellationToken ct)
    {
        var o = options.Value;
        var message = new MimeMessage { Subject = mail.Subject, MessageId = mail.MessageId, Date = new DateTimeOffset(mail.CreatedAt, TimeSpan.Zero) };
        message.From.Add(new MailboxAddress(o.FromName, o.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        if (mail.Unsubscribe is { } unsubscribe)
        {
            // One click (RFC 8058): the mail client posts to the address, with no page to open.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Body = Body(mail);
        if (o.Smtp.Host.Length == 0)
        {
            Directory.CreateDirectory(o.PickupFolder);
            await message.WriteToAsync(Path.Combine(o.PickupFolder, $"{mail.Id:N}.eml"), ct);
            return;
        }

        if (!smtp.IsConnected)
        {
            await smtp.ConnectAsync(o.Smtp.Host, o.Smtp.Port, !o.Smtp.UseTls ? SecureSocketOptions.None
                : o.Smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls, ct);
            if (o.Smtp.User.Length > 0)
            {
                await smtp.AuthenticateAsync(o.Smtp.User, o.Smtp.Password, ct);
            }
        }

        await smtp.SendAsync(message, ct);
    }

    /// <summary>
    /// Plain text and HTML as alternatives; an invitation adds its iCalendar as a third alternative,
    /// <c>text/calendar; method=…</c>, which Outlook and Google Calendar act on by themselves.
    /// </summary>
    private static MultipartAlternative Body(OutgoingMail mail)
    {
        var alternatives = new MultipartAlternative
        {
            new TextPart(MimeKit.Text.TextFormat.Plain) { Text = mail.Text },
            new TextPart(MimeKit.Text.TextFormat.Html) { Text = mail.Html },
        };
        if (mail.Calendar is { } calendar)
        {
            var part = new TextPart("calendar") { Text = calendar, ContentTransferEncoding = ContentEncoding.Base64 };
            part.ContentType.Charset = "utf-8";
            part.ContentType.Parameters.Add("method", mail.CalendarMethod ?? "REQUEST");
            alternatives.Add(part);
        }

        return alternatives;
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MessageId} not delivered (attempt {Attempts}); trying again in {Minutes} min: {Reason}")]
    private static partial void WillRetry(ILogger logger, string messageId, int attempts, double minutes, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail {MessageId} to {To} given up after {Attempts} attempts.")]
    private static partial void GaveUp(ILogger logger, Exception exception, string messageId, string to, int attempts);
}
