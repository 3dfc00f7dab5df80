-- 0005-people.sql
--
-- The people an EHC case is about: children and young people from birth to
-- 25 (docs/domain.md), their national identifiers, address, languages and
-- the contacts who speak for them. Names are found by any prefix, whatever
-- the case or accents ("zoe" finds Zoë); identifiers and the date of birth
-- are found exactly.
--
-- People are never deleted (no DELETE for sendcase_app on person): the
-- audit trail and, later, their cases keep pointing at them. A person's
-- contacts are a list the API replaces whole on every change, so the app
-- may delete contact rows.
--
-- The two extensions ship with PostgreSQL (Debian's postgresql-15 package).
-- Both are "trusted", so the database owner may create them without being a
-- superuser; on an existing server where the owner lacks CREATE on the
-- database, an administrator creates them first (docs/operations.md).

CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- The key names are searched by: lower case, accents removed ("Zoë" and
-- "ZOE" are both "zoe"). unaccent() is only STABLE (its dictionary could
-- be changed), so it cannot be indexed directly; naming the dictionary
-- makes the result depend on the argument alone, and this wrapper declares
-- so. Changing the unaccent rules of the server would need a REINDEX of
-- the person_*_search_idx indexes.
CREATE FUNCTION person_search_key(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE TABLE person (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version        integer NOT NULL DEFAULT 1,
  given_name     text NOT NULL,
  family_name    text NOT NULL,
  preferred_name text,
  date_of_birth  date NOT NULL,
  -- the DfE census codes F and M are female and male; 'other' and
  -- 'not_known' follow ISO/IEC 5218 (9 and 0); NULL: not recorded
  sex            text,
  upn            char(13),
  uln            char(10),
  nhs_number     char(10),
  -- a UK postal address: up to three lines, the town and the postcode
  -- (upper case, one space before the inward code); all NULL: none known
  address_lines  text[],
  town           text,
  postcode       text,
  languages      text[] NOT NULL DEFAULT '{}',
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT person_given_name_length CHECK (char_length(given_name) BETWEEN 1 AND 100),
  CONSTRAINT person_family_name_length CHECK (char_length(family_name) BETWEEN 1 AND 100),
  CONSTRAINT person_preferred_name_length CHECK (char_length(preferred_name) BETWEEN 1 AND 100),
  CONSTRAINT person_sex CHECK (sex IN ('female', 'male', 'other', 'not_known')),
  CONSTRAINT person_upn_format CHECK (upn ~ '^[A-Z][0-9]{11}[0-9A-Z]$'),
  CONSTRAINT person_uln_format CHECK (uln ~ '^[0-9]{10}$'),
  CONSTRAINT person_nhs_number_format CHECK (nhs_number ~ '^[0-9]{10}$'),
  CONSTRAINT person_address_lines CHECK (cardinality(address_lines) BETWEEN 1 AND 3),
  CONSTRAINT person_postcode_format CHECK (postcode ~ '^[A-Z0-9]{2,4} [0-9][A-Z]{2}$')
);
-- the national identifiers name one person each
CREATE UNIQUE INDEX person_upn_key ON person (upn);
CREATE UNIQUE INDEX person_uln_key ON person (uln);
CREATE UNIQUE INDEX person_nhs_number_key ON person (nhs_number);
-- search by date of birth, and the duplicate check (same names and date)
CREATE INDEX person_date_of_birth_idx ON person (date_of_birth);
-- search by a prefix of a name: pg_trgm's GIN operator class answers
-- LIKE 'zoe%' (and '% zoe%', a later word of the name) from trigrams of the
-- search key, however many people there are; the rows it finds are
-- rechecked against the pattern
CREATE INDEX person_given_name_search_idx ON person USING gin (person_search_key(given_name) gin_trgm_ops);
CREATE INDEX person_family_name_search_idx ON person USING gin (person_search_key(family_name) gin_trgm_ops);
CREATE INDEX person_preferred_name_search_idx ON person USING gin (person_search_key(preferred_name) gin_trgm_ops);

CREATE TABLE person_contact (
  id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id               bigint NOT NULL REFERENCES person (id),
  position                integer NOT NULL,   -- the order the person's record lists them in, from 1
  name                    text NOT NULL,
  relationship            text,               -- "mother", "social worker", ...
  phone                   text,
  email                   text,
  preferred_contact       text,
  parental_responsibility boolean NOT NULL DEFAULT false,
  CONSTRAINT person_contact_name_length CHECK (char_length(name) BETWEEN 1 AND 200),
  CONSTRAINT person_contact_preferred CHECK (preferred_contact IN ('phone', 'email', 'post'))
);
-- no unique (person_id, position): a change deletes the old list and
-- inserts the new one in one statement
CREATE INDEX person_contact_person_idx ON person_contact (person_id, position);

-- Identity columns take their next value without a grant on their sequence.
GRANT SELECT, INSERT, UPDATE ON person TO sendcase_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON person_contact TO sendcase_app;
GRANT EXECUTE ON FUNCTION person_search_key(text) TO sendcase_app;
