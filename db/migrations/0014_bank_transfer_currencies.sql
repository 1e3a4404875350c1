ALTER TABLE `organisation_settings` ADD `bank_transfer_currencies` text DEFAULT '["NGN"]' NOT NULL;--> statement-breakpoint
-- An existing installation's account takes the currency it already works in.
UPDATE `organisation_settings` SET `bank_transfer_currencies` = json_array(`currency`);
