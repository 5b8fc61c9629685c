using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Workspace.Server.Auth;
using Workspace.Server.Data;

namespace Workspace.Server.Pipeline;

/// <summary>The <c>Idempotency-Key</c> the current request came with, if any.</summary>
public sealed class IdempotencyKey
{
    public string? Value { get; set; }
}

/// <summary>The same key was sent before by the same person with a different request (422).</summary>
public sealed class IdempotencyKeyReusedException(string key)
    : Exception($"The Idempotency-Key '{key}' was already used with a different request.");

/// <summary>
/// A command sent again with the same key by the same person gets the first response and has no second
/// effect. The record is written in the command's own transaction, so it exists exactly when the effect does.
/// The request is kept only as a keyed hash (HMAC, key outside the database): a copy of the database does
/// not let anyone test guesses of what a request held, such as a password.
/// </summary>
internal sealed class IdempotencyBehaviour<TRequest, TResponse>(
    IdempotencyKey key, ICurrentUser me, WorkspaceDb db, UnitOfWork unitOfWork, TimeProvider clock, ChainKeys keys)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse> || request is IAnswersWithSecret || key.Value is not { } keyValue || !me.IsAuthenticated)
        {
            return await next();
        }

        var requestHash = Hash(typeof(TRequest).FullName + "\n" + JsonSerializer.Serialize(request, Json));
        if (await ReplayAsync(keyValue, requestHash, cancellationToken) is { } replay)
        {
            return replay.Response;
        }

        unitOfWork.BeforeCommit((response, _) =>
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                UserId = me.Id,
                Key = keyValue,
                RequestHash = requestHash,
                Response = JsonSerializer.Serialize(response, Json),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            return Task.CompletedTask;
        });

        try
        {
            return await next();
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A concurrent request with the same key may have committed first; if so, answer as it did.
            db.ChangeTracker.Clear();
            if (await ReplayAsync(keyValue, requestHash, cancellationToken) is { } raced)
            {
                return raced.Response;
            }

            throw;
        }
    }

    private async Task<Replay?> ReplayAsync(string keyValue, string requestHash, CancellationToken ct)
    {
        var stored = await db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.UserId == me.Id && r.Key == keyValue, ct);
        if (stored is null)
        {
            return null;
        }

        if (stored.RequestHash != requestHash)
        {
            throw new IdempotencyKeyReusedException(keyValue);
        }

        return new Replay(JsonSerializer.Deserialize<TResponse>(stored.Response, Json)!);
    }

    private string Hash(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(keys.Derive("idempotency"), Encoding.UTF8.GetBytes(text)));

    private sealed record Replay(TResponse Response);
}
