using Eipnet.Domain.Addressing;
using Eipnet.Domain.Hosts;
using Eipnet.Store;

namespace Eipnet.Api.Agents;

/// <summary>Operator actions on agents (`eipnet admin agent ...`, and the server for the agent it starts itself).</summary>
public static class AgentAdmin
{
    /// <summary>Adds an agent (a host with <paramref name="roles"/>, its overlay reached at <paramref name="underlayAddress"/>)
    /// or replaces its token, roles and address; returns the token, which is shown once and never stored.</summary>
    public static async Task<string> AddAsync(IEipStore store, string name, TimeProvider time, CancellationToken ct,
        HostRoles roles = HostRoles.Both, string underlayAddress = "")
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        if (!AgentTokens.IsValidName(name))
            throw new ArgumentException($"An agent name is 1-63 lower-case letters, digits and '-', not starting with '-'; \"{name}\" is not.", nameof(name));
        if (underlayAddress.Length > 0 && !Ipv4Cidr.TryParseAddress(underlayAddress, out _))
            throw new ArgumentException($"The underlay address is an IPv4 address such as 192.0.2.11, not \"{underlayAddress}\".", nameof(underlayAddress));
        var (token, hash) = AgentTokens.New(name);
        await store.PutAgentAsync(name, hash, roles, underlayAddress, time.GetUtcNow(), ct);
        return token;
    }
}
