using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Dapper;
using Eipnet.Domain.Resources;

namespace Eipnet.Store.Documents;

/// <summary>How one kind of resource maps to its table: the JSON document plus the columns queries and constraints use.</summary>
internal sealed class DocumentTable<T>(string name, string changeKind, JsonTypeInfo<T> json, params (string Column, Func<T, object?> Value)[] columns)
{
    public string Name { get; } = name;

    /// <summary>The kind recorded in the change log for the reconciler.</summary>
    public string ChangeKind { get; } = changeKind;

    public IReadOnlySet<string> ColumnNames { get; } = columns.Select(c => c.Column).Append("seq").ToHashSet();

    public string Id(T item) => (string)columns[0].Value(item)!;

    public string UpsertSql { get; } =
        $"INSERT INTO {name} ({string.Join(", ", columns.Select(c => c.Column))}, seq, doc) " +
        $"VALUES ({string.Join(", ", columns.Select(c => "@" + c.Column))}, @seq, @doc) " +
        $"ON CONFLICT (id) DO UPDATE SET {string.Join(", ", columns.Skip(1).Select(c => $"{c.Column} = excluded.{c.Column}"))}, doc = excluded.doc";

    public DynamicParameters Parameters(T item, long seq)
    {
        var p = new DynamicParameters();
        foreach (var (column, value) in columns)
            p.Add(column, value(item));
        p.Add("seq", seq);
        p.Add("doc", JsonSerializer.Serialize(item, json));
        return p;
    }

    public T Read(string doc) => JsonSerializer.Deserialize(doc, json)!;

    /// <summary>The item's tags, for tables whose tags are indexed in resource_tags; null for the others.</summary>
    public Func<T, IReadOnlyList<ResourceTag>>? Tags { get; init; }
}
