using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Mail;

/// <summary>Each person chooses which mail they receive and how; one click in a message stops its kind.</summary>
public sealed class MailChoiceTests(MailHost host) : IClassFixture<MailHost>
{
    private List<MimeMessage> To(string email, string subjectContains) => host.Smtp.To(email, subjectContains);

    [Fact]
    public async Task Every_kind_of_notice_the_domain_raises_is_offered_in_the_mail_settings_by_the_area_that_writes_it()
    {
        var raised = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "Workspace.Server", "Domain"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "new Notice\\(\"([a-z-]+)\"").Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        var offered = (await (await host.ClientFor(WorkspaceHost.FocalPoint("OHCHR"))).GetMailSettingsAsync()).Kinds.Keys.ToHashSet(StringComparer.Ordinal);

        Assert.True(raised.Count >= 20, $"Only {raised.Count} notice kinds found in the domain's sources.");
        Assert.Equal(raised.Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_kind_of_notice_declared_by_two_areas_stops_the_start()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new Workspace.Server.Mail.MailCatalog([new Declaring("round-opened"), new Declaring("poll-opened"), new Declaring("round-opened")]));

        Assert.Contains("\"round-opened\" is declared twice", refused.Message, StringComparison.Ordinal);
    }

    private sealed class Declaring(string kind) : Workspace.Server.Mail.INoticeTemplates
    {
        public int Order => 0;

        public IReadOnlyList<Workspace.Server.Mail.MailKind> Kinds { get; } = [new(kind, Workspace.Server.Data.MailMode.Immediate, false, kind)];

        public Task<Workspace.Server.Mail.MailSubject> PrepareAsync(Workspace.Server.Data.WorkspaceDb db, string kind, Workspace.Server.Domain.Subject subject, DateTime now, CancellationToken ct) =>
            Task.FromResult(new Workspace.Server.Mail.MailSubject(""));

        public Workspace.Server.Mail.MailDraft? Draft(string kind, object? data, Workspace.Server.Mail.MailSubject about, Workspace.Server.Mail.MailReader reader) => null;
    }

    [Fact]
    public async Task Mail_settings_list_every_kind_with_its_default_and_keep_what_each_person_chooses()
    {
        var ohchr = await host.ClientFor(WorkspaceHost.FocalPoint("OHCHR"));
        var defaults = await ohchr.GetMailSettingsAsync();
        Assert.Equal("Immediate", defaults.Kinds["round-opened"]);
        Assert.Equal("Immediate", defaults.Kinds["meeting-scheduled"]);
        Assert.Equal("Digest", defaults.Kinds["round-completed"]);

        var changed = await ohchr.UpdateMailSettingsAsync(new Dictionary<string, string> { ["round-completed"] = "Off", ["meeting-reminder"] = "Digest" });

        Assert.Equal(("Off", "Digest", "Immediate"), (changed.Kinds["round-completed"], changed.Kinds["meeting-reminder"], changed.Kinds["round-opened"]));
        Assert.Equal(changed.Kinds, (await ohchr.GetMailSettingsAsync()).Kinds);
        Assert.Equal("Digest", (await (await host.ClientFor(WorkspaceHost.FocalPoint("UNICEF"))).GetMailSettingsAsync()).Kinds["round-completed"]);

        // Back to the default: nothing of the choice is left.
        await ohchr.UpdateMailSettingsAsync(new Dictionary<string, string> { ["round-completed"] = "Digest" });
        Assert.Equal(1L, (long)(await host.QueryScalarAsync("""SELECT count(*) FROM "MailChoices" c JOIN "AspNetUsers" u ON u."Id" = c."PersonId" WHERE u."Email" = 'focal@ohchr.demo'"""))!);
    }

    [Fact]
    public async Task Unknown_kinds_or_modes_and_invitations_in_a_digest_are_refused_with_field_errors_and_change_nothing()
    {
        var http = await host.HttpFor(WorkspaceHost.FocalPoint("UNICEF"));
        var before = await http.GetStringAsync("/api/me/mail-settings");

        var unknown = await ProblemAssert.IsProblem(http.PutAsJsonAsync("/api/me/mail-settings", new { kinds = new Dictionary<string, string> { ["weekly-news"] = "Immediate" } }), HttpStatusCode.BadRequest);
        Assert.Contains("kinds", ProblemAssert.ErrorFields(unknown));
        var invitation = await ProblemAssert.IsProblem(http.PutAsJsonAsync("/api/me/mail-settings", new { kinds = new Dictionary<string, string> { ["meeting-scheduled"] = "Digest" } }), HttpStatusCode.BadRequest);
        Assert.Contains("calendar", invitation.GetRawText(), StringComparison.Ordinal);
        await ProblemAssert.IsProblem(http.PutAsJsonAsync("/api/me/mail-settings", new { kinds = new Dictionary<string, string> { ["round-opened"] = "Weekly" } }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblem(http.PutAsJsonAsync("/api/me/mail-settings", new { }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblem(host.Anonymous().GetAsync("/api/me/mail-settings"), HttpStatusCode.Unauthorized);

        Assert.Equal(before, await http.GetStringAsync("/api/me/mail-settings"));
    }

    [Fact]
    public async Task One_click_in_a_message_stops_that_kind_of_mail_for_that_person_only_and_a_forged_link_does_nothing()
    {
        await host.Smtp.StartAsync();
        var (first, firstRevision) = await DraftAsync(host, "First request", "ILO", "IOM", "UNHCR");
        await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).OpenRoundAsync(first.Id, firstRevision.Number, "Unanimous", host.Clock.GetUtcNow().AddDays(7));
        await host.DeliverMailAsync();
        var mail = Assert.Single(To(WorkspaceHost.FocalPoint("UNHCR"), "First request"));
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var oneClick = mail.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.Contains("Stop this kind of mail: http", mail.TextBody, StringComparison.Ordinal);

        var forged = oneClick[..^4] + (oneClick.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        await ProblemAssert.IsProblem(host.Anonymous().PostAsync(new Uri(forged), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])), HttpStatusCode.NotFound);
        var stopped = await host.Anonymous().PostAsync(new Uri(oneClick), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal("Off", (await (await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"))).GetMailSettingsAsync()).Kinds["round-opened"]);
        Assert.Equal("Immediate", (await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).GetMailSettingsAsync()).Kinds["round-opened"]);
        var (second, secondRevision) = await DraftAsync(host, "Second request", "ILO", "IOM", "UNHCR");
        await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).OpenRoundAsync(second.Id, secondRevision.Number, "Unanimous", host.Clock.GetUtcNow().AddDays(7));
        await host.DeliverMailAsync();
        Assert.Empty(To(WorkspaceHost.FocalPoint("UNHCR"), "Second request"));
        Assert.Single(To(WorkspaceHost.FocalPoint("IOM"), "Second request"));
        // The notification in the workspace is not mail: it still comes.
        Assert.Contains(await (await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"))).ListNotificationsAsync(), n => n.Kind == "round-opened" && n.Subject.Id == second.Id.ToString());

        // A link does not work forever: once its 90 days are over, a copy of it stops nothing.
        var iomsLink = Assert.Single(To(WorkspaceHost.FocalPoint("IOM"), "Second request")).Headers["List-Unsubscribe"]!.Trim('<', '>');
        host.Clock.Advance(Workspace.Server.Mail.MailLinks.UnsubscribeValidity + TimeSpan.FromMinutes(1));
        await ProblemAssert.IsProblem(host.Anonymous().PostAsync(new Uri(iomsLink), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])), HttpStatusCode.NotFound);
        Assert.Equal("Immediate", (await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).GetMailSettingsAsync()).Kinds["round-opened"]);
    }
}

/// <summary>The morning digest, by the fake clock, for people in three zones; what asks for action still comes at once.</summary>
public sealed class DigestTests(MailHost host) : IClassFixture<MailHost>
{
    private List<MimeMessage> To(string email, string subjectContains) => host.Smtp.To(email, subjectContains);

    private async Task DeliverAt(DateTimeOffset at)
    {
        host.Clock.SetUtcNow(at);
        await host.DeliverMailAsync();
    }

    [Fact]
    public async Task An_objection_comes_at_once_and_a_signed_off_paper_waits_for_each_persons_digest_at_08_00_in_their_own_zone()
    {
        await host.Smtp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await (await host.HttpFor(WorkspaceHost.FocalPoint("IOM"))).PutAsJsonAsync("/api/me/settings", new { timeZone = "America/New_York", language = "fr" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await host.HttpFor(WorkspaceHost.FocalPoint("UNHCR"))).PutAsJsonAsync("/api/me/settings", new { timeZone = "Europe/Vienna", language = "en" })).StatusCode);
        var (paper, revision) = await DraftAsync(host, "Digest statement", "ILO", "IOM", "UNHCR");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        await ilo.OpenRoundAsync(paper.Id, revision.Number, "Unanimous", host.Clock.GetUtcNow().AddDays(7));
        await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).SignOffAsync(paper.Id, revision.Number, revision.ContentHash, "Object", "Paragraph 2 needs our figures.");
        await ApproveAsync(host, paper.Id, revision, "IOM", "UNHCR", "ILO");
        await host.DeliverMailAsync();

        // The objection at once, to the other participating agencies.
        var objection = Assert.Single(To(WorkspaceHost.FocalPoint("UNHCR"), "Objection: Digest statement"));
        Assert.Contains("IOM objects to \"Digest statement\".", objection.TextBody, StringComparison.Ordinal);
        Assert.Contains("Reason: Paragraph 2 needs our figures.", objection.TextBody, StringComparison.Ordinal);
        Assert.Single(To(WorkspaceHost.FocalPoint("ILO"), "Objection: Digest statement"));
        Assert.Empty(To(WorkspaceHost.FocalPoint("IOM"), "Objection"));
        // The paper signed off is news for the digest, not a message of its own.
        Assert.DoesNotContain(host.Smtp.Messages(), m => (m.Subject ?? "").Contains("Signed off", StringComparison.Ordinal) || (m.Subject ?? "").Contains("Approuvé", StringComparison.Ordinal));

        // Monday 15 June, 09:00 UTC: 05:00 in New York, 11:00 in Vienna.
        await DeliverAt(new DateTimeOffset(2026, 6, 15, 11, 59, 0, TimeSpan.Zero));
        Assert.Empty(To(WorkspaceHost.FocalPoint("IOM"), "résumé"));
        await DeliverAt(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));
        var newYork = Assert.Single(To(WorkspaceHost.FocalPoint("IOM"), "résumé"));
        Assert.Equal("Votre résumé du jour\u00a0: 1 nouvelle", newYork.Subject);
        Assert.Contains("Approuvé\u00a0: Digest statement", newYork.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{host.BaseAddress}papers/{paper.Id}", newYork.TextBody, StringComparison.Ordinal);
        Assert.Contains("(New York)", newYork.TextBody, StringComparison.Ordinal);
        Assert.Empty(To(WorkspaceHost.FocalPoint("UNHCR"), "digest"));

        // 08:00 in Vienna is 06:00 UTC on Tuesday; ILO's person has no zone set: 08:00 UTC.
        await DeliverAt(new DateTimeOffset(2026, 6, 16, 5, 59, 0, TimeSpan.Zero));
        Assert.Empty(To(WorkspaceHost.FocalPoint("UNHCR"), "digest"));
        await DeliverAt(new DateTimeOffset(2026, 6, 16, 6, 0, 0, TimeSpan.Zero));
        var vienna = Assert.Single(To(WorkspaceHost.FocalPoint("UNHCR"), "digest"));
        Assert.Equal("Your daily digest: 1 update", vienna.Subject);
        Assert.Contains("Signed off: Digest statement", vienna.TextBody, StringComparison.Ordinal);
        Assert.Empty(To(WorkspaceHost.FocalPoint("ILO"), "digest"));
        Assert.Contains("/api/mail/unsubscribe?t=", vienna.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        await DeliverAt(new DateTimeOffset(2026, 6, 16, 8, 0, 0, TimeSpan.Zero));
        Assert.Single(To(WorkspaceHost.FocalPoint("ILO"), "digest"));

        // Each item went into one digest, once.
        await DeliverAt(new DateTimeOffset(2026, 6, 17, 8, 0, 0, TimeSpan.Zero));
        Assert.Single(To(WorkspaceHost.FocalPoint("IOM"), "résumé"));
        Assert.Single(To(WorkspaceHost.FocalPoint("UNHCR"), "digest"));
    }
}
