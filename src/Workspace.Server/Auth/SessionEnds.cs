namespace Workspace.Server.Auth;

/// <summary>A session that ended (signed out), or every session of a person (password changed, agency set).</summary>
public sealed record SessionEnd(Guid? SessionId, Guid? PersonId);

/// <summary>
/// Sessions that ended in a committed command, told to whoever holds something open for them on this node (the
/// hub's connections), so that no command needs to know who that is.
/// </summary>
public sealed class SessionEnds
{
    public event Action<SessionEnd>? Ended;

    internal void Announce(SessionEnd end) => Ended?.Invoke(end);
}
