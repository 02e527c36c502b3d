using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;

namespace Centrex.Invoicing.Xdr;

/// <summary>
/// The Open Packaging Conventions frame of the report workbook (ECMA-376 Part 2): content types, relationships and where
/// each part lives. The parts' XML itself is produced by the OpenXml SDK's element classes.
/// </summary>
internal static class XlsxPackage
{
    public const string Workbook = "xl/workbook.xml";
    public const string Styles = "xl/styles.xml";
    public const string CallsSheet = "xl/worksheets/sheet1.xml";
    public const string SummarySheet = "xl/worksheets/sheet2.xml";
    public const string CallsSheetRelationship = "rId1";
    public const string SummarySheetRelationship = "rId2";

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """;

    private const string PackageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string WorkbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """;

    /// <summary>Writes the content types and relationships: everything but the parts.</summary>
    public static void WriteSkeleton(ZipArchive zip)
    {
        Text(zip, "[Content_Types].xml", ContentTypes);
        Text(zip, "_rels/.rels", PackageRelationships);
        Text(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
    }

    /// <summary>Writes a small part from its element tree.</summary>
    public static void Write(ZipArchive zip, string name, OpenXmlPartRootElement root)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        root.Save(stream);
    }

    private static void Text(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
