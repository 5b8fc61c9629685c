using Workspace.Client;

namespace Workspace.Tests.Infrastructure;

public static class EventLogPages
{
    /// <summary>Every event of the log the client may see after <paramref name="after"/>, page by page (a class's log outgrows one page).</summary>
    public static async Task<List<WorkspaceEvent>> ReadAllEventsAsync(this WorkspaceClient client, long after = 0)
    {
        var all = new List<WorkspaceEvent>();
        while (true)
        {
            var page = await client.ReadEventsAsync(after, 1000);
            all.AddRange(page);
            if (page.Count < 1000)
            {
                return all;
            }

            after = page[^1].Seq;
        }
    }
}
