using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Membership;

public sealed class AuthTestsOnSqlite(WorkspaceHost host) : AuthTests<WorkspaceHost>(host);

public sealed class AuthTestsOnPostgres(PostgresHost host) : AuthTests<PostgresHost>(host);

public abstract class AuthTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    [Fact]
    public async Task Secretariat_signs_in_and_sees_itself()
    {
        var client = await host.ClientFor(WorkspaceHost.Secretariat);
        var me = await client.GetMeAsync();

        Assert.Equal("Bearer", client.Token!.TokenType);
        Assert.True(client.Token.ExpiresIn > 0);
        Assert.False(string.IsNullOrEmpty(client.Token.RefreshToken));
        Assert.Equal(WorkspaceHost.Secretariat, me.Email);
        Assert.Equal("UNODC", me.AgencyCode);
        Assert.Equal(["Secretariat"], me.Roles);
        Assert.False(me.IsCoChair);
    }

    [Fact]
    public async Task A_focal_point_of_a_co_chair_agency_is_a_co_chair()
    {
        var ilo = await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).GetMeAsync();
        var iom = await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).GetMeAsync();

        Assert.Equal(["FocalPoint"], ilo.Roles);
        Assert.Equal("ILO", ilo.AgencyCode);
        Assert.True(ilo.IsCoChair);
        Assert.False(iom.IsCoChair);
    }

    [Fact]
    public async Task A_wrong_password_is_401_and_does_not_say_which_part_was_wrong()
    {
        using var http = host.Anonymous();
        var wrongPassword = await ProblemAssert.IsProblem(
            http.PostAsJsonAsync("/api/auth/login", new { email = WorkspaceHost.FocalPoint("UNICEF"), password = "not-the-password" }),
            HttpStatusCode.Unauthorized, "wrong-credentials");
        var unknownAddress = await ProblemAssert.IsProblem(
            http.PostAsJsonAsync("/api/auth/login", new { email = "nobody@nowhere.demo", password = "not-the-password" }),
            HttpStatusCode.Unauthorized, "wrong-credentials");

        Assert.Equal(wrongPassword.GetProperty("detail").GetString(), unknownAddress.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401()
    {
        using var http = host.Anonymous();
        await ProblemAssert.IsProblem(http.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "unauthenticated");
        await ProblemAssert.IsProblem(http.GetAsync("/api/agencies"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forged_token_is_not_accepted()
    {
        using var http = host.Anonymous();
        http.DefaultRequestHeaders.Authorization = new("Bearer", "CfDJ8-not-a-real-token");
        await ProblemAssert.IsProblem(http.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_working_access_token()
    {
        using var http = host.Anonymous();
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = WorkspaceHost.FocalPoint("WHO"), password = WorkspaceHost.Password });
        var token = await login.Content.ReadFromJsonAsync<JsonElement>();

        var refreshed = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = token.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var next = await refreshed.Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", next.GetProperty("accessToken").GetString());
        var me = await http.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("WHO", me.GetProperty("agencyCode").GetString());

        await ProblemAssert.IsProblem(http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "garbage" }), HttpStatusCode.Unauthorized);
    }
}
