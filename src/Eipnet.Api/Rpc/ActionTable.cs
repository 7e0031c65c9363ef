namespace Eipnet.Api.Rpc;

/// <summary>Every action the endpoint answers, keyed by product and action name.</summary>
public sealed class ActionTable
{
    private readonly Dictionary<(string Product, string Name), RpcAction> actions = [];

    public ActionTable Add(RpcAction action)
    {
        actions.Add((action.Product, action.Name), action);
        return this;
    }

    public RpcAction? Find(string product, string name) => actions.GetValueOrDefault((product, name));

    public IEnumerable<RpcAction> All => actions.Values;
}
