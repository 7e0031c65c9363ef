namespace Eipnet.Store;

/// <summary>What a completion pass did: transitions ended, and transitions deferred because a user was changing the resource.</summary>
/// <remarks>Deferred ones are still due; the reconciler completes them on its next tick.</remarks>
public sealed record TransitionOutcome(int Completed, int Deferred)
{
    public static TransitionOutcome operator +(TransitionOutcome a, TransitionOutcome b) => new(a.Completed + b.Completed, a.Deferred + b.Deferred);
}
