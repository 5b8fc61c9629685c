using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Papers;

public sealed class DemoPapersTestsOnSqlite(WorkspaceHost host) : DemoPapersTests<WorkspaceHost>(host);

public sealed class DemoPapersTestsOnPostgres(PostgresHost host) : DemoPapersTests<PostgresHost>(host);

public abstract class DemoPapersTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    [Fact]
    public async Task The_demo_group_has_a_published_brief_a_statement_in_sign_off_and_a_draft()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var states = (await secretariat.ListPapersAsync()).Select(p => p.State).ToHashSet();
        Assert.Superset(new HashSet<string> { "Published", "InSignOff", "Drafting" }, states);

        var publication = Assert.Single(await secretariat.ListPublicationsAsync());
        Assert.Contains("armed conflict", publication.Title, StringComparison.Ordinal);

        var statement = (await secretariat.ListPapersAsync()).Single(p => p.State == "InSignOff");
        var round = (await secretariat.GetPaperAsync(statement.Id)).Round!;
        Assert.Equal("Silence", round.Procedure);
        Assert.True(round.Deadline > host.Clock.GetUtcNow());
        Assert.Contains(round.Agencies, a => a is { AgencyCode: "IOM", Status: "Approved" });

        // The seeded round asked every participating agency: their focal points have it in their notifications.
        var unhcr = await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"));
        Assert.Contains(await unhcr.ListNotificationsAsync(), n => n.Kind == "round-opened" && n.Subject.Id == statement.Id.ToString());
        var who = await host.ClientFor(WorkspaceHost.FocalPoint("WHO"));
        Assert.Empty(await who.ListPapersAsync());
    }

    [Fact]
    public async Task The_demo_group_has_a_plenary_in_Vienna_for_everyone_and_a_working_group_call_for_its_members()
    {
        var who = await host.ClientFor(WorkspaceHost.FocalPoint("WHO"));
        var plenary = Assert.Single(await who.ListMeetingsAsync());
        Assert.Equal(("Plenary", "Europe/Vienna", 15), (plenary.Kind, plenary.TimeZone, plenary.StartsAt.Hour));
        Assert.Equal(3, plenary.Agenda.Count);

        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        Assert.Contains(await iom.ListMeetingsAsync(), m => m.Kind == "WorkingGroup" && m.TimeZone == "Europe/Zurich");
    }
}
