CREATE TABLE `broadcast_tallies` (
	`broadcast_id` text NOT NULL,
	`status` text NOT NULL,
	`channel` text NOT NULL,
	`delivery` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`broadcast_id`, `status`, `channel`, `delivery`)
);
--> statement-breakpoint
INSERT INTO `broadcast_tallies` (`broadcast_id`, `status`, `channel`, `delivery`, `n`)
SELECT `broadcast_id`, `status`, `channel`, coalesce(`delivery_status`, ''), count(*) FROM `outbox`
WHERE `broadcast_id` IS NOT NULL GROUP BY `broadcast_id`, `status`, `channel`, coalesce(`delivery_status`, '');
--> statement-breakpoint
CREATE TRIGGER `outbox_tallies_insert` AFTER INSERT ON `outbox` WHEN NEW.`broadcast_id` IS NOT NULL BEGIN
  INSERT INTO `broadcast_tallies` (`broadcast_id`, `status`, `channel`, `delivery`, `n`)
  VALUES (NEW.`broadcast_id`, NEW.`status`, NEW.`channel`, coalesce(NEW.`delivery_status`, ''), 1)
  ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `outbox_tallies_delete` AFTER DELETE ON `outbox` WHEN OLD.`broadcast_id` IS NOT NULL BEGIN
  UPDATE `broadcast_tallies` SET `n` = `n` - 1
  WHERE `broadcast_id` = OLD.`broadcast_id` AND `status` = OLD.`status` AND `channel` = OLD.`channel` AND `delivery` = coalesce(OLD.`delivery_status`, '');
END;
--> statement-breakpoint
CREATE TRIGGER `outbox_tallies_update` AFTER UPDATE OF `broadcast_id`, `status`, `channel`, `delivery_status` ON `outbox`
WHEN OLD.`broadcast_id` IS NOT NULL OR NEW.`broadcast_id` IS NOT NULL BEGIN
  UPDATE `broadcast_tallies` SET `n` = `n` - 1
  WHERE `broadcast_id` = OLD.`broadcast_id` AND `status` = OLD.`status` AND `channel` = OLD.`channel` AND `delivery` = coalesce(OLD.`delivery_status`, '');
  INSERT INTO `broadcast_tallies` (`broadcast_id`, `status`, `channel`, `delivery`, `n`)
  SELECT NEW.`broadcast_id`, NEW.`status`, NEW.`channel`, coalesce(NEW.`delivery_status`, ''), 1 WHERE NEW.`broadcast_id` IS NOT NULL
  ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
