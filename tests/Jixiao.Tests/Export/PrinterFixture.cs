using Jixiao.Formats.Pdf;

namespace Jixiao.Tests.Export;

/// <summary>One Chromium for the whole test run (2 cores: a browser per test would dominate the suite's time).</summary>
public sealed class PrinterFixture : IAsyncLifetime
{
    public PdfPrinter Printer { get; private set; } = null!;

    public async Task InitializeAsync() => Printer = await PdfPrinter.StartAsync();

    public async Task DisposeAsync() => await Printer.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class PrinterCollection : ICollectionFixture<PrinterFixture>
{
    public const string Name = "Chromium printer";
}
