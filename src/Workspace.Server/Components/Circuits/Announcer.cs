namespace Workspace.Server.Components.Circuits;

/// <summary>
/// The one polite status region of a page (UI.md §8), shared by the live parts of its circuit: each says a
/// short sentence, a burst is said as one.
/// </summary>
public sealed class Announcer
{
    public event Action<string>? Said;

    /// <summary>The person read a notification on this page: nothing enters the log for it, so the bell is told here.</summary>
    public event Action? NotificationsRead;

    public void ReadNotifications() => NotificationsRead?.Invoke();

    public void Say(string sentence)
    {
        if (!string.IsNullOrWhiteSpace(sentence))
        {
            Said?.Invoke(sentence);
        }
    }
}
