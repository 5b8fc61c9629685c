namespace Workspace.Server.Components;

/// <summary>A meeting's time as a form takes it: a date and a time of day in a named zone, and a duration.</summary>
public sealed class TimeInput
{
    public string? Date { get; set; }

    public string? Time { get; set; }

    public string? Zone { get; set; }

    public int? Duration { get; set; }
}
