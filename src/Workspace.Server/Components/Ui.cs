namespace Workspace.Server.Components;

/// <summary>
/// The web UI's strings. Each is written in English where it is used (<c>T["Sign in"]</c>), which is also its
/// key; <c>Ui.fr.resx</c> holds the French. A string without a translation shows in English.
/// </summary>
public sealed class Ui;
