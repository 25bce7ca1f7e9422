using Jixiao.Generation;

namespace Jixiao.Tests.Generation;

/// <summary>
/// The generator is test tooling (decision 0012): the CLI, the benchmarks and the tests use it; the product's
/// libraries and the web application must not, so that what a site runs never depends on it.
/// </summary>
public class ProjectGraphTests
{
    static readonly string GeneratorAssembly = typeof(FormGenerator).Assembly.GetName().Name!;

    public static TheoryData<string> ProductAssemblies() => new()
    {
        typeof(Jixiao.Core.Model.PerformanceForm).Assembly.GetName().Name!,
        typeof(Jixiao.Formats.Import.FormImporter).Assembly.GetName().Name!,
        typeof(Jixiao.Storage.FormStore).Assembly.GetName().Name!,
        typeof(Jixiao.Web.Features.Forms.SharedPdfPrinter).Assembly.GetName().Name!,
    };

    [Theory]
    [MemberData(nameof(ProductAssemblies))]
    public void No_product_assembly_refers_to_the_generator(string name)
    {
        var references = System.Reflection.Assembly.Load(name).GetReferencedAssemblies();
        Assert.DoesNotContain(references, r => r.Name == GeneratorAssembly);
    }

    [Fact]
    public void The_generator_lives_in_its_own_assembly_and_formats_holds_none_of_it()
    {
        Assert.Equal("Jixiao.Generation", GeneratorAssembly);
        var formats = typeof(Jixiao.Formats.Import.FormImporter).Assembly;
        Assert.DoesNotContain(formats.GetTypes(), t => t.Namespace?.EndsWith(".Generation", StringComparison.Ordinal) == true);
        // The same check finds a reference where there is one: the CLI (`generate`, `check --ground-truth`) uses it.
        Assert.Contains(System.Reflection.Assembly.Load("jixiao").GetReferencedAssemblies(), r => r.Name == GeneratorAssembly);
    }
}
