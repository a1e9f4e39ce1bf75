-- CONTRACT §11: a membership's group is another customer (another shard once distributed), so no
-- foreign key to it; the insert checks the group exists and is a group (share-locked), and a
-- membership never moves to another group. Nothing is rewritten.
ALTER TABLE "group_members" DROP CONSTRAINT "group_members_group_id_customers_id_fk";
