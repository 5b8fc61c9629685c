namespace Workspace.Server.Pipeline;

/// <summary>A request that changes state: it runs in one transaction and honours <c>Idempotency-Key</c>.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>A request that only reads.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;

/// <summary>A command whose answer holds a secret: it is never stored for an idempotent replay.</summary>
public interface IAnswersWithSecret;
