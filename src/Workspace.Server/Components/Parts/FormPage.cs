using Microsoft.AspNetCore.Components;

namespace Workspace.Server.Components.Parts;

/// <summary>
/// A statically rendered page with several forms. A form is dispatched only if the page renders it while its
/// post is handled, so a form the page would no longer offer (the paper or meeting changed meanwhile) is still
/// rendered for its own post: its handler then says what changed, instead of the framework's bare 400.
/// </summary>
public abstract class FormPage : ComponentBase
{
    private bool handled;

    [CascadingParameter] protected HttpContext? HttpContext { get; set; }

    protected bool Posting(string form) => !handled && HttpMethods.IsPost(HttpContext?.Request.Method ?? "")
        && HttpContext!.Request.HasFormContentType && HttpContext.Request.Form["_handler"] == form;

    /// <summary>Called first by each form's handler: from then on the page shows only what it offers.</summary>
    protected void Handled() => handled = true;
}
