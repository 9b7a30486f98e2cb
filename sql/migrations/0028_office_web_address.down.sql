ALTER TABLE office DROP COLUMN web_address;
