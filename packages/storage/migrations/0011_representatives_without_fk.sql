-- CONTRACT §11: a link's representative is another customer (another shard once distributed), so
-- no foreign key to it; the link's insert requires it to exist (share-locked) and a move to
-- another representative is checked first. Nothing is rewritten.
ALTER TABLE "representatives" DROP CONSTRAINT "representatives_representative_id_customers_id_fk";
