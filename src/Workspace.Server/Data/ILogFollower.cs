namespace Workspace.Server.Data;

/// <summary>
/// Acts on each event once it is committed, as this node's relay reads the log (after commit, in order):
/// how timed work follows the papers and meetings without any handler scheduling it.
/// </summary>
public interface ILogFollower
{
    void Follow(EventRecord e);
}
