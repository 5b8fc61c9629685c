using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Data;

/// <summary>
/// What the event log (keyed and anchored, so it cannot be rewritten unnoticed) says about one paper: the
/// hash of each revision, each round's revision and hash, every decision and the published hash. The state
/// tables are checked against it before a text is served or published, and by the audit.
/// </summary>
public sealed partial class PaperLog
{
    public sealed record Decision(long Seq, DateTime At, int Round, int Revision, string ContentHash, string AgencyCode, string Value, string By, string? Comment,
        string? OnBehalfOf = null);

    public sealed record LoggedRound(int Number, int Revision, string ContentHash, string Procedure, DateTime Deadline, long OpenedSeq, DateTime OpenedAt, string OpenedBy)
    {
        public long? ClosedSeq { get; set; }

        public string? Status { get; set; }

        public DateTime? ClosedAt { get; set; }

        public IReadOnlyList<(string AgencyCode, string Status)> Outcome { get; set; } = [];

        /// <summary>For an adopted editorial correction: the round whose sign-offs it carries over.</summary>
        public int? CarriedOverFrom { get; set; }
    }

    public Guid PaperId { get; private init; }

    /// <summary>The paper's rows of the log, in order, as read.</summary>
    public IReadOnlyList<EventRecord> Rows { get; private set; } = [];

    public long? PublishedSeq { get; private set; }

    public IReadOnlyList<string> ParticipatingAgencyCodes { get; private set; } = [];

    public Dictionary<int, string> RevisionHashes { get; } = [];

    /// <summary>The hash of each revision of each language version, as written.</summary>
    public Dictionary<(string Language, int Number), string> VersionHashes { get; } = [];

    /// <summary>The last review of each language version: who confirmed (or sent back) which text against which original.</summary>
    public Dictionary<string, VersionReviewed> VersionReviews { get; } = new(StringComparer.Ordinal);

    public Dictionary<int, LoggedRound> Rounds { get; } = [];

    public List<Decision> Decisions { get; } = [];

    public string? PublishedHash { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    /// <summary>
    /// The hash of the text the last completed round approved, if any: by the log's own account, every
    /// participating agency approved that hash (its last decision in the round) or adopted it by silence.
    /// </summary>
    public string? ApprovedHash =>
        Rounds.Values.Where(r => r.Status == nameof(RoundStatus.Completed)).MaxBy(r => r.Number) is { } round ? ApprovedBy(round) : null;

    /// <summary>
    /// The round's hash if every agency approved it or adopted it by silence; for an adopted correction, if the
    /// round it carries over was so approved (nobody objected in the correction's silence period).
    /// </summary>
    private string? ApprovedBy(LoggedRound round)
    {
        if (round.CarriedOverFrom is { } from)
        {
            return Rounds.TryGetValue(from, out var carried) && ApprovedBy(carried) is not null ? round.ContentHash : null;
        }

        if (round.Outcome.Count == 0)
        {
            return null;
        }

        var approvedByAll = round.Outcome.All(o => o.Status switch
        {
            nameof(AgencySignOffStatus.AdoptedBySilence) => true,
            nameof(AgencySignOffStatus.Approved) => Decisions.LastOrDefault(d => d.Round == round.Number && d.AgencyCode == o.AgencyCode) is
            { Value: nameof(Domain.Papers.Decision.Approve) } last && last.ContentHash == round.ContentHash,
            _ => false,
        });
        return approvedByAll ? round.ContentHash : null;
    }

    public static async Task<PaperLog> ReadAsync(WorkspaceDb db, Guid paperId, CancellationToken ct)
    {
        var id = paperId.ToString();
        var rows = await db.Events.AsNoTracking().Where(e => e.SubjectKind == "paper" && e.SubjectId == id).OrderBy(e => e.Seq).ToListAsync(ct);
        return From(paperId, rows);
    }

    public static PaperLog From(Guid paperId, IEnumerable<EventRecord> rows)
    {
        var log = new PaperLog { PaperId = paperId, Rows = [.. rows] };
        foreach (var row in log.Rows)
        {
            if (row.TryRead<PaperCreated>(out var created))
            {
                log.ParticipatingAgencyCodes = [.. created.ParticipatingAgencyCodes];
            }
            else if (row.TryRead<ParticipantsAdded>(out var joined))
            {
                log.ParticipatingAgencyCodes = [.. joined.ParticipatingAgencyCodes];
            }
            else if (row.TryRead<RevisionAdded>(out var revision))
            {
                log.RevisionHashes[revision.Number] = revision.ContentHash;
            }
            else if (row.TryRead<VersionAdded>(out var version))
            {
                log.VersionHashes[(version.Language, version.Revision)] = version.ContentHash;
            }
            else if (row.TryRead<VersionReviewed>(out var reviewed))
            {
                log.VersionReviews[reviewed.Language] = reviewed;
            }
            else if (row.TryRead<RoundOpened>(out var opened))
            {
                log.Rounds[opened.Round] = new LoggedRound(opened.Round, opened.Revision, opened.ContentHash, opened.Procedure, opened.Deadline.UtcDateTime,
                    row.Seq, row.OccurredAt, row.Actor);
            }
            else if (row.TryRead<SignOffRecorded>(out var signOff))
            {
                // Sign-offs recorded before the revision and hash were written take them from their round.
                var round = log.Rounds.GetValueOrDefault(signOff.Round);
                log.Decisions.Add(new Decision(row.Seq, row.OccurredAt, signOff.Round, signOff.Revision ?? round?.Revision ?? 0,
                    signOff.ContentHash ?? round?.ContentHash ?? "", signOff.AgencyCode, signOff.Decision, signOff.By, signOff.Comment, signOff.OnBehalfOf));
            }
            else if (row.TryRead<RoundClosed>(out var ended) && log.Rounds.TryGetValue(ended.Round, out var closed))
            {
                closed.Status = ended.Status;
                closed.ClosedSeq = row.Seq;
                closed.ClosedAt = row.OccurredAt;
                closed.Outcome = [.. ended.Agencies.Select(a => (a.AgencyCode, a.Status))];
            }
            else if (row.TryRead<CorrectionAdopted>(out var adopted))
            {
                log.Rounds[adopted.Round] = new LoggedRound(adopted.Round, adopted.Revision, adopted.ContentHash, "Correction", row.OccurredAt, row.Seq, row.OccurredAt, row.Actor)
                {
                    Status = nameof(RoundStatus.Completed),
                    ClosedSeq = row.Seq,
                    ClosedAt = row.OccurredAt,
                    CarriedOverFrom = adopted.CarriedOverFromRound,
                    Outcome = [.. adopted.Agencies.Select(a => (a.AgencyCode, a.Status))],
                };
                if (adopted.Published)
                {
                    log.PublishedHash = adopted.ContentHash;
                }
            }
            else if (row.TryRead<PaperPublished>(out var published))
            {
                log.PublishedHash = published.ContentHash;
                log.PublishedAt = row.OccurredAt;
                log.PublishedSeq = row.Seq;
            }
        }

        return log;
    }

    /// <summary>Refuses (409 content-mismatch) a text whose hash is not the one the log recorded for that revision.</summary>
    public void EnsureRevision(int number, string body, ILogger logger)
    {
        if (RevisionHashes.GetValueOrDefault(number) is not { } logged || Revision.HashOf(body) != logged)
        {
            TextDiffersFromLog(logger, PaperId, number);
            throw new RuleBrokenException("content-mismatch",
                $"The stored text of revision {number} does not match the hash recorded in the event log when it was written. It is not served; the secretariat's audit (GET /api/audit/verify) reports it.");
        }
    }

    /// <summary>Refuses (409 content-mismatch) a version's text whose hash is not the one the log recorded for that revision of it.</summary>
    public void EnsureVersion(string language, int number, string body, ILogger logger)
    {
        if (VersionHashes.GetValueOrDefault((language, number)) is not { } logged || Revision.HashOf(body) != logged)
        {
            VersionDiffersFromLog(logger, PaperId, language, number);
            throw new RuleBrokenException("content-mismatch",
                $"The stored text of the {language} version, revision {number}, does not match the hash recorded in the event log when it was written. It is not served.");
        }
    }

    /// <summary>Whether the log's last review of the version in <paramref name="language"/> confirms exactly <paramref name="contentHash"/> against the original of <paramref name="originalHash"/>.</summary>
    public bool Confirms(string language, string contentHash, string originalHash) =>
        VersionReviews.TryGetValue(language, out var review) && review.Decision == nameof(VersionDecision.Confirm)
        && review.ContentHash == contentHash && review.BasedOnHash == originalHash;

    [LoggerMessage(Level = LogLevel.Error, Message = "Integrity: the stored text of paper {PaperId}'s {Language} version, revision {Number}, does not match the hash in the event log; refused to serve it.")]
    private static partial void VersionDiffersFromLog(ILogger logger, Guid paperId, string language, int number);

    [LoggerMessage(Level = LogLevel.Error, Message = "Integrity: the stored text of paper {PaperId} revision {Number} does not match the hash in the event log; refused to serve or publish it.")]
    private static partial void TextDiffersFromLog(ILogger logger, Guid paperId, int number);

    /// <summary>Every disagreement between the state tables and the log, in words.</summary>
    public static async Task<IReadOnlyList<string>> CheckStateAsync(WorkspaceDb db, CancellationToken ct)
    {
        var problems = new List<string>();
        var events = await db.Events.AsNoTracking().Where(e => e.SubjectKind == "paper").OrderBy(e => e.Seq).ToListAsync(ct);
        var logs = events.GroupBy(e => e.SubjectId).ToDictionary(g => g.Key, g => From(Guid.Parse(g.Key), g));
        PaperLog LogOf(Guid id) => logs.GetValueOrDefault(id.ToString()) ?? new PaperLog { PaperId = id };

        foreach (var paper in await db.Papers.AsNoTracking().Select(p => new { p.Id, p.ParticipatingAgencyCodes, p.State, p.PublishedContentHash }).ToListAsync(ct))
        {
            var log = LogOf(paper.Id);
            if (!log.ParticipatingAgencyCodes.Order(StringComparer.Ordinal).SequenceEqual(paper.ParticipatingAgencyCodes.Order(StringComparer.Ordinal)))
            {
                problems.Add($"Paper {paper.Id}: its participating agencies differ from those the log recorded.");
            }

            if (paper.State == PaperState.Published && (paper.PublishedContentHash != log.PublishedHash || log.PublishedHash != log.ApprovedHash))
            {
                problems.Add($"Paper {paper.Id}: the published hash is not the one the log recorded as approved and published.");
            }
        }

        await foreach (var revision in db.Revisions.AsNoTracking().Select(r => new { r.PaperId, r.Number, r.Body, r.ContentHash }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var logged = LogOf(revision.PaperId).RevisionHashes.GetValueOrDefault(revision.Number);
            if (Revision.HashOf(revision.Body) != revision.ContentHash || revision.ContentHash != logged)
            {
                problems.Add($"Paper {revision.PaperId}, revision {revision.Number}: the stored text does not match the hash the log recorded.");
            }
        }

        await foreach (var version in db.VersionRevisions.AsNoTracking().Select(r => new { r.PaperId, r.Language, r.Number, r.Body, r.ContentHash }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var logged = LogOf(version.PaperId).VersionHashes.GetValueOrDefault((version.Language, version.Number));
            if (Revision.HashOf(version.Body) != version.ContentHash || version.ContentHash != logged)
            {
                problems.Add($"Paper {version.PaperId}, {version.Language} version, revision {version.Number}: the stored text does not match the hash the log recorded.");
            }
        }

        foreach (var round in await db.Rounds.AsNoTracking().Select(r => new { r.Id, r.PaperId, r.Number, r.RevisionNumber, r.ContentHash }).ToListAsync(ct))
        {
            var logged = LogOf(round.PaperId).Rounds.GetValueOrDefault(round.Number);
            if (logged is null || logged.Revision != round.RevisionNumber || logged.ContentHash != round.ContentHash)
            {
                problems.Add($"Paper {round.PaperId}, round {round.Number}: its revision or hash differs from what the log recorded.");
            }
        }

        var decisions = await (from d in db.SignOffDecisions.AsNoTracking()
                               join r in db.Rounds on d.RoundId equals r.Id
                               select new { r.PaperId, Round = r.Number, d.AgencyCode, d.Decision, d.By }).ToListAsync(ct);
        foreach (var paper in decisions.GroupBy(d => d.PaperId))
        {
            var stored = paper.Select(d => $"{d.Round}/{d.AgencyCode}/{d.Decision}/{d.By}").Order(StringComparer.Ordinal);
            var logged = LogOf(paper.Key).Decisions.Select(d => $"{d.Round}/{d.AgencyCode}/{d.Value}/{d.By}").Order(StringComparer.Ordinal);
            if (!stored.SequenceEqual(logged))
            {
                problems.Add($"Paper {paper.Key}: its recorded sign-off decisions differ from those in the log.");
            }
        }

        return problems;
    }
}
