using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Papers;

/// <summary>A deployment that wants two days' notice for every sign-off.</summary>
public sealed class TwoDaysNoticeHost : WorkspaceHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("SignOff:MinimumNotice", "2.00:00:00")];
}

public sealed class SignOffSettingsTests(TwoDaysNoticeHost host) : IClassFixture<TwoDaysNoticeHost>
{
    [Fact]
    public async Task A_deadline_closer_than_the_minimum_notice_is_400()
    {
        var (paper, _) = await DraftAsync(host, "Short notice");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var problem = await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/rounds",
            new { revision = 1, procedure = "Silence", deadline = host.Clock.GetUtcNow().AddDays(1) }), HttpStatusCode.BadRequest);
        Assert.Contains("deadline", ProblemAssert.ErrorFields(problem));

        var round = await ilo.OpenRoundAsync(paper.Id, 1, "Silence", host.Clock.GetUtcNow().AddDays(3));
        Assert.Equal("Open", round.Status);
    }
}

public sealed class BadSettingsTests
{
    private sealed class BadRemindersHost : WorkspaceHost
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("SignOff:ReminderHoursBefore", "48,soon")];
    }

    [Fact]
    public async Task The_server_refuses_to_start_with_settings_it_cannot_use_and_says_which()
    {
        var host = new BadRemindersHost();
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(host.InitializeAsync);
        Assert.Contains("SignOff:ReminderHoursBefore", refused.Message, StringComparison.Ordinal);
    }
}
