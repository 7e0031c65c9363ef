-- Eipnet schema, version 6 (issue 12): the resource group of an instance, a column so that DescribeInstances filters on
-- it; its tags are indexed in resource_tags (002). Runs unchanged on SQLite and PostgreSQL.
ALTER TABLE instances ADD COLUMN resource_group_id TEXT NOT NULL DEFAULT '';
