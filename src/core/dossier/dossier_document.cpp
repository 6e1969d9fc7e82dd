#include "core/dossier/dossier_document.hpp"

#include "core/text/text.hpp"

namespace dealsheet {
namespace {

bool allowedInXml(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// Text inside a paragraph: escaped, line breaks and tabs as ODF elements, runs of spaces kept.
void appendContent(std::string& out, std::string_view text) {
    int spaces = 0;
    const auto flushSpaces = [&](bool atStart) {
        if (spaces == 0) return;
        // The first of a run is an ordinary space, except at the start of a line.
        int extra = spaces;
        if (!atStart) {
            out += ' ';
            --extra;
        }
        if (extra == 1) out += "<text:s/>";
        if (extra > 1) out += "<text:s text:c=\"" + std::to_string(extra) + "\"/>";
        spaces = 0;
    };
    bool lineStart = true;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t c = decodeUtf8(text, pos);
        if (c == ' ') {
            ++spaces;
            continue;
        }
        if (c == '\r') {
            if (pos < text.size() && text[pos] == '\n') continue;  // CR LF is one break
        }
        if (c == '\n' || c == '\r') {
            spaces = 0;  // trailing spaces of a line are invisible anyway
            out += "<text:line-break/>";
            lineStart = true;
            continue;
        }
        flushSpaces(lineStart);
        lineStart = false;
        if (c == '\t') {
            out += "<text:tab/>";
        } else if (!allowedInXml(c)) {
            continue;
        } else if (c == '&') {
            out += "&amp;";
        } else if (c == '<') {
            out += "&lt;";
        } else if (c == '>') {
            out += "&gt;";
        } else {
            appendUtf8(out, c);
        }
    }
}

// Text inside an attribute value or a metadata element: one line, escaped.
std::string attribute(std::string_view text) {
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t c = decodeUtf8(text, pos);
        if (!allowedInXml(c)) continue;
        if (c == '\n' || c == '\r' || c == '\t')
            out += ' ';
        else if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '"')
            out += "&quot;";
        else
            appendUtf8(out, c);
    }
    return out;
}

void paragraph(std::string& out, const char* style, std::string_view text) {
    out += "<text:p text:style-name=\"";
    out += style;
    out += "\">";
    appendContent(out, text);
    out += "</text:p>\n";
}

void heading(std::string& out, int level, std::string_view text) {
    out += "<text:h text:style-name=\"Heading_20_" + std::to_string(level) +
           "\" text:outline-level=\"" + std::to_string(level) + "\">";
    appendContent(out, text);
    out += "</text:h>\n";
}

void cell(std::string& out, const char* cellStyle, const char* paragraphStyle,
          std::string_view text) {
    out += "<table:table-cell table:style-name=\"";
    out += cellStyle;
    out += "\" office:value-type=\"string\">";
    paragraph(out, paragraphStyle, text);
    out += "</table:table-cell>";
}

class TableNames {
  public:
    std::string next() { return "T" + std::to_string(++count_); }

  private:
    int count_ = 0;
};

void fieldTable(std::string& out, TableNames& names, const std::vector<DossierField>& fields) {
    if (fields.empty()) return;
    out += "<table:table table:name=\"" + names.next() + "\" table:style-name=\"Fields\">";
    out +=
        "<table:table-column table:style-name=\"FieldsA\"/>"
        "<table:table-column table:style-name=\"FieldsB\"/>\n";
    for (const auto& field : fields) {
        out += "<table:table-row>";
        cell(out, "LabelCell", "Label", field.label);
        cell(out, "ValueCell", "Value", field.value);
        out += "</table:table-row>\n";
    }
    out += "</table:table>\n";
}

void gridTable(std::string& out, TableNames& names, const DossierSection& section) {
    const std::size_t columns = section.gridColumns.size();
    if (columns == 0) return;
    out += "<table:table table:name=\"" + names.next() + "\" table:style-name=\"Grid\">";
    out += "<table:table-column table:style-name=\"GridColumn\" table:number-columns-repeated=\"" +
           std::to_string(columns) + "\"/>\n<table:table-header-rows><table:table-row>";
    for (const auto& label : section.gridColumns) cell(out, "LabelCell", "Label", label);
    out += "</table:table-row></table:table-header-rows>\n";
    for (const auto& row : section.gridRows) {
        out += "<table:table-row>";
        for (std::size_t c = 0; c < columns; ++c)
            cell(out, "ValueCell", "Value", c < row.size() ? row[c] : std::string());
        out += "</table:table-row>\n";
    }
    out += "</table:table>\n";
}

const char* const kHead = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
)";

// Styles: A4, readable sizes, headings kept with what follows, tables with thin rules.
std::string styles(Lang lang) {
    const std::string language = lang == Lang::En ? R"(fo:language="en" fo:country="US")"
                                                  : R"(fo:language="zh" fo:country="CN")";
    return R"(<office:styles>
<style:default-style style:family="paragraph">
 <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.1cm"/>
 <style:text-properties fo:font-family="'DejaVu Sans'" style:font-family-generic="swiss"
  fo:font-size="10pt" style:font-size-asian="10pt" style:font-size-complex="10pt" )" +
           language + R"( style:language-asian="zh" style:country-asian="CN"/>
</style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Title" style:family="paragraph" style:class="chapter">
 <style:paragraph-properties fo:margin-bottom="0.1cm"/>
 <style:text-properties fo:font-size="20pt" style:font-size-asian="20pt" fo:font-weight="bold"
  style:font-weight-asian="bold" fo:color="#1f4e79"/>
</style:style>
<style:style style:name="Subtitle" style:family="paragraph" style:class="chapter">
 <style:paragraph-properties fo:margin-bottom="0.3cm" fo:keep-with-next="always"/>
 <style:text-properties fo:font-size="13pt" style:font-size-asian="13pt" fo:color="#1f4e79"/>
</style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
 style:default-outline-level="1" style:class="text">
 <style:paragraph-properties fo:margin-top="0.45cm" fo:margin-bottom="0.15cm"
  fo:keep-with-next="always" fo:border-bottom="0.5pt solid #1f4e79" fo:padding-bottom="0.05cm"/>
 <style:text-properties fo:font-size="14pt" style:font-size-asian="14pt" fo:font-weight="bold"
  style:font-weight-asian="bold" fo:color="#1f4e79"/>
</style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
 style:default-outline-level="2" style:class="text">
 <style:paragraph-properties fo:margin-top="0.25cm" fo:margin-bottom="0.1cm"
  fo:keep-with-next="always"/>
 <style:text-properties fo:font-size="11pt" style:font-size-asian="11pt" fo:font-weight="bold"
  style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="Source" style:family="paragraph">
 <style:paragraph-properties fo:keep-with-next="always"/>
 <style:text-properties fo:font-size="8.5pt" style:font-size-asian="8.5pt" fo:color="#666666"/>
</style:style>
<style:style style:name="Missing" style:family="paragraph">
 <style:paragraph-properties fo:padding="0.1cm" fo:background-color="#fff4e5"
  fo:border-left="2pt solid #e69500"/>
 <style:text-properties fo:color="#8a5a00"/>
</style:style>
<style:style style:name="Contents" style:family="paragraph">
 <style:paragraph-properties fo:margin-bottom="0.02cm"/>
 <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt" fo:color="#333333"/>
</style:style>
<style:style style:name="Label" style:family="paragraph">
 <style:paragraph-properties fo:margin-bottom="0cm"/>
 <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt" fo:font-weight="bold"
  style:font-weight-asian="bold" fo:color="#333333"/>
</style:style>
<style:style style:name="Value" style:family="paragraph">
 <style:paragraph-properties fo:margin-bottom="0cm"/>
 <style:text-properties fo:font-size="9.5pt" style:font-size-asian="9.5pt"/>
</style:style>
<style:style style:name="Footer" style:family="paragraph">
 <style:paragraph-properties fo:text-align="center"/>
 <style:text-properties fo:font-size="8pt" style:font-size-asian="8pt" fo:color="#666666"/>
</style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="Page">
 <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
  fo:margin-top="1.6cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
 <style:footer-style><style:header-footer-properties fo:min-height="0.6cm"
  fo:margin-top="0.3cm"/></style:footer-style>
</style:page-layout>
<style:style style:name="Fields" style:family="table">
 <style:table-properties style:width="17cm" table:align="margins" fo:margin-bottom="0.2cm"/>
</style:style>
<style:style style:name="FieldsA" style:family="table-column">
 <style:table-column-properties style:column-width="4cm"/>
</style:style>
<style:style style:name="FieldsB" style:family="table-column">
 <style:table-column-properties style:column-width="13cm"/>
</style:style>
<style:style style:name="Grid" style:family="table">
 <style:table-properties style:width="17cm" table:align="margins" fo:margin-bottom="0.2cm"/>
</style:style>
<style:style style:name="GridColumn" style:family="table-column">
 <style:table-column-properties style:use-optimal-column-width="false"/>
</style:style>
<style:style style:name="LabelCell" style:family="table-cell">
 <style:table-cell-properties fo:background-color="#eef3f8" fo:padding="0.08cm"
  fo:border="0.5pt solid #b4c3d3"/>
</style:style>
<style:style style:name="ValueCell" style:family="table-cell">
 <style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #b4c3d3"/>
</style:style>
</office:automatic-styles>
)";
}

}  // namespace

std::string dossierFlatOdt(const Dossier& dossier) {
    const Lang lang = dossier.lang;
    std::string out = kHead;
    out += "<office:meta><dc:title>" + attribute(dossier.title + " " + dossier.subtitle) +
           "</dc:title><dc:language>" + (lang == Lang::En ? "en-US" : "zh-CN") +
           "</dc:language><meta:generator>DealSheet</meta:generator></office:meta>\n";
    out += styles(lang);
    out +=
        "<office:master-styles><style:master-page style:name=\"Standard\" "
        "style:page-layout-name=\"Page\"><style:footer><text:p text:style-name=\"Footer\">";
    appendContent(out, dossier.title + " " + dossier.contract.contractNo + " · ");
    out += lang == Lang::En ? "page <text:page-number text:select-page=\"current\"/>"
                            : "第 <text:page-number text:select-page=\"current\"/> 页";
    out += "</text:p></style:footer></style:master-page></office:master-styles>\n";
    out += "<office:body><office:text>\n";

    TableNames names;
    paragraph(out, "Title", dossier.title);
    paragraph(out, "Subtitle", dossier.subtitle);
    heading(out, 1, lang == Lang::En ? "Key facts" : "合同要点");
    fieldTable(out, names, dossier.keyFacts);
    paragraph(out, "Source", lang == Lang::En ? "In this dossier" : "档案内容");
    for (const auto& line : dossier.contents) paragraph(out, "Contents", line);

    int number = 0;
    for (const auto& section : dossier.sections) {
        ++number;
        heading(out, 1, std::to_string(number) + ". " + section.heading);
        if (!section.source.empty())
            paragraph(out, "Source", (lang == Lang::En ? "From: " : "来源：") + section.source);
        if (section.state != SectionState::Found) {
            paragraph(out, "Missing", section.note);
            continue;
        }
        if (section.asGrid) {
            gridTable(out, names, section);
            continue;
        }
        const bool single = section.records.size() == 1;
        for (const auto& record : section.records) {
            if (!single) heading(out, 2, record.heading);
            fieldTable(out, names, record.fields);
        }
    }
    paragraph(out, "Source", dossier.footer);
    out += "</office:text></office:body></office:document>\n";
    return out;
}

}  // namespace dealsheet
