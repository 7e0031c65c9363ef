-- Eipnet schema, version 5 (issue 12): the resource group of an ENI, a column so that DescribeNetworkInterfaces filters
-- on it; its tags are indexed in resource_tags (002). Runs unchanged on SQLite and PostgreSQL.
ALTER TABLE enis ADD COLUMN resource_group_id TEXT NOT NULL DEFAULT '';
