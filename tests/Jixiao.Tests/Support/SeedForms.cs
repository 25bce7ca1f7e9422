using Jixiao.Core.Model;

namespace Jixiao.Tests.Support;

/// <summary>
/// The 13 seed forms, read from the seed files by the importer (whose output the golden cases in tests/data/cases
/// check against expectations written by hand from the seed text). Each named accessor returns a fresh copy, so a
/// test may change it.
/// </summary>
public static class SeedForms
{
    private static readonly Lazy<List<PerformanceForm>> Imported = new(() =>
        new[] { "seed-000", "seed-001", "seed-003", "seed-004" }
            .SelectMany(c => Jixiao.Formats.Import.FormImporter.ImportFile(TestData.CaseInput(c)).Forms).ToList());

    public static IEnumerable<PerformanceForm> All() => Imported.Value;

    public static IEnumerable<object[]> Names() => All().Select(f => new object[] { f.ProjectName! });

    public static PerformanceForm ByName(string name) => All().Single(f => f.ProjectName == name);

    private static T Fresh<T>(string projectName) where T : PerformanceForm =>
        (T)new[] { "seed-000", "seed-001", "seed-003", "seed-004" }
            .SelectMany(c => Jixiao.Formats.Import.FormImporter.ImportFile(TestData.CaseInput(c)).Forms)
            .Single(f => f.ProjectName == projectName);


    public static SelfEvaluation S000DeviceMaintenance() => Fresh<SelfEvaluation>("党群阵地设备运行维护");
    public static SelfEvaluation S000VenueRent() => Fresh<SelfEvaluation>("场地租赁费");
    public static SelfEvaluation S001PartyServices() => Fresh<SelfEvaluation>("党群综合服务");
    public static SelfEvaluation S001CultureAndSports() => Fresh<SelfEvaluation>("文体事务管理");
    public static SelfEvaluation S001CommunitySelfGovernance() => Fresh<SelfEvaluation>("社区自治管理");
    public static SelfEvaluation S004PartyServiceFunds() => Fresh<SelfEvaluation>("党建服务工作经费");
    public static SelfEvaluation S004DistanceEducation() => Fresh<SelfEvaluation>("电教远教工作经费");
    public static SelfEvaluation S004NetworkOperations() => Fresh<SelfEvaluation>("上海市党员干部现代远程教育网络体系运维（非信息化项目）");
    public static SelfEvaluation S004ItOperations() => Fresh<SelfEvaluation>("信息化运维项目");
    public static SelfEvaluation S004ItConstruction() => Fresh<SelfEvaluation>("信息化建设项目");
    public static TargetDeclaration S003PartyBuildingFunds() => Fresh<TargetDeclaration>("党建经费");
    public static TargetDeclaration S003SpecialAccount() => Fresh<TargetDeclaration>("专户项目经费");
    public static TargetDeclaration S003LifeStation() => Fresh<TargetDeclaration>("生活驿站运行经费");
}
