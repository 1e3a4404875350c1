DROP INDEX `mentor_profiles_status_idx`;--> statement-breakpoint
CREATE INDEX `mentor_profiles_status_idx` ON `mentor_profiles` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `users_guardian_waiting_idx` ON `users` (`created_at`,`id`) WHERE "users"."guardian_consent" = 'waiting';
--> statement-breakpoint
INSERT INTO `running_totals` (`name`, `value`)
SELECT 'mentor_profiles:' || `status`, count(*) FROM `mentor_profiles` WHERE 1 GROUP BY `status`
ON CONFLICT (`name`) DO UPDATE SET `value` = excluded.`value`;
--> statement-breakpoint
CREATE TRIGGER `mentor_profiles_totals_insert` AFTER INSERT ON `mentor_profiles` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('mentor_profiles:' || NEW.`status`, 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentor_profiles_totals_update` AFTER UPDATE OF `status` ON `mentor_profiles` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('mentor_profiles:' || OLD.`status`, -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('mentor_profiles:' || NEW.`status`, 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentor_profiles_totals_delete` AFTER DELETE ON `mentor_profiles` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('mentor_profiles:' || OLD.`status`, -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
