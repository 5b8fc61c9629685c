using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Data;

/// <summary>
/// One block of one revision (<see cref="Blocks"/>), kept by the papers' reaction to each new revision: the ids it carried
/// over from the revision before, its number and its place in the body.
/// </summary>
public sealed class RevisionBlock
{
    public Guid PaperId { get; init; }

    public int Revision { get; init; }

    public int Index { get; init; }

    public string BlockId { get; init; } = "";

    public int Number { get; init; }

    public BlockKind Kind { get; init; }

    public string Text { get; init; } = "";

    public int Start { get; init; }

    public Block ToBlock() => new(BlockId, Index, Number, Kind, Text, Start);
}
