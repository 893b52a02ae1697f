CREATE TABLE `report_counts` (
	`bucket` text NOT NULL,
	`hour` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`bucket`, `hour`)
);
--> statement-breakpoint
CREATE INDEX `report_counts_hour` ON `report_counts` (`hour`);--> statement-breakpoint
CREATE TABLE `report_form_uses` (
	`nonce` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `report_form_uses_expiry` ON `report_form_uses` (`expires_at`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`secret_hash` text NOT NULL,
	`certificate_id` text,
	`presented_serial` text,
	`district_code` integer,
	`status` text DEFAULT 'new' NOT NULL,
	`place` text NOT NULL,
	`city` text NOT NULL,
	`country` text NOT NULL,
	`seller` text NOT NULL,
	`price_amount` text NOT NULL,
	`price_currency` text NOT NULL,
	`contact` text,
	`note` text,
	`lang` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer,
	`closed_at` integer,
	`outcome` text,
	`message` text,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_secret_hash_unique` ON `reports` (`secret_hash`);--> statement-breakpoint
CREATE INDEX `reports_district_status` ON `reports` (`district_code`,`status`);--> statement-breakpoint
CREATE INDEX `reports_status` ON `reports` (`status`);--> statement-breakpoint
CREATE INDEX `reports_certificate` ON `reports` (`certificate_id`);