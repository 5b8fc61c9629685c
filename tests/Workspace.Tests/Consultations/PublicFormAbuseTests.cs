using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workspace.Client;
using Workspace.Server.Features.Consultations;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Consultations;

/// <summary>
/// The public comment form as an abuser meets it: many source addresses, letter-case variants of someone else's
/// mailbox, forged forwarding headers. The test's requests come from the loopback, which is the default trusted
/// proxy, so <c>X-Forwarded-For</c> stands for the client a proxy in front would have seen.
/// </summary>
public sealed class PublicFormAbuseTests(MailHost host) : IClassFixture<MailHost>
{
    private async Task<Guid> OpenAsync(string title)
    {
        await host.Smtp.StartAsync();
        var (paper, revision) = await DraftAsync(host, title);
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var opened = await (await ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/consultations", new { revision = revision.Number, deadline = host.Clock.GetUtcNow().AddDays(7) }))
            .Content.ReadFromJsonAsync<JsonElement>(WorkspaceClient.Json);
        return opened.GetProperty("id").GetGuid();
    }

    private async Task<HttpStatusCode> CommentAsync(Guid consultation, string client, string email, string name = "Someone")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/consultations/{consultation}/comments")
        {
            Content = JsonContent.Create(new { name, organization = "", email, text = "A view." }),
        };
        request.Headers.Add("X-Forwarded-For", client);
        using var anonymous = host.Anonymous();
        return (await anonymous.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Unconfirmed_comments_from_hundreds_of_addresses_do_not_shut_the_public_out()
    {
        var consultation = await OpenAsync("Paper flooded with unconfirmed comments");

        // More than the hourly cap, from 60 sources, with made-up addresses no one will confirm.
        var flood = Enumerable.Range(0, CommentOnConsultation.PerConsultationPerHour + 10)
            .Select(i => (Client: $"198.51.100.{i % 60}", Email: $"bot{i}@example.net")).ToList();
        var answers = new List<HttpStatusCode>();
        foreach (var batch in flood.Chunk(30))
        {
            answers.AddRange(await Task.WhenAll(batch.Select(f => CommentAsync(consultation, f.Client, f.Email))));
        }

        Assert.Equal(210, answers.Count(a => a == HttpStatusCode.Accepted));
        Assert.Equal(HttpStatusCode.Accepted, await CommentAsync(consultation, "203.0.113.50", "resident@example.org"));
    }

    [Fact]
    public async Task Letter_case_variants_of_one_mailbox_count_as_one_and_the_commenters_name_is_not_put_before_the_address()
    {
        var consultation = await OpenAsync("Paper used against a mailbox");
        string[] variants = ["victim@example.org", "Victim@example.org", "VICTIM@example.org", "victim@Example.org", "victim@EXAMPLE.ORG", "vIctim@example.org",
            "viCtim@example.org", "vicTim@example.org", "victIm@example.org", "victiM@example.org", "VIctim@example.org", "VICtim@example.org"];

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < variants.Length; i++)
        {
            answers.Add(await CommentAsync(consultation, $"192.0.2.{i + 1}", variants[i], name: "Click https://evil.example"));
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, CommentOnConsultation.PerAddressPerDay)
            .Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, variants.Length - CommentOnConsultation.PerAddressPerDay)), answers);
        await host.DeliverMailAsync();
        var mails = host.Smtp.To("victim@example.org", "Confirm your comment");
        Assert.Equal(CommentOnConsultation.PerAddressPerDay, mails.Count);
        Assert.All(mails, m => Assert.DoesNotContain("evil", m.To.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Behind_a_proxy_each_client_counts_apart_and_an_IPv6_network_counts_as_one()
    {
        var consultation = await OpenAsync("Paper commented on through a proxy");
        var limit = PublicCommentThrottle.PerTenMinutes;

        var one = new List<HttpStatusCode>();
        for (var i = 0; i <= limit; i++)
        {
            one.Add(await CommentAsync(consultation, "203.0.113.7", $"one{i}@example.org"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, one[^1]);
        Assert.Equal(HttpStatusCode.Accepted, await CommentAsync(consultation, "203.0.113.8", "another@example.org"));

        // A fresh address of the same /64 for every comment is still one client.
        var network = new List<HttpStatusCode>();
        for (var i = 1; i <= limit + 1; i++)
        {
            network.Add(await CommentAsync(consultation, $"2001:db8:7:9::{i:x}", $"six{i}@example.org"));
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, limit).Append(HttpStatusCode.TooManyRequests), network);
        Assert.Equal(HttpStatusCode.Accepted, await CommentAsync(consultation, "2001:db8:7:a::1", "next-network@example.org"));
    }
}

/// <summary>A server told its proxy is elsewhere: forwarding headers from anyone else, the loopback included, are ignored.</summary>
public sealed class UntrustedProxyHost : MailHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("ForwardedHeaders:KnownProxies:0", "192.0.2.254")];
}

public sealed class ForgedForwardingTests(UntrustedProxyHost host) : IClassFixture<UntrustedProxyHost>
{
    [Fact]
    public async Task Forwarding_headers_from_a_client_that_is_not_a_known_proxy_do_not_make_it_many_clients()
    {
        var (paper, revision) = await DraftAsync(host, "Paper with forged forwarding");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var consultation = (await (await ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/consultations", new { revision = revision.Number, deadline = host.Clock.GetUtcNow().AddDays(7) }))
            .Content.ReadFromJsonAsync<JsonElement>(WorkspaceClient.Json)).GetProperty("id").GetGuid();
        using var anonymous = host.Anonymous();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= PublicCommentThrottle.PerTenMinutes; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/consultations/{consultation}/comments")
            {
                Content = JsonContent.Create(new { name = "Forger", organization = "", email = $"forger{i}@example.org", text = "A view." }),
            };
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            answers.Add((await anonymous.SendAsync(request)).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, PublicCommentThrottle.PerTenMinutes).Append(HttpStatusCode.TooManyRequests), answers);
    }
}
