using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Mail;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Mail;

/// <summary>
/// The link at the foot of a message, and its <c>List-Unsubscribe</c> header (one click, RFC 8058): stops that
/// kind of mail for the person it was sent to, with no sign-in; the digest's link stops every kind taken as a
/// digest. The sealed link is the authority: it names the person and the kind, and nothing else.
/// </summary>
public static class Unsubscribe
{
    public sealed record Command(string? Token) : ICommand<Result>, IPublicRequest;

    /// <param name="Kinds">The kinds now off.</param>
    public sealed record Result(string Kind, IReadOnlyList<string> Kinds);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(400);
    }

    internal sealed class Handler(WorkspaceDb db, MailLinks links, MailCatalog catalog) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var (personId, kind) = links.ReadUnsubscribe(command.Token) is { } link && (link.Kind == MailCatalog.Digest || catalog.Find(link.Kind) is not null)
                && await db.Users.AnyAsync(p => p.Id == link.PersonId, cancellationToken)
                    ? link
                    : throw new NotFoundException("unsubscribe link", "t");
            var off = kind == MailCatalog.Digest
                ? (await MailSettingsView.ForAsync(db, catalog, personId, cancellationToken)).Kinds.Where(k => k.Value == MailMode.Digest).Select(k => k.Key).ToList()
                : [kind];
            await MailSettingsView.ChooseAsync(db, catalog, personId, off.ToDictionary(k => k, _ => MailMode.Off), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new Result(kind, off);
        }
    }

    public static void Map(RouteGroupBuilder mail) =>
        mail.MapPost("/unsubscribe", async (string? t, IMediator mediator, CancellationToken ct) => await mediator.Send(new Command(t), ct))
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithName("Unsubscribe")
            .WithSummary("Stop a kind of mail (one click)")
            .WithDescription("The address of a message's `List-Unsubscribe` header (`List-Unsubscribe-Post: List-Unsubscribe=One-Click`): `t` names the person and the kind. No sign-in. A link not made by this workspace → 404.");
}
