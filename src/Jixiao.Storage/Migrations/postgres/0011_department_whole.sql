-- 部门整体 forms (issue 12, item 6; decision 0024): the department's whole-year declaration and its self-evaluation
-- are two more kinds of form, stored in forms like the project forms.
ALTER TABLE forms DROP CONSTRAINT forms_kind_check;
ALTER TABLE forms ADD CONSTRAINT forms_kind_check CHECK (kind IN ('self-evaluation', 'target-declaration', 'monitoring',
    'department-declaration', 'department-self-evaluation'));
