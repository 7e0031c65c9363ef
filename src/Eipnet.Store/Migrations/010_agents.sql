-- Eipnet schema, version 10 (issue 10): the agents that apply the intent on hosts, each with the hash of its token and the
-- generation (store revision) it last reported as applied. Versions are unique, not consecutive.
-- Runs unchanged on SQLite and PostgreSQL.
CREATE TABLE agents (
    name                TEXT PRIMARY KEY,
    token_sha256        TEXT NOT NULL,
    applied_generation  BIGINT NOT NULL DEFAULT 0,
    created_at          BIGINT NOT NULL,
    seen_at             BIGINT NOT NULL DEFAULT 0,
    applied_at          BIGINT NOT NULL DEFAULT 0
);
