-- 0008-person-search-keys.sql
--
-- The search keys of a person's names (person_search_key: lower case, no
-- accents) kept in the row, written when a name is. A search by the start
-- of a name matches the key of every name of every person its trigram
-- index finds; computed there, that was three calls of unaccent() per
-- person found, and a prefix as short as "ma" finds some twenty thousand
-- people in a national-size table. Stored, the check is a plain LIKE. The
-- trigram indexes move from the expressions to the columns.
ALTER TABLE person
  ADD COLUMN given_key text GENERATED ALWAYS AS (person_search_key(given_name)) STORED,
  ADD COLUMN family_key text GENERATED ALWAYS AS (person_search_key(family_name)) STORED,
  ADD COLUMN preferred_key text GENERATED ALWAYS AS (person_search_key(preferred_name)) STORED;

DROP INDEX person_given_name_search_idx;
DROP INDEX person_family_name_search_idx;
DROP INDEX person_preferred_name_search_idx;
CREATE INDEX person_given_key_search_idx ON person USING gin (given_key gin_trgm_ops);
CREATE INDEX person_family_key_search_idx ON person USING gin (family_key gin_trgm_ops);
CREATE INDEX person_preferred_key_search_idx ON person USING gin (preferred_key gin_trgm_ops);
