CREATE TABLE `batches` (
	`id` text PRIMARY KEY NOT NULL,
	`item_count` integer NOT NULL,
	`source` text NOT NULL,
	`idempotency_key` text,
	`request_hash` text NOT NULL,
	`actor_role` text NOT NULL,
	`actor_token_id` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `batches_idempotency_key_unique` ON `batches` (`idempotency_key`);--> statement-breakpoint
ALTER TABLE `certificates` ADD `batch_id` text REFERENCES batches(id);--> statement-breakpoint
ALTER TABLE `certificates` ADD `batch_row` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_batch_row` ON `certificates` (`batch_id`,`batch_row`);