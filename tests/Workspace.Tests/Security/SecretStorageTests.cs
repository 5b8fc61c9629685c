using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Workspace.Server.Features.Agencies;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Security;

/// <summary>What a copy of the database gives away: no secret a request carried.</summary>
public sealed class SecretStorageTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task The_keys_that_protect_sign_ins_are_stored_encrypted_and_tokens_outlive_a_restart()
    {
        var client = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var token = client.Http.DefaultRequestHeaders.Authorization;

        var stored = (string)(await host.QueryScalarAsync("""SELECT group_concat("Xml", '') FROM "DataProtectionKeys" """))!;

        // The key ring is in the database, each key's secret sealed under the chain keys (outside it), none in the clear.
        Assert.Contains("<encryptedKey", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", stored, StringComparison.Ordinal);

        await host.RestartAsync();
        using var again = host.Anonymous();
        again.DefaultRequestHeaders.Authorization = token;
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_password_sent_with_an_idempotency_key_cannot_be_guessed_from_the_stored_request_and_the_replay_survives_a_restart()
    {
        const string password = "Summer-2026-guessable";
        var body = new { email = "new.focal@ohchr.demo", displayName = "New focal point", password };
        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/agencies/OHCHR/focal-points") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "register-ohchr-1");
            return request;
        }

        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        var first = await secretariat.SendAsync(Request());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var stored = (string)(await host.QueryScalarAsync("SELECT RequestHash || '|' || Response FROM IdempotencyRecords WHERE Key = 'register-ohchr-1'"))!;

        // Someone with the file tries a word list against the request as it is serialized: no guess matches, not even the right one.
        var hash = stored.Split('|')[0];
        foreach (var guess in new[] { "Winter-2026-guessable", password })
        {
            var text = typeof(RegisterFocalPoint.Command).FullName + "\n" + JsonSerializer.Serialize(
                new RegisterFocalPoint.Command("OHCHR", body.email, body.displayName, guess, RegisterFocalPoint.PersonRole.FocalPoint), Web);
            Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), hash);
        }

        Assert.DoesNotContain(password, stored, StringComparison.Ordinal);

        await host.RestartAsync();
        var replay = await (await host.HttpFor(WorkspaceHost.Secretariat)).SendAsync(Request());
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
    }
}
