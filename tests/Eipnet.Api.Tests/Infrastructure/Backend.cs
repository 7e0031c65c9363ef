namespace Eipnet.Api.Tests.Infrastructure;

/// <summary>Which database a test server runs on.</summary>
public enum Backend { Sqlite, Postgres }
