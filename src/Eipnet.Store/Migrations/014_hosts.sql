-- Eipnet schema, version 14 (issue 10, hosts): an agent is a data-plane host with roles, an address its overlay peers reach
-- it at and a number (ids of overlay addresses); an instance names the host it runs on. Versions are unique, not consecutive.
-- Runs unchanged on SQLite and PostgreSQL.
ALTER TABLE agents ADD COLUMN roles TEXT NOT NULL DEFAULT 'gateway,compute';
ALTER TABLE agents ADD COLUMN underlay_address TEXT NOT NULL DEFAULT '';
ALTER TABLE agents ADD COLUMN host_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE instances ADD COLUMN host TEXT NOT NULL DEFAULT '';
UPDATE agents SET host_id = (SELECT COUNT(*) FROM agents AS earlier WHERE earlier.name <= agents.name);
CREATE INDEX instances_by_host ON instances (host);
