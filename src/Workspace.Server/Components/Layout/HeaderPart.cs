namespace Workspace.Server.Components.Layout;

/// <summary>
/// A part an area adds to every signed-in page's navigation (the notifications' bell, with the page's live status
/// region), so the layout knows no area. The component declares its own render mode.
/// </summary>
public sealed record HeaderPart(Type Component);
