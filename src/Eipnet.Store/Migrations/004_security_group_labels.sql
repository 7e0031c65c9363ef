-- Eipnet schema, version 4 (issue 12): the resource group of a security group, a column so that DescribeSecurityGroups
-- filters on it; its tags are indexed in resource_tags (002) like those of VPCs and vSwitches. Runs unchanged on SQLite
-- and PostgreSQL.
ALTER TABLE security_groups ADD COLUMN resource_group_id TEXT NOT NULL DEFAULT '';
