using Workspace.Server;

var app = WorkspaceApp.Create(args);
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();
