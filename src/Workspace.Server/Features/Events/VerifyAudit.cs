using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Events;

/// <summary>The secretariat's check of the event log and the state it records (<see cref="LogAudit"/>).</summary>
public static class VerifyAudit
{
    public sealed record Query : IQuery<AuditView>, ISecretariatRequest;

    internal sealed class Handler(WorkspaceDb db, ChainKeys keys, LogAnchor anchor) : IRequestHandler<Query, AuditView>
    {
        public Task<AuditView> Handle(Query query, CancellationToken cancellationToken) => LogAudit.VerifyAsync(db, keys, anchor, cancellationToken);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/audit/verify", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .WithTags("Events")
            .WithName("VerifyAudit")
            .WithSummary("Verify the event log (secretariat)")
            .WithDescription("Recomputes the keyed hash chain, compares the log with its head row and with the anchor kept outside the database, and checks every revision's text, every sign-off and every publication against the log. `ok` is false on any finding; `firstBrokenSeq` says where the chain breaks; `problems` says each finding in words. See docs/security.md for what this proves and what it cannot.");
}
