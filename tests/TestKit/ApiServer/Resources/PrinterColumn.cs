namespace Skyforge.TestKit.ApiServer.Resources;

/// <summary>A CRD additionalPrinterColumn (or a built-in column) rendered in Table responses.</summary>
internal sealed record PrinterColumn(string Name, string Type, string JsonPath, string Format = "", string Description = "", int Priority = 0);
