using Workspace.Server.Data;

namespace Workspace.Server.Live;

/// <summary>
/// Whatever the relay delivers live events to on this node: a hub connection today, a page's circuit with
/// the web UI. One audience rule decides for all of them (<see cref="EventAudience"/>).
/// </summary>
public interface ILiveSubscriber
{
    /// <summary>Unique on this node.</summary>
    string Id { get; }

    /// <summary>The session and person behind it, so ending a session or a password change cuts it.</summary>
    Guid? SessionId { get; }

    Guid PersonId { get; }

    bool MaySee(EventRecord e);

    /// <summary>Never waits: a subscriber that cannot keep up is told to resume instead.</summary>
    void Offer(EventEnvelope envelope);

    /// <summary>Cuts it; a client reconnects and resumes from the last seq it saw.</summary>
    void Drop();

    /// <summary>No more events: it has gone.</summary>
    void Complete();
}
