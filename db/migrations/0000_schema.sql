CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`token_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `artisans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`district_code` integer NOT NULL,
	`product_id` integer,
	`craft` text,
	`gi_tag_id` integer,
	`gi_authorised_user_number` text,
	`gstin` text,
	`udyam` text,
	`seller_gstin` text,
	`seller_name` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`gi_tag_id`) REFERENCES `gi_tags`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `artisans_gstin_unique` ON `artisans` (`gstin`);--> statement-breakpoint
CREATE UNIQUE INDEX `artisans_gi_authorised_user` ON `artisans` (`gi_tag_id`,`gi_authorised_user_number`);--> statement-breakpoint
CREATE INDEX `artisans_district` ON `artisans` (`district_code`);--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`artisan_id` integer NOT NULL,
	`district_code` integer NOT NULL,
	`product_id` integer,
	`gi_tag_id` integer,
	`title` text NOT NULL,
	`materials` text DEFAULT '[]' NOT NULL,
	`made_on` text,
	`issued_at` integer NOT NULL,
	`kid` text NOT NULL,
	`token` text NOT NULL,
	FOREIGN KEY (`artisan_id`) REFERENCES `artisans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`gi_tag_id`) REFERENCES `gi_tags`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kid`) REFERENCES `signing_keys`(`kid`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_token_unique` ON `certificates` (`token`);--> statement-breakpoint
CREATE INDEX `certificates_artisan` ON `certificates` (`artisan_id`);--> statement-breakpoint
CREATE TABLE `districts` (
	`code` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`division` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `districts_name_unique` ON `districts` (`name`);--> statement-breakpoint
CREATE TABLE `gi_tag_districts` (
	`gi_tag_id` integer NOT NULL,
	`district_code` integer NOT NULL,
	PRIMARY KEY(`gi_tag_id`, `district_code`),
	FOREIGN KEY (`gi_tag_id`) REFERENCES `gi_tags`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `gi_tags` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`application_number` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gi_tags_name_unique` ON `gi_tags` (`name`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY NOT NULL,
	`district_code` integer NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_district_name` ON `products` (`district_code`,`name`);--> statement-breakpoint
CREATE TABLE `signing_keys` (
	`kid` text PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`created_at` integer NOT NULL
);
