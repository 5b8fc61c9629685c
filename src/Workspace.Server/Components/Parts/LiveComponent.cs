using Microsoft.AspNetCore.Components;
using Workspace.Server.Components.Circuits;
using Workspace.Server.Data;

namespace Workspace.Server.Components.Parts;

/// <summary>
/// A part of a page that changes by itself: once interactive, it hears every event its person may see and
/// reads its view again when one concerns it (or when some may have been missed); when the session ends,
/// the page reloads and the sign-in decides what it shows.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private IDisposable? subscription;

    [Inject] protected PageFeed Feed { get; set; } = default!;

    [Inject] protected Announcer Announcer { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // Listening starts before the first read: whatever commits after it is heard, so nothing falls between the two.
        if (RendererInfo.IsInteractive)
        {
            subscription = Feed.Subscribe(OnEventsAsync, () => _ = InvokeAsync(() => Navigation.Refresh(forceReload: true)));
        }

        await LoadAsync();
    }

    /// <summary>Reads the view from the tables.</summary>
    protected abstract Task LoadAsync();

    /// <summary>Whether an event changes this view.</summary>
    protected abstract bool Concerns(EventEnvelope e);

    /// <summary>A short sentence for the status region about an event, or null.</summary>
    protected virtual string? Describe(EventEnvelope e) => null;

    private Task OnEventsAsync(LiveBatch batch)
    {
        var relevant = batch.Events.Where(Concerns).ToList();
        if (!batch.Missed && relevant.Count == 0)
        {
            return Task.CompletedTask;
        }

        return InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
            var sentences = relevant.Select(Describe).OfType<string>().ToList();
            if (sentences.Count > 0)
            {
                Announcer.Say(string.Join(" ", sentences.TakeLast(3)));
            }
        });
    }

    public void Dispose()
    {
        subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
