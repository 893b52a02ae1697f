-- The trust bundle is built once per change of its content (src/service/bundle.ts): these
-- triggers raise trust_bundle_cache.generation in the same transaction as every write that can
-- change what readBundleData (src/store/bundle.ts) reads, so that no write path, present or
-- future, can forget to. A migration that rebuilds one of these tables drops its triggers and
-- must create them again; test/api/trust-bundle.test.ts notices when one is missing.
INSERT INTO `trust_bundle_cache` (`id`, `generation`) VALUES (1, 1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_signing_keys_insert` AFTER INSERT ON `signing_keys` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_signing_keys_update` AFTER UPDATE ON `signing_keys` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_signing_keys_delete` AFTER DELETE ON `signing_keys` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_districts_insert` AFTER INSERT ON `districts` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_districts_update` AFTER UPDATE ON `districts` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_districts_delete` AFTER DELETE ON `districts` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_products_insert` AFTER INSERT ON `products` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_products_update` AFTER UPDATE ON `products` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_products_delete` AFTER DELETE ON `products` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_gi_tags_insert` AFTER INSERT ON `gi_tags` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_gi_tags_update` AFTER UPDATE ON `gi_tags` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_gi_tags_delete` AFTER DELETE ON `gi_tags` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_certificate_revocations_insert` AFTER INSERT ON `certificate_revocations` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_certificate_revocations_update` AFTER UPDATE ON `certificate_revocations` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_certificate_revocations_delete` AFTER DELETE ON `certificate_revocations` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_artisans_insert` AFTER INSERT ON `artisans` FOR EACH ROW WHEN NEW.`status` = 'suspended' BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_artisans_update` AFTER UPDATE OF `name`, `seller_name`, `status`, `gi_withdrawn_at` ON `artisans` FOR EACH ROW WHEN OLD.`name` IS NOT NEW.`name` OR OLD.`seller_name` IS NOT NEW.`seller_name` OR OLD.`status` IS NOT NEW.`status` OR OLD.`gi_withdrawn_at` IS NOT NEW.`gi_withdrawn_at` BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_artisans_delete` AFTER DELETE ON `artisans` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_certificates_insert` AFTER INSERT ON `certificates` FOR EACH ROW WHEN NOT EXISTS (SELECT 1 FROM `certificates` AS `other` WHERE `other`.`artisan_id` = NEW.`artisan_id` AND `other`.`id` <> NEW.`id`) BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_certificates_update` AFTER UPDATE OF `artisan_id` ON `certificates` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_certificates_delete` AFTER DELETE ON `certificates` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
