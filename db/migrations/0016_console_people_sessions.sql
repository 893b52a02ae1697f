CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`secret_hash` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`district_code` integer,
	`gi_tag_id` integer,
	`artisan_id` integer,
	`user_handle` text NOT NULL,
	`person_id` integer,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`withdrawn_at` integer,
	`created_by_role` text NOT NULL,
	`created_by_token_id` integer,
	`created_by_person_id` integer,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`gi_tag_id`) REFERENCES `gi_tags`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`artisan_id`) REFERENCES `artisans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_secret_hash_unique` ON `invitations` (`secret_hash`);--> statement-breakpoint
CREATE INDEX `invitations_district` ON `invitations` (`district_code`);--> statement-breakpoint
CREATE INDEX `invitations_gi_tag` ON `invitations` (`gi_tag_id`);--> statement-breakpoint
CREATE INDEX `invitations_person` ON `invitations` (`person_id`);--> statement-breakpoint
CREATE TABLE `passkeys` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`public_key` text NOT NULL,
	`counter` integer NOT NULL,
	`transports` text DEFAULT '[]' NOT NULL,
	`backed_up` integer DEFAULT false NOT NULL,
	`label` text,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`invitation_id` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `passkeys_invitation_id_unique` ON `passkeys` (`invitation_id`);--> statement-breakpoint
CREATE INDEX `passkeys_person` ON `passkeys` (`person_id`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`district_code` integer,
	`gi_tag_id` integer,
	`artisan_id` integer,
	`user_handle` text NOT NULL,
	`invitation_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`gi_tag_id`) REFERENCES `gi_tags`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`artisan_id`) REFERENCES `artisans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_user_handle_unique` ON `people` (`user_handle`);--> statement-breakpoint
CREATE UNIQUE INDEX `people_invitation_id_unique` ON `people` (`invitation_id`);--> statement-breakpoint
CREATE INDEX `people_district` ON `people` (`district_code`);--> statement-breakpoint
CREATE INDEX `people_gi_tag` ON `people` (`gi_tag_id`);--> statement-breakpoint
CREATE INDEX `people_artisan` ON `people` (`artisan_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`secret_hash` text NOT NULL,
	`person_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_secret_hash_unique` ON `sessions` (`secret_hash`);--> statement-breakpoint
CREATE INDEX `sessions_person` ON `sessions` (`person_id`);--> statement-breakpoint
CREATE TABLE `webauthn_challenges` (
	`challenge` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`invitation_id` integer,
	`person_id` integer,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webauthn_challenges_expiry` ON `webauthn_challenges` (`expires_at`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `actor_person_id` integer;