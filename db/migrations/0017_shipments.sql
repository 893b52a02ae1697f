CREATE TABLE `shipment_items` (
	`shipment_id` text NOT NULL,
	`certificate_id` text NOT NULL,
	`position` integer NOT NULL,
	`token_sha256` text NOT NULL,
	`added_at` integer NOT NULL,
	`released` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`shipment_id`, `certificate_id`),
	FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipment_items_position` ON `shipment_items` (`shipment_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `shipment_items_one_shipment` ON `shipment_items` (`certificate_id`) WHERE released = 0;--> statement-breakpoint
CREATE TABLE `shipments` (
	`id` text PRIMARY KEY NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`owner_token_id` integer,
	`owner_person_id` integer,
	`exporter_name` text NOT NULL,
	`consignee_name` text NOT NULL,
	`consignee_country` text NOT NULL,
	`reference` text,
	`note` text,
	`document_language` text NOT NULL,
	`item_count` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`sealed_at` integer,
	`manifest_header` text,
	`manifest_signature` text,
	`manifest_kid` text,
	`merkle_root` text,
	`cancelled_at` integer,
	`cancel_reason` text
);
--> statement-breakpoint
CREATE INDEX `shipments_owner_token` ON `shipments` (`owner_token_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `shipments_owner_person` ON `shipments` (`owner_person_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `shipments_created` ON `shipments` (`created_at`);