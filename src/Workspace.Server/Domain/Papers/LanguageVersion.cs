namespace Workspace.Server.Domain.Papers;

/// <summary>The six official languages of the United Nations, by their codes: a paper's original is in one, its versions in the others.</summary>
public static class OfficialLanguages
{
    public static readonly IReadOnlyList<string> Codes = ["en", "fr", "es", "ru", "zh", "ar"];

    public static bool Contains(string? language) => language is not null && Codes.Contains(language, StringComparer.Ordinal);

    /// <summary>Where the language stands in the usual order of the six (English, French, Spanish, Russian, Chinese, Arabic).</summary>
    public static int Position(string language)
    {
        for (var i = 0; i < Codes.Count; i++)
        {
            if (Codes[i] == language)
            {
                return i;
            }
        }

        return Codes.Count;
    }
}

/// <summary>Where a language version stands against the original.</summary>
public enum VersionStatus
{
    /// <summary>Written on the original's latest revision, not yet checked.</summary>
    Draft,

    /// <summary>The original got a new revision (or an editorial correction) since the version was written: it must be brought up to date.</summary>
    OutOfDate,

    /// <summary>A reviewer of the language checked it against the exact original it names.</summary>
    Confirmed,

    /// <summary>A reviewer sent it back, with a reason.</summary>
    SentBack,
}

public enum VersionDecision
{
    Confirm,
    SendBack,
}

/// <summary>
/// A paper's text in another official language, tied by hash to the one revision of the original it translates. It
/// has revisions of its own; a reviewer of the language confirms one against the original, or sends it back.
/// </summary>
public sealed class LanguageVersion
{
    private LanguageVersion()
    {
    }

    internal LanguageVersion(Guid paperId, string language)
    {
        PaperId = paperId;
        Language = language;
    }

    public Guid PaperId { get; private set; }

    public string Language { get; private set; } = "";

    /// <summary>The version's latest revision (its own numbering, from 1).</summary>
    public int Revision { get; private set; }

    public string ContentHash { get; private set; } = "";

    /// <summary>The revision of the original the latest revision translates, and that revision's hash.</summary>
    public int BasedOnRevision { get; private set; }

    public string BasedOnHash { get; private set; } = "";

    public VersionStatus Status { get; private set; }

    public string Author { get; private set; } = "";

    public string AuthorAgencyCode { get; private set; } = "";

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Who last reviewed the latest revision, when, and the reason they gave for sending it back.</summary>
    public string? Reviewer { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>
    /// The revision a reviewer confirmed, while it is the latest: it stays a checked translation of the original it names
    /// even once the original moves on (out of date for the next text, still good for the one it translates).
    /// </summary>
    public int? ConfirmedRevision { get; private set; }

    /// <summary>Whether this version's latest text stands confirmed against exactly the original text of <paramref name="originalHash"/>.</summary>
    public bool IsConfirmedAgainst(string originalHash) => ConfirmedRevision == Revision && BasedOnHash == originalHash;

    internal VersionRevision Next(string body, int basedOnRevision, string basedOnHash, Actor author, DateTime now)
    {
        var revision = new VersionRevision(PaperId, Language, Revision + 1, body, basedOnRevision, basedOnHash, author, now);
        Revision = revision.Number;
        ContentHash = revision.ContentHash;
        BasedOnRevision = basedOnRevision;
        BasedOnHash = basedOnHash;
        Status = VersionStatus.Draft;
        Author = author.Email;
        AuthorAgencyCode = author.AgencyCode;
        UpdatedAt = now;
        Reviewer = null;
        ReviewedAt = null;
        Reason = null;
        ConfirmedRevision = null;
        return revision;
    }

    internal void Review(VersionDecision decision, string? reason, Actor by, DateTime now)
    {
        Status = decision == VersionDecision.Confirm ? VersionStatus.Confirmed : VersionStatus.SentBack;
        Reviewer = by.Email;
        ReviewedAt = now;
        Reason = decision == VersionDecision.SendBack ? reason : null;
        ConfirmedRevision = decision == VersionDecision.Confirm ? Revision : null;
    }

    internal void MarkOutOfDate() => Status = VersionStatus.OutOfDate;
}

/// <summary>One numbered text of a language version, never changed once written.</summary>
public sealed class VersionRevision
{
    private VersionRevision()
    {
    }

    internal VersionRevision(Guid paperId, string language, int number, string body, int basedOnRevision, string basedOnHash, Actor author, DateTime createdAt)
    {
        PaperId = paperId;
        Language = language;
        Number = number;
        Body = body;
        ContentHash = Papers.Revision.HashOf(body);
        BasedOnRevision = basedOnRevision;
        BasedOnHash = basedOnHash;
        Author = author.Email;
        AuthorAgencyCode = author.AgencyCode;
        CreatedAt = createdAt;
    }

    public Guid PaperId { get; private set; }

    public string Language { get; private set; } = "";

    public int Number { get; private set; }

    /// <summary>Markdown, in the version's language.</summary>
    public string Body { get; private set; } = "";

    public string ContentHash { get; private set; } = "";

    public int BasedOnRevision { get; private set; }

    public string BasedOnHash { get; private set; } = "";

    public string Author { get; private set; } = "";

    public string AuthorAgencyCode { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }
}

/// <summary>The people the secretariat names to check the versions in one language: people of any member agency.</summary>
public sealed class LanguageReviewers
{
    private LanguageReviewers()
    {
    }

    public LanguageReviewers(string language) => Language = language;

    public string Language { get; private set; } = "";

    /// <summary>Addresses, in lower case, sorted.</summary>
    public List<string> Emails { get; private set; } = [];

    public DateTime? ChangedAt { get; private set; }

    public string? ChangedBy { get; private set; }

    public void Change(IEnumerable<string> emails, Actor by, DateTime now)
    {
        Emails = [.. emails.Select(e => e.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        ChangedAt = now;
        ChangedBy = by.Email;
    }
}
