CREATE TABLE `status_list_entries` (
	`certificate_id` text PRIMARY KEY NOT NULL,
	`list_number` integer NOT NULL,
	`list_index` integer NOT NULL,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `status_list_entries_position` ON `status_list_entries` (`list_number`,`list_index`);--> statement-breakpoint
CREATE TABLE `status_list_versions` (
	`purpose` text NOT NULL,
	`list_number` integer NOT NULL,
	`sequence` integer NOT NULL,
	`content_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`purpose`, `list_number`, `sequence`)
);
--> statement-breakpoint
CREATE INDEX `artisans_suspended` ON `artisans` (`status`) WHERE status = 'suspended';--> statement-breakpoint
CREATE INDEX `certificates_kid` ON `certificates` (`kid`,`issued_at`);