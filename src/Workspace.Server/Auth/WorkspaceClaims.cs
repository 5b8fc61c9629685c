namespace Workspace.Server.Auth;

public static class WorkspaceClaims
{
    public const string Agency = "agency";
    public const string DisplayName = "display_name";

    /// <summary>On a principal that stands for a person through their calendar feed's secret, and nothing else.</summary>
    public const string CalendarFeed = "calendar_feed";

    /// <summary>On the identity provider's answer, kept only until <c>/login/sso/done</c> turns it into a session.</summary>
    public const string ProviderAnswer = "workspace_provider_answer";
}
