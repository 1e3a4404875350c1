CREATE TABLE `running_totals` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `users_created_idx` ON `users` (`created_at`);--> statement-breakpoint
INSERT INTO `running_totals` (`name`, `value`)
SELECT 'people', count(*) FROM `users`
UNION ALL SELECT 'people_unverified', count(*) FROM `users` WHERE `email_verified_at` IS NULL
UNION ALL SELECT 'people_with_role:' || `role`, count(*) FROM `user_roles` GROUP BY `role`
UNION ALL SELECT 'cohorts', count(*) FROM `cohorts`
UNION ALL SELECT 'cohort_participants', count(DISTINCT `user_id`) FROM `cohort_members`
UNION ALL SELECT 'steps_completed', count(*) FROM `exercise_answers` WHERE `completed_at` IS NOT NULL
UNION ALL SELECT 'certificates', count(*) FROM `certificates`
UNION ALL SELECT 'job_applications', count(*) FROM `job_applications`
UNION ALL SELECT 'job_applicants', count(DISTINCT `user_id`) FROM `job_applications`
UNION ALL SELECT 'job_interviews', count(*) FROM `job_applications` WHERE `status` IN ('interview', 'offer', 'hired')
UNION ALL SELECT 'job_hires', count(*) FROM `job_applications` WHERE `status` = 'hired'
UNION ALL SELECT 'mentorships:' || `status`, count(*) FROM `mentorships` GROUP BY `status`
UNION ALL SELECT 'mentoring_sessions_held', count(*) FROM `mentoring_sessions` WHERE `status` = 'confirmed' AND 'held' IN (`mentor_outcome`, `mentee_outcome`);
--> statement-breakpoint
CREATE TRIGGER `users_totals_insert` AFTER INSERT ON `users` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('people', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('people_unverified', NEW.`email_verified_at` IS NULL) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `users_totals_verify` AFTER UPDATE OF `email_verified_at` ON `users` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('people_unverified', (NEW.`email_verified_at` IS NULL) - (OLD.`email_verified_at` IS NULL)) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `users_totals_delete` AFTER DELETE ON `users` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('people', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('people_unverified', -(OLD.`email_verified_at` IS NULL)) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `user_roles_totals_insert` AFTER INSERT ON `user_roles` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('people_with_role:' || NEW.`role`, 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `user_roles_totals_update` AFTER UPDATE OF `role` ON `user_roles` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('people_with_role:' || OLD.`role`, -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('people_with_role:' || NEW.`role`, 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `user_roles_totals_delete` AFTER DELETE ON `user_roles` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('people_with_role:' || OLD.`role`, -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `cohorts_totals_insert` AFTER INSERT ON `cohorts` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('cohorts', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `cohorts_totals_delete` AFTER DELETE ON `cohorts` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('cohorts', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `cohort_members_totals_insert` AFTER INSERT ON `cohort_members` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('cohort_participants', NOT EXISTS (SELECT 1 FROM `cohort_members` x WHERE x.`user_id` = NEW.`user_id` AND x.`id` <> NEW.`id`)) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `cohort_members_totals_move` AFTER UPDATE OF `user_id` ON `cohort_members` WHEN OLD.`user_id` IS NOT NEW.`user_id` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('cohort_participants', (NOT EXISTS (SELECT 1 FROM `cohort_members` x WHERE x.`user_id` = NEW.`user_id` AND x.`id` <> NEW.`id`)) - (NOT EXISTS (SELECT 1 FROM `cohort_members` x WHERE x.`user_id` = OLD.`user_id`))) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `cohort_members_totals_delete` AFTER DELETE ON `cohort_members` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('cohort_participants', -(NOT EXISTS (SELECT 1 FROM `cohort_members` x WHERE x.`user_id` = OLD.`user_id`))) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `exercise_answers_totals_insert` AFTER INSERT ON `exercise_answers` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('steps_completed', NEW.`completed_at` IS NOT NULL) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `exercise_answers_totals_update` AFTER UPDATE OF `completed_at` ON `exercise_answers` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('steps_completed', (NEW.`completed_at` IS NOT NULL) - (OLD.`completed_at` IS NOT NULL)) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `exercise_answers_totals_delete` AFTER DELETE ON `exercise_answers` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('steps_completed', -(OLD.`completed_at` IS NOT NULL)) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `certificates_totals_insert` AFTER INSERT ON `certificates` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('certificates', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `certificates_totals_delete` AFTER DELETE ON `certificates` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('certificates', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `job_applications_totals_insert` AFTER INSERT ON `job_applications` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('job_applications', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('job_applicants', NOT EXISTS (SELECT 1 FROM `job_applications` x WHERE x.`user_id` = NEW.`user_id` AND x.`id` <> NEW.`id`)) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('job_interviews', (NEW.`status` IN ('interview', 'offer', 'hired'))) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('job_hires', (NEW.`status` = 'hired')) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `job_applications_totals_status` AFTER UPDATE OF `status` ON `job_applications` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('job_interviews', -(OLD.`status` IN ('interview', 'offer', 'hired'))) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('job_hires', -(OLD.`status` = 'hired')) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('job_interviews', (NEW.`status` IN ('interview', 'offer', 'hired'))) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('job_hires', (NEW.`status` = 'hired')) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `job_applications_totals_move` AFTER UPDATE OF `user_id` ON `job_applications` WHEN OLD.`user_id` IS NOT NEW.`user_id` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('job_applicants', (NOT EXISTS (SELECT 1 FROM `job_applications` x WHERE x.`user_id` = NEW.`user_id` AND x.`id` <> NEW.`id`)) - (NOT EXISTS (SELECT 1 FROM `job_applications` x WHERE x.`user_id` = OLD.`user_id`))) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `job_applications_totals_delete` AFTER DELETE ON `job_applications` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('job_applications', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('job_applicants', -(NOT EXISTS (SELECT 1 FROM `job_applications` x WHERE x.`user_id` = OLD.`user_id`))) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('job_interviews', -(OLD.`status` IN ('interview', 'offer', 'hired'))) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('job_hires', -(OLD.`status` = 'hired')) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentorships_totals_insert` AFTER INSERT ON `mentorships` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('mentorships:' || NEW.`status`, 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentorships_totals_status` AFTER UPDATE OF `status` ON `mentorships` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('mentorships:' || OLD.`status`, -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('mentorships:' || NEW.`status`, 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentorships_totals_delete` AFTER DELETE ON `mentorships` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('mentorships:' || OLD.`status`, -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentoring_sessions_totals_insert` AFTER INSERT ON `mentoring_sessions` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('mentoring_sessions_held', (NEW.`status` = 'confirmed' AND (NEW.`mentor_outcome` IS 'held' OR NEW.`mentee_outcome` IS 'held'))) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentoring_sessions_totals_update` AFTER UPDATE OF `status`, `mentor_outcome`, `mentee_outcome` ON `mentoring_sessions` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('mentoring_sessions_held', (NEW.`status` = 'confirmed' AND (NEW.`mentor_outcome` IS 'held' OR NEW.`mentee_outcome` IS 'held')) - (OLD.`status` = 'confirmed' AND (OLD.`mentor_outcome` IS 'held' OR OLD.`mentee_outcome` IS 'held'))) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `mentoring_sessions_totals_delete` AFTER DELETE ON `mentoring_sessions` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('mentoring_sessions_held', -(OLD.`status` = 'confirmed' AND (OLD.`mentor_outcome` IS 'held' OR OLD.`mentee_outcome` IS 'held'))) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
