using System.Text.Json.Nodes;
using Jixiao.Core.Interchange;
using Jixiao.Core.Model;

namespace Jixiao.Tests.DepartmentWhole;

/// <summary>The two 部门整体 kinds in the JSON format (docs/json-format.md): their fields, a round trip, strict reading.</summary>
public class DepartmentWholeJsonTests
{
    [Fact]
    public void The_declaration_reads_into_its_own_kind_with_tasks_and_goal()
    {
        var d = DepartmentWholeSupport.Declaration();

        Assert.Equal(FormKind.DepartmentDeclaration, d.Kind);
        Assert.Equal(("示例县农业技术推广中心", "示例县农业农村局", "208003", "张明"), (d.ImplementingUnit, d.Department, d.UnitCode, d.Contact));
        Assert.Equal(3, d.Tasks.Rows.Count);
        Assert.Equal(("农业技术推广", 86.00m, 70.00m, 16.00m), (d.Tasks.Rows[2].Name, d.Tasks.Rows[2].Total, d.Tasks.Rows[2].Fiscal, d.Tasks.Rows[2].Other));
        Assert.Equal((444.00m, 423.00m, 21.00m, MoneyUnit.WanYuan), (d.Tasks.Total, d.Tasks.Fiscal, d.Tasks.Other, d.Tasks.Unit));
        Assert.StartsWith("保障机构正常运转", d.AnnualGoal);
        Assert.Equal("按抽样调查计", d.Indicators[2].Remark);
        Assert.Equal("示例县农业技术推广中心部门整体支出", d.Subject());
    }

    [Fact]
    public void Both_kinds_come_back_from_their_own_json_unchanged()
    {
        foreach (PerformanceForm form in new PerformanceForm[] { DepartmentWholeSupport.Declaration(), DepartmentWholeSupport.SelfEvaluation() })
        {
            var json = FormJson.Serialize([form]);
            var back = FormJsonReader.ParseArray(json).Single();
            Assert.Equal(form.Kind, back.Kind);
            Assert.Equal(json, FormJson.Serialize([back]));
        }
    }

    [Fact]
    public void Each_kind_writes_its_own_fields_and_none_of_the_others()
    {
        var d = JsonNode.Parse(FormJson.Serialize([DepartmentWholeSupport.Declaration()]))![0]!.AsObject();
        var s = JsonNode.Parse(FormJson.Serialize([DepartmentWholeSupport.SelfEvaluation()]))![0]!.AsObject();

        Assert.Equal("department-declaration", (string?)d["kind"]);
        Assert.True(d.ContainsKey("tasks") && d.ContainsKey("functions") && d.ContainsKey("unitCode"));
        Assert.False(d.ContainsKey("funds") || d.ContainsKey("totalScore") || d.ContainsKey("projectNature"));
        Assert.False(d["goals"]!.AsObject().ContainsKey("actual"));

        Assert.Equal("department-self-evaluation", (string?)s["kind"]);
        Assert.True(s.ContainsKey("funds") && s.ContainsKey("tasks") && s.ContainsKey("totalScore") && s.ContainsKey("grade"));
        Assert.False(s.ContainsKey("functions") || s.ContainsKey("startDate"));
        Assert.Equal(95.00m, (decimal)s["funds"]!["executionRate"]!);
        Assert.True(s["goals"]!.AsObject().ContainsKey("adjusted"));
    }

    [Fact]
    public void A_project_self_evaluation_is_stored_without_any_department_field()
    {
        var project = new SelfEvaluation { Year = 2024, ProjectName = "党建经费", ImplementingUnit = "某中心" };
        var json = FormJson.ToJson(project);

        foreach (var field in new[] { "tasks", "unitCode", "contact", "phone", "functions" }) Assert.False(json.ContainsKey(field), field);
        Assert.False(json["goals"]!.AsObject().ContainsKey("adjusted"));
    }

    [Fact]
    public void The_strict_reading_refuses_a_project_field_on_a_department_form_and_a_missing_tasks_block()
    {
        var doc = StrictJson.Read<FormDocument>("""
            { "kind": "department-declaration", "implementingUnit": "某局", "projectNature": "其他经常性项目",
              "goals": {}, "indicators": [] }
            """, strict: true);

        var (form, problems) = FormJsonReader.ReadStrict(doc);

        Assert.Null(form);
        Assert.Contains(problems, p => p.Field == "projectNature" && p.Message.Contains("部门整体支出绩效目标表没有字段"));
        Assert.Contains(problems, p => p.Field == "tasks" && p.Message.Contains("缺少年度主要任务"));
        // A 部门整体目标表 has no 项目资金 block: a missing funds is not asked for.
        Assert.DoesNotContain(problems, p => p.Field == "funds");
    }

    [Fact]
    public void The_strict_reading_refuses_tasks_on_a_project_declaration()
    {
        var doc = StrictJson.Read<FormDocument>("""
            { "kind": "target-declaration", "projectName": "某项目", "funds": {}, "goals": {}, "indicators": [],
              "tasks": { "rows": [] } }
            """, strict: true);

        var (_, problems) = FormJsonReader.ReadStrict(doc);

        Assert.Contains(problems, p => p.Field == "tasks" && p.Message.Contains("它属于部门整体支出绩效目标表、部门整体支出绩效自评表"));
    }

    [Fact]
    public void A_task_amount_unit_outside_the_format_is_refused_naming_the_field()
    {
        var ex = Assert.Throws<FormJsonException>(() => FormJsonReader.Parse("""
            { "kind": "department-declaration", "tasks": { "unit": "千元", "rows": [] }, "goals": {}, "indicators": [] }
            """));

        Assert.Equal("tasks.unit", ex.Path);
        Assert.Contains("千元", ex.Message);
    }

    [Fact]
    public void Two_readings_of_one_form_from_different_lines_have_one_content_hash()
    {
        var a = DepartmentWholeSupport.Declaration();
        var b = DepartmentWholeSupport.Declaration();
        b.Tasks.Rows[0].Line = 40;
        b.Tasks.TotalLine = 44;
        b.Source = new SourceRef("other.xlsx", 3);

        Assert.Equal(FormJson.ContentHash(a), FormJson.ContentHash(b));
        b.Tasks.Rows[0].Total = 312.41m;
        Assert.NotEqual(FormJson.ContentHash(a), FormJson.ContentHash(b));
    }
}
