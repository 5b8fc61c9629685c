using Workspace.Server.Data;
using Workspace.Server.Mail;

namespace Workspace.Server.Features.Mail;

/// <summary>How a person takes each kind of mail: <c>Off</c>, <c>Immediate</c> or <c>Digest</c> (daily at 08:00 in their zone).</summary>
public sealed record MailSettingsView(IReadOnlyDictionary<string, MailMode> Kinds)
{
    public static async Task<MailSettingsView> ForAsync(WorkspaceDb db, MailCatalog catalog, Guid personId, CancellationToken ct)
    {
        var chosen = await db.MailChoices.AsNoTracking().Where(c => c.PersonId == personId).ToDictionaryAsync(c => c.Kind, c => c.Mode, ct);
        return new MailSettingsView(catalog.All.ToDictionary(k => k.Name, k => chosen.GetValueOrDefault(k.Name, k.Default), StringComparer.Ordinal));
    }

    /// <summary>Records a person's choices, keeping only those that differ from the defaults.</summary>
    internal static async Task ChooseAsync(WorkspaceDb db, MailCatalog catalog, Guid personId, IReadOnlyDictionary<string, MailMode> kinds, CancellationToken ct)
    {
        var names = kinds.Keys.ToList();
        var existing = await db.MailChoices.Where(c => c.PersonId == personId && names.Contains(c.Kind)).ToDictionaryAsync(c => c.Kind, ct);
        foreach (var (name, mode) in kinds)
        {
            var isDefault = catalog.Find(name)!.Default == mode;
            if (existing.TryGetValue(name, out var choice))
            {
                if (isDefault)
                {
                    db.MailChoices.Remove(choice);
                }
                else
                {
                    choice.Mode = mode;
                }
            }
            else if (!isDefault)
            {
                db.MailChoices.Add(new MailChoice { PersonId = personId, Kind = name, Mode = mode });
            }
        }
    }
}
