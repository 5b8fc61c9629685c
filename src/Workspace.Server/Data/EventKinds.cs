using System.Reflection;

namespace Workspace.Server.Data;

/// <summary>Every typed event kind, by its wire name: how a row of the log is read back as the record it was raised with.</summary>
public static class EventKinds
{
    /// <summary>The record type of each wire name; built once, and a name declared twice fails at start-up.</summary>
    public static readonly IReadOnlyDictionary<string, Type> ByName = typeof(IEventData).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEventData).IsAssignableFrom(t))
        .ToDictionary(t => (string)t.GetProperty(nameof(IEventData.Type), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!, StringComparer.Ordinal);

    /// <summary>The data of <paramref name="e"/> as its record, or null for a kind no record declares.</summary>
    public static object? Read(EventRecord e) =>
        ByName.TryGetValue(e.Type, out var type) ? System.Text.Json.JsonSerializer.Deserialize(e.Data, type, EventRecord.Json) : null;
}
