using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Mail;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Mail;

public static class GetMyMailSettings
{
    public sealed record Query : IQuery<MailSettingsView>, ISignedInRequest;

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, MailCatalog catalog) : IRequestHandler<Query, MailSettingsView>
    {
        public Task<MailSettingsView> Handle(Query query, CancellationToken cancellationToken) => MailSettingsView.ForAsync(db, catalog, me.Id, cancellationToken);
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapGet("/mail-settings", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .WithName("GetMyMailSettings")
            .WithSummary("Which mail I receive, and how")
            .WithDescription("`kinds`: every kind of mail (`round-opened`, `sign-off-reminder`, `meeting-scheduled`, …) with `Off`, `Immediate` or `Digest` (one message a day at 08:00 in my time zone).");
}
