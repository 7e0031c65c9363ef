namespace Eipnet.Domain.Associations;

/// <summary>The seed's three ways to put an EIP on an ENI; wire names NAT, BINDED (cut-through), MULTI_BINDED.</summary>
public enum AssociationMode { Nat, Binded, MultiBinded }
