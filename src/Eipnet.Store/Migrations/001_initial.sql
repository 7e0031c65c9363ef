-- Eipnet schema, version 1. Runs unchanged on SQLite and PostgreSQL.
-- Every resource is a JSON document (doc) plus the columns that queries filter on and that constraints need.
-- seq is the revision of the transaction that created the row: Describe calls page in creation order (seq, id),
-- and every listing index ends in (seq, id) so a page is read from the index without sorting.

CREATE TABLE accounts (
    id             TEXT PRIMARY KEY,
    access_key_id  TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    seq            BIGINT NOT NULL,
    doc            TEXT NOT NULL
);

CREATE TABLE vpcs (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL,
    region_id   TEXT NOT NULL,
    name        TEXT NOT NULL,
    seq         BIGINT NOT NULL,
    doc         TEXT NOT NULL
);
CREATE INDEX vpcs_by_account ON vpcs (account_id, region_id, seq, id);

CREATE TABLE vswitches (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL,
    region_id   TEXT NOT NULL,
    vpc_id      TEXT NOT NULL,
    zone_id     TEXT NOT NULL,
    name        TEXT NOT NULL,
    seq         BIGINT NOT NULL,
    doc         TEXT NOT NULL
);
CREATE INDEX vswitches_by_account ON vswitches (account_id, region_id, seq, id);
CREATE INDEX vswitches_by_vpc ON vswitches (vpc_id);

CREATE TABLE security_groups (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL,
    region_id   TEXT NOT NULL,
    vpc_id      TEXT NOT NULL,
    name        TEXT NOT NULL,
    seq         BIGINT NOT NULL,
    doc         TEXT NOT NULL
);
CREATE INDEX security_groups_by_account ON security_groups (account_id, region_id, seq, id);
CREATE INDEX security_groups_by_vpc ON security_groups (vpc_id);

CREATE TABLE instances (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL,
    region_id   TEXT NOT NULL,
    vpc_id      TEXT NOT NULL,
    vswitch_id  TEXT NOT NULL,
    zone_id     TEXT NOT NULL,
    instance_type TEXT NOT NULL,
    name        TEXT NOT NULL,
    status      TEXT NOT NULL,
    revision    BIGINT NOT NULL,
    seq         BIGINT NOT NULL,
    doc         TEXT NOT NULL
);
CREATE INDEX instances_by_account ON instances (account_id, region_id, seq, id);
CREATE INDEX instances_by_vpc ON instances (vpc_id);
CREATE INDEX instances_in_transition ON instances (status, revision);

CREATE TABLE enis (
    id           TEXT PRIMARY KEY,
    account_id   TEXT NOT NULL,
    region_id    TEXT NOT NULL,
    vpc_id       TEXT NOT NULL,
    vswitch_id   TEXT NOT NULL,
    instance_id  TEXT,
    type         TEXT NOT NULL,
    status       TEXT NOT NULL,
    mac          TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    primary_ip   TEXT NOT NULL,
    revision     BIGINT NOT NULL,
    seq          BIGINT NOT NULL,
    doc          TEXT NOT NULL
);
CREATE INDEX enis_by_account ON enis (account_id, region_id, seq, id);
CREATE INDEX enis_by_instance ON enis (instance_id);
CREATE INDEX enis_by_vswitch ON enis (vswitch_id);
CREATE INDEX enis_in_transition ON enis (status, revision);

-- IPAM: a private address belongs to at most one ENI in its vSwitch, whatever the interleaving of requests.
CREATE TABLE private_ips (
    vswitch_id  TEXT NOT NULL,
    ip          TEXT NOT NULL,
    eni_id      TEXT NOT NULL,
    PRIMARY KEY (vswitch_id, ip)
);
CREATE INDEX private_ips_by_eni ON private_ips (eni_id);

CREATE TABLE eips (
    id             TEXT PRIMARY KEY,
    account_id     TEXT NOT NULL,
    region_id      TEXT NOT NULL,
    ip_address     TEXT NOT NULL,
    status         TEXT NOT NULL,
    eni_id         TEXT,
    private_ip     TEXT,
    mode           TEXT,
    instance_id    TEXT,
    instance_type  TEXT,
    name           TEXT NOT NULL,
    isp            TEXT NOT NULL,
    charge_type    TEXT NOT NULL,
    revision       BIGINT NOT NULL,
    seq            BIGINT NOT NULL,
    doc            TEXT NOT NULL
);
CREATE UNIQUE INDEX eips_address ON eips (region_id, ip_address);
CREATE INDEX eips_by_account ON eips (account_id, region_id, seq, id);
CREATE INDEX eips_by_status ON eips (account_id, region_id, status, seq, id);
CREATE INDEX eips_by_eni ON eips (eni_id);
CREATE INDEX eips_by_instance ON eips (instance_id);
CREATE INDEX eips_in_transition ON eips (status, revision);
-- The seed's table, held by the database as a last line behind the rules:
-- in NAT mode one EIP per private IP; in cut-through mode one EIP per ENI.
CREATE UNIQUE INDEX eips_nat_private_ip ON eips (eni_id, private_ip) WHERE mode = 'NAT';
CREATE UNIQUE INDEX eips_binded_eni ON eips (eni_id) WHERE mode = 'BINDED';

-- How many EIPs each account has per region and status, kept in the transaction that changes an EIP, so that
-- DescribeEipAddresses' TotalCount costs one row read instead of an index scan over every matching EIP.
CREATE TABLE eip_counts (
    account_id  TEXT NOT NULL,
    region_id   TEXT NOT NULL,
    status      TEXT NOT NULL,
    n           BIGINT NOT NULL,
    PRIMARY KEY (account_id, region_id, status)
);

-- ClientToken idempotency: the primary key, not a check-then-insert, decides who owns a token.
CREATE TABLE client_tokens (
    account_id   TEXT NOT NULL,
    token        TEXT NOT NULL,
    action       TEXT NOT NULL,
    params_hash  TEXT NOT NULL,
    state        TEXT NOT NULL,
    response     TEXT,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (account_id, token)
);

-- Signature nonces seen within the replay window (15 minutes).
CREATE TABLE nonces (
    nonce    TEXT PRIMARY KEY,
    seen_at  BIGINT NOT NULL
);
CREATE INDEX nonces_by_time ON nonces (seen_at);

-- What changed at which revision, for the reconciler; trimmed once applied.
CREATE TABLE changes (
    revision  BIGINT NOT NULL,
    kind      TEXT NOT NULL,
    id        TEXT NOT NULL,
    PRIMARY KEY (revision, kind, id)
);

CREATE TABLE counters (
    name   TEXT PRIMARY KEY,
    value  BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('revision', 0);
INSERT INTO counters (name, value) VALUES ('applied_revision', 0);
