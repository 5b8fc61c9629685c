using Workspace.Server.Data;

namespace Workspace.Server.Features.Alternates;

public sealed record AlternatePeriod(string Email, string DisplayName, DateTimeOffset From, DateTimeOffset To, bool Active);

/// <summary>My alternate (now or to come), and those I stand in for now.</summary>
public sealed record MyAlternateView(AlternatePeriod? Alternate, IReadOnlyList<AlternatePeriod> ActingFor)
{
    public static async Task<MyAlternateView> ForAsync(WorkspaceDb db, string email, DateTime now, CancellationToken ct)
    {
        var mine = email.ToLowerInvariant();
        var periods = await db.Alternates.AsNoTracking()
            .Where(a => a.EndedAt == null && a.To > now && (a.PersonEmail == mine || a.AlternateEmail == mine))
            .OrderBy(a => a.From)
            .ToListAsync(ct);
        var addresses = periods.SelectMany(a => new[] { a.PersonEmail.ToUpperInvariant(), a.AlternateEmail.ToUpperInvariant() }).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(p => addresses.Contains(p.NormalizedEmail!))
            .ToDictionaryAsync(p => p.Email!.ToLowerInvariant(), p => p.DisplayName, ct);
        AlternatePeriod Of(string who, Domain.Alternate a) =>
            new(who, names.GetValueOrDefault(who, who), a.From.AsUtcInstant(), a.To.AsUtcInstant(), a.HoldsAt(now));
        return new MyAlternateView(
            periods.Where(a => a.PersonEmail == mine).Select(a => Of(a.AlternateEmail, a)).FirstOrDefault(),
            [.. periods.Where(a => a.AlternateEmail == mine && a.HoldsAt(now)).Select(a => Of(a.PersonEmail, a))]);
    }
}
