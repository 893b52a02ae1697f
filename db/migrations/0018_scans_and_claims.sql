CREATE TABLE `certificate_claims` (
	`certificate_id` text PRIMARY KEY NOT NULL,
	`code_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`claimed_at` integer,
	`claim_country` text,
	`tries` integer DEFAULT 0 NOT NULL,
	`tries_since` integer,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `certificate_scans` (
	`certificate_id` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`first_at` integer NOT NULL,
	`last_at` integer NOT NULL,
	`day` text NOT NULL,
	`day_count` integer NOT NULL,
	`last_country` text,
	`last_country_at` integer,
	`hops` integer DEFAULT 0 NOT NULL,
	`hops_since` integer,
	`countries_after_claim` text DEFAULT '' NOT NULL,
	`suspicion_rule` text,
	`suspicion_at` integer,
	`suspicion_figures` text,
	`cleared_at` integer,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `scan_days` (
	`certificate_id` text NOT NULL,
	`day` text NOT NULL,
	`country` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`certificate_id`, `day`, `country`),
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scan_days_day` ON `scan_days` (`day`);