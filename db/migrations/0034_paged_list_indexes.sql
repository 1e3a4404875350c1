CREATE INDEX `bank_statements_imported_idx` ON `bank_statements` (`imported_at`,`id`);--> statement-breakpoint
CREATE INDEX `payment_disputes_status_idx` ON `payment_disputes` (`status`,`respond_by`,`opened_at`);--> statement-breakpoint
CREATE INDEX `breaches_open_idx` ON `breaches` (`notify_by`,"found_at" desc,`id`) WHERE "breaches"."closed_at" is null;--> statement-breakpoint
CREATE INDEX `stories_quotable_idx` ON `stories` (`consented_at`,`id`) WHERE "stories"."may_quote" = 1 and "stories"."withdrawn_at" is null;--> statement-breakpoint
INSERT INTO `running_totals` (`name`, `value`) SELECT 'rows:bank_statements', count(*) FROM `bank_statements` WHERE 1
ON CONFLICT (`name`) DO UPDATE SET `value` = excluded.`value`;
--> statement-breakpoint
CREATE TRIGGER `bank_statements_rows_insert` AFTER INSERT ON `bank_statements` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:bank_statements', 1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `bank_statements_rows_delete` AFTER DELETE ON `bank_statements` BEGIN
  INSERT INTO `running_totals` (`name`, `value`) VALUES ('rows:bank_statements', -1) ON CONFLICT (`name`) DO UPDATE SET `value` = `value` + excluded.`value`;
END;
