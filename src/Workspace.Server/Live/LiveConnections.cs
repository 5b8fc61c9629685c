using System.Collections.Concurrent;

namespace Workspace.Server.Live;

/// <summary>The live subscribers of this node (hub connections, page circuits), each with what its person may see.</summary>
public sealed class LiveConnections
{
    private readonly ConcurrentDictionary<string, ILiveSubscriber> subscribers = new();

    /// <summary>A session that ends (signed out, password changed, agency set) has its connections on this node cut.</summary>
    public LiveConnections(Auth.SessionEnds ends) => ends.Ended += end => Drop(end.SessionId, end.PersonId);

    public IEnumerable<ILiveSubscriber> All => subscribers.Values;

    public int Count => subscribers.Count;

    public void Add(ILiveSubscriber subscriber) => subscribers[subscriber.Id] = subscriber;

    public ILiveSubscriber? Remove(string connectionId)
    {
        if (subscribers.TryRemove(connectionId, out var subscriber))
        {
            subscriber.Complete();
        }

        return subscriber;
    }

    public ILiveSubscriber? Find(string connectionId) => subscribers.GetValueOrDefault(connectionId);

    /// <summary>Cuts this node's connections of a session (signed out) or of a person (password changed).</summary>
    public int Drop(Guid? sessionId = null, Guid? personId = null)
    {
        var dropped = 0;
        foreach (var subscriber in subscribers.Values.Where(s => (sessionId is not null && s.SessionId == sessionId) || (personId is not null && s.PersonId == personId)))
        {
            subscriber.Drop();
            dropped++;
        }

        return dropped;
    }
}
