CREATE TABLE `privacy_notices` (
	`version` integer PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`published_at` integer NOT NULL,
	`published_by` text
);
