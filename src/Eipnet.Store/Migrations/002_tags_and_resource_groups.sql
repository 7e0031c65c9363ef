-- Eipnet schema, version 2 (issue 12): tags and resource groups. Runs unchanged on SQLite and PostgreSQL.
-- A resource's tags stay in its document; resource_tags repeats them, one row per tag, for the tables that are tagged
-- here, so that Describe filters by tag in SQL (pages and TotalCount stay right) and ListTagResources finds resources
-- by tag. The store rewrites a resource's rows whenever it writes the resource, in the same transaction.
CREATE TABLE resource_tags (
    resource_id  TEXT NOT NULL,
    tag_key      TEXT NOT NULL,
    tag_value    TEXT NOT NULL,
    PRIMARY KEY (resource_id, tag_key)
);
CREATE INDEX resource_tags_by_tag ON resource_tags (tag_key, tag_value);

ALTER TABLE vpcs ADD COLUMN resource_group_id TEXT NOT NULL DEFAULT '';
ALTER TABLE vswitches ADD COLUMN resource_group_id TEXT NOT NULL DEFAULT '';
