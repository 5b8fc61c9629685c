using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Features.Papers;

/// <summary>In which capacities the current person may act on a paper.</summary>
public sealed class PaperAccess(WorkspaceDb db, ICurrentUser me)
{
    /// <summary>The caller's capacities, or 404 when the paper does not exist or is not visible to them.</summary>
    public async Task<Capacity> CapacityAsync(Guid paperId, CancellationToken ct)
    {
        var paper = await db.Papers.AsNoTracking().Where(p => p.Id == paperId)
            .Select(p => new { p.LeadAgencyCode, p.ParticipatingAgencyCodes })
            .SingleOrDefaultAsync(ct);
        var capacity = paper is null ? Capacity.None : Of(paper.LeadAgencyCode, paper.ParticipatingAgencyCodes);
        return capacity == Capacity.None ? throw new NotFoundException("paper", paperId.ToString()) : capacity;
    }

    /// <summary>Of <paramref name="paperIds"/>, those the caller may see (the rest do not exist for them).</summary>
    public async Task<IReadOnlySet<Guid>> VisibleAsync(IEnumerable<Guid> paperIds, CancellationToken ct)
    {
        var ids = paperIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var papers = await db.Papers.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.LeadAgencyCode, p.ParticipatingAgencyCodes }).ToListAsync(ct);
        return papers.Where(p => Of(p.LeadAgencyCode, p.ParticipatingAgencyCodes) != Capacity.None).Select(p => p.Id).ToHashSet();
    }

    /// <summary>Capacities from a paper's lead and participants; <see cref="Capacity.None"/> when it is not visible.</summary>
    public Capacity Of(string leadAgencyCode, IReadOnlyCollection<string> participatingAgencyCodes)
    {
        var capacity = Capacity.None;
        if (me.IsSecretariat)
        {
            capacity |= Capacity.Viewer | Capacity.Secretariat | Capacity.Lead;
        }

        if (participatingAgencyCodes.Contains(me.AgencyCode))
        {
            capacity |= Capacity.Viewer | Capacity.Participant;
        }

        if (leadAgencyCode == me.AgencyCode)
        {
            capacity |= Capacity.Lead;
        }

        return capacity;
    }
}
