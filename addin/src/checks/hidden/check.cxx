// The hidden-data check: one finding per item the reader found (comment,
// tracked change, property, ...), with the fixes its kind allows.
#include <scrqm/hidden.hxx>

#include "rules.hxx"

#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <utility>

namespace scrqm
{

namespace
{

namespace R = rules::hidden;

constexpr const char* kPropertyNote =
    " Document properties are not part of the text: clearing one cannot be undone with "
    "Edit > Undo, so the fix runs only when you name the property (Fix=clear-property, "
    "Property=NAME).";

} // namespace

const std::vector<HiddenKindInfo>& hidden_kinds()
{
    static const std::vector<HiddenKindInfo> kinds = {
        {"comment", &R::comment, "Comment",
         "Comments travel with the file and show their author's name and their text to anyone "
         "who opens it.",
         "Fix=delete-comments removes every comment (one undo step)."},
        {"tracked-change", &R::tracked_change, "Tracked change not yet accepted or rejected",
         "Deleted text stays in the file and every change carries its author's name and date.",
         "Fix=accept-changes or Fix=reject-changes settles every change (one undo step)."},
        {"hidden-text", &R::hidden_text, "Hidden text",
         "Hidden characters are not printed or shown but are in the file and in any copy made "
         "from it.",
         ""},
        {"hidden-paragraph", &R::hidden_paragraph, "Hidden paragraph",
         "A hidden paragraph or section is in the file though not shown.", ""},
        {"property", &R::property, "Document property",
         "Document properties (File > Properties) are published with the file and often hold "
         "names.",
         "Fix=clear-property with Property=NAME empties it."},
        {"custom-property", &R::custom_property, "Custom document property",
         "Custom properties are published with the file and often hold case numbers or names.",
         "Fix=clear-property with Property=custom:NAME removes it."},
        {"header", &R::header, "Header with content",
         "Headers repeat on every page; check they carry no name, case number or draft marking.",
         ""},
        {"footer", &R::footer, "Footer with content",
         "Footers repeat on every page; check they carry no name, case number or file path.", ""},
        {"frame", &R::frame, "Text frame or text box",
         "Text in frames and text boxes is easy to overlook when reviewing the body.", ""},
        {"image", &R::image, "Image name or description",
         "An image's name, title and description travel with it and can name a person or a "
         "file.",
         ""},
        {"link-target", &R::link_target, "Link target not shown",
         "A link's target travels with the file: an e-mail address or a file path in it can "
         "name a person, though the page shows only the link's text.",
         "Edit the link (Edit Hyperlink) or remove it, keeping its text."},
        {"custom-xml", &R::custom_xml, "Custom XML part",
         "Word keeps custom XML parts beside the text (a case system's fields, a cover page's "
         "data); they are published with the .docx and not shown.",
         "Save publication copy (Action=publication-copy) as .odt or .pdf leaves them out."},
        {"embedded-object", &R::embedded_object, "Embedded object",
         "An embedded object (spreadsheet, chart, document) carries its own data, which may be "
         "far more than what is shown.",
         ""},
        {"field", &R::field, "Field showing an author or file name",
         "The field fills in the author's name or the file's name or path whenever the document "
         "is opened or printed.",
         ""},
        {"version", &R::version, "Stored version",
         "Earlier versions stored in the file (File > Versions) can be opened by any reader.", ""},
        {"scrqm-data", &R::scrqm_data, "scrqm's own data",
         "scrqm keeps its tags (scrqm_ bookmarks), question notes and ignore list (salted "
         "hashes of identifiers, which someone can test guesses against) in the document. "
         "They are for the review, not for readers.",
         "Save publication copy (Action=publication-copy) writes a copy without them."},
        {"personal-info-setting", &R::personal_info_setting,
         "\"Remove personal information on saving\" is off",
         "With it off, saving keeps authors' names on comments and tracked changes and the "
         "document's author and editing time.",
         "Fix=remove-personal-info-on-save turns the office option on (an office setting, not "
         "a change to the document)."},
    };
    return kinds;
}

HiddenCheck::HiddenCheck(const std::string&) {}

std::vector<Finding> HiddenCheck::run(const Document& doc, const CheckOptions&) const
{
    std::vector<Finding> out;
    const auto& kinds = hidden_kinds();
    std::map<std::pair<Where, std::size_t>, const Paragraph*> by_place;
    for (const HiddenItem& item : doc.hidden)
    {
        const auto k = std::find_if(kinds.begin(), kinds.end(),
                                    [&](const HiddenKindInfo& i) { return item.kind == i.kind; });
        if (k == kinds.end())
            continue; // a newer reader's kind: nothing to say about it yet
        // Word's application statistics (docProps/app.xml) that LibreOffice
        // shows as custom properties: they describe the program, not people.
        static const char* const kAppStatistics[] = {
            "custom:AppVersion",    "custom:DocSecurity", "custom:HyperlinksChanged",
            "custom:LinksUpToDate", "custom:ScaleCrop",   "custom:ShareDoc"};
        if (item.kind == "custom-property" &&
            std::any_of(std::begin(kAppStatistics), std::end(kAppStatistics),
                        [&](const char* n) { return item.name == n; }))
            continue;
        Finding f(*k->rule);
        f.where = item.where;
        f.paragraph = item.paragraph;
        f.start = item.start;
        f.end = item.end;
        if (item.end == item.start)
        {
            // Found through an index built once: a search of every paragraph
            // for each item took minutes on 10,000 comments.
            if (by_place.empty())
                for (const Paragraph& p : doc.paragraphs)
                    by_place.emplace(std::make_pair(p.where, p.index), &p);
            const auto p = by_place.find({item.where, item.paragraph});
            if (p != by_place.end())
                f.end = static_cast<std::size_t>(
                    icu::UnicodeString::fromUTF8(p->second->text).countChar32());
        }
        f.text = item.text;
        // A comment's or a change's author is named in the message: the
        // finding carries the name so that reports can mask it.
        if (item.kind == "comment" || item.kind == "tracked-change")
            f.author = item.name;
        std::string what = k->what;
        if (!item.container.empty())
            what += " (" + item.container + ")";
        std::string shown = item.text;
        if (shown.size() > 80)
        {
            std::size_t cut = 77; // never in the middle of a UTF-8 sequence
            while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80)
                --cut;
            shown = shown.substr(0, cut) + "...";
        }
        f.message = what + (shown.empty() ? "" : ": \"" + shown + "\"");
        f.explanation = std::string(k->why) +
                        " A report must be publishable without redaction (QM14, Working "
                        "Together).";
        if (item.kind == "property" || item.kind == "custom-property")
            f.explanation += kPropertyNote;
        f.advice = k->advice;
        for (FixKind kind : k->rule->fixes)
        {
            // A property can be cleared only when the reader named it.
            if (kind == FixKind::ClearProperty && item.name.empty())
                continue;
            FixAction a{kind, {}, {}, {}};
            if (kind == FixKind::ClearProperty)
                a.target = item.name;
            f.fixes.push_back(std::move(a));
        }
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace scrqm
