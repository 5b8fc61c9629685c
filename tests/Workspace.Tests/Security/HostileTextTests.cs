using System.Net;
using System.Net.Http.Json;
using System.Xml;
using Ical.Net;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Security;

/// <summary>Text that would break the formats it is written to: refused on the way in, made safe on the way out.</summary>
public sealed class HostileTextTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    private static DateTimeOffset NextMonth(WorkspaceHost host) => host.Clock.GetUtcNow().AddDays(30);

    [Theory]
    [InlineData("Title\u0001")]
    [InlineData("Two\r\nlines")]
    [InlineData("Tab\there")]
    [InlineData("Bell\u0007")]
    [InlineData("C1\u0085control")]
    public async Task A_single_line_field_with_a_control_character_is_refused_and_nothing_is_created(string title)
    {
        var ilo = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));
        var before = (await (await host.ClientFor(WorkspaceHost.Secretariat)).ListPapersAsync()).Count;

        var problem = await ProblemAssert.IsProblem(
            ilo.PostAsJsonAsync("/api/papers", new { title, kind = "IssueBrief", leadAgencyCode = "ILO", participatingAgencyCodes = new[] { "IOM" } }),
            HttpStatusCode.BadRequest, "validation");

        Assert.Contains("title", ProblemAssert.ErrorFields(problem));
        Assert.Equal(before, (await (await host.ClientFor(WorkspaceHost.Secretariat)).ListPapersAsync()).Count);
    }

    [Fact]
    public async Task A_body_keeps_its_lines_but_not_other_control_characters()
    {
        var (paper, revision) = await DraftAsync(host, "Multi-line body");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));

        var ok = await ilo.AddRevisionAsync(paper.Id, revision.Number, "# Heading\r\n\r\n\tIndented line\n");
        Assert.Equal(revision.Number + 1, ok.Number);

        var problem = await ProblemAssert.IsProblem(
            ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/revisions", new { baseRevision = ok.Number, body = "text\u0000more" }),
            HttpStatusCode.BadRequest, "validation");
        Assert.Contains("body", ProblemAssert.ErrorFields(problem));
    }

    [Fact]
    public async Task A_tag_or_summary_with_a_control_character_cannot_be_published()
    {
        var (paper, revision) = await InSignOffAsync(host, "Tags checked", "Unanimous", TimeSpan.FromDays(3));
        await ApproveAsync(host, paper.Id, revision, "ILO", "IOM", "UNHCR");
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);

        var problem = await ProblemAssert.IsProblem(
            secretariat.PostAsJsonAsync($"/api/papers/{paper.Id}/publish", new { summary = "Fine\u0001", tags = new[] { "Global", "Eu\u001Frope" } }),
            HttpStatusCode.BadRequest, "validation");

        Assert.Contains("summary", ProblemAssert.ErrorFields(problem));
        Assert.Contains("tags[1]", ProblemAssert.ErrorFields(problem));
        Assert.Equal("SignedOff", (await (await host.ClientFor(WorkspaceHost.Secretariat)).GetPaperAsync(paper.Id)).State);
    }

    [Fact]
    public async Task The_atom_feed_stays_well_formed_when_a_stored_row_holds_characters_xml_cannot_carry()
    {
        var (paper, revision) = await InSignOffAsync(host, "Stored before the rule", "Unanimous", TimeSpan.FromDays(3));
        await ApproveAsync(host, paper.Id, revision, "ILO", "IOM", "UNHCR");
        await (await host.ClientFor(WorkspaceHost.Secretariat)).PublishAsync(paper.Id, "Summary", ["Global"]);
        await host.ExecuteSqlAsync("UPDATE Papers SET Title = @title, PublicationSummary = @summary WHERE Id = @id",
            ("@title", "Stored\u0001 before\u0008 the rule"), ("@summary", "Bad\u000B summary"), ("@id", paper.Id.ToString().ToUpperInvariant()));

        using var anonymous = host.Anonymous();
        var response = await anonymous.GetAsync("/publications.atom");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = new XmlDocument();
        feed.LoadXml(await response.Content.ReadAsStringAsync());
        var titles = feed.GetElementsByTagName("title").Cast<XmlNode>().Select(n => n.InnerText).ToList();
        Assert.Contains("Stored before the rule", titles);
    }

    [Theory]
    [InlineData("europe/vienna")]
    [InlineData("Factory")]
    [InlineData("posixrules")]
    [InlineData("localtime")]
    [InlineData("posix/Europe/Vienna")]
    [InlineData("right/UTC")]
    [InlineData("US/Eastern")]
    [InlineData("Europe/Atlantis")]
    [InlineData("")]
    public async Task Only_canonical_iana_zones_are_accepted_for_a_meeting(string zone)
    {
        var ilo = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));

        var problem = await ProblemAssert.IsProblem(
            ilo.PostAsJsonAsync("/api/meetings", new { title = "Zone check", kind = "Plenary", startsAt = NextMonth(host), durationMinutes = 60, timeZone = zone }),
            HttpStatusCode.BadRequest, "validation");

        Assert.Contains("timeZone", ProblemAssert.ErrorFields(problem));
    }

    [Theory]
    [InlineData("Europe/Vienna")]
    [InlineData("America/New_York")]
    [InlineData("Pacific/Auckland")]
    [InlineData("UTC")]
    public async Task Canonical_zones_and_utc_are_accepted(string zone)
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var meeting = await ilo.ScheduleMeetingAsync("Zone ok", "Plenary", NextMonth(host), 60, zone);
        Assert.Equal(zone, meeting.TimeZone);
        var calendar = Calendar.Load(await ilo.GetMeetingInvitationAsync(meeting.Id))!;
        Assert.Equal(meeting.StartsAt.UtcDateTime, Assert.Single(calendar.Events).DtStart!.AsUtc);
    }

    [Fact]
    public async Task A_stored_meeting_in_a_zone_that_is_not_one_is_described_in_utc_and_no_calendar_fails()
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var meeting = await ilo.ScheduleMeetingAsync("Stored with a bad zone", "Plenary", NextMonth(host), 60, "Europe/Vienna");
        await ilo.CancelMeetingAsync(meeting.Id);
        await host.ExecuteSqlAsync("UPDATE Meetings SET TimeZone = 'posixrules' WHERE Id = @id", ("@id", meeting.Id.ToString().ToUpperInvariant()));

        var one = Calendar.Load(await ilo.GetMeetingInvitationAsync(meeting.Id))!;
        Assert.Equal(meeting.StartsAt.UtcDateTime, Assert.Single(one.Events).DtStart!.AsUtc);

        var feed = await ilo.Http.GetAsync("/api/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains(Calendar.Load(await feed.Content.ReadAsStringAsync())!.Events, e => e.Uid == $"{meeting.Id}@inter-agency-workspace");
        Assert.Equal(HttpStatusCode.OK, (await ilo.Http.GetAsync($"/api/meetings/{meeting.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_display_name_cannot_add_lines_or_break_the_quoting_of_an_invitation()
    {
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        var refused = await secretariat.PostAsJsonAsync("/api/agencies/OHCHR/focal-points",
            new { email = "eve@ohchr.demo", displayName = "Eve\r\nATTENDEE:mailto:intruder@evil.example", password = WorkspaceHost.Password });
        Assert.Contains("displayName", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(refused, HttpStatusCode.BadRequest, "validation")));

        // A name stored before the rule, with a line break, quotes and the characters that need quoting.
        await host.ExecuteSqlAsync("UPDATE AspNetUsers SET DisplayName = @name WHERE NormalizedEmail = 'FOCAL@OHCHR.DEMO'",
            ("@name", "Eve \"the\" Officer\r\nATTENDEE:mailto:intruder@evil.example;x:y,z"));
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var meeting = await ilo.ScheduleMeetingAsync("Injection check", "Plenary", NextMonth(host), 60, "Europe/Vienna", invitedAgencyCodes: ["OHCHR"]);

        var text = await ilo.GetMeetingInvitationAsync(meeting.Id);
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.DoesNotContain(unfolded.Split("\r\n"), line => line.StartsWith("ATTENDEE:mailto:intruder", StringComparison.Ordinal));
        var attendee = Assert.Single(unfolded.Split("\r\n"), line => line.Contains("focal@ohchr.demo", StringComparison.Ordinal));
        // One quoted CN without quotes or control characters inside, then plain parameters, then the address.
        Assert.Matches("^ATTENDEE;CN=\"[^\"\\x00-\\x1f]*\"(;[A-Z-]+=[^;:\"]*)*:mailto:focal@ohchr\\.demo$", attendee);

        var e = Assert.Single(Calendar.Load(text)!.Events);
        Assert.Equal(["mailto:focal@ilo.demo", "mailto:focal@ohchr.demo"], e.Attendees.Select(a => a.Value!.ToString()).Order().ToArray());
    }
}
