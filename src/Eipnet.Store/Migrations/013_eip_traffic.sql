-- Eipnet schema, version 13 (issue 13): metered EIP traffic. eip_traffic holds, per EIP, reporting agent and UTC minute
-- (Unix milliseconds of its start), the bytes and packets in (to the EIP) and out (from it); several reports within one minute add up.
-- traffic_counters holds the last cumulative counters each agent reported for each EIP, with the agent's counter epoch
-- (its start time), so the next report becomes a delta; it is what lets a restarted server lose nothing.
-- Runs unchanged on SQLite and PostgreSQL.
CREATE TABLE eip_traffic (
    allocation_id  TEXT NOT NULL,
    account_id     TEXT NOT NULL,
    agent          TEXT NOT NULL,
    minute         BIGINT NOT NULL,
    bytes_in       BIGINT NOT NULL,
    bytes_out      BIGINT NOT NULL,
    packets_in     BIGINT NOT NULL,
    packets_out    BIGINT NOT NULL,
    PRIMARY KEY (allocation_id, minute, agent)
);
CREATE INDEX eip_traffic_by_account ON eip_traffic (account_id, minute);

CREATE TABLE traffic_counters (
    agent          TEXT NOT NULL,
    allocation_id  TEXT NOT NULL,
    epoch          TEXT NOT NULL,
    rx_bytes       BIGINT NOT NULL,
    tx_bytes       BIGINT NOT NULL,
    rx_packets     BIGINT NOT NULL,
    tx_packets     BIGINT NOT NULL,
    PRIMARY KEY (agent, allocation_id)
);
