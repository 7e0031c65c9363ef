namespace Eipnet.Store.Queries;

/// <summary>Conditions on a document table's columns (all must hold), with an optional page.</summary>
/// <remarks>Column names are checked against the table; values are always bound as parameters.</remarks>
public sealed class DocQuery
{
    internal List<(string Column, string Op, object? Value)> Conditions { get; } = [];

    /// <summary>1-based page number and page size; null for all rows.</summary>
    public (int Number, int Size)? Page { get; private set; }

    public static DocQuery Where(string column, object? value) => new DocQuery().And(column, value);

    /// <summary>column = value; a null value matches NULL.</summary>
    public DocQuery And(string column, object? value)
    {
        Conditions.Add((column, value is null ? "IS NULL" : "=", value));
        return this;
    }

    /// <summary>Adds column = value only when value is not null (an optional filter).</summary>
    public DocQuery AndIf(string column, object? value) => value is null ? this : And(column, value);

    public DocQuery AndIn(string column, IReadOnlyCollection<string> values)
    {
        Conditions.Add((column, "IN", values.ToArray()));
        return this;
    }

    public DocQuery AndNot(string column, object value)
    {
        Conditions.Add((column, "<>", value));
        return this;
    }

    /// <summary>column LIKE pattern; used for the few filters that look inside the document.</summary>
    public DocQuery AndLike(string column, string pattern)
    {
        Conditions.Add((column, "LIKE", pattern));
        return this;
    }

    /// <summary>The resource carries the tag; a null value matches any value of the key. Only for tagged tables.</summary>
    public DocQuery AndTag(string key, string? value)
    {
        Conditions.Add((key, value is null ? "TAG" : "TAG=", value));
        return this;
    }

    public DocQuery Paged(int number, int size)
    {
        Page = (number, size);
        return this;
    }
}
