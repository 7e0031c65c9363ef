using System.Security.Cryptography.X509Certificates;

namespace Eipnet.Api.Hosting;

/// <summary>How to run the control plane: where to listen, which database, catalog and data plane.</summary>
/// <remarks>Postgres, when set, wins over DataDirectory. CatalogFile null means the built-in catalog.</remarks>
public sealed record ServerOptions
{
    public string Listen { get; init; } = "127.0.0.1:8787";
    public string DataDirectory { get; init; } = ".eipnet";
    public string? Postgres { get; init; }
    public string? CatalogFile { get; init; }

    /// <summary>A catalog object that replaces both the built-in one and CatalogFile (benchmarks and tests).</summary>
    public Eipnet.Domain.Catalog.Catalog? Catalog { get; init; }

    /// <summary>"sim": an in-process simulated data plane that moves no packets. "agents": the agents of the hosts
    /// (`eipnet agent`) watch the intent through the agent contract and report what they applied.</summary>
    public string DataPlane { get; init; } = "sim";

    /// <summary>How often the reconciler hands the simulated data plane everything.</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromSeconds(60);
    public (string AccessKeyId, string AccessKeySecret)? BootstrapAccount { get; init; }

    /// <summary>Put the bootstrap account on the multi-EIP allowlist (the lab, where every mode should be tried).</summary>
    public bool BootstrapMultiEip { get; init; }
    public bool QuietRequestLog { get; init; }

    /// <summary>Connections served at once. Up to 64 more are answered Throttling and closed; beyond those, new
    /// connections are closed without an answer (docs/api.md, "Refusals and connection limits").</summary>
    public int MaxConnections { get; init; } = 8192;

    /// <summary>How long a connection may wait for its next request before the server closes it; request headers must
    /// also arrive within this time, but never get more than 30 s.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests a second each account may make (a burst of as many passes); beyond it, Throttling.User. 0: off.</summary>
    public int AccountRequestsPerSecond { get; init; }

    /// <summary>HOST:PORT of the operator listener serving /metrics (Prometheus); null: none. Never the RPC endpoint.</summary>
    public string? MetricsListen { get; init; }

    /// <summary>When true, a MetricsListen that cannot be bound (the port is taken) is logged and skipped instead of failing
    /// the start: the CLI's default listener, so that several servers on one machine still start.</summary>
    public bool MetricsListenOptional { get; init; }

    /// <summary>How many EIPs get traffic series of their own in /metrics; the others are summed (docs/metering.md).</summary>
    public int MetricsEipSeries { get; init; } = Metrics.ServerMetrics.DefaultEipSeriesLimit;

    /// <summary>The certificate to serve HTTPS with on the Listen endpoint; null: plain HTTP.</summary>
    public X509Certificate2? Certificate { get; init; }
}
