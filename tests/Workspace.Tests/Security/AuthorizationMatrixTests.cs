using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Client;
using Workspace.Tests.Infrastructure;
using Workspace.Tests.Live;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Security;

/// <summary>
/// Every route and hub method, sent by each kind of person about another agency's objects: a draft paper led
/// by IOM with UNICEF in sign-off, and a Heads' meeting the secretariat convened for UNICEF. Whoever may not
/// act gets 401, 403 or 404 (404 where the object is not theirs to see), never a 2xx; nothing changes; and no
/// event about those objects reaches anyone who may not see them.
/// </summary>
public sealed class AuthorizationMatrixTestsOnSqlite : AuthorizationMatrixTests<WorkspaceHost>;

public sealed class AuthorizationMatrixTestsOnPostgres : AuthorizationMatrixTests<PostgresHost>;

public abstract class AuthorizationMatrixTests<THost> : IAsyncLifetime
    where THost : WorkspaceHost, new()
{
    public enum Role
    {
        Anonymous,
        Secretariat,
        Participant,
        OtherAgency,
        CoChair,
    }

    private static readonly Dictionary<Role, string> Emails = new()
    {
        [Role.Secretariat] = WorkspaceHost.Secretariat,
        // UNICEF participates and is invited, but does not co-chair (ILO and UNHCR do).
        [Role.Participant] = WorkspaceHost.FocalPoint("UNICEF"),
        [Role.OtherAgency] = WorkspaceHost.FocalPoint("OHCHR"),
        [Role.CoChair] = WorkspaceHost.FocalPoint("ILO"),
    };

    private readonly THost host = new();
    private Paper paper = null!;
    private RevisionSummary revision = null!;
    private Meeting meeting = null!;
    private WorkingGroup group = null!;
    private Guid participantsNotification;
    private ActionItem actionItem = null!;
    private Poll poll = null!;
    private Annotation draftAnnotation = null!;

    public async Task InitializeAsync()
    {
        await host.InitializeAsync();
        (paper, revision) = await DraftAsync(host, "Draft nobody else may see", "IOM", "UNICEF");
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        await iom.OpenRoundAsync(paper.Id, revision.Number, "Unanimous", host.Clock.GetUtcNow().AddDays(7));
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        meeting = await secretariat.ScheduleMeetingAsync("Closed Heads' meeting", "Heads", host.Clock.GetUtcNow().AddDays(10), 60, "Europe/Vienna", invitedAgencyCodes: ["UNICEF"]);
        group = (await secretariat.ListWorkingGroupsAsync())[0];
        poll = await secretariat.OpenPollAsync("Closed Heads' poll", "Heads", "Europe/Vienna", 60, [host.Clock.GetUtcNow().AddDays(12)], host.Clock.GetUtcNow().AddDays(5),
            invitedAgencyCodes: ["UNICEF"]);
        actionItem = await secretariat.RecordActionItemAsync(meeting.Id, "UNICEF's promise", "UNICEF", new DateOnly(2026, 7, 1));
        participantsNotification = (await (await host.ClientFor(Emails[Role.Participant])).ListNotificationsAsync())[0].Id;
        var unicef = await host.ClientFor(Emails[Role.Participant]);
        var blocks = await unicef.GetBlocksAsync(paper.Id, revision.Number);
        draftAnnotation = await unicef.AddAnnotationAsync(paper.Id, revision.Number, blocks[^1].Id, blocks[^1].Text[..4], "Comment", "UNICEF's draft, seen by UNICEF alone.");
    }

    public Task DisposeAsync() => host.DisposeAsync();

    private sealed record Case(string Method, string Route, Func<object?> Body, IReadOnlyDictionary<Role, HttpStatusCode> Refused);

    private static Dictionary<Role, HttpStatusCode> Only(params Role[] allowed) => Refuse(allowed, HttpStatusCode.Forbidden);

    /// <summary>Everyone but <paramref name="allowed"/> is refused with <paramref name="status"/> (anonymous always 401).</summary>
    private static Dictionary<Role, HttpStatusCode> Refuse(Role[] allowed, HttpStatusCode status, params (Role Role, HttpStatusCode Status)[] except)
    {
        var refused = Enum.GetValues<Role>().Where(r => r != Role.Anonymous && !allowed.Contains(r)).ToDictionary(r => r, _ => status);
        refused[Role.Anonymous] = HttpStatusCode.Unauthorized;
        foreach (var (role, code) in except)
        {
            refused[role] = code;
        }

        return refused;
    }

    private static readonly Dictionary<Role, HttpStatusCode> SignedIn = new() { [Role.Anonymous] = HttpStatusCode.Unauthorized };
    private static readonly Dictionary<Role, HttpStatusCode> Public = [];

    private List<Case> Cases()
    {
        var p = paper.Id;
        var m = meeting.Id;
        var soon = host.Clock.GetUtcNow().AddDays(20);
        // The draft: participants (UNICEF) and the secretariat see it; OHCHR and the co-chair ILO are told it does not exist.
        var viewers = Refuse([Role.Secretariat, Role.Participant], HttpStatusCode.NotFound);
        var participants = Refuse([Role.Participant], HttpStatusCode.NotFound, (Role.Secretariat, HttpStatusCode.Forbidden));
        var leads = Refuse([Role.Secretariat], HttpStatusCode.NotFound, (Role.Participant, HttpStatusCode.Forbidden));
        // The meeting: UNICEF is invited, the secretariat convened it; nobody else sees it.
        var invitees = Refuse([Role.Secretariat, Role.Participant], HttpStatusCode.NotFound);
        var organizers = Refuse([Role.Secretariat], HttpStatusCode.NotFound, (Role.Participant, HttpStatusCode.Forbidden));
        return
        [
            new("POST", "/api/auth/login", () => new { email = "x@y.z", password = "p" }, Public),
            new("POST", "/api/auth/refresh", () => new { refreshToken = "x" }, Public),
            new("POST", "/api/auth/logout", () => null, SignedIn),
            new("GET", "/api/me", () => null, SignedIn),
            new("POST", "/api/me/password", () => new { currentPassword = "a", newPassword = "b" }, SignedIn),
            new("GET", "/api/me/notifications", () => null, SignedIn),
            new("GET", "/api/me/settings", () => null, SignedIn),
            new("PUT", "/api/me/settings", () => new { timeZone = "Europe/Vienna", language = "fr" }, SignedIn),
            new("POST", $"/api/me/notifications/{participantsNotification}/read", () => null, Refuse([Role.Participant], HttpStatusCode.NotFound)),
            new("POST", "/api/me/notifications/read-all", () => null, SignedIn),
            new("GET", "/api/me/mail-settings", () => null, SignedIn),
            new("PUT", "/api/me/mail-settings", () => new { kinds = new Dictionary<string, string> { ["round-completed"] = "Off" } }, SignedIn),
            // The sealed link is the authority: without one made by the server, nobody stops anyone's mail.
            new("POST", "/api/mail/unsubscribe?t=forged.link", () => null, Enum.GetValues<Role>().ToDictionary(r => r, _ => HttpStatusCode.NotFound)),
            new("GET", "/api/me/alternate", () => null, SignedIn),
            new("PUT", "/api/me/alternate", () => new { email = "deputy@nowhere.demo", from = soon, to = soon.AddDays(1) }, SignedIn),
            new("DELETE", "/api/me/alternate", () => null, SignedIn),
            new("GET", "/api/sign-off-rules", () => null, SignedIn),
            new("PUT", "/api/sign-off-rules/JointStatement", () => new { signers = "AllMembers", procedure = "Silence", minimumNotice = "1.00:00:00", clearanceRequired = true }, Only(Role.Secretariat)),
            new("GET", "/api/agencies/IOM/clearance-chain", () => null, Only(Role.Secretariat)),
            new("PUT", "/api/agencies/IOM/clearance-chain", () => new { steps = new[] { new { name = "Intruder", emails = new[] { "focal@iom.demo" } } } }, Only(Role.Secretariat)),
            new("POST", "/api/me/calendar-feed", () => null, SignedIn),
            new("DELETE", "/api/me/calendar-feed", () => null, SignedIn),
            new("GET", "/api/agencies", () => null, SignedIn),
            new("GET", "/api/agencies/IOM", () => null, SignedIn),
            new("POST", "/api/agencies", () => new { code = "NEWAG", name = "New agency" }, Only(Role.Secretariat)),
            new("PUT", "/api/agencies/IOM/profile", () => new { mandate = "Changed by someone else", thematicPriorities = Array.Empty<string>() }, Only(Role.Secretariat)),
            new("POST", "/api/agencies/IOM/focal-points", () => new { email = "intruder@iom.demo", displayName = "Intruder", password = "Intruder-password-1" }, Only(Role.Secretariat)),
            new("GET", "/api/members", () => null, Public),
            new("GET", "/api/directory-terms", () => null, Public),
            new("PUT", "/api/directory-terms", () => new { themes = new[] { "Unwanted" }, regions = new[] { "Nowhere" } }, Only(Role.Secretariat)),
            new("GET", "/api/members/IOM", () => null, Public),
            new("GET", "/api/people", () => null, Only(Role.Secretariat)),
            new("PUT", "/api/people/focal@iom.demo/agency", () => new { agencyCode = "OHCHR" }, Only(Role.Secretariat)),
            new("GET", "/api/cochairs/current", () => null, SignedIn),
            new("GET", "/api/cochair-terms", () => null, SignedIn),
            new("POST", "/api/cochair-terms", () => new { agencyCodes = new[] { "IOM", "OHCHR" }, from = "2030-01-01", to = "2030-12-31" }, Only(Role.Secretariat)),
            new("GET", "/api/working-groups", () => null, SignedIn),
            new("GET", $"/api/working-groups/{group.Id}", () => null, SignedIn),
            new("GET", $"/api/working-groups/{group.Id}/papers", () => null, SignedIn),
            new("GET", $"/api/working-groups/{group.Id}/meetings", () => null, SignedIn),
            new("POST", "/api/working-groups", () => new { name = "Unwanted", leadAgencyCode = "OHCHR", memberAgencyCodes = Array.Empty<string>() }, Only(Role.Secretariat, Role.CoChair)),
            new("PUT", $"/api/working-groups/{group.Id}", () => new { name = "Renamed", leadAgencyCode = "OHCHR", memberAgencyCodes = Array.Empty<string>() }, Only(Role.Secretariat, Role.CoChair)),
            new("POST", "/api/meetings", () => new { title = "Unwanted", kind = "Heads", startsAt = soon, durationMinutes = 60, timeZone = "Europe/Vienna" }, Only(Role.Secretariat, Role.CoChair)),
            new("GET", "/api/meetings", () => null, SignedIn),
            new("GET", $"/api/meetings/{m}", () => null, invitees),
            new("GET", $"/api/meetings/{m}/ics", () => null, invitees),
            new("POST", $"/api/meetings/{m}/agenda-items", () => new { title = "Unwanted item" }, organizers),
            new("PUT", $"/api/meetings/{m}/rsvp", () => new { response = "Accepted" }, Refuse([Role.Participant, Role.Secretariat], HttpStatusCode.NotFound)),
            new("POST", $"/api/meetings/{m}/reschedule", () => new { startsAt = soon, durationMinutes = 30, timeZone = "UTC" }, organizers),
            new("POST", $"/api/meetings/{m}/cancel", () => null, organizers),
            new("POST", $"/api/meetings/{m}/minutes", () => new { }, organizers),
            new("POST", $"/api/meetings/{m}/action-items", () => new { title = "Unwanted", ownerAgencyCode = "UNICEF", dueDate = "2026-07-01" }, organizers),
            new("GET", "/api/action-items", () => null, SignedIn),
            new("POST", "/api/polls", () => new { title = "Unwanted", kind = "Heads", timeZone = "UTC", durationMinutes = 60, slots = new[] { soon }, deadline = soon.AddDays(-1) },
                Only(Role.Secretariat, Role.CoChair)),
            new("GET", "/api/polls", () => null, SignedIn),
            new("GET", $"/api/polls/{poll.Id}", () => null, invitees),
            new("PUT", $"/api/polls/{poll.Id}/answers", () => new { answers = new[] { new { slotId = poll.Slots[0].Id, answer = "Yes" } } }, invitees),
            new("POST", $"/api/polls/{poll.Id}/pick", () => new { slotId = poll.Slots[0].Id }, organizers),
            new("GET", $"/api/action-items/{actionItem.Id}", () => null, invitees),
            new("POST", $"/api/action-items/{actionItem.Id}/status", () => new { status = "Dropped" }, invitees),
            new("POST", $"/api/action-items/{actionItem.Id}/comments", () => new { text = "Unseen" }, invitees),
            new("GET", "/api/calendar.ics", () => null, SignedIn),
            new("POST", "/api/papers", () => new { title = "In IOM's name", kind = "IssueBrief", leadAgencyCode = "IOM", participatingAgencyCodes = Array.Empty<string>() }, Only(Role.Secretariat)),
            new("GET", "/api/papers", () => null, SignedIn),
            new("GET", $"/api/papers/{p}", () => null, viewers),
            new("POST", $"/api/papers/{p}/revisions", () => new { baseRevision = revision.Number, body = "Rewritten by someone else" }, participants),
            new("GET", $"/api/papers/{p}/revisions", () => null, viewers),
            new("GET", $"/api/papers/{p}/rounds", () => null, viewers),
            new("GET", $"/api/papers/{p}/revisions/1", () => null, viewers),
            new("GET", $"/api/papers/{p}/revisions/1/docx", () => null, viewers),
            new("GET", $"/api/papers/{p}/revisions/1/blocks", () => null, viewers),
            new("POST", $"/api/papers/{p}/annotations", () => new { revision = 1, blockId = draftAnnotation.BlockId, quote = draftAnnotation.Quote, kind = "Comment", text = "Unseen" }, participants),
            new("GET", $"/api/papers/{p}/annotations", () => null, viewers),
            new("GET", $"/api/papers/{p}/dispositions", () => null, viewers),
            new("GET", $"/api/papers/{p}/dispositions.csv", () => null, viewers),
            new("GET", $"/api/papers/{p}/dispositions.docx", () => null, viewers),
            new("POST", $"/api/papers/{p}/contributions", () => new { revision = 1 }, participants),
            new("GET", $"/api/papers/{p}/contributions", () => null, participants),
            // The pen is the lead's (IOM): UNICEF takes part and the secretariat sees the paper, but neither writes from suggestions.
            new("POST", $"/api/papers/{p}/revisions/from-suggestions", () => new { baseRevision = 1, annotationIds = new[] { draftAnnotation.Id } },
                Refuse([], HttpStatusCode.NotFound, (Role.Participant, HttpStatusCode.Forbidden), (Role.Secretariat, HttpStatusCode.Forbidden))),
            // UNICEF's draft does not exist for anyone but UNICEF; UNICEF does not decide on items of a paper it does not lead.
            new("PATCH", $"/api/annotations/{draftAnnotation.Id}", () => new { text = "Changed by someone else" }, Refuse([Role.Participant], HttpStatusCode.NotFound)),
            new("DELETE", $"/api/annotations/{draftAnnotation.Id}", () => null, Refuse([Role.Participant], HttpStatusCode.NotFound)),
            new("POST", $"/api/annotations/{draftAnnotation.Id}/withdraw", () => null, Refuse([Role.Participant], HttpStatusCode.NotFound)),
            new("POST", $"/api/annotations/{draftAnnotation.Id}/disposition", () => new { decision = "Accepted" }, Refuse([], HttpStatusCode.NotFound, (Role.Participant, HttpStatusCode.Forbidden))),
            new("POST", $"/api/papers/{p}/revisions/import", () => null, participants),
            new("POST", $"/api/papers/{p}/annotations/import", () => null, participants),
            new("GET", $"/api/papers/{p}/diff?from=1&to=1", () => null, viewers),
            new("POST", $"/api/papers/{p}/comments", () => new { revision = 1, text = "Unseen comment" }, viewers),
            new("GET", $"/api/papers/{p}/comments", () => null, viewers),
            new("POST", $"/api/papers/{p}/rounds", () => new { revision = 1, procedure = "Silence", deadline = soon }, leads),
            new("POST", $"/api/papers/{p}/sign-offs", () => new { revision = 1, contentHash = revision.ContentHash, decision = "Approve" }, participants),
            new("POST", $"/api/papers/{p}/sign-offs", () => new { revision = 1, contentHash = revision.ContentHash, decision = "Approve", agencyCode = "IOM" },
                Refuse([], HttpStatusCode.NotFound, (Role.Participant, HttpStatusCode.Forbidden), (Role.Secretariat, HttpStatusCode.Forbidden))),
            // Nobody named anyone here their alternate: acting for another is refused to those who could act for themselves.
            new("POST", $"/api/papers/{p}/sign-offs", () => new { revision = 1, contentHash = revision.ContentHash, decision = "Approve", onBehalfOf = "focal@iom.demo" },
                Refuse([], HttpStatusCode.NotFound, (Role.Participant, HttpStatusCode.Forbidden), (Role.Secretariat, HttpStatusCode.Forbidden))),
            new("POST", $"/api/papers/{p}/clearances", () => new { revision = 1, contentHash = revision.ContentHash, step = "Legal", decision = "Approve" }, participants),
            new("GET", $"/api/papers/{p}/clearances", () => null, participants),
            new("POST", $"/api/papers/{p}/corrections", () => new { baseRevision = 1, body = "Corrected by someone else" }, leads),
            new("GET", $"/api/papers/{p}/corrections", () => null, viewers),
            new("POST", $"/api/papers/{p}/corrections/2/objection", () => new { reason = "Not mine to object to" }, participants),
            // Publishing is the secretariat's whatever the paper: everyone else is refused alike, which tells nothing of the paper.
            new("POST", $"/api/papers/{p}/publish", () => new { summary = "S", tags = Array.Empty<string>() }, Only(Role.Secretariat)),
            new("POST", $"/api/papers/{p}/withdraw", () => null, leads),
            new("GET", $"/api/papers/{p}/sign-off-record", () => null, viewers),
            // Versions are written by the paper's agencies and the secretariat, and checked only by the language's reviewers (none are named here).
            new("POST", $"/api/papers/{p}/versions/fr/revisions", () => new { basedOnRevision = 1, baseRevision = 0, body = "Traduit par un autre" },
                Refuse([Role.Secretariat, Role.Participant], HttpStatusCode.NotFound)),
            new("GET", $"/api/papers/{p}/versions/fr", () => null, viewers),
            new("GET", $"/api/papers/{p}/versions/fr/revisions/1", () => null, viewers),
            new("POST", $"/api/papers/{p}/versions/fr/review", () => new { revision = 1, contentHash = revision.ContentHash, basedOnHash = revision.ContentHash, decision = "Confirm" },
                Refuse([], HttpStatusCode.NotFound, (Role.Participant, HttpStatusCode.Forbidden), (Role.Secretariat, HttpStatusCode.Forbidden))),
            new("GET", "/api/language-reviewers", () => null, SignedIn),
            new("PUT", "/api/language-reviewers/fr", () => new { emails = new[] { "focal@ohchr.demo" } }, Only(Role.Secretariat)),
            new("GET", "/api/sign-off-status", () => null, SignedIn),
            new("POST", "/api/reports/annual", () => new { from = "2026-01-01", to = "2026-12-31" }, Only(Role.Secretariat, Role.CoChair)),
            new("POST", $"/api/papers/{p}/consultations", () => new { revision = 1, deadline = soon }, leads),
            new("GET", $"/api/papers/{p}/consultations", () => null, viewers),
            new("GET", $"/api/consultations/{Guid.Empty}", () => null, Public),
            new("POST", $"/api/consultations/{Guid.Empty}/comments", () => new { name = "N", email = "n@example.org", text = "T" }, Public),
            new("POST", "/api/consultations/comments/confirm?t=forged.link", () => null, Enum.GetValues<Role>().ToDictionary(r => r, _ => HttpStatusCode.NotFound)),
            new("GET", $"/api/consultations/{Guid.Empty}/moderation", () => null, Refuse([], HttpStatusCode.NotFound)),
            new("POST", $"/api/consultation-comments/{Guid.Empty}/moderation", () => new { decision = "Spam" }, Refuse([], HttpStatusCode.NotFound)),
            new("POST", $"/api/consultation-comments/{Guid.Empty}/answer", () => new { revision = 2 }, Refuse([], HttpStatusCode.NotFound)),
            new("GET", $"/api/consultations/{Guid.Empty}/comments.csv", () => null, Refuse([], HttpStatusCode.NotFound)),
            new("GET", "/api/publications", () => null, Public),
            new("GET", $"/api/publications/{p}", () => null, Public),
            new("GET", $"/api/publications/{p}/docx", () => null, Public),
            new("GET", "/publications.atom", () => null, Public),
            new("GET", "/api/events", () => null, SignedIn),
            new("GET", "/api/audit/verify", () => null, Only(Role.Secretariat)),
            new("POST", "/api/audit/rotate-key", () => null, Only(Role.Secretariat)),
            new("POST", "/api/operations/backup", () => null, Only(Role.Secretariat)),
            new("GET", "/hangfire", () => null, Only(Role.Secretariat)),
        ];
    }

    [Fact]
    public async Task Nobody_gets_a_2xx_for_what_they_may_not_do_nothing_changes_and_no_event_leaks()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var before = await EverythingAsync(secretariat);
        var failures = new List<string>();
        var sent = 0;
        foreach (var c in Cases())
        {
            foreach (var (role, expected) in c.Refused)
            {
                using var http = role == Role.Anonymous ? host.Anonymous() : await host.HttpFor(Emails[role]);
                using var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Route);
                if (c.Body() is { } body)
                {
                    request.Content = JsonContent.Create(body);
                }

                using var response = await http.SendAsync(request);
                sent++;
                if (response.StatusCode != expected)
                {
                    failures.Add($"{role} {c.Method} {c.Route}: {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(sent > 100, $"only {sent} requests");
        Assert.Equal(before, await EverythingAsync(secretariat));

        // No event about the draft or the closed meeting reaches those who may not see them, by the API or the hub.
        var hidden = new[] { paper.Id.ToString(), meeting.Id.ToString() };
        foreach (var role in new[] { Role.OtherAgency, Role.CoChair })
        {
            var client = await host.ClientFor(Emails[role]);
            var visible = await client.ReadEventsAsync(0, 1000);
            Assert.DoesNotContain(visible, e => hidden.Contains(e.Subject.Id) || e.Data.ToString().Contains(paper.Id.ToString(), StringComparison.Ordinal));
            await using var live = await host.LiveFor(Emails[role]);
            var resumed = await live.Events.ReadUntilAsync(e => e.Seq == visible[^1].Seq);
            Assert.DoesNotContain(resumed, e => hidden.Contains(e.Subject.Id));
        }
    }

    [Fact]
    public void Every_route_of_the_server_is_in_the_matrix()
    {
        var covered = Cases().Select(c => (c.Method, Normalize(c.Route))).ToHashSet();
        var routes = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (Method: method, Route: Normalize("/" + e.RoutePattern.RawText!.TrimStart('/')))))
            .Where(r => r.Route.StartsWith("/api/", StringComparison.Ordinal) || r.Route == "/publications.atom")
            .Distinct().ToList();
        Assert.True(routes.Count > 50, string.Join(", ", routes));
        Assert.Empty(routes.Where(r => !covered.Contains(r)).Select(r => $"{r.Method} {r.Route}"));
    }

    /// <summary>"/api/papers/0190…/revisions/1?x" and "/api/papers/{paperId:guid}/revisions/{number:int}" alike: each parameter (an id, a number, a code, a kind, an address) a "*".</summary>
    private static string Normalize(string route)
    {
        var path = route.Split('?')[0].TrimEnd('/');
        return string.Join('/', path.Split('/').Select(s => s.StartsWith('{') || Guid.TryParse(s, out _) || int.TryParse(s, out _) || (s.Length is >= 2 and <= 16 && s.All(c => char.IsUpper(c) || c == '-'))
            || Enum.TryParse<Workspace.Server.Domain.Papers.PaperKind>(s, out _) || Workspace.Server.Domain.Papers.OfficialLanguages.Contains(s) || s.Contains('@', StringComparison.Ordinal) ? "*" : s));
    }

    /// <summary>What a change would show: every event, paper, meeting, group and agency, as the secretariat sees them.</summary>
    private static async Task<string> EverythingAsync(WorkspaceClient secretariat)
    {
        var events = await secretariat.ReadEventsAsync(0, 1000);
        var papers = await secretariat.Http.GetStringAsync("/api/sign-off-status");
        var meetings = await secretariat.Http.GetStringAsync("/api/meetings");
        var groups = await secretariat.Http.GetStringAsync("/api/working-groups");
        var agencies = await secretariat.Http.GetStringAsync("/api/agencies");
        var profile = await secretariat.Http.GetStringAsync("/api/agencies/IOM");
        return string.Join("\n", events.Count, papers, meetings, groups, agencies, profile);
    }
}
