namespace Workspace.Server.Auth;

public static class SessionClaims
{
    public const string SessionId = "sid";
    public const string RefreshId = "rid";
}
