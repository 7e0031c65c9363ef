namespace Eipnet.Store;

/// <summary>Resources changed after a revision, up to <see cref="Revision"/>; Kind is the document kind ("eip", "eni", ...).</summary>
public sealed record ChangeSet(long Revision, IReadOnlyList<(string Kind, string Id)> Changed);
