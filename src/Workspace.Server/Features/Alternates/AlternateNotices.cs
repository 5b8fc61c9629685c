using Workspace.Server.Data;
using Workspace.Server.Mail;

namespace Workspace.Server.Features.Alternates;

/// <summary>What a person is told when someone names them their alternate.</summary>
internal sealed class AlternateNotices : INoticeTemplates
{
    public int Order => 1;

    public IReadOnlyList<MailKind> Kinds { get; } =
    [
        new("alternate-named", MailMode.Immediate, false, "I am named someone's alternate", "Je suis désigné(e) suppléant(e)"),
    ];

    public Task<MailSubject> PrepareAsync(WorkspaceDb db, string kind, Subject subject, DateTime now, CancellationToken ct) => Task.FromResult(new MailSubject(""));

    public MailDraft? Draft(string kind, object? data, MailSubject about, MailReader reader)
    {
        if (data is not AlternateNamed named)
        {
            return null;
        }

        var settingsPage = reader.Page("settings/alternate");
        return reader.French
            ? new("Vous êtes désigné(e) suppléant(e)", [reader.Dear, $"{named.Email} vous a désigné(e) comme suppléant(e) du {reader.When(named.From)} au {reader.When(named.To)} : vous pouvez agir en son nom, et vos actes porteront vos deux noms."], "Voir", settingsPage)
            : new("You are named an alternate", [reader.Dear, $"{named.Email} named you their alternate from {reader.When(named.From)} to {reader.When(named.To)}: you may act for them, and your acts will carry both names."], "See", settingsPage);
    }
}
