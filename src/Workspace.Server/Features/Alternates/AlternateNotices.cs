using Workspace.Server.Data;
using Workspace.Server.Mail;

namespace Workspace.Server.Features.Alternates;

/// <summary>What a person is told when someone names them their alternate.</summary>
internal sealed class AlternateNotices : INoticeTemplates
{
    public int Order => 1;

    public IReadOnlyList<MailKind> Kinds { get; } =
    [
        new("alternate-named", MailMode.Immediate, false, "I am named someone's alternate"),
    ];

    public Task<MailSubject> PrepareAsync(WorkspaceDb db, string kind, Subject subject, DateTime now, CancellationToken ct) => Task.FromResult(new MailSubject(""));

    public MailDraft? Draft(string kind, object? data, MailSubject about, MailReader reader)
    {
        if (data is not AlternateNamed named)
        {
            return null;
        }

        var settingsPage = reader.Page("settings/alternate");
        var t = reader.T;
        return new(t["You are named an alternate"],
            [reader.Dear, t["{0} named you their alternate from {1} to {2}: you may act for them, and your acts will carry both names.", named.Email, reader.When(named.From), reader.When(named.To)]],
            t["See"], settingsPage);
    }
}
