namespace Workspace.Server.Locale;

/// <summary>
/// The web UI's strings. Each is written in English where it is used (<c>T["Sign in"]</c>), which is also its
/// key; <c>Ui.{fr,es,ru,zh,ar}.resx</c> hold the five other languages. The pages, the notices and the mail share them. A string without a translation shows in English.
/// </summary>
public sealed class Ui;
