using Jixiao.Core.Model;
using Jixiao.Core.Scoring;
using Jixiao.Formats.Profiles;
using Jixiao.Tests.Support;
using Xunit;
using static Jixiao.Tests.Support.Parse;

namespace Jixiao.Tests.Scoring;

public class ProfileTests
{
    [Fact]
    public void Repository_profiles_load_and_differ_only_where_the_regions_do()
    {
        var catalog = ProfileCatalog.Load(TestProfiles.ProfilesDirectory);
        Assert.Contains(catalog.Profiles, p => p.Id == "national-default");
        Assert.Contains(catalog.Profiles, p => p.Id == "shanghai-2024");

        var sh = catalog.Get("shanghai-2024");
        var nat = catalog.Get("national-default");
        Assert.Equal(RoundingMode.Truncate, sh.ExecutionRateRounding);
        Assert.Equal(RoundingMode.HalfUp, nat.ExecutionRateRounding);
        Assert.Equal(RoundingMode.HalfUp, sh.ScoreRounding);
        Assert.Equal(10m, sh.ExecutionWeight);
        Assert.Equal(0.01m, sh.Tolerance);
        Assert.Equal(1.5m, sh.FarExceededRatio);
        Assert.Equal(90m, sh.LowExecutionThreshold);
        Assert.Equal(50m, sh.Level1Weights["产出指标"]);
        Assert.Equal(MissedTargetFormula.Ratio, sh.FormulaFor(Comparator.LessOrEqual));
        Assert.Equal(MissedTargetFormula.Linear, TestProfiles.NationalLinear.FormulaFor(Comparator.LessOrEqual));
        Assert.Contains("场", sh.CountUnits);
        Assert.Contains("控制在预算内", sh.VagueWords);
        Assert.False(string.IsNullOrWhiteSpace(sh.Notes));
    }

    [Fact]
    public void Profile_with_execution_weight_20_is_a_file_not_a_code_change()
    {
        var p = ScoringProfile.Parse(TestProfiles.NationalJson.Replace("\"weight\": 10", "\"weight\": 20"));
        Assert.Equal(20m, p.ExecutionWeight);
    }

    [Theory]
    [InlineData("\"rounding\": \"half-up\",", "\"rounding\": \"bankers\",", "executionRate.rounding")]
    [InlineData("\"weight\": 10,", "", "executionRate.weight")]
    [InlineData("\"≥\": \"proportional\"", "\"≥\": \"linear\"", "missedTargetFormulas.≥")]
    [InlineData("\"tolerance\": 0.01,", "\"tolerance\": \"0.01\",", "tolerance")]
    [InlineData("{ \"grade\": \"差\", \"min\": 0 }", "{ \"grade\": \"差\", \"min\": 10 }", "gradeBands")]
    [InlineData("\"partiallyAchieved\": { \"min\": 60", "\"partiallyAchieved\": { \"min\": 90", "qualitativeBands.partiallyAchieved")]
    public void Bad_profile_is_rejected_with_a_Chinese_message_naming_the_field(string from, string to, string field)
    {
        var json = TestProfiles.NationalJson;
        Assert.Contains(from, json);
        var e = Assert.Throws<ProfileException>(() => ScoringProfile.Parse(json.Replace(from, to)));
        Assert.Contains(field, e.Message);
        Assert.Contains("字段", e.Message);
    }

    [Fact]
    public void Project_natures_and_categories_are_profile_data_defaulting_to_the_known_lists()
    {
        var withoutListJson = RemoveEnumerations(TestProfiles.NationalJson);
        Assert.DoesNotContain("\"enumerations\"", withoutListJson);
        var withoutList = ScoringProfile.Parse(withoutListJson);
        var ownList = ScoringProfile.Parse(TestProfiles.NationalJson.Replace("\"projectCategories\": [", "\"projectCategories\": [\"乡村振兴类\", "));

        Assert.Equal(Enumerations.ProjectNatures, TestProfiles.Shanghai.ProjectNatures);
        Assert.Equal(Enumerations.ProjectCategories, TestProfiles.National.ProjectCategories);
        Assert.Equal(Enumerations.ProjectNatures, withoutList.ProjectNatures);
        Assert.Equal(Enumerations.ProjectCategories, withoutList.ProjectCategories);
        Assert.Equal("乡村振兴类", ownList.ProjectCategories[0]);
    }

    [Theory]
    [InlineData("\"projectNatures\": [", "\"projectNatures\": [\"\", ", "enumerations.projectNatures", "非空字符串")]
    [InlineData("\"projectNatures\": [", "\"projectNatures\": [\"结转项目\", ", "enumerations.projectNatures", "重复")]
    [InlineData("\"projectCategories\": [", "\"categories\": [], \"projectCategories\": [", "enumerations.categories", "不是可用的字段")]
    public void A_bad_list_of_choices_is_rejected_in_chinese_naming_the_field(string from, string to, string field, string words)
    {
        var e = Assert.Throws<ProfileException>(() => ScoringProfile.Parse(TestProfiles.NationalJson.Replace(from, to)));
        Assert.Equal(field, e.Field);
        Assert.Contains(words, e.Message);
    }

    static string RemoveEnumerations(string json)
    {
        var start = json.IndexOf("  \"enumerations\"", StringComparison.Ordinal);
        var end = json.IndexOf("},", start, StringComparison.Ordinal) + 2;
        return json[..start] + json[end..].TrimStart('\n');
    }

    const string Derived = """
        { "id": "test-2024", "basedOn": "national-default", "region": "云南省", "year": 2024,
          "executionRate": { "weight": 20, "decimals": 1 },
          "sources": [ { "figure": "executionRate.weight", "source": "某县自评表", "firmness": "I" } ] }
        """;

    static string? Base(string id) => id == "national-default" ? TestProfiles.NationalJson : null;

    [Fact]
    public void A_profile_based_on_another_takes_its_fields_and_overrides_only_what_it_writes()
    {
        var p = ScoringProfile.Parse(Derived, Base);

        Assert.Equal("test-2024", p.Id);
        Assert.Equal("云南省", p.Province);
        Assert.Equal("national-default", p.BasedOn);
        Assert.Equal(20m, p.ExecutionWeight);
        Assert.Equal(1, p.ExecutionRateDecimals);
        Assert.Equal(2, p.Decimals);
        Assert.Equal(90m, p.LowExecutionThreshold);                  // inherited from the same object
        Assert.Equal(TestProfiles.National.VagueWords, p.VagueWords);
        Assert.Null(p.Notes);                                          // a file's notes describe that file only
        Assert.Equal(10.8m, p.RoundExecutionRate(10.7741m));              // executionRate.decimals 1
        Assert.Equal(10.77m, p.RoundScore(10.7741m));                     // scores keep rounding.decimals 2
        var source = Assert.Single(p.Sources);
        Assert.Equal(("executionRate.weight", "I"), (source.Figure, source.Basis.Firmness));
    }

    [Theory]
    [InlineData("\"basedOn\": \"national-default\"", "\"basedOn\": \"mars-2099\"", "basedOn", "mars-2099")]
    [InlineData("\"region\": \"云南省\"", "\"region\": \"云南\"", "region", "全称")]
    [InlineData("\"year\": 2024,", "", "year", "基于 national-default")]
    [InlineData("\"figure\": \"executionRate.weight\"", "\"figure\": \"executionRate.wieght\"", "sources[0].figure", "不是本文件中的字段")]
    [InlineData("\"firmness\": \"I\"", "\"firmness\": \"sure\"", "sources[0].firmness", "S、K、V、P、I、U")]
    [InlineData("\"decimals\": 1", "\"decimals\": 1.5", "executionRate.decimals", "整数")]
    public void A_bad_regional_profile_is_refused_naming_the_field(string from, string to, string field, string words)
    {
        Assert.Contains(from, Derived);
        var e = Assert.Throws<ProfileException>(() => ScoringProfile.Parse(Derived.Replace(from, to), Base));
        Assert.Equal(field, e.Field);
        Assert.Contains(words, e.Message);
    }

    [Fact]
    public void Profiles_based_on_each_other_in_a_circle_are_refused()
    {
        var a = Derived.Replace("\"test-2024\"", "\"a\"").Replace("national-default", "b");
        var b = Derived.Replace("\"test-2024\"", "\"b\"").Replace("national-default", "a");
        var e = Assert.Throws<ProfileException>(() => ScoringProfile.Parse(a, id => id == "a" ? a : id == "b" ? b : null));
        Assert.Contains("循环引用", e.Message);
        var alone = Assert.Throws<ProfileException>(() => ScoringProfile.Parse(Derived));
        Assert.Equal("basedOn", alone.Field);
    }

    [Fact]
    public void Malformed_json_is_rejected_with_its_line()
    {
        var e = Assert.Throws<ProfileException>(() => ScoringProfile.Parse("{\n  \"id\": \n}"));
        Assert.Contains("不是合法的 JSON", e.Message);
    }

    [Fact]
    public void Catalog_error_names_the_file()
    {
        var dir = Directory.CreateTempSubdirectory("jixiao-profiles-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "yunnan-2023.json"), TestProfiles.NationalJson.Replace("\"national-default\"", "\"yunnan-2023\"").Replace("\"tolerance\": 0.01,", ""));
            var e = Assert.Throws<ProfileException>(() => ProfileCatalog.Load(dir));
            Assert.Contains("yunnan-2023.json", e.Message);
            Assert.Contains("tolerance", e.Message);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Catalog_requires_the_id_to_match_the_file_name_and_lists_ids_it_has()
    {
        var dir = Directory.CreateTempSubdirectory("jixiao-profiles-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "yunnan-2023.json"), TestProfiles.NationalJson);
            var e = Assert.Throws<ProfileException>(() => ProfileCatalog.Load(dir));
            Assert.Contains("yunnan-2023.json", e.Message);
            Assert.Contains("id", e.Message);

            File.WriteAllText(Path.Combine(dir, "yunnan-2023.json"), TestProfiles.NationalJson.Replace("\"national-default\"", "\"yunnan-2023\""));
            var catalog = ProfileCatalog.Load(dir);
            var missing = Assert.Throws<ProfileException>(() => catalog.Get("hunan-2024"));
            Assert.Contains("yunnan-2023", missing.Message);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Profiles_directory_is_found_from_a_subdirectory()
    {
        var found = ProfileCatalog.FindDirectory(Path.Combine(TestProfiles.RepoRoot, "src", "Jixiao.Core"));
        Assert.Equal(TestProfiles.ProfilesDirectory, found);
    }
}
