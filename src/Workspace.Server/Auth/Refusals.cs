namespace Workspace.Server.Auth;

/// <summary>The caller is signed in but may not do this (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The caller is not signed in (401).</summary>
public sealed class UnauthenticatedException() : Exception("Sign in first.");

/// <summary>
/// Sign-in failed (401). The same answer whether the address is unknown or the password wrong, so
/// addresses are not disclosed.
/// </summary>
public sealed class WrongCredentialsException(string message) : Exception(message);

/// <summary>
/// Too many attempts (429 with Retry-After): failed sign-ins for an address from a client, answered alike for every
/// address, or comments from the public beyond their limits.
/// </summary>
public sealed class TooManyAttemptsException(TimeSpan retryAfter, string? message = null)
    : Exception(message ?? $"Too many failed sign-ins for this address. Try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))} minutes.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
