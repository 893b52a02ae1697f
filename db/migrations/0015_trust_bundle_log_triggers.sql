-- The trust bundle now carries each certified artisan's monthly capacity and the transparency
-- log's latest cosigned checkpoint (docs/trust-bundle.md §10): the stored bundle must be built
-- again when either changes, like the rest of its content (0009_trust_bundle_triggers.sql).
DROP TRIGGER IF EXISTS `trust_bundle_artisans_update`;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_artisans_update` AFTER UPDATE OF `name`, `seller_name`, `status`, `gi_withdrawn_at`, `monthly_capacity` ON `artisans` FOR EACH ROW WHEN OLD.`name` IS NOT NEW.`name` OR OLD.`seller_name` IS NOT NEW.`seller_name` OR OLD.`status` IS NOT NEW.`status` OR OLD.`gi_withdrawn_at` IS NOT NEW.`gi_withdrawn_at` OR OLD.`monthly_capacity` IS NOT NEW.`monthly_capacity` BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_log_checkpoints_insert` AFTER INSERT ON `log_checkpoints` FOR EACH ROW BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `trust_bundle_log_checkpoints_update` AFTER UPDATE OF `cosignature_count` ON `log_checkpoints` FOR EACH ROW WHEN OLD.`cosignature_count` IS NOT NEW.`cosignature_count` BEGIN UPDATE `trust_bundle_cache` SET `generation` = `generation` + 1 WHERE `id` = 1; END;
