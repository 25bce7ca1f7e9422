-- 指标库 (issue 13): per entry, how many of the forms that use it are of each 项目类别 and of each 主管部门, as JSON
-- ({"categories": {"特定目标类": 3}, "departments": {"12": 2}}), refreshed by each seed like the other figures. The
-- editor's 推荐指标 rank entries by them (LibrarySuggestions).
ALTER TABLE indicator_library ADD COLUMN uses text NOT NULL DEFAULT '{}';
