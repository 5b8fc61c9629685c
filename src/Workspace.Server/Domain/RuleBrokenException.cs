namespace Workspace.Server.Domain;

/// <summary>
/// A request that conflicts with the current state (409). <see cref="Code"/> is the stable slug that
/// becomes the problem's <c>type</c>; <see cref="Extensions"/> carry facts the client can act on.
/// </summary>
public sealed class RuleBrokenException(string code, string message, IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception(message)
{
    public string Code { get; } = code;

    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}

/// <summary>A refusal the pipeline or a handler raises when the object does not exist or is not visible (404).</summary>
public sealed class NotFoundException(string kind, string id)
    : Exception($"No {kind} '{id}' exists, or it is not visible to you.")
{
    public string Kind { get; } = kind;
}

/// <summary>The caller is signed in but may not do this (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The caller is not signed in (401).</summary>
public sealed class UnauthenticatedException() : Exception("Sign in first.");

/// <summary>
/// Sign-in failed (401). The same answer whether the address is unknown or the password wrong, so
/// addresses are not disclosed.
/// </summary>
public sealed class WrongCredentialsException(string message) : Exception(message);

/// <summary>Too many failed sign-ins for this address from this client (429 with Retry-After), answered alike for every address.</summary>
public sealed class TooManyAttemptsException(TimeSpan retryAfter)
    : Exception($"Too many failed sign-ins for this address. Try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))} minutes.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
