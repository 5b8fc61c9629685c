using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workspace.Client;

/// <summary>
/// A typed client of the Inter-Agency Workspace HTTP API. Give it an <see cref="HttpClient"/> whose
/// <see cref="HttpClient.BaseAddress"/> is the server, then <see cref="SignInAsync"/>.
/// Every refusal is thrown as a <see cref="WorkspaceProblemException"/>.
/// </summary>
public sealed class WorkspaceClient
{
    /// <summary>The JSON settings of the API: camelCase, enums as strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly HttpClient http;

    /// <summary>Wraps an <see cref="HttpClient"/> pointed at the server.</summary>
    public WorkspaceClient(HttpClient http) => this.http = http;

    /// <summary>The underlying HTTP client, carrying the bearer token once signed in.</summary>
    public HttpClient Http => http;

    /// <summary>The token of the last sign-in, if any.</summary>
    public TokenResponse? Token { get; private set; }

    /// <summary>Signs in and sends the token with every later request.</summary>
    public async Task<TokenResponse> SignInAsync(string email, string password, CancellationToken ct = default)
    {
        var token = await SendAsync<TokenResponse>(HttpMethod.Post, "/api/auth/login", new { email, password }, ct: ct);
        Token = token;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return token;
    }

    /// <summary>The signed-in person.</summary>
    public Task<MeView> GetMeAsync(CancellationToken ct = default) => SendAsync<MeView>(HttpMethod.Get, "/api/me", null, ct: ct);

    /// <summary>Every member agency.</summary>
    public Task<IReadOnlyList<AgencySummary>> ListAgenciesAsync(CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<AgencySummary>>(HttpMethod.Get, "/api/agencies", null, ct: ct);

    /// <summary>One agency's profile.</summary>
    public Task<AgencyProfile> GetAgencyAsync(string code, CancellationToken ct = default) =>
        SendAsync<AgencyProfile>(HttpMethod.Get, $"/api/agencies/{Uri.EscapeDataString(code)}", null, ct: ct);

    /// <summary>Registers a member agency (secretariat).</summary>
    public Task<AgencySummary> RegisterAgencyAsync(string code, string name, CancellationToken ct = default) =>
        SendAsync<AgencySummary>(HttpMethod.Post, "/api/agencies", new { code, name }, ct: ct);

    /// <summary>Updates an agency's mandate and thematic priorities (its focal points or the secretariat).</summary>
    public Task<AgencyProfile> UpdateAgencyProfileAsync(string code, string mandate, IReadOnlyList<string> thematicPriorities, CancellationToken ct = default) =>
        SendAsync<AgencyProfile>(HttpMethod.Put, $"/api/agencies/{Uri.EscapeDataString(code)}/profile", new { mandate, thematicPriorities }, ct: ct);

    /// <summary>Registers a focal point for an agency (secretariat).</summary>
    public Task<JsonElement> RegisterFocalPointAsync(string agencyCode, string email, string displayName, string password, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"/api/agencies/{Uri.EscapeDataString(agencyCode)}/focal-points", new { email, displayName, password }, ct: ct);

    /// <summary>The public member directory (no sign-in needed).</summary>
    public Task<IReadOnlyList<Member>> ListMembersAsync(CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<Member>>(HttpMethod.Get, "/api/members", null, ct: ct);

    /// <summary>The member directory kept to those naming a theme and working in a region (either may be null).</summary>
    public Task<IReadOnlyList<Member>> ListMembersAsync(string? theme, string? region, CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<Member>>(HttpMethod.Get, $"/api/members?theme={Uri.EscapeDataString(theme ?? "")}&region={Uri.EscapeDataString(region ?? "")}", null, ct: ct);

    /// <summary>The themes and regions of the member directory.</summary>
    public Task<DirectoryTerms> GetDirectoryTermsAsync(CancellationToken ct = default) =>
        SendAsync<DirectoryTerms>(HttpMethod.Get, "/api/directory-terms", null, ct: ct);

    /// <summary>Updates an agency's profile for the public mapping (its focal points or the secretariat).</summary>
    public Task<AgencyProfile> UpdateAgencyProfileAsync(string code, string mandate, IReadOnlyList<string> thematicPriorities, IReadOnlyList<string> regions,
        IReadOnlyList<KeyActivity> keyActivities, string? resourcesUrl, CancellationToken ct = default) =>
        SendAsync<AgencyProfile>(HttpMethod.Put, $"/api/agencies/{Uri.EscapeDataString(code)}/profile", new { mandate, thematicPriorities, regions, keyActivities, resourcesUrl }, ct: ct);

    /// <summary>The co-chair term in force today.</summary>
    public Task<CoChairTerm> GetCurrentCoChairsAsync(CancellationToken ct = default) =>
        SendAsync<CoChairTerm>(HttpMethod.Get, "/api/cochairs/current", null, ct: ct);

    /// <summary>Sets a co-chair term (secretariat).</summary>
    public Task<CoChairTerm> CreateCoChairTermAsync(IReadOnlyList<string> agencyCodes, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        SendAsync<CoChairTerm>(HttpMethod.Post, "/api/cochair-terms", new { agencyCodes, from, to }, ct: ct);

    /// <summary>Every working group.</summary>
    public Task<IReadOnlyList<WorkingGroup>> ListWorkingGroupsAsync(CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<WorkingGroup>>(HttpMethod.Get, "/api/working-groups", null, ct: ct);

    /// <summary>One working group.</summary>
    public Task<WorkingGroup> GetWorkingGroupAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<WorkingGroup>(HttpMethod.Get, $"/api/working-groups/{id}", null, ct: ct);

    /// <summary>Creates a working group (secretariat or co-chairs).</summary>
    public Task<WorkingGroup> CreateWorkingGroupAsync(string name, string leadAgencyCode, IReadOnlyList<string> memberAgencyCodes, CancellationToken ct = default) =>
        SendAsync<WorkingGroup>(HttpMethod.Post, "/api/working-groups", new { name, leadAgencyCode, memberAgencyCodes }, ct: ct);

    /// <summary>The events after <paramref name="after"/> that the caller may see, in order.</summary>
    public Task<IReadOnlyList<WorkspaceEvent>> ReadEventsAsync(long after = 0, int limit = 100, CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<WorkspaceEvent>>(HttpMethod.Get, $"/api/events?after={after}&limit={limit}", null, ct: ct);

    /// <summary>Verifies the event log's hash chain (secretariat).</summary>
    public Task<AuditResult> VerifyAuditAsync(CancellationToken ct = default) =>
        SendAsync<AuditResult>(HttpMethod.Get, "/api/audit/verify", null, ct: ct);

    /// <summary>Starts a paper (its lead agency's focal points or the secretariat).</summary>
    public Task<Paper> CreatePaperAsync(string title, string kind, string leadAgencyCode, IReadOnlyList<string> participatingAgencyCodes, Guid? workingGroupId = null, CancellationToken ct = default) =>
        SendAsync<Paper>(HttpMethod.Post, "/api/papers", new { title, kind, leadAgencyCode, participatingAgencyCodes, workingGroupId }, ct: ct);

    /// <summary>The papers the caller may see.</summary>
    public Task<IReadOnlyList<PaperSummary>> ListPapersAsync(CancellationToken ct = default) =>
        AllPagesAsync<PaperSummary>("/api/papers", ct);

    /// <summary>One paper.</summary>
    public Task<Paper> GetPaperAsync(Guid paperId, CancellationToken ct = default) =>
        SendAsync<Paper>(HttpMethod.Get, $"/api/papers/{paperId}", null, ct: ct);

    /// <summary>Saves a new revision on top of <paramref name="baseRevision"/> (0 for the first).</summary>
    public Task<RevisionSummary> AddRevisionAsync(Guid paperId, int baseRevision, string body, CancellationToken ct = default) =>
        SendAsync<RevisionSummary>(HttpMethod.Post, $"/api/papers/{paperId}/revisions", new { baseRevision, body }, ct: ct);

    /// <summary>Saves the next text of the version in <paramref name="language"/>, on its revision <paramref name="baseRevision"/> (0 for the first), translating the original's <paramref name="basedOnRevision"/>.</summary>
    public Task<VersionRevisionSummary> AddVersionRevisionAsync(Guid paperId, string language, int basedOnRevision, int baseRevision, string body, CancellationToken ct = default) =>
        SendAsync<VersionRevisionSummary>(HttpMethod.Post, $"/api/papers/{paperId}/versions/{language}/revisions", new { basedOnRevision, baseRevision, body }, ct: ct);

    /// <summary>A reviewer of the language confirms the version against the original (<c>Confirm</c>) or sends it back (<c>SendBack</c>, with a reason).</summary>
    public Task<LanguageVersion> ReviewVersionAsync(Guid paperId, string language, int revision, string contentHash, string basedOnHash, string decision, string? reason = null,
        CancellationToken ct = default) =>
        SendAsync<LanguageVersion>(HttpMethod.Post, $"/api/papers/{paperId}/versions/{language}/review", new { revision, contentHash, basedOnHash, decision, reason }, ct: ct);

    /// <summary>Names the reviewers of a language (secretariat).</summary>
    public Task<JsonElement> SetLanguageReviewersAsync(string language, IReadOnlyList<string> emails, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Put, $"/api/language-reviewers/{language}", new { emails }, ct: ct);

    /// <summary>Comments on a revision (participants and the secretariat).</summary>
    public Task<Comment> AddCommentAsync(Guid paperId, int revision, string text, CancellationToken ct = default) =>
        SendAsync<Comment>(HttpMethod.Post, $"/api/papers/{paperId}/comments", new { revision, text }, ct: ct);

    /// <summary>The sign-off board: every paper the caller may see with its latest round, as JSON.</summary>
    public Task<JsonElement> GetSignOffStatusAsync(CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Get, "/api/sign-off-status", null, ct: ct);

    /// <summary>One revision with its text.</summary>
    public Task<Revision> GetRevisionAsync(Guid paperId, int number, CancellationToken ct = default) =>
        SendAsync<Revision>(HttpMethod.Get, $"/api/papers/{paperId}/revisions/{number}", null, ct: ct);

    /// <summary>A revision's blocks, in order, with the ids they keep across revisions.</summary>
    public Task<IReadOnlyList<Block>> GetBlocksAsync(Guid paperId, int number, CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<Block>>(HttpMethod.Get, $"/api/papers/{paperId}/revisions/{number}/blocks", null, ct: ct);

    /// <summary>Comments on, or suggests a change to, a passage of a block: a draft of my agency's until it sends it.</summary>
    public Task<Annotation> AddAnnotationAsync(Guid paperId, int revision, string blockId, string quote, string kind, string? text = null,
        string? justification = null, int occurrence = 1, CancellationToken ct = default) =>
        SendAsync<Annotation>(HttpMethod.Post, $"/api/papers/{paperId}/annotations", new { revision, blockId, quote, occurrence, kind, text, justification }, ct: ct);

    /// <summary>The comments and suggestions I may see: every sent one, and my agency's drafts.</summary>
    public Task<IReadOnlyList<Annotation>> ListAnnotationsAsync(Guid paperId, int? revision = null, string? status = null, string? agency = null, CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<Annotation>>(HttpMethod.Get, $"/api/papers/{paperId}/annotations?" + string.Join('&', new[]
        {
            revision is null ? null : $"revision={revision}", status is null ? null : $"status={Uri.EscapeDataString(status)}", agency is null ? null : $"agency={Uri.EscapeDataString(agency)}",
        }.OfType<string>()), null, ct: ct);

    /// <summary>Changes a draft's words (its agency only).</summary>
    public Task<Annotation> EditAnnotationAsync(Guid annotationId, string? text, string? justification, CancellationToken ct = default) =>
        SendAsync<Annotation>(HttpMethod.Patch, $"/api/annotations/{annotationId}", new { text, justification }, ct: ct);

    /// <summary>Deletes a draft (its agency only).</summary>
    public async Task DeleteAnnotationAsync(Guid annotationId, CancellationToken ct = default)
    {
        using var response = await http.DeleteAsync(new Uri($"/api/annotations/{annotationId}", UriKind.Relative), ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Takes back a sent item the lead has not decided on (its agency only).</summary>
    public Task<Annotation> WithdrawAnnotationAsync(Guid annotationId, CancellationToken ct = default) =>
        SendAsync<Annotation>(HttpMethod.Post, $"/api/annotations/{annotationId}/withdraw", null, ct: ct);

    /// <summary>Sends every draft of my agency on <paramref name="revision"/>.</summary>
    public Task<Contribution> SendContributionAsync(Guid paperId, int revision, CancellationToken ct = default) =>
        SendAsync<Contribution>(HttpMethod.Post, $"/api/papers/{paperId}/contributions", new { revision }, ct: ct);

    /// <summary>One step of my agency's clearance clears (or sends back) its contribution on <paramref name="revision"/>, whose content is <paramref name="contentHash"/>.</summary>
    public Task<Contribution> ClearContributionAsync(Guid paperId, int revision, string contentHash, string step, string decision, string? comment = null, CancellationToken ct = default) =>
        SendAsync<Contribution>(HttpMethod.Post, $"/api/papers/{paperId}/clearances", new { revision, contentHash, step, decision, comment, contribution = true }, ct: ct);

    /// <summary>My agency's contributions on a paper that its clearance chain cleared or clears.</summary>
    public Task<IReadOnlyList<ContributionClearance>> ListContributionsAsync(Guid paperId, CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<ContributionClearance>>(HttpMethod.Get, $"/api/papers/{paperId}/contributions", null, ct: ct);

    /// <summary>The lead's decision on a sent item: <c>Accepted</c>, <c>PartlyAccepted</c>, <c>Rejected</c>, <c>Noted</c> (a reason unless accepted).</summary>
    public Task<Annotation> DisposeAnnotationAsync(Guid annotationId, string decision, string? reason = null, CancellationToken ct = default) =>
        SendAsync<Annotation>(HttpMethod.Post, $"/api/annotations/{annotationId}/disposition", new { decision, reason }, ct: ct);

    /// <summary>The comments matrix: every sent comment and suggestion, what became of it and why.</summary>
    public Task<IReadOnlyList<Disposition>> GetDispositionsAsync(Guid paperId, CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<Disposition>>(HttpMethod.Get, $"/api/papers/{paperId}/dispositions", null, ct: ct);

    /// <summary>Every sign-off round of a paper, newest first, each with the comments matrix frozen when it opened.</summary>
    public Task<IReadOnlyList<Round>> ListRoundsAsync(Guid paperId, CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<Round>>(HttpMethod.Get, $"/api/papers/{paperId}/rounds", null, ct: ct);

    /// <summary>The lead builds the next revision from <paramref name="baseRevision"/> and the chosen suggestions.</summary>
    public Task<FoldedRevision> AddRevisionFromSuggestionsAsync(Guid paperId, int baseRevision, IReadOnlyList<Guid> annotationIds, CancellationToken ct = default) =>
        SendAsync<FoldedRevision>(HttpMethod.Post, $"/api/papers/{paperId}/revisions/from-suggestions", new { baseRevision, annotationIds }, ct: ct);

    /// <summary>Opens a sign-off round on the latest revision (lead agency or secretariat).</summary>
    public Task<Round> OpenRoundAsync(Guid paperId, int revision, string procedure, DateTimeOffset deadline, CancellationToken ct = default) =>
        SendAsync<Round>(HttpMethod.Post, $"/api/papers/{paperId}/rounds", new { revision, procedure, deadline }, ct: ct);

    /// <summary>Approves or objects, for the caller's agency, to the open round's exact text.</summary>
    public Task<SignOff> SignOffAsync(Guid paperId, int revision, string contentHash, string decision, string? comment = null, CancellationToken ct = default) =>
        SendAsync<SignOff>(HttpMethod.Post, $"/api/papers/{paperId}/sign-offs", new { revision, contentHash, decision, comment }, ct: ct);

    /// <summary>Approves or objects as the alternate of <paramref name="onBehalfOf"/>; the record names both.</summary>
    public Task<SignOff> SignOffForAsync(string onBehalfOf, Guid paperId, int revision, string contentHash, string decision, string? comment = null, CancellationToken ct = default) =>
        SendAsync<SignOff>(HttpMethod.Post, $"/api/papers/{paperId}/sign-offs", new { revision, contentHash, decision, comment, onBehalfOf }, ct: ct);

    /// <summary>One step of my agency's internal clearance: <c>Approve</c> or <c>SendBack</c> (with a comment).</summary>
    public Task<Clearance> ClearAsync(Guid paperId, int revision, string contentHash, string step, string decision, string? comment = null, string? onBehalfOf = null, CancellationToken ct = default) =>
        SendAsync<Clearance>(HttpMethod.Post, $"/api/papers/{paperId}/clearances", new { revision, contentHash, step, decision, comment, onBehalfOf }, ct: ct);

    /// <summary>My agency's internal clearance of the paper's latest round.</summary>
    public Task<Clearance> GetClearanceAsync(Guid paperId, CancellationToken ct = default) =>
        SendAsync<Clearance>(HttpMethod.Get, $"/api/papers/{paperId}/clearances", null, ct: ct);

    /// <summary>The sign-off rule of every kind of paper.</summary>
    public Task<IReadOnlyList<SignOffRule>> ListSignOffRulesAsync(CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<SignOffRule>>(HttpMethod.Get, "/api/sign-off-rules", null, ct: ct);

    /// <summary>Sets the sign-off rule of a kind of paper (secretariat).</summary>
    public Task<SignOffRule> ChangeSignOffRuleAsync(string paperKind, string signers, string procedure, TimeSpan minimumNotice, bool clearanceRequired,
        IReadOnlyList<string>? agencyCodes = null, IReadOnlyList<string>? requiredLanguages = null, CancellationToken ct = default) =>
        SendAsync<SignOffRule>(HttpMethod.Put, $"/api/sign-off-rules/{paperKind}", new { signers, agencyCodes = agencyCodes ?? [], procedure, minimumNotice, clearanceRequired, requiredLanguages }, ct: ct);

    /// <summary>An agency's internal clearance chain.</summary>
    public Task<ClearanceChain> GetClearanceChainAsync(string agencyCode, CancellationToken ct = default) =>
        SendAsync<ClearanceChain>(HttpMethod.Get, $"/api/agencies/{agencyCode}/clearance-chain", null, ct: ct);

    /// <summary>Sets an agency's internal clearance chain (its own focal points or the secretariat).</summary>
    public Task<ClearanceChain> ChangeClearanceChainAsync(string agencyCode, IReadOnlyList<ClearanceStep> steps, CancellationToken ct = default) =>
        SendAsync<ClearanceChain>(HttpMethod.Put, $"/api/agencies/{agencyCode}/clearance-chain", new { steps }, ct: ct);

    /// <summary>Proposes an editorial correction of a signed-off or published paper (lead agency or secretariat).</summary>
    public Task<Correction> ProposeCorrectionAsync(Guid paperId, int baseRevision, string body, CancellationToken ct = default) =>
        SendAsync<Correction>(HttpMethod.Post, $"/api/papers/{paperId}/corrections", new { baseRevision, body }, ct: ct);

    /// <summary>Objects, for my agency, to a pending editorial correction.</summary>
    public Task<Correction> ObjectToCorrectionAsync(Guid paperId, int revision, string reason, CancellationToken ct = default) =>
        SendAsync<Correction>(HttpMethod.Post, $"/api/papers/{paperId}/corrections/{revision}/objection", new { reason }, ct: ct);

    /// <summary>The editorial corrections of a paper, newest first.</summary>
    public Task<IReadOnlyList<Correction>> ListCorrectionsAsync(Guid paperId, CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<Correction>>(HttpMethod.Get, $"/api/papers/{paperId}/corrections", null, ct: ct);

    /// <summary>My alternate and those I stand in for.</summary>
    public Task<MyAlternate> GetMyAlternateAsync(CancellationToken ct = default) =>
        SendAsync<MyAlternate>(HttpMethod.Get, "/api/me/alternate", null, ct: ct);

    /// <summary>Names my alternate for a period.</summary>
    public Task<MyAlternate> NameAlternateAsync(string email, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default) =>
        SendAsync<MyAlternate>(HttpMethod.Put, "/api/me/alternate", new { email, from, to }, ct: ct);

    /// <summary>Ends my alternate's period now.</summary>
    public Task<MyAlternate> EndAlternateAsync(CancellationToken ct = default) =>
        SendAsync<MyAlternate>(HttpMethod.Delete, "/api/me/alternate", null, ct: ct);

    /// <summary>Publishes a signed-off paper (secretariat).</summary>
    public Task<Paper> PublishAsync(Guid paperId, string summary, IReadOnlyList<string> tags, CancellationToken ct = default) =>
        SendAsync<Paper>(HttpMethod.Post, $"/api/papers/{paperId}/publish", new { summary, tags }, ct: ct);

    /// <summary>Withdraws a paper (lead agency or secretariat).</summary>
    public Task<Paper> WithdrawAsync(Guid paperId, CancellationToken ct = default) =>
        SendAsync<Paper>(HttpMethod.Post, $"/api/papers/{paperId}/withdraw", null, ct: ct);

    /// <summary>The caller's notifications, newest first (the server keeps the latest 200 in reach).</summary>
    public Task<IReadOnlyList<Notification>> ListNotificationsAsync(bool unreadOnly = false, CancellationToken ct = default) =>
        AllPagesAsync<Notification>($"/api/me/notifications?unreadOnly={(unreadOnly ? "true" : "false")}", ct);

    /// <summary>Marks every unread notification of the caller read; how many were.</summary>
    public async Task<int> MarkAllNotificationsReadAsync(CancellationToken ct = default) =>
        (await SendAsync<System.Text.Json.JsonElement>(HttpMethod.Post, "/api/me/notifications/read-all", null, ct: ct)).GetProperty("marked").GetInt32();

    /// <summary>Which mail the caller receives, per kind: <c>Off</c>, <c>Immediate</c> or <c>Digest</c>.</summary>
    public Task<MailSettings> GetMailSettingsAsync(CancellationToken ct = default) =>
        SendAsync<MailSettings>(HttpMethod.Get, "/api/me/mail-settings", null, ct: ct);

    /// <summary>Changes how the caller receives the kinds named; the others keep theirs.</summary>
    public Task<MailSettings> UpdateMailSettingsAsync(IReadOnlyDictionary<string, string> kinds, CancellationToken ct = default) =>
        SendAsync<MailSettings>(HttpMethod.Put, "/api/me/mail-settings", new { kinds }, ct: ct);

    /// <summary>Published papers, newest first (no sign-in needed).</summary>
    public Task<IReadOnlyList<Publication>> ListPublicationsAsync(CancellationToken ct = default) =>
        AllPagesAsync<Publication>("/api/publications", ct);

    /// <summary>Convenes a meeting (co-chairs, secretariat; a working group's lead for its meetings).</summary>
    public Task<Meeting> ScheduleMeetingAsync(string title, string kind, DateTimeOffset startsAt, int durationMinutes, string timeZone,
        Guid? workingGroupId = null, IReadOnlyList<string>? invitedAgencyCodes = null, CancellationToken ct = default) =>
        SendAsync<Meeting>(HttpMethod.Post, "/api/meetings", new { title, kind, workingGroupId, startsAt, durationMinutes, timeZone, invitedAgencyCodes }, ct: ct);

    /// <summary>Convenes a meeting with its venue, online link and agenda given at once.</summary>
    public Task<Meeting> ScheduleMeetingAsync(string title, string kind, DateTimeOffset startsAt, int durationMinutes, string timeZone,
        string? venue, string? onlineUrl, IReadOnlyList<NewAgendaItem> agenda, Guid? workingGroupId = null, IReadOnlyList<string>? invitedAgencyCodes = null,
        CancellationToken ct = default) =>
        SendAsync<Meeting>(HttpMethod.Post, "/api/meetings",
            new { title, kind, workingGroupId, startsAt, durationMinutes, timeZone, invitedAgencyCodes, venue, onlineUrl, agenda }, ct: ct);

    /// <summary>One meeting.</summary>
    public Task<Meeting> GetMeetingAsync(Guid meetingId, CancellationToken ct = default) =>
        SendAsync<Meeting>(HttpMethod.Get, $"/api/meetings/{meetingId}", null, ct: ct);

    /// <summary>The meetings the caller is invited to, by start (every page).</summary>
    public Task<IReadOnlyList<Meeting>> ListMeetingsAsync(CancellationToken ct = default) =>
        AllPagesAsync<Meeting>("/api/meetings", ct);

    /// <summary>Answers an invitation for oneself.</summary>
    public Task<Meeting> RsvpAsync(Guid meetingId, string response, CancellationToken ct = default) =>
        SendAsync<Meeting>(HttpMethod.Put, $"/api/meetings/{meetingId}/rsvp", new { response }, ct: ct);

    /// <summary>Adds an agenda item.</summary>
    public Task<AgendaItem> AddAgendaItemAsync(Guid meetingId, string title, string? presenterAgencyCode = null, CancellationToken ct = default) =>
        SendAsync<AgendaItem>(HttpMethod.Post, $"/api/meetings/{meetingId}/agenda-items", new { title, presenterAgencyCode }, ct: ct);

    /// <summary>Moves a meeting.</summary>
    public Task<Meeting> RescheduleMeetingAsync(Guid meetingId, DateTimeOffset startsAt, int durationMinutes, string timeZone, CancellationToken ct = default) =>
        SendAsync<Meeting>(HttpMethod.Post, $"/api/meetings/{meetingId}/reschedule", new { startsAt, durationMinutes, timeZone }, ct: ct);

    /// <summary>Cancels a meeting.</summary>
    public Task<Meeting> CancelMeetingAsync(Guid meetingId, CancellationToken ct = default) =>
        SendAsync<Meeting>(HttpMethod.Post, $"/api/meetings/{meetingId}/cancel", null, ct: ct);

    /// <summary>Records an action item of a meeting (those who convene it, the secretariat).</summary>
    public Task<ActionItem> RecordActionItemAsync(Guid meetingId, string title, string ownerAgencyCode, DateOnly dueDate, Guid? agendaItemId = null, CancellationToken ct = default) =>
        SendAsync<ActionItem>(HttpMethod.Post, $"/api/meetings/{meetingId}/action-items", new { title, ownerAgencyCode, dueDate, agendaItemId }, ct: ct);

    /// <summary>The action items the caller may see, soonest due first, optionally of one owner agency or only those overdue.</summary>
    public Task<IReadOnlyList<ActionItem>> ListActionItemsAsync(string? agency = null, bool? overdue = null, CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<ActionItem>>(HttpMethod.Get,
            $"/api/action-items?agency={Uri.EscapeDataString(agency ?? "")}{(overdue is { } o ? $"&overdue={(o ? "true" : "false")}" : "")}", null, ct: ct);

    /// <summary>Marks an action item Open, Done or Dropped.</summary>
    public Task<ActionItem> ChangeActionItemStatusAsync(Guid actionItemId, string status, CancellationToken ct = default) =>
        SendAsync<ActionItem>(HttpMethod.Post, $"/api/action-items/{actionItemId}/status", new { status }, ct: ct);

    /// <summary>Comments on an action item.</summary>
    public Task<ActionItem> CommentOnActionItemAsync(Guid actionItemId, string text, CancellationToken ct = default) =>
        SendAsync<ActionItem>(HttpMethod.Post, $"/api/action-items/{actionItemId}/comments", new { text }, ct: ct);

    /// <summary>Proposes times for a meeting and asks the invited agencies when they can meet.</summary>
    public Task<Poll> OpenPollAsync(string title, string kind, string timeZone, int durationMinutes, IReadOnlyList<DateTimeOffset> slots, DateTimeOffset deadline,
        Guid? workingGroupId = null, IReadOnlyList<string>? invitedAgencyCodes = null, CancellationToken ct = default) =>
        SendAsync<Poll>(HttpMethod.Post, "/api/polls", new { title, kind, workingGroupId, timeZone, durationMinutes, slots, invitedAgencyCodes, deadline }, ct: ct);

    /// <summary>A poll with every answer.</summary>
    public Task<Poll> GetPollAsync(Guid pollId, CancellationToken ct = default) =>
        SendAsync<Poll>(HttpMethod.Get, $"/api/polls/{pollId}", null, ct: ct);

    /// <summary>Says, time by time (slot id → <c>Yes</c>, <c>IfNeedBe</c>, <c>No</c>), when the caller can meet.</summary>
    public Task<Poll> AnswerPollAsync(Guid pollId, IReadOnlyDictionary<Guid, string> answers, CancellationToken ct = default) =>
        SendAsync<Poll>(HttpMethod.Put, $"/api/polls/{pollId}/answers", new { answers = answers.Select(a => new { slotId = a.Key, answer = a.Value }) }, ct: ct);

    /// <summary>Picks a time: the meeting is scheduled from it (<see cref="Poll.MeetingId"/>).</summary>
    public Task<Poll> PickPollSlotAsync(Guid pollId, Guid slotId, CancellationToken ct = default) =>
        SendAsync<Poll>(HttpMethod.Post, $"/api/polls/{pollId}/pick", new { slotId }, ct: ct);

    /// <summary>
    /// Brings my agency's Word redline of <paramref name="revision"/> (the latest): its tracked changes become my agency's
    /// draft suggestions and its Word comments draft comments; what could not be placed is listed with why.
    /// </summary>
    public async Task<ImportedAnnotations> ImportAnnotationsAsync(Guid paperId, int revision, byte[] docx, string fileName = "redline.docx", CancellationToken ct = default)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(docx);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(revision.ToString(System.Globalization.CultureInfo.InvariantCulture)), "revision");
        using var response = await http.PostAsync(new Uri($"/api/papers/{paperId}/annotations/import", UriKind.Relative), form, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, ct).ConfigureAwait(false);
        }

        return (await response.Content.ReadFromJsonAsync<ImportedAnnotations>(Json, ct).ConfigureAwait(false))!;
    }

    /// <summary>A revision as a Word document; with <paramref name="openAnnotations"/>, the sent comments and suggestions not yet folded in as Word comments and tracked changes.</summary>
    public async Task<byte[]> DownloadRevisionAsync(Guid paperId, int number, bool openAnnotations = false, CancellationToken ct = default)
    {
        using var response = await http.GetAsync(new Uri($"/api/papers/{paperId}/revisions/{number}/docx" + (openAnnotations ? "?annotations=open" : ""), UriKind.Relative), ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, ct).ConfigureAwait(false);
        }

        return await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A meeting's iCalendar invitation.</summary>
    public async Task<string> GetMeetingInvitationAsync(Guid meetingId, CancellationToken ct = default)
    {
        using var response = await http.GetAsync(new Uri($"/api/meetings/{meetingId}/ics", UriKind.Relative), ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, ct).ConfigureAwait(false);
        }

        return await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Sends a request and reads the answer, throwing the problem of any refusal.</summary>
    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, string? idempotencyKey = null, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, ct).ConfigureAwait(false);
        }

        return (await response.Content.ReadFromJsonAsync<T>(Json, ct).ConfigureAwait(false))!;
    }

    /// <summary>Every entry of a paged list: its pages in order, following each answer's <c>Link: &lt;…&gt;; rel="next"</c>.</summary>
    public async Task<IReadOnlyList<T>> AllPagesAsync<T>(string path, CancellationToken ct = default)
    {
        var all = new List<T>();
        for (string? next = path; next is not null;)
        {
            using var response = await http.GetAsync(next, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await ProblemAsync(response, ct).ConfigureAwait(false);
            }

            all.AddRange((await response.Content.ReadFromJsonAsync<IReadOnlyList<T>>(Json, ct).ConfigureAwait(false))!);
            next = response.Headers.TryGetValues("Link", out var links)
                ? links.SelectMany(l => l.Split(',')).Select(l => l.Trim())
                    .Where(l => l.EndsWith("rel=\"next\"", StringComparison.Ordinal) && l.StartsWith('<'))
                    .Select(l => l[1..l.IndexOf('>', StringComparison.Ordinal)]).FirstOrDefault()
                : null;
        }

        return all;
    }

    private static async Task<WorkspaceProblemException> ProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            using var document = JsonDocument.Parse("{}");
            body = document.RootElement.Clone();
        }

        string? Field(string name) => body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new WorkspaceProblemException(response.StatusCode, Field("type"), Field("title") ?? response.ReasonPhrase, Field("detail"), body);
    }
}
