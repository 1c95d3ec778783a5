-- The place's name in Simplified Chinese (src/gazetteer/chinese-names.ts); NULL where no source
-- gives one. Filled by the next gazetteer run (its parser version changed with this column).
ALTER TABLE locations ADD COLUMN name_zh text;
