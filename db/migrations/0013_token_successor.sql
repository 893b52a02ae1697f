ALTER TABLE `api_tokens` ADD `replaces_token_id` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_one_successor` ON `api_tokens` (`replaces_token_id`);