-- Eipnet schema, version 12 (issue 13): each EIP's history for billing, as segments over which its charge type, bandwidth
-- and binding stayed the same. Written by the store in the transaction that changes the EIP (SqlSession.PutAsync/DeleteAsync).
-- target_type/target_id/eni_id/eni_type/mode are NULL while unbound; eni_type is the ENI's type when the binding began.
-- started_at/ended_at are Unix milliseconds; ended_at is NULL for the open segment (at most one per EIP).
-- EIPs that existed before this migration get their first segment at their next change.
-- Runs unchanged on SQLite and PostgreSQL.
CREATE TABLE eip_history (
    allocation_id  TEXT NOT NULL,
    account_id     TEXT NOT NULL,
    region_id      TEXT NOT NULL,
    ip_address     TEXT NOT NULL,
    charge_type    TEXT NOT NULL,
    bandwidth      INTEGER NOT NULL,
    target_type    TEXT,
    target_id      TEXT,
    eni_id         TEXT,
    eni_type       TEXT,
    mode           TEXT,
    started_at     BIGINT NOT NULL,
    ended_at       BIGINT
);
CREATE UNIQUE INDEX eip_history_open ON eip_history (allocation_id) WHERE ended_at IS NULL;
CREATE INDEX eip_history_by_eip ON eip_history (allocation_id, started_at);
CREATE INDEX eip_history_by_account ON eip_history (account_id, started_at);
