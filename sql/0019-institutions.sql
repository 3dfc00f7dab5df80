-- 0019-institutions.sql
--
-- The institution directory: every school, college and early-years
-- setting the DfE's "Get Information About Schools" lists, by its URN,
-- loaded from the establishment CSV (sendcasectl institutions import).
-- A row is changed only when what the file says of it changed; closed
-- establishments stay, with their status and close date. Not children's
-- data: any signed-in user reads it.
CREATE TABLE institution (
  urn                  integer PRIMARY KEY,
  ukprn                integer,
  la_code              text,
  la_name              text,
  establishment_number text,
  name                 text NOT NULL,
  type                 text,
  type_group           text,
  status               text,
  phase                text,
  open_date            date,
  close_date           date,
  street               text,
  town                 text,
  postcode             text,
  low_age              smallint,
  high_age             smallint,
  -- lower-case name and the postcode without spaces, for searching
  search_name          text NOT NULL GENERATED ALWAYS AS (lower(name)) STORED,
  search_postcode      text GENERATED ALWAYS AS (upper(replace(postcode, ' ', ''))) STORED,
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT institution_urn CHECK (urn > 0),
  CONSTRAINT institution_name_length CHECK (char_length(name) BETWEEN 1 AND 200)
);
CREATE INDEX institution_name_idx ON institution (search_name text_pattern_ops);
CREATE INDEX institution_postcode_idx ON institution (search_postcode text_pattern_ops);

GRANT SELECT, INSERT ON institution TO sendcase_app;
GRANT UPDATE (ukprn, la_code, la_name, establishment_number, name, type, type_group, status, phase, open_date,
              close_date, street, town, postcode, low_age, high_age, updated_at) ON institution TO sendcase_app;
