namespace Workspace.Tests.Infrastructure;

/// <summary>The repository the tests run from: the folder above them that holds Workspace.sln.</summary>
public static class Repository
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Workspace.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Workspace.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A folder given relative to the repository (or absolute), created if absent.</summary>
    public static string Folder(string folder)
    {
        var path = Path.IsPathRooted(folder) ? folder : Path.Combine(Root, folder);
        Directory.CreateDirectory(path);
        return path;
    }
}
