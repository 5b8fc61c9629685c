namespace Workspace.Server.Auth;

// Who may send a request, for rules that belong to no area: a request states one by implementing one of these
// interfaces (or an area's own, such as IPaperParticipantRequest), and the rule beside it enforces it.

/// <summary>Anyone, signed in or not (the public member directory, publications, sign-in itself).</summary>
public interface IPublicRequest;

/// <summary>Any signed-in person.</summary>
public interface ISignedInRequest;

/// <summary>People of the secretariat only.</summary>
public interface ISecretariatRequest;

/// <summary>The secretariat, or focal points of the agencies that co-chair the group today.</summary>
public interface ICoChairOrSecretariatRequest;

/// <summary>Focal points acting for their own agency, or the secretariat.</summary>
public interface IOwnAgencyRequest
{
    string AgencyCode { get; }
}

/// <summary>Timed work the server does by itself (deadlines, reminders); no person may send it.</summary>
public interface ISystemRequest;

internal sealed class PublicRule<T> : IAccessRule<T>
    where T : IPublicRequest
{
    public bool ForAnyone => true;

    public Task CheckAsync(T request, CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class SystemRule<T>(ICurrentUser me) : IAccessRule<T>
    where T : ISystemRequest
{
    public bool ForAnyone => true;

    public Task CheckAsync(T request, CancellationToken cancellationToken) =>
        me.IsAuthenticated ? throw new ForbiddenException("Only the server itself does this.") : Task.CompletedTask;
}

internal sealed class SignedInRule<T> : IAccessRule<T>
    where T : ISignedInRequest
{
    public Task CheckAsync(T request, CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class SecretariatRule<T>(ICurrentUser me) : IAccessRule<T>
    where T : ISecretariatRequest
{
    public Task CheckAsync(T request, CancellationToken cancellationToken) =>
        me.IsSecretariat ? Task.CompletedTask : throw new ForbiddenException("Only the secretariat may do this.");
}

internal sealed class CoChairOrSecretariatRule<T>(ICurrentUser me, CoChairs coChairs) : IAccessRule<T>
    where T : ICoChairOrSecretariatRequest
{
    public async Task CheckAsync(T request, CancellationToken cancellationToken)
    {
        if (!me.IsSecretariat && !await coChairs.IsCoChairAsync(me.AgencyCode, cancellationToken))
        {
            throw new ForbiddenException("Only the secretariat or focal points of the current co-chair agencies may do this.");
        }
    }
}

internal sealed class OwnAgencyRule<T>(ICurrentUser me) : IAccessRule<T>
    where T : IOwnAgencyRequest
{
    public Task CheckAsync(T request, CancellationToken cancellationToken) =>
        me.IsSecretariat || string.Equals(request.AgencyCode, me.AgencyCode, StringComparison.Ordinal)
            ? Task.CompletedTask
            : throw new ForbiddenException($"You act for {me.AgencyCode} only; this belongs to {request.AgencyCode}.");
}
