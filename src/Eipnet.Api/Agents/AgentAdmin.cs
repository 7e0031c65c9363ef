using Eipnet.Store;

namespace Eipnet.Api.Agents;

/// <summary>Operator actions on agents (`eipnet admin agent ...`, and the server for the agent it starts itself).</summary>
public static class AgentAdmin
{
    /// <summary>Adds an agent or replaces its token; returns the token, which is shown once and never stored.</summary>
    public static async Task<string> AddAsync(IEipStore store, string name, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        if (!AgentTokens.IsValidName(name))
            throw new ArgumentException($"An agent name is 1-63 lower-case letters, digits and '-', not starting with '-'; \"{name}\" is not.", nameof(name));
        var (token, hash) = AgentTokens.New(name);
        await store.PutAgentAsync(name, hash, time.GetUtcNow(), ct);
        return token;
    }
}
