ALTER TABLE `api_tokens` ADD `district_code` integer REFERENCES districts(code);--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `gi_tag_id` integer REFERENCES gi_tags(id);--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `artisan_id` integer;--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `expires_at` integer;--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `created_by_token_id` integer;--> statement-breakpoint
CREATE INDEX `api_tokens_prefix` ON `api_tokens` (`prefix`);--> statement-breakpoint
ALTER TABLE `artisans` ADD `status` text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE `artisans` ADD `gi_withdrawn_at` integer;--> statement-breakpoint
ALTER TABLE `artisans` ADD `photo_url` text;--> statement-breakpoint
ALTER TABLE `artisans` ADD `languages` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `artisans` ADD `may_self_issue` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `artisans` ADD `updated_at` integer;--> statement-breakpoint
CREATE INDEX `artisans_gi_tag` ON `artisans` (`gi_tag_id`);--> statement-breakpoint
CREATE INDEX `certificates_district` ON `certificates` (`district_code`,`issued_at`);--> statement-breakpoint
CREATE INDEX `certificates_issued` ON `certificates` (`issued_at`,`id`);