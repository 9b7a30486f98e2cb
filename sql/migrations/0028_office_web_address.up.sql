-- The address of the office's public pages (`redress serve`'s /complain and /status behind the
-- office's web server), which the acknowledgement of a complaint gives for following it.
ALTER TABLE office ADD COLUMN web_address text
    CONSTRAINT office_web_address_is_a_web_address CHECK (web_address ~ '^https?://[^/[:space:]]+(/[^[:space:]]*)?$');
