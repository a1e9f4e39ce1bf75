-- CONTRACT §11: the member's header reads its groups from its own membership rows, so the group's
-- name is kept on the membership (the group is another customer, on another shard once
-- distributed). Filled from the groups, then required.
ALTER TABLE "group_members" ADD COLUMN "group_name" text;--> statement-breakpoint
UPDATE "group_members" m SET "group_name" = g."name" FROM "customers" g WHERE g."id" = m."group_id";--> statement-breakpoint
ALTER TABLE "group_members" ALTER COLUMN "group_name" SET NOT NULL;
