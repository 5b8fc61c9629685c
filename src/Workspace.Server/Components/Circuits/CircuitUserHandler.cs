using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Workspace.Server.Auth;

namespace Workspace.Server.Components.Circuits;

/// <summary>
/// Tells a live page's circuit who its person is, from the authentication state the circuit was opened
/// with: a circuit has no HTTP request of its own once it runs.
/// </summary>
internal sealed class CircuitUserHandler(AuthenticationStateProvider authentication, ConnectionUser user) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += Changed;
        user.From((await authentication.GetAuthenticationStateAsync()).User);
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= Changed;

    private async void Changed(Task<AuthenticationState> state)
    {
        try
        {
            user.From((await state).User);
        }
        catch (InvalidOperationException)
        {
            // No state to take: the circuit keeps the user it had.
        }
    }
}
