namespace Workspace.Server.Locale;

/// <summary>The languages the interface, the notices and the mail are offered in, by their culture names.</summary>
public static class Languages
{
    public static readonly IReadOnlyList<string> Offered = ["en", "fr"];
}
