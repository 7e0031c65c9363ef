namespace Eipnet.Domain.Resources;

/// <summary>Primary ENIs live and die with their instance; secondary ENIs are created, attached and moved on their own.</summary>
public enum EniType { Primary, Secondary }
