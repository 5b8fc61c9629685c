using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Security;

/// <summary>A server that knows the address people reach it at.</summary>
public sealed class PublicUrlHost : WorkspaceHost
{
    public const string Public = "https://workspace.example.org";

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Api:PublicUrl", Public)];
}

public sealed class HeadersAndLinksTests(PublicUrlHost host) : IClassFixture<PublicUrlHost>
{
    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        using var anonymous = host.Anonymous();
        foreach (var response in new[] { await anonymous.GetAsync("/api/members"), await anonymous.GetAsync("/api/me"), await anonymous.GetAsync("/publications.atom") })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Links_in_answers_use_the_public_address_whatever_host_the_client_names()
    {
        var unicef = await host.HttpFor(WorkspaceHost.FocalPoint("UNICEF"));
        var feed = (await (await unicef.PostAsync("/api/me/calendar-feed", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        Assert.StartsWith(PublicUrlHost.Public + "/api/calendar.ics?token=", feed, StringComparison.Ordinal);

        var (paper, revision) = await InSignOffAsync(host, "Linked publication", "Unanimous", TimeSpan.FromDays(2));
        await ApproveAsync(host, paper.Id, revision, "ILO", "IOM", "UNHCR");
        await (await host.ClientFor(WorkspaceHost.Secretariat)).PublishAsync(paper.Id, "Summary", ["Global"]);
        using var anonymous = host.Anonymous();
        var atom = new XmlDocument();
        atom.LoadXml(await anonymous.GetStringAsync("/publications.atom"));
        var links = atom.GetElementsByTagName("link").Cast<XmlElement>().Select(l => l.GetAttribute("href")).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.StartsWith(PublicUrlHost.Public + "/", l, StringComparison.Ordinal));

        // A request naming another host is not answered at all.
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/publications.atom");
        forged.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task The_jobs_dashboard_refuses_a_post_without_a_form_with_a_problem()
    {
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        await ProblemAssert.IsProblem(secretariat.PostAsync("/hangfire/stats", null), HttpStatusCode.UnsupportedMediaType);
        await ProblemAssert.IsProblem(secretariat.PostAsJsonAsync("/hangfire/stats", new { metrics = 1 }), HttpStatusCode.UnsupportedMediaType);
        // A form without the dashboard's antiforgery token is refused too: the dashboard is protected against forged posts.
        var form = await secretariat.PostAsync("/hangfire/stats", new FormUrlEncodedContent([new("metrics[]", "enqueued:count")]));
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
    }

    [Fact]
    public async Task Invitees_who_may_not_see_the_minutes_are_not_told_they_exist()
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var meeting = await ilo.ScheduleMeetingAsync("Minuted meeting", "Plenary", host.Clock.GetUtcNow().AddHours(1), 60, "Europe/Vienna", invitedAgencyCodes: ["IOM", "OHCHR"]);
        host.Clock.Advance(TimeSpan.FromHours(2));
        ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var minutes = await ilo.Http.PostAsJsonAsync($"/api/meetings/{meeting.Id}/minutes", new { participatingAgencyCodes = new[] { "IOM" } });
        Assert.Equal(HttpStatusCode.Created, minutes.StatusCode);
        var minutesId = (await minutes.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var ohchr = await host.ClientFor(WorkspaceHost.FocalPoint("OHCHR"));
        Assert.Equal(minutesId, (await iom.GetMeetingAsync(meeting.Id)).MinutesPaperId);
        Assert.Null((await ohchr.GetMeetingAsync(meeting.Id)).MinutesPaperId);
        Assert.Null(Assert.Single(await ohchr.ListMeetingsAsync(), m => m.Id == meeting.Id).MinutesPaperId);
        await ProblemAssert.IsProblem(ohchr.Http.GetAsync($"/api/papers/{minutesId}"), HttpStatusCode.NotFound);
    }
}
