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

/// <summary>
/// A person asks to do what only someone else may (403): a rule of the object itself, such as who holds a step of
/// an agency's clearance, rather than one the pipeline can check before the object is loaded.
/// </summary>
public sealed class NotPermittedException(string message) : Exception(message);

/// <summary>
/// A field of the request names what is not there in the object it points into (400 on <see cref="Field"/>): a passage
/// that does not stand in the paragraph it is said to be in.
/// </summary>
public sealed class FieldRefusedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
