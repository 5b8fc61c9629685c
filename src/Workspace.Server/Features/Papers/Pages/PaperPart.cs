using Microsoft.AspNetCore.Components;
using Workspace.Server.Auth;
using Workspace.Server.Components.Circuits;
using Workspace.Server.Components.Parts;

namespace Workspace.Server.Features.Papers.Pages;

/// <summary>
/// A part of the paper's page: it shows what the page read (<see cref="PaperPageModel"/>) and, where it has a form,
/// sends its request, goes back to the page with a word of what was done, or reports the refusal in the page's
/// error summary and has the page read again.
/// </summary>
public abstract class PaperPart : FormPage
{
    [Parameter, EditorRequired] public PaperPageModel Model { get; set; } = null!;

    [Inject] protected PageSender Sender { get; set; } = null!;

    [Inject] protected ICurrentUser Me { get; set; } = null!;

    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    /// <summary>Sends what <paramref name="send"/> sends; on success opens the page again with <paramref name="done"/>, else shows why.</summary>
    /// <param name="explain">Run once the page has read again after a refusal: to say better what happened.</param>
    protected Task SubmitAsync(Func<Task> send, string field, string done, IReadOnlyDictionary<string, string>? renames = null, int? revision = null,
        Action? explain = null) => SubmitAsync(send, field, () => done, renames, revision, explain);

    /// <summary>The same, where what was done depends on the answer (<paramref name="done"/> is asked once it came).</summary>
    protected async Task SubmitAsync(Func<Task> send, string field, Func<string> done, IReadOnlyDictionary<string, string>? renames = null, int? revision = null,
        Action? explain = null)
    {
        Handled();
        if (await Model.Errors.TryAsync(send, field, renames))
        {
            Navigation.NavigateTo($"/papers/{Model.PaperId}?{(revision is { } r ? $"revision={r}&" : "")}done={done()}");
            return;
        }

        await RefusedAsync(explain);
    }

    /// <summary>A field the part itself found wrong before sending anything: the page shows only that.</summary>
    protected Task RefuseAsync(string field, string message)
    {
        Model.Errors.Clear();
        Model.Errors.Add(field, message);
        return RefusedAsync();
    }

    /// <summary>After a refusal: the page reads again and shows why.</summary>
    protected async Task RefusedAsync(Action? explain = null)
    {
        Handled();
        await Model.ReloadAsync();
        explain?.Invoke();
        Model.Render();
    }
}
