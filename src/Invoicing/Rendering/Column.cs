namespace Centrex.Invoicing.Rendering;

/// <summary>A table column on a PDF page.</summary>
/// <param name="Header">Header text.</param>
/// <param name="Width">Width in points (page geometry: PdfSharp draws in double points; no money or time here).</param>
/// <param name="RightAligned">Numbers are right-aligned so their digits line up.</param>
public sealed record Column(string Header, double Width, bool RightAligned = false);
