ALTER TABLE `events` ADD `seats_held` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `waiting_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `events` SET
  `seats_held` = (SELECT count(*) FROM `registrations` r WHERE r.`event_id` = `events`.`id` AND r.`status` IN ('confirmed', 'offered')),
  `waiting_count` = (SELECT count(*) FROM `registrations` r WHERE r.`event_id` = `events`.`id` AND r.`status` = 'waitlisted');
--> statement-breakpoint
CREATE TRIGGER `registrations_counts_insert` AFTER INSERT ON `registrations` BEGIN
  UPDATE `events` SET
    `seats_held` = `seats_held` + (NEW.`status` IN ('confirmed', 'offered')),
    `waiting_count` = `waiting_count` + (NEW.`status` = 'waitlisted')
  WHERE `id` = NEW.`event_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `registrations_counts_update` AFTER UPDATE OF `status`, `event_id` ON `registrations` BEGIN
  UPDATE `events` SET
    `seats_held` = `seats_held` - (OLD.`status` IN ('confirmed', 'offered')),
    `waiting_count` = `waiting_count` - (OLD.`status` = 'waitlisted')
  WHERE `id` = OLD.`event_id`;
  UPDATE `events` SET
    `seats_held` = `seats_held` + (NEW.`status` IN ('confirmed', 'offered')),
    `waiting_count` = `waiting_count` + (NEW.`status` = 'waitlisted')
  WHERE `id` = NEW.`event_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `registrations_counts_delete` AFTER DELETE ON `registrations` BEGIN
  UPDATE `events` SET
    `seats_held` = `seats_held` - (OLD.`status` IN ('confirmed', 'offered')),
    `waiting_count` = `waiting_count` - (OLD.`status` = 'waitlisted')
  WHERE `id` = OLD.`event_id`;
END;
