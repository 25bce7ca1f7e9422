-- A readable history (issue 10): each edit row keeps, beside the field path for machines, the field's name in the
-- form's words (label) and what kind of change it was (change_kind: changed, computed, added, removed, moved). A
-- return comment keeps the name of its row in label; an 'addressed' row refers to the comment it marks (refers_to).
-- Older rows keep NULL here and are read by translating their field paths.
ALTER TABLE audit_log
    ADD COLUMN label text,
    ADD COLUMN change_kind text,
    ADD COLUMN refers_to bigint REFERENCES audit_log (id);
