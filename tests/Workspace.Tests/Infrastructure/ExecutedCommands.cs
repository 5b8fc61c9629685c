using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workspace.Tests.Infrastructure;

/// <summary>Every SQL command the server runs on one SQLite file while watched, as EF Core reports it once executed.</summary>
internal static class ExecutedCommands
{
    /// <summary>Calls <paramref name="onCommand"/> for each command run on <paramref name="databasePath"/> until disposed.</summary>
    public static IDisposable Watch(string databasePath, Action<DbCommand> onCommand) =>
        DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
                {
                    if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData data && data.Command.Connection?.DataSource == databasePath)
                    {
                        onCommand(data.Command);
                    }
                }));
            }
        }));

    private sealed class Observer<T>(Action<T> onNext) : IObserver<T>
    {
        public void OnNext(T value) => onNext(value);

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
