CREATE TABLE `certificate_revocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`certificate_id` text NOT NULL,
	`reason` text NOT NULL,
	`revoked_at` integer NOT NULL,
	`reinstated_at` integer,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_revocations_current` ON `certificate_revocations` (`certificate_id`) WHERE reinstated_at IS NULL;--> statement-breakpoint
CREATE TABLE `trust_bundle_versions` (
	`sequence` integer PRIMARY KEY NOT NULL,
	`content_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `signing_keys` ADD `state` text DEFAULT 'retired' NOT NULL;--> statement-breakpoint
ALTER TABLE `signing_keys` ADD `retired_at` integer;--> statement-breakpoint
ALTER TABLE `signing_keys` ADD `revoked_at` integer;--> statement-breakpoint
ALTER TABLE `signing_keys` ADD `compromised_at` integer;--> statement-breakpoint
ALTER TABLE `signing_keys` ADD `revocation_reason` text;--> statement-breakpoint
CREATE UNIQUE INDEX `signing_keys_one_active` ON `signing_keys` (`state`) WHERE state = 'active';