using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Threading.Channels;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Workspace.Benchmarks;

/// <summary>
/// The least a durable command can cost in this framework: ASP.NET Core with the same bearer authentication as the
/// workspace, JSON in and out, one row inserted under the same kind of group commit (the commands that arrive while a
/// commit is in flight share the next transaction and its fsync, each answered once durable) on a SQLite file with the
/// server's pragmas. The workspace's figures are read beside it: how far from what the framework itself costs.
/// </summary>
public static class MinimalDurable
{
    public sealed record Comment(string Text);

    public sealed record Stored(long Id, string Author, string Text);

    public static async Task<(Latencies Latencies, double PerSecond)> RunAsync(string folder, int clients, TimeSpan duration)
    {
        await using var sink = new GroupCommitSink(Path.Combine(folder, "minimal.db"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(BearerTokenDefaults.AuthenticationScheme).AddBearerToken();
        builder.Services.AddAuthorization();
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPost("/token", (string email) => TypedResults.SignIn(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, email)], BearerTokenDefaults.AuthenticationScheme)),
            authenticationScheme: BearerTokenDefaults.AuthenticationScheme));
        app.MapPost("/comments", async (Comment comment, ClaimsPrincipal user) =>
        {
            var author = user.Identity!.Name!;
            var id = await sink.WriteAsync(author, comment.Text);
            return TypedResults.Created($"/comments/{id}", new Stored(id, author, comment.Text));
        }).RequireAuthorization();
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        var http = new HttpClient[clients];
        for (var i = 0; i < clients; i++)
        {
            http[i] = new HttpClient { BaseAddress = address };
            var token = await (await http[i].PostAsync(new Uri($"/token?email=focal{i}@bench.demo", UriKind.Relative), null)).EnsureSuccessStatusCode()
                .Content.ReadFromJsonAsync<AccessToken>();
            http[i].DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessTokenValue);
        }

        try
        {
            return await Load.RunAsync($"minimal durable endpoint, {clients} clients", clients, duration, async client =>
                (await http[client].PostAsJsonAsync(new Uri("/comments", UriKind.Relative), new Comment("A comment from the load: paragraph 3 needs a source.")))
                    .EnsureSuccessStatusCode());
        }
        finally
        {
            foreach (var client in http)
            {
                client.Dispose();
            }

            await app.StopAsync();
        }
    }

    private sealed record AccessToken([property: System.Text.Json.Serialization.JsonPropertyName("accessToken")] string AccessTokenValue);

    /// <summary>One writer: it takes every insert waiting, writes them in one transaction, commits (fsync), then answers each.</summary>
    private sealed class GroupCommitSink : IAsyncDisposable
    {
        private readonly Channel<(string Author, string Text, TaskCompletionSource<long> Done)> waiting =
            Channel.CreateUnbounded<(string, string, TaskCompletionSource<long>)>(new UnboundedChannelOptions { SingleReader = true });

        private readonly SqliteConnection connection;
        private readonly Task writer;

        public GroupCommitSink(string file)
        {
            connection = new SqliteConnection($"Data Source={file};Pooling=False");
            connection.Open();
            using (var setup = connection.CreateCommand())
            {
                setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE comments (id INTEGER PRIMARY KEY, author TEXT NOT NULL, text TEXT NOT NULL);";
                setup.ExecuteNonQuery();
            }

            writer = Task.Run(WriteAsync);
        }

        public Task<long> WriteAsync(string author, string text)
        {
            var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting.Writer.TryWrite((author, text, done));
            return done.Task;
        }

        private async Task WriteAsync()
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO comments (author, text) VALUES ($a, $t) RETURNING id";
            var author = insert.Parameters.Add("$a", SqliteType.Text);
            var text = insert.Parameters.Add("$t", SqliteType.Text);
            var batch = new List<(string Author, string Text, TaskCompletionSource<long> Done)>();
            var ids = new List<long>();
            while (await waiting.Reader.WaitToReadAsync())
            {
                while (waiting.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                try
                {
                    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                    insert.Transaction = transaction;
                    foreach (var item in batch)
                    {
                        (author.Value, text.Value) = (item.Author, item.Text);
                        ids.Add((long)(await insert.ExecuteScalarAsync())!);
                    }

                    await transaction.CommitAsync();
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Done.SetResult(ids[i]);
                    }
                }
                catch (Exception e)
                {
                    foreach (var item in batch)
                    {
                        item.Done.TrySetException(e);
                    }
                }

                batch.Clear();
                ids.Clear();
            }
        }

        public async ValueTask DisposeAsync()
        {
            waiting.Writer.Complete();
            await writer;
            await connection.DisposeAsync();
        }
    }
}
