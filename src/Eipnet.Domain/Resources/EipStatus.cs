namespace Eipnet.Domain.Resources;

/// <summary>EIP states (SPEC, State and asynchrony); transitional states end when the data plane applies the change.</summary>
public enum EipStatus { Available, Associating, InUse, Unassociating }
