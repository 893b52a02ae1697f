CREATE TABLE `trust_bundle_cache` (
	`id` integer PRIMARY KEY NOT NULL,
	`generation` integer DEFAULT 1 NOT NULL,
	`built_generation` integer,
	`sequence` integer,
	`content_hash` text,
	`issuer` text,
	`signer_kid` text,
	`issued_at` integer,
	`bundle` text
);
--> statement-breakpoint
ALTER TABLE `trust_bundle_versions` ADD `generation` integer;