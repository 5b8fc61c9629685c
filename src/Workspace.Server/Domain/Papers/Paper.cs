using System.Globalization;

namespace Workspace.Server.Domain.Papers;

/// <summary>
/// A joint paper and its way to publication: Drafting → InSignOff → SignedOff → Published, or Withdrawn
/// before publication. Each transition is one method that checks its rules and raises its events.
/// Loaded with its latest round only: earlier rounds are history and never change.
/// </summary>
public sealed partial class Paper : Aggregate
{
    private readonly List<Round> rounds = [];

    private Paper()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public PaperKind Kind { get; private set; }

    public string LeadAgencyCode { get; private set; } = "";

    /// <summary>Sorted agency codes, always including the lead.</summary>
    public List<string> ParticipatingAgencyCodes { get; private set; } = [];

    public Guid? WorkingGroupId { get; private set; }

    /// <summary>For minutes: the meeting they record.</summary>
    public Guid? MeetingId { get; private set; }

    public PaperState State { get; private set; }

    /// <summary>The language the agencies negotiate and sign: the authentic text. Versions in the other official languages are tied to it.</summary>
    public string OriginalLanguage { get; private set; } = "en";

    public DateTime CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public int LatestRevisionNumber { get; private set; }

    public string? LatestContentHash { get; private set; }

    public string? LatestRevisionAuthor { get; private set; }

    public DateTime? LatestRevisionAt { get; private set; }

    public int LastRoundNumber { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public string? PublicationSummary { get; private set; }

    public List<string> PublicationTags { get; private set; } = [];

    /// <summary>The agencies that approved, or adopted by silence, the published text.</summary>
    public List<string> SignatoryAgencyCodes { get; private set; } = [];

    public int? PublishedRevisionNumber { get; private set; }

    /// <summary>The revision of the editorial correction the signatories may still object to, if any.</summary>
    public int? PendingCorrectionRevision { get; private set; }

    /// <summary>When an editorial correction last became the approved text.</summary>
    public DateTime? CorrectedAt { get; private set; }

    public string? PublishedContentHash { get; private set; }

    /// <summary>App-managed concurrency token: SQLite has no rowversion.</summary>
    public int Version { get; private set; }

    /// <summary>The latest round, as loaded; null before the first.</summary>
    public Round? CurrentRound => rounds.Count == 0 ? null : rounds.MaxBy(r => r.Number);

    public IReadOnlyList<Round> LoadedRounds => rounds;

    private Subject Subject => new("paper", Id.ToString());

    private Audience Participants => Audience.Agencies(ParticipatingAgencyCodes);

    public bool IsParticipant(string agencyCode) => ParticipatingAgencyCodes.Contains(agencyCode);

    public static Paper Create(string title, PaperKind kind, string leadAgencyCode, IEnumerable<string> participatingAgencyCodes,
        Guid? workingGroupId, Actor by, DateTime now, Guid? meetingId = null, string originalLanguage = "en")
    {
        var paper = new Paper
        {
            Id = Guid.CreateVersion7(),
            Title = title.Trim(),
            Kind = kind,
            LeadAgencyCode = leadAgencyCode,
            ParticipatingAgencyCodes = [.. participatingAgencyCodes.Append(leadAgencyCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            WorkingGroupId = workingGroupId,
            MeetingId = meetingId,
            OriginalLanguage = originalLanguage,
            State = PaperState.Drafting,
            CreatedAt = now,
            CreatedBy = by.Email,
            Version = 1,
        };
        paper.ActAs(by);
        paper.Raise(DomainEvent.Of(
            new PaperCreated(paper.Id, paper.Title, kind.ToString(), leadAgencyCode, [.. paper.ParticipatingAgencyCodes], workingGroupId, meetingId),
            paper.Subject, paper.Participants));
        return paper;
    }

    /// <summary>
    /// Adds the next revision on top of <paramref name="baseRevision"/>, which must be the latest (no lost
    /// updates). A revision during sign-off cancels the round: every sign-off on it is void.
    /// </summary>
    public Revision AddRevision(int baseRevision, string body, Actor author, DateTime now, IReadOnlyList<Guid>? appliedAnnotationIds = null)
    {
        ActAs(author);
        EnsureRevisable(baseRevision);
        var revision = NextRevision(body, author, now, appliedAnnotationIds);

        if (State == PaperState.InSignOff)
        {
            var round = CurrentRound!;
            var decided = round.Agencies.Where(a => a.Status != AgencySignOffStatus.Pending).Select(a => a.AgencyCode).ToList();
            CloseRound(round, (RoundStatus.Cancelled, RoundClosing.Cancelled, author.AgencyCode, revision.Number), now, $"revision {revision.Number} was added",
                decided.Count == 0 ? null : new Notice("round-cancelled",
                    $"Sign-off on \"{Title}\" (revision {round.RevisionNumber}) was cancelled: revision {revision.Number} was added. Your agency's decision no longer counts.",
                    decided));
            ChangeState(PaperState.Drafting);
        }

        return revision;
    }

    /// <summary>
    /// Refuses a revision on <paramref name="baseRevision"/> before anyone does the work of one: the paper must
    /// take revisions, and the base must be the latest.
    /// </summary>
    public void EnsureRevisable(int baseRevision)
    {
        PaperWorkflow.Ensure(State, PaperAction.AddRevision);
        if (baseRevision != LatestRevisionNumber)
        {
            throw new RuleBrokenException("stale-revision",
                $"This text was written on revision {baseRevision}, but the paper is at revision {LatestRevisionNumber}. Read the latest revision and apply your changes to it.",
                new Dictionary<string, object?> { ["currentRevision"] = LatestRevisionNumber });
        }
    }

    private Revision NextRevision(string body, Actor author, DateTime now, IReadOnlyList<Guid>? appliedAnnotationIds = null)
    {
        var revision = new Revision(Id, LatestRevisionNumber + 1, body, author, now);
        LatestRevisionNumber = revision.Number;
        LatestContentHash = revision.ContentHash;
        LatestRevisionAuthor = author.Email;
        LatestRevisionAt = now;
        Version++;
        Raise(DomainEvent.Of(new RevisionAdded(Id, revision.Number, revision.ContentHash, author.Email) { AppliedAnnotationIds = appliedAnnotationIds }, Subject, Participants));
        OutdateVersions();
        return revision;
    }

    public PaperComment AddComment(int revision, string text, Actor author, DateTime now)
    {
        ActAs(author);
        PaperWorkflow.Ensure(State, PaperAction.Comment);
        EnsureRevisionExists(revision);
        var comment = new PaperComment(Id, revision, text.Trim(), author, now);
        Raise(DomainEvent.Of(new CommentAdded(Id, comment.Id, revision, author.Email), Subject, Participants));
        return comment;
    }

    /// <summary>
    /// Refuses a comment or suggestion on a passage unless the paper is still negotiated (drafting or in sign-off) and
    /// <paramref name="revision"/> is its latest text: what is suggested on an older one is already out of date.
    /// </summary>
    public void EnsureAnnotatable(int revision)
    {
        PaperWorkflow.Ensure(State, PaperAction.AddRevision);
        if (revision != LatestRevisionNumber)
        {
            throw new RuleBrokenException("stale-revision",
                $"Revision {revision} is not the latest: the paper is at revision {LatestRevisionNumber}. Comment on and suggest changes to the latest text.",
                new Dictionary<string, object?> { ["currentRevision"] = LatestRevisionNumber });
        }
    }

    /// <summary>
    /// An agency sends its drafts on <paramref name="revision"/>: from now on the paper's agencies and the secretariat see
    /// them, and the lead agency is told.
    /// </summary>
    public void SendContribution(IReadOnlyList<Annotation> drafts, int revision, Actor by, DateTime now)
    {
        ActAs(by);
        PaperWorkflow.Ensure(State, PaperAction.AddRevision);
        if (drafts.Count == 0)
        {
            throw new RuleBrokenException("nothing-to-send", $"{by.AgencyCode} has no draft comment or suggestion on revision {revision} to send.");
        }

        foreach (var draft in drafts)
        {
            draft.Send(now);
        }

        Raise(DomainEvent.Of(new ContributionSent(Id, by.AgencyCode, revision, drafts.Count, [.. drafts.Select(d => d.Id)]), Subject, Participants,
            new Notice("contribution-sent", $"{by.AgencyCode} sent {drafts.Count} comments and suggestions on \"{Title}\" (revision {revision}).", [LeadAgencyCode], [by.Email])));
    }

    /// <summary>
    /// The lead builds the next revision from <paramref name="baseRevision"/>'s text and the chosen suggestions, in one
    /// step: each must be sent and not rejected, on that revision, and none may change a passage another changes.
    /// The suggestions taken in are accepted (a partly accepted one stays so) and the revision records them.
    /// </summary>
    public Revision AddRevisionFromSuggestions(int baseRevision, string baseBody, IReadOnlyList<Annotation> suggestions, Actor author, DateTime now)
    {
        EnsureRevisable(baseRevision);
        var unfit = suggestions.Where(a => !a.IsSuggestion || a.Revision != baseRevision
            || a.Status is not (AnnotationStatus.Open or AnnotationStatus.Accepted or AnnotationStatus.PartlyAccepted)).ToList();
        if (unfit.Count > 0)
        {
            throw new RuleBrokenException("suggestions-not-applicable",
                $"These cannot be taken into a revision on revision {baseRevision}: {string.Join(", ", unfit.Select(a => a.Id))}. A suggestion is applied while it is sent (or accepted) and stands on that revision.",
                new Dictionary<string, object?> { ["annotationIds"] = unfit.Select(a => a.Id).ToList() });
        }

        var overlapping = suggestions.SelectMany((a, i) => suggestions.Skip(i + 1).Where(a.Overlaps).Select(b => (a, b))).ToList();
        if (overlapping.Count > 0)
        {
            var ids = overlapping.SelectMany(p => new[] { p.a.Id, p.b.Id }).Distinct().ToList();
            throw new RuleBrokenException("overlapping-suggestions",
                $"These suggestions change the same words; choose one of each pair: {string.Join("; ", overlapping.Select(p => $"{p.a.Id} and {p.b.Id}"))}.",
                new Dictionary<string, object?> { ["annotationIds"] = ids });
        }

        var body = new System.Text.StringBuilder(baseBody);
        foreach (var suggestion in suggestions.OrderByDescending(a => a.Kind == AnnotationKind.Insert ? a.End : a.Start))
        {
            switch (suggestion.Kind)
            {
                case AnnotationKind.Replace:
                    body.Remove(suggestion.Start, suggestion.Quote.Length).Insert(suggestion.Start, suggestion.Text ?? "");
                    break;
                case AnnotationKind.Delete:
                    body.Remove(suggestion.Start, suggestion.Quote.Length);
                    break;
                case AnnotationKind.Insert:
                    body.Insert(suggestion.End, suggestion.Text ?? "");
                    break;
            }
        }

        var revision = AddRevision(baseRevision, body.ToString(), author, now, [.. suggestions.Select(a => a.Id)]);
        foreach (var suggestion in suggestions)
        {
            suggestion.Applied(revision.Number, author);
        }

        return revision;
    }

    /// <param name="reminderHours">Hours before the deadline at which pending agencies are reminded.</param>
    /// <param name="terms">
    /// What the rule of the paper's kind asks: agencies it requires that do not participate yet join the paper
    /// (they must see what they sign), and each agency's clearance chain when clearance is required.
    /// </param>
    /// <remarks>The round binds the latest revision's own hash: the paper knows it, no caller supplies it.</remarks>
    public Round OpenRound(int revision, Procedure procedure, DateTime deadline, Actor by, DateTime now, IReadOnlyList<int> reminderHours, RoundTerms? terms = null)
    {
        ActAs(by);
        terms ??= RoundTerms.ParticipantsOnly;
        PaperWorkflow.Ensure(State, PaperAction.OpenRound);
        EnsureRevisionExists(revision);
        if (revision != LatestRevisionNumber)
        {
            throw new RuleBrokenException("stale-revision",
                $"Sign-off is opened on the latest revision ({LatestRevisionNumber}), not revision {revision}.",
                new Dictionary<string, object?> { ["currentRevision"] = LatestRevisionNumber });
        }

        if (deadline <= now)
        {
            throw new RuleBrokenException("deadline-passed", "The deadline of a round is in the future.");
        }

        Join(terms.RequiredSigners, $"the rule for {Kind} papers asks for their sign-off");

        // Reminders whose moment has already passed are not sent: the agencies are being asked right now.
        var alreadyDue = reminderHours.Where(h => deadline.AddHours(-h) <= now);
        var contentHash = LatestContentHash!;
        var round = new Round(Id, LastRoundNumber + 1, revision, contentHash, procedure, deadline, ParticipatingAgencyCodes, now, by.Email, alreadyDue, terms);
        rounds.Add(round);
        LastRoundNumber = round.Number;
        Version++;
        Raise(DomainEvent.Of(
            new RoundOpened(Id, round.Number, revision, contentHash, procedure.ToString(), deadline.AsUtcInstant(), terms.Signers.ToString(), terms.ClearanceRequired),
            Subject, Participants,
            new Notice("round-opened",
                $"Sign-off requested on \"{Title}\", revision {revision}, by {Describe(deadline)} ({(procedure == Procedure.Silence ? "silence procedure: no answer counts as adoption" : "every agency must approve")}).",
                [.. ParticipatingAgencyCodes])));
        foreach (var agency in round.Agencies.Where(a => a.NeedsClearance))
        {
            AskClearance(round, agency);
        }

        ChangeState(PaperState.InSignOff);
        return round;
    }

    /// <summary>
    /// One step of an agency's internal clearance on the open round's exact text. Steps approve in order; the
    /// last approval is the agency's Approve. Any step may send the text back to the start of the chain, with a
    /// reason. Only the agency sees its steps and comments; others see it is in clearance.
    /// </summary>
    public void RecordClearance(int revision, string contentHash, string stepName, ClearanceDecision decision, string? comment, Actor by, DateTime now)
    {
        ActAs(by);
        PaperWorkflow.Ensure(State, PaperAction.Clear);
        var round = CurrentRound!;
        EnsureRoundText(round, revision, contentHash);
        var agency = round.Agencies.SingleOrDefault(a => a.AgencyCode == by.AgencyCode)
            ?? throw new RuleBrokenException("not-a-participant", $"{by.AgencyCode} does not participate in this paper.");
        if (!agency.NeedsClearance)
        {
            throw new RuleBrokenException("no-clearance", $"This round does not ask {agency.AgencyCode} to clear the text inside: the agency's sign-off counts as it is.");
        }

        var index = ClearanceRules.HeldStep(agency.ClearanceSteps, agency.AgencyCode, stepName, by);
        var step = agency.ClearanceSteps[index];
        if (agency.IsCleared && agency.Status == AgencySignOffStatus.Approved)
        {
            throw new RuleBrokenException("already-cleared", $"{agency.AgencyCode} has cleared and approved this text; to change its word, object.");
        }

        ClearanceRules.EnsureInTurn(agency.ClearanceSteps, agency.ClearedSteps, index, decision, comment, "text");
        var wasPending = agency.Status == AgencySignOffStatus.Pending;
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        round.Clear(agency, index + 1, decision, by, now, trimmed);
        Version++;
        Raise(DomainEvent.Of(
            new ClearanceRecorded(Id, round.Number, round.RevisionNumber, agency.AgencyCode, step.Name, index + 1, decision.ToString(), by.Email, by.OnBehalfOf, trimmed),
            Subject, Audience.InternalTo(agency.AgencyCode),
            decision == ClearanceDecision.SendBack
                ? new Notice("clearance-sent-back", $"{step.Name} sent \"{Title}\" (revision {round.RevisionNumber}) back: {trimmed}", [agency.AgencyCode], [by.Email])
                : null));
        if (wasPending)
        {
            // What the other agencies may know: the agency is clearing, nothing of how.
            Raise(DomainEvent.Of(new AgencyStatusChanged(Id, round.Number, agency.AgencyCode, agency.Status.ToString()), Subject, Participants));
        }

        if (decision == ClearanceDecision.SendBack || !agency.IsCleared)
        {
            AskClearance(round, agency);
            return;
        }

        // Every step approved this exact text: that is the agency's Approve.
        Decide(round, Decision.Approve, null, by, now);
    }
    /// <summary>
    /// Records an agency's decision on the open round's exact text. A decision may change while the round is
    /// open; every decision stays in the history. Where the round asks the agency to clear the text inside,
    /// its Approve comes from the last step of its chain, not from here; an objection may come at any time.
    /// </summary>
    public void RecordSignOff(int revision, string contentHash, Decision decision, string? comment, Actor by, DateTime now)
    {
        ActAs(by);
        PaperWorkflow.Ensure(State, PaperAction.SignOff);
        var round = CurrentRound!;
        if (!IsParticipant(by.AgencyCode))
        {
            throw new RuleBrokenException("not-a-participant", $"{by.AgencyCode} does not participate in this paper.");
        }

        EnsureRoundText(round, revision, contentHash);
        if (decision == Decision.Object && string.IsNullOrWhiteSpace(comment))
        {
            throw new RuleBrokenException("objection-without-reason", "An objection says why.");
        }

        if (decision == Decision.Approve && round.Agencies.Single(a => a.AgencyCode == by.AgencyCode) is { NeedsClearance: true, IsCleared: false } clearing)
        {
            var waiting = clearing.ClearanceSteps[clearing.ClearedSteps];
            throw new RuleBrokenException("clearance-incomplete",
                $"{by.AgencyCode}'s approval counts once its clearance is complete: the text is with {waiting.Name} (step {clearing.ClearedSteps + 1} of {clearing.ClearanceSteps.Count}).",
                new Dictionary<string, object?> { ["waitingFor"] = waiting.Name });
        }

        Decide(round, decision, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), by, now);
    }

    private void Decide(Round round, Decision decision, string? comment, Actor by, DateTime now)
    {
        round.Record(by.AgencyCode, decision, by, now, comment);
        Version++;
        var objectedInUnanimous = decision == Decision.Object && round.Procedure == Procedure.Unanimous;
        Raise(DomainEvent.Of(
            new SignOffRecorded(Id, round.Number, round.RevisionNumber, round.ContentHash, by.AgencyCode, decision.ToString(), by.Email, by.OnBehalfOf, comment),
            Subject, Participants,
            objectedInUnanimous
                ? new Notice("sign-off-objected", $"{by.AgencyCode} objects to \"{Title}\" (revision {round.RevisionNumber}): {comment}", [.. ParticipatingAgencyCodes], [by.Email])
                : null));

        if (round.Procedure == Procedure.Silence && decision == Decision.Object)
        {
            CloseRound(round, (RoundStatus.Broken, RoundClosing.SilenceBroken, by.AgencyCode, null), now, $"{by.AgencyCode} objected",
                new Notice("round-broken", $"{by.AgencyCode} broke silence on \"{Title}\" (revision {round.RevisionNumber}): {comment}", [.. ParticipatingAgencyCodes], [by.Email]),
                (by.AgencyCode, comment));
            ChangeState(PaperState.Drafting);
        }
        else if (round.Procedure == Procedure.Unanimous && round.Agencies.All(a => a.Status == AgencySignOffStatus.Approved))
        {
            Complete(round, RoundClosing.Completed, now, "every participating agency approved");
        }
    }

    /// <summary>Tells the holders of the step the agency's text waits for that it is their turn.</summary>
    private void AskClearance(Round round, RoundAgency agency)
    {
        var step = agency.ClearanceSteps[agency.ClearedSteps];
        Raise(DomainEvent.Of(new ClearanceRequested(Id, round.Number, round.RevisionNumber, agency.AgencyCode, step.Name, agency.ClearedSteps + 1, step.Emails),
            Subject, Audience.InternalTo(agency.AgencyCode),
            new Notice("clearance-requested",
                $"\"{Title}\" (revision {round.RevisionNumber}) waits for your clearance as {step.Name} (step {agency.ClearedSteps + 1} of {agency.ClearanceSteps.Count}) by {Describe(round.Deadline)}.",
                [agency.AgencyCode], OnlyEmails: step.Emails)));
    }

    private static void EnsureRoundText(Round round, int revision, string contentHash)
    {
        if (revision != round.RevisionNumber || !string.Equals(contentHash, round.ContentHash, StringComparison.Ordinal))
        {
            throw new RuleBrokenException("stale-sign-off",
                $"The open round is on revision {round.RevisionNumber} ({round.ContentHash}); a sign-off must name that exact text.",
                new Dictionary<string, object?> { ["roundRevision"] = round.RevisionNumber, ["roundContentHash"] = round.ContentHash });
        }
    }

    /// <summary>Adds agencies to the participants (with an event to the new set), so that they see what they are asked to sign.</summary>
    private void Join(IEnumerable<string> agencyCodes, string reason)
    {
        var joining = agencyCodes.Except(ParticipatingAgencyCodes, StringComparer.Ordinal).ToList();
        if (joining.Count == 0)
        {
            return;
        }

        ParticipatingAgencyCodes = [.. ParticipatingAgencyCodes.Concat(joining).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Version++;
        Raise(DomainEvent.Of(new ParticipantsAdded(Id, [.. joining.Order(StringComparer.Ordinal)], [.. ParticipatingAgencyCodes], reason), Subject, Participants));
    }

    /// <summary>At the deadline of a silence procedure nobody broke, the text is adopted. Does nothing otherwise.</summary>
    public bool CloseSilenceIfDue(DateTime now)
    {
        ActAs(Actor.System);
        if (State != PaperState.InSignOff || CurrentRound is not { IsOpen: true, Procedure: Procedure.Silence } round || now < round.Deadline)
        {
            return false;
        }

        Complete(round, RoundClosing.Adopted, now, "the deadline passed without objection");
        return true;
    }

    /// <summary>A unanimous round still open at its deadline is flagged once. Does nothing otherwise.</summary>
    public bool FlagOverdueIfDue(DateTime now)
    {
        ActAs(Actor.System);
        if (State != PaperState.InSignOff || CurrentRound is not { IsOpen: true, Procedure: Procedure.Unanimous, Overdue: false } round || now < round.Deadline)
        {
            return false;
        }

        round.MarkOverdue();
        Version++;
        var pending = round.PendingAgencyCodes.Concat(round.Agencies.Where(a => a.Status == AgencySignOffStatus.Objected).Select(a => a.AgencyCode)).Order(StringComparer.Ordinal).ToList();
        Raise(DomainEvent.Of(new RoundOverdue(Id, round.Number, round.Deadline.AsUtcInstant(), pending), Subject, Participants,
            new Notice("round-overdue", $"Sign-off on \"{Title}\" is past its deadline ({Describe(round.Deadline)}); not yet approved by {string.Join(", ", pending)}.",
                [.. pending.Append(LeadAgencyCode).Distinct()])));
        return true;
    }

    /// <summary>Reminds agencies still pending when a reminder's moment has come. Does nothing otherwise.</summary>
    public bool RemindIfDue(DateTime now, IReadOnlyList<int> reminderHours)
    {
        ActAs(Actor.System);
        if (State != PaperState.InSignOff || CurrentRound is not { IsOpen: true } round || now >= round.Deadline)
        {
            return false;
        }

        var due = reminderHours.Where(h => !round.RemindersSent.Contains(h) && round.Deadline.AddHours(-h) <= now).ToList();
        if (due.Count == 0)
        {
            return false;
        }

        // Several moments passed at once (the server was down): one reminder, not several.
        round.MarkRemindersSent(due);
        Version++;
        var pending = round.PendingAgencyCodes;
        if (pending.Count == 0)
        {
            return true;
        }

        var hoursLeft = (int)Math.Ceiling((round.Deadline - now).TotalHours);
        Raise(DomainEvent.Of(new SignOffReminded(Id, round.Number, round.Deadline.AsUtcInstant(), pending, hoursLeft), Subject, Audience.Agencies(pending),
            new Notice("sign-off-reminder", $"Reminder: your agency has not yet answered on \"{Title}\" (revision {round.RevisionNumber}); the deadline is {Describe(round.Deadline)}, in about {hoursLeft} hours.", pending)));
        return true;
    }

    /// <summary>
    /// Publishes the signed-off text. <paramref name="approvedText"/> is the body of the revision the round
    /// approved; it must hash to exactly what every agency signed.
    /// </summary>
    /// <param name="requiredLanguages">The languages the rule of the paper's kind asks for: each version must be confirmed against the signed text.</param>
    public void Publish(string summary, IEnumerable<string> tags, string approvedText, Actor by, DateTime now, IReadOnlyCollection<string>? requiredLanguages = null)
    {
        ActAs(by);
        PaperWorkflow.Ensure(State, PaperAction.Publish);
        var round = CurrentRound!;
        if (round.Status != RoundStatus.Completed || Revision.HashOf(approvedText) != round.ContentHash)
        {
            throw new RuleBrokenException("content-mismatch", "The text to publish is not exactly the text every agency signed off on.");
        }

        EnsureLanguages(requiredLanguages ?? [], round);

        PublishedAt = now;
        PublicationSummary = summary.Trim();
        PublicationTags = [.. tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct()];
        SignatoryAgencyCodes = [.. round.Agencies.Select(a => a.AgencyCode).Order(StringComparer.Ordinal)];
        PublishedRevisionNumber = round.RevisionNumber;
        PublishedContentHash = round.ContentHash;
        Version++;
        Raise(DomainEvent.Of(new PaperPublished(Id, Title, Kind.ToString(), round.ContentHash, PublicationSummary, [.. PublicationTags]), Subject, Audience.Everyone,
            new Notice("paper-published", $"\"{Title}\" is published.", [.. ParticipatingAgencyCodes])));
        ChangeState(PaperState.Published, Audience.Everyone);
    }

    /// <summary>
    /// The lead proposes an editorial correction to the approved text: a new revision every signatory agency is
    /// told of and may object to until <paramref name="silence"/> has passed.
    /// </summary>
    public (Revision Revision, Correction Correction) ProposeCorrection(int baseRevision, string body, Actor by, DateTime now, TimeSpan silence)
    {
        ActAs(by);
        PaperWorkflow.Ensure(State, PaperAction.ProposeCorrection);
        if (PendingCorrectionRevision is { } pending)
        {
            throw new RuleBrokenException("correction-pending", $"The correction in revision {pending} is still open to objection; one correction at a time.",
                new Dictionary<string, object?> { ["correctionRevision"] = pending });
        }

        if (baseRevision != LatestRevisionNumber)
        {
            throw new RuleBrokenException("stale-revision",
                $"This correction was written on revision {baseRevision}, but the paper is at revision {LatestRevisionNumber}.",
                new Dictionary<string, object?> { ["currentRevision"] = LatestRevisionNumber });
        }

        var approved = CurrentRound!;
        if (Revision.HashOf(body) == approved.ContentHash)
        {
            throw new RuleBrokenException("no-change", "The corrected text is the approved text itself.");
        }

        var revision = NextRevision(body, by, now);
        var signatories = approved.Agencies.Select(a => a.AgencyCode).ToList();
        var correction = new Correction(Id, revision.Number, approved.RevisionNumber, revision.ContentHash, signatories, by, now, now + silence);
        PendingCorrectionRevision = revision.Number;
        Version++;
        Raise(DomainEvent.Of(
            new CorrectionProposed(Id, revision.Number, approved.RevisionNumber, revision.ContentHash, correction.Deadline.AsUtcInstant(), [.. correction.SignatoryAgencyCodes]),
            Subject, Participants,
            new Notice("correction-proposed",
                $"{by.AgencyCode} proposes an editorial correction to \"{Title}\" (revision {approved.RevisionNumber} → {revision.Number}). Object by {Describe(correction.Deadline)} if it changes the substance; otherwise it is adopted and your agency's sign-off carries over.",
                [.. signatories], [by.Email])));
        return (revision, correction);
    }

    /// <summary>A signatory agency objects to a pending correction: it is not adopted, and a signed-off paper goes back to drafting for a full round.</summary>
    public void ObjectToCorrection(Correction correction, string reason, Actor by, DateTime now)
    {
        ActAs(by);
        PaperWorkflow.Ensure(State, PaperAction.ObjectToCorrection);
        EnsureOpen(correction, now);
        if (!correction.SignatoryAgencyCodes.Contains(by.AgencyCode))
        {
            throw new NotPermittedException($"Only the agencies that signed \"{Title}\" may object to its correction; {by.AgencyCode} did not.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleBrokenException("objection-without-reason", "An objection says why.");
        }

        correction.Object(by, reason.Trim(), now);
        PendingCorrectionRevision = null;
        Version++;
        Raise(DomainEvent.Of(new CorrectionObjected(Id, correction.RevisionNumber, by.AgencyCode, by.Email, by.OnBehalfOf, correction.Objection), Subject, Participants,
            new Notice("correction-objected",
                State == PaperState.Published
                    ? $"{by.AgencyCode} objects to the correction of \"{Title}\" (revision {correction.RevisionNumber}): {correction.Objection}. The published text stays as it was."
                    : $"{by.AgencyCode} objects to the correction of \"{Title}\" (revision {correction.RevisionNumber}): {correction.Objection}. The paper is back in drafting for a full round.",
                [.. ParticipatingAgencyCodes], [by.Email])));
        if (State == PaperState.SignedOff)
        {
            // The corrected text is the latest revision; it now needs every agency's word.
            ChangeState(PaperState.Drafting);
        }
    }

    /// <summary>At the end of its silence period with no objection, the correction becomes the approved (and published) text. Does nothing otherwise.</summary>
    public bool AdoptCorrectionIfDue(Correction correction, DateTime now)
    {
        ActAs(Actor.System);
        if (correction.Status != CorrectionStatus.Pending || now < correction.Deadline || correction.PaperId != Id
            || State is not (PaperState.SignedOff or PaperState.Published) || CurrentRound is not { Status: RoundStatus.Completed } approved)
        {
            return false;
        }

        var round = Round.CarryOver(approved, LastRoundNumber + 1, correction.RevisionNumber, correction.ContentHash, now, correction.ProposedBy);
        rounds.Add(round);
        LastRoundNumber = round.Number;
        correction.Adopt(now);
        PendingCorrectionRevision = null;
        CorrectedAt = now;
        var published = State == PaperState.Published;
        if (published)
        {
            PublishedRevisionNumber = correction.RevisionNumber;
            PublishedContentHash = correction.ContentHash;
        }

        Version++;
        Raise(DomainEvent.Of(
            new CorrectionAdopted(Id, round.Number, approved.Number, correction.RevisionNumber, correction.CorrectedRevisionNumber, correction.ContentHash, published,
                [.. round.Agencies.Select(a => new AgencyOutcome(a.AgencyCode, a.Status.ToString()))]),
            Subject, published ? Audience.Everyone : Participants,
            new Notice("correction-adopted",
                $"The editorial correction of \"{Title}\" (revision {correction.RevisionNumber}) is adopted: no agency objected; every sign-off carries over{(published ? " and the published text is corrected" : "")}.",
                [.. ParticipatingAgencyCodes])));
        return true;
    }

    private static void EnsureOpen(Correction correction, DateTime now)
    {
        if (correction.Status != CorrectionStatus.Pending || now >= correction.Deadline)
        {
            throw new RuleBrokenException("correction-closed", correction.Status == CorrectionStatus.Pending
                ? "The period for objections to this correction has ended."
                : $"This correction is already {correction.Status.ToString().ToLowerInvariant()}.");
        }
    }

    public void Withdraw(Actor by, DateTime now)
    {
        ActAs(by);
        PaperWorkflow.Ensure(State, PaperAction.Withdraw);
        if (CurrentRound is { IsOpen: true } round)
        {
            CloseRound(round, (RoundStatus.Cancelled, RoundClosing.Cancelled, by.AgencyCode, null), now, "the paper was withdrawn",
                new Notice("round-cancelled", $"\"{Title}\" was withdrawn by {by.AgencyCode}; its sign-off round is cancelled.", [.. ParticipatingAgencyCodes]));
        }

        ChangeState(PaperState.Withdrawn);
    }

    private void Complete(Round round, RoundClosing closing, DateTime now, string reason)
    {
        // The minutes of a meeting, once adopted, are news of their own: the meeting's record is ready.
        CloseRound(round, (RoundStatus.Completed, closing, null, null), now, reason, Kind == PaperKind.Minutes
            ? new Notice("minutes-ready", $"The minutes \"{Title}\" (revision {round.RevisionNumber}) are signed off: {reason}.", [.. ParticipatingAgencyCodes])
            : new Notice("round-completed", $"\"{Title}\" (revision {round.RevisionNumber}) is signed off: {reason}.", [.. ParticipatingAgencyCodes]));
        ChangeState(PaperState.SignedOff);
    }

    private void CloseRound(Round round, (RoundStatus Status, RoundClosing Closing, string? ByAgencyCode, int? ByRevision) end, DateTime now, string reason, Notice? notice,
        (string AgencyCode, string? Reason)? objection = null)
    {
        var status = end.Status;
        round.Close(status, now, end.Closing, end.ByAgencyCode, end.ByRevision);
        Version++;
        Raise(DomainEvent.Of(
            new RoundClosed(Id, round.Number, round.RevisionNumber, status.ToString(), reason, objection?.AgencyCode, objection?.Reason,
                [.. round.Agencies.Select(a => new AgencyOutcome(a.AgencyCode, a.Status.ToString()))]),
            Subject, Participants, notice));
    }

    private void ChangeState(PaperState to, Audience? audience = null)
    {
        var from = State;
        State = to;
        Version++;
        Raise(DomainEvent.Of(new PaperStateChanged(Id, from.ToString(), to.ToString()), Subject, audience ?? Participants));
    }

    private void EnsureRevisionExists(int revision)
    {
        if (revision < 1 || revision > LatestRevisionNumber)
        {
            throw new RuleBrokenException("unknown-revision",
                LatestRevisionNumber == 0 ? "The paper has no revision yet." : $"The paper has revisions 1 to {LatestRevisionNumber}.",
                new Dictionary<string, object?> { ["currentRevision"] = LatestRevisionNumber });
        }
    }


    private static string Describe(DateTime at) => at.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
