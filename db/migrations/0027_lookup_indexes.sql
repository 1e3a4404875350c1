CREATE INDEX `user_roles_role_idx` ON `user_roles` (`role`,`user_id`);--> statement-breakpoint
CREATE INDEX `users_name_idx` ON `users` ("name" collate nocase,`id`);--> statement-breakpoint
CREATE INDEX `outbox_created_idx` ON `outbox` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_status_created_idx` ON `outbox` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_user_idx` ON `outbox` (`user_id`);--> statement-breakpoint
CREATE INDEX `registration_answers_question_idx` ON `registration_answers` (`question_id`);--> statement-breakpoint
CREATE INDEX `exercise_answers_step_idx` ON `exercise_answers` (`step_id`);--> statement-breakpoint
CREATE INDEX `mentorships_status_idx` ON `mentorships` (`status`,`mentor_id`);--> statement-breakpoint
CREATE INDEX `donations_customer_idx` ON `donations` (`customer_id`);--> statement-breakpoint
CREATE INDEX `recurring_gifts_first_donation_idx` ON `recurring_gifts` (`first_donation_id`);--> statement-breakpoint
CREATE INDEX `statement_lines_statement_idx` ON `statement_lines` (`statement_id`,`status`);