-- Eipnet schema, version 3 (issue 12): the resource group of an EIP, a column so that DescribeEipAddresses filters on it.
-- Runs unchanged on SQLite and PostgreSQL.
ALTER TABLE eips ADD COLUMN resource_group_id TEXT NOT NULL DEFAULT '';
