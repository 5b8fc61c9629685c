using System.Security.Cryptography;
using System.Text;

namespace Workspace.Server.Domain.Papers;

/// <summary>One numbered text of a paper, never changed once written.</summary>
public sealed class Revision
{
    private Revision()
    {
    }

    internal Revision(Guid paperId, int number, string body, Actor author, DateTime createdAt)
    {
        PaperId = paperId;
        Number = number;
        Body = body;
        ContentHash = HashOf(body);
        Author = author.Email;
        AuthorAgencyCode = author.AgencyCode;
        CreatedAt = createdAt;
    }

    public Guid PaperId { get; private set; }

    public int Number { get; private set; }

    /// <summary>Markdown.</summary>
    public string Body { get; private set; } = "";

    /// <summary><c>sha256:</c> and the lower-case hex SHA-256 of the UTF-8 body: what every sign-off is bound to.</summary>
    public string ContentHash { get; private set; } = "";

    public string Author { get; private set; } = "";

    public string AuthorAgencyCode { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public static string HashOf(string body) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}

/// <summary>A remark on one revision of a paper.</summary>
public sealed class PaperComment
{
    private PaperComment()
    {
    }

    internal PaperComment(Guid paperId, int revision, string text, Actor author, DateTime createdAt)
    {
        Id = Guid.CreateVersion7();
        PaperId = paperId;
        RevisionNumber = revision;
        Text = text;
        Author = author.Email;
        AuthorAgencyCode = author.AgencyCode;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid PaperId { get; private set; }

    public int RevisionNumber { get; private set; }

    public string Text { get; private set; } = "";

    public string Author { get; private set; } = "";

    public string AuthorAgencyCode { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }
}
