CREATE TABLE `log_checkpoints` (
	`size` integer PRIMARY KEY NOT NULL,
	`previous_size` integer NOT NULL,
	`root_hash` text NOT NULL,
	`note` text NOT NULL,
	`created_at` integer NOT NULL,
	`cosignature_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `log_checkpoints_previous_size_unique` ON `log_checkpoints` (`previous_size`);--> statement-breakpoint
CREATE TABLE `log_cosignatures` (
	`size` integer NOT NULL,
	`witness` text NOT NULL,
	`line` text NOT NULL,
	`cosigned_at` integer NOT NULL,
	PRIMARY KEY(`size`, `witness`),
	FOREIGN KEY (`size`) REFERENCES `log_checkpoints`(`size`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `log_cosignatures_witness` ON `log_cosignatures` (`witness`,`size`);--> statement-breakpoint
CREATE TABLE `log_entries` (
	`idx` integer PRIMARY KEY NOT NULL,
	`certificate_id` text NOT NULL,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `log_entries_certificate_id_unique` ON `log_entries` (`certificate_id`);--> statement-breakpoint
CREATE TABLE `log_tiles` (
	`level` integer NOT NULL,
	`idx` integer NOT NULL,
	`width` integer NOT NULL,
	`hashes` blob NOT NULL,
	PRIMARY KEY(`level`, `idx`)
);
--> statement-breakpoint
ALTER TABLE `artisans` ADD `monthly_capacity` integer;--> statement-breakpoint
-- Certificates issued before the log existed enter it first, in the order they were issued
-- (a batch's in its rows' order), so that every certificate is in the log.
INSERT INTO `log_entries` (`idx`, `certificate_id`) SELECT row_number() OVER (ORDER BY `issued_at`, `batch_id`, `batch_row`, `id`) - 1, `id` FROM `certificates`;
