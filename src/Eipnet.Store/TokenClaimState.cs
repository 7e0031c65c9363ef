namespace Eipnet.Store;

/// <summary>How a ClientToken claim came out.</summary>
public enum TokenClaimState { Claimed, Completed, Mismatch, InProgress }
