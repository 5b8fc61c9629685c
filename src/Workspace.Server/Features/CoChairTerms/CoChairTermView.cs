
namespace Workspace.Server.Features.CoChairTerms;

public sealed record CoChairTermView(Guid Id, IReadOnlyList<string> AgencyCodes, DateOnly From, DateOnly To)
{
    public static CoChairTermView Of(CoChairTerm term) => new(term.Id, term.AgencyCodes, term.From, term.To);
}
