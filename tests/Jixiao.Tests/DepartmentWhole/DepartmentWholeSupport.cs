using Jixiao.Core.Interchange;
using Jixiao.Core.Model;

namespace Jixiao.Tests.DepartmentWhole;

/// <summary>The two hand-made 部门整体 forms of tests/data/department-whole (their arithmetic worked by hand) and their content.</summary>
internal static class DepartmentWholeSupport
{
    public static string Dir => Path.Combine(TestData.Root, "department-whole");

    public static string DeclarationFile => Path.Combine(Dir, "declaration-sample.json");

    public static string SelfEvaluationFile => Path.Combine(Dir, "self-evaluation-sample.json");

    public static DepartmentDeclaration Declaration() => (DepartmentDeclaration)FormJsonReader.Parse(File.ReadAllText(DeclarationFile));

    public static DepartmentSelfEvaluation SelfEvaluation() => (DepartmentSelfEvaluation)FormJsonReader.Parse(File.ReadAllText(SelfEvaluationFile));

    /// <summary>What must survive a round trip: the JSON content without file, lines and import warnings.</summary>
    public static string Content(PerformanceForm form) => FormJson.Content(form).ToJsonString();
}
