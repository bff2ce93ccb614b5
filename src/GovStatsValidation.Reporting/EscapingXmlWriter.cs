using System.Xml;

namespace GovStatsValidation.Reporting;

/// <summary>
/// An XML writer that passes every text and attribute value through <see cref="Escaping.Xml"/> before the inner writer
/// sees it: a character XML cannot hold is shown (<c>\x01</c>), never dropped and never an exception. Names are the
/// renderer's own.
/// </summary>
internal sealed class EscapingXmlWriter(XmlWriter inner) : XmlWriter
{
    public override WriteState WriteState => inner.WriteState;

    public override void WriteString(string? text) => inner.WriteString(Escaping.Xml(text));

    public override void WriteChars(char[] buffer, int index, int count) => WriteString(new string(buffer, index, count));

    public override void WriteCData(string? text) => inner.WriteString(Escaping.Xml(text));

    public override void WriteComment(string? text) => inner.WriteComment(Escaping.Xml(text)?.Replace("--", "- -", StringComparison.Ordinal));

    public override void WriteRaw(string data) => WriteString(data);

    public override void WriteRaw(char[] buffer, int index, int count) => WriteString(new string(buffer, index, count));

    public override void WriteCharEntity(char ch) => WriteString(ch.ToString());

    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => inner.WriteSurrogateCharEntity(lowChar, highChar);

    public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);

    public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);

    public override void WriteProcessingInstruction(string name, string? text) => inner.WriteProcessingInstruction(name, Escaping.Xml(text));

    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => inner.WriteDocType(name, pubid, sysid, subset);

    public override void WriteStartDocument() => inner.WriteStartDocument();

    public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);

    public override void WriteEndDocument() => inner.WriteEndDocument();

    public override void WriteStartElement(string? prefix, string localName, string? ns) => inner.WriteStartElement(prefix, localName, ns);

    public override void WriteEndElement() => inner.WriteEndElement();

    public override void WriteFullEndElement() => inner.WriteFullEndElement();

    public override void WriteStartAttribute(string? prefix, string localName, string? ns) => inner.WriteStartAttribute(prefix, localName, ns);

    public override void WriteEndAttribute() => inner.WriteEndAttribute();

    public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);

    public override void Flush() => inner.Flush();

    public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
