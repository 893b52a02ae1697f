ALTER TABLE `gi_tags` ADD `story` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `story` text DEFAULT '{}' NOT NULL;