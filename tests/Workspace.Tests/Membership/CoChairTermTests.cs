using System.Net;
using System.Net.Http.Json;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Membership;

public sealed class CoChairTermTestsOnSqlite(WorkspaceHost host) : CoChairTermTests<WorkspaceHost>(host);

public sealed class CoChairTermTestsOnPostgres(PostgresHost host) : CoChairTermTests<PostgresHost>(host);

public abstract class CoChairTermTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    [Fact]
    public async Task The_current_term_is_the_one_that_includes_today()
    {
        var client = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var current = await client.GetCurrentCoChairsAsync();

        Assert.Equal(["ILO", "UNHCR"], current.AgencyCodes);
        Assert.Equal(new DateOnly(2026, 1, 1), current.From);
        Assert.Equal(new DateOnly(2026, 12, 31), current.To);

        using var raw = await host.HttpFor(WorkspaceHost.FocalPoint("IOM"));
        var json = await raw.GetStringAsync("/api/cochairs/current");
        Assert.Contains("\"from\":\"2026-01-01\"", json);
    }

    [Theory]
    [InlineData("ILO")]
    [InlineData("ILO,ILO")]
    [InlineData("ILO,IOM,UNICEF")]
    [InlineData("ILO,NOT-A-MEMBER")]
    public async Task A_term_needs_exactly_two_distinct_member_agencies(string codes)
    {
        var agencyCodes = codes.Split(',');
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        var problem = await ProblemAssert.IsProblem(secretariat.PostAsJsonAsync("/api/cochair-terms",
            new { agencyCodes, from = "2030-01-01", to = "2030-12-31" }), HttpStatusCode.BadRequest, "validation");
        Assert.Contains("agencyCodes", ProblemAssert.ErrorFields(problem));
    }

    [Fact]
    public async Task A_term_ending_before_it_starts_is_400()
    {
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        var problem = await ProblemAssert.IsProblem(secretariat.PostAsJsonAsync("/api/cochair-terms",
            new { agencyCodes = new[] { "ILO", "IOM" }, from = "2031-12-31", to = "2031-01-01" }), HttpStatusCode.BadRequest);
        Assert.Contains("to", ProblemAssert.ErrorFields(problem));
    }

    [Fact]
    public async Task An_overlapping_term_is_409_and_is_not_stored()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var problem = await ProblemAssert.IsProblem(secretariat.Http.PostAsJsonAsync("/api/cochair-terms",
            new { agencyCodes = new[] { "OHCHR", "UNDP" }, from = "2026-12-01", to = "2027-02-01" }), HttpStatusCode.Conflict, "overlapping-term");
        Assert.True(problem.TryGetProperty("conflictingTermId", out _));

        var terms = await secretariat.Http.GetFromJsonAsync<List<Client.CoChairTerm>>("/api/cochair-terms", Client.WorkspaceClient.Json);
        Assert.DoesNotContain(terms!, t => t.AgencyCodes.Contains("OHCHR"));
    }

    [Fact]
    public async Task Only_the_secretariat_sets_terms()
    {
        var coChair = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));
        await ProblemAssert.IsProblem(coChair.PostAsJsonAsync("/api/cochair-terms",
            new { agencyCodes = new[] { "ILO", "IOM" }, from = "2032-01-01", to = "2032-12-31" }), HttpStatusCode.Forbidden);
    }
}

/// <summary>Moves its host's clock into the next year, so it has a host of its own.</summary>
public sealed class CoChairTermChangeTestsOnSqlite(WorkspaceHost host) : CoChairTermChangeTests<WorkspaceHost>(host);

public sealed class CoChairTermChangeTestsOnPostgres(PostgresHost host) : CoChairTermChangeTests<PostgresHost>(host);

public abstract class CoChairTermChangeTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    [Fact]
    public async Task The_secretariat_sets_next_years_term_and_co_chairs_change_when_the_year_turns()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var response = await secretariat.Http.PostAsJsonAsync("/api/cochair-terms",
            new { agencyCodes = new[] { "IOM", "UNICEF" }, from = "2027-01-01", to = "2027-12-31" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.Location);

        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        Assert.False((await iom.GetMeAsync()).IsCoChair);
        Assert.True((await ilo.GetMeAsync()).IsCoChair);

        host.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 0, 0, 1, TimeSpan.Zero));
        iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        Assert.True((await iom.GetMeAsync()).IsCoChair);
        Assert.False((await ilo.GetMeAsync()).IsCoChair);
        Assert.Equal(["IOM", "UNICEF"], (await iom.GetCurrentCoChairsAsync()).AgencyCodes);

        var events = await iom.ReadEventsAsync(0, 1000);
        Assert.Contains(events, e => e.Type == "cochair-term.created" && e.Data.GetProperty("agencyCodes")[0].GetString() == "IOM");
    }
}
