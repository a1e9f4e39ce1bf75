CREATE TABLE "event_relays" (
	"name" text PRIMARY KEY NOT NULL,
	"feed_txid" bigint NOT NULL,
	"feed_position" bigint NOT NULL
);
