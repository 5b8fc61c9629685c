using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Mail;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Mail;

/// <summary>A person chooses, per kind, whether mail comes at once, in the morning digest, or not at all.</summary>
public static class UpdateMyMailSettings
{
    public sealed record Command(IReadOnlyDictionary<string, MailMode>? Kinds) : ICommand<MailSettingsView>, ISignedInRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(MailCatalog catalog)
        {
            RuleFor(c => c.Kinds).NotNull().WithMessage("Name the kinds of mail to change, such as {\"round-opened\": \"Immediate\"}.");
            RuleFor(c => c.Kinds!)
                .Must(kinds => kinds.Keys.All(k => catalog.Find(k) is not null))
                .WithMessage(c => $"There is no kind of mail {string.Join(", ", c.Kinds!.Keys.Where(k => catalog.Find(k) is null).Select(k => $"\"{k}\""))}; the kinds are {string.Join(", ", catalog.All.Select(m => m.Name))}.")
                .Must(kinds => kinds.Values.All(Enum.IsDefined))
                .WithMessage("Each kind is Off, Immediate or Digest.")
                .Must(kinds => !kinds.Any(k => k.Value == MailMode.Digest && catalog.Find(k.Key) is { Invitation: true }))
                .WithMessage("Invitations (meeting-scheduled, meeting-rescheduled, meeting-cancelled) carry a calendar invitation, which calendars act on only as it comes: Off or Immediate.")
                .When(c => c.Kinds is not null);
        }
    }

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, MailCatalog catalog) : IRequestHandler<Command, MailSettingsView>
    {
        public async Task<MailSettingsView> Handle(Command command, CancellationToken cancellationToken)
        {
            await MailSettingsView.ChooseAsync(db, catalog, me.Id, command.Kinds!, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return await MailSettingsView.ForAsync(db, catalog, me.Id, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapPut("/mail-settings", async (Command body, IMediator mediator, CancellationToken ct) => await mediator.Send(body, ct))
            .WithName("UpdateMyMailSettings")
            .WithSummary("Choose which mail I receive, and how")
            .WithDescription("`kinds`: the kinds to change (others keep theirs), each `Off`, `Immediate` or `Digest`. Invitations (`meeting-scheduled`, `meeting-rescheduled`, `meeting-cancelled`) are never gathered in a digest. Unknown kind or value → 400.");
}
