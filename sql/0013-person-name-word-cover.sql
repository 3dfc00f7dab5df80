-- 0013-person-name-word-cover.sql
--
-- A name search reads person_name_word in its key's order and takes each
-- person once, at the first of their words in the prefix's range: for each
-- word read it asks whether the same person has a smaller word in that
-- range. With the index on person_id alone that question read the table's
-- rows, a random page each; on (person_id, word) it is answered from the
-- index. The same index serves the trigger's delete of a person's words,
-- so the old one goes.
CREATE INDEX person_name_word_person_word_idx ON person_name_word (person_id, word);
DROP INDEX person_name_word_person_idx;
