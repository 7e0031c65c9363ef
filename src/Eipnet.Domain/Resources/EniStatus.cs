namespace Eipnet.Domain.Resources;

/// <summary>ENI states; Attaching and Detaching end when the data plane reports the revision applied.</summary>
public enum EniStatus { Available, Attaching, InUse, Detaching }
