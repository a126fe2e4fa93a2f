// The document model every check works on. Plain C++: no UNO, so the same
// checks run in the office, on the command line and in unit tests.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace scrqm
{

// Where a paragraph lives. Every part that could carry an identifier is a
// separate place so that a finding can say exactly where it is.
enum class Where
{
    Body,
    Table,
    Footnote,
    Endnote,
    Header,
    Footer,
    Frame,
    Comment,
    Property,
};

const char* to_string(Where where);
constexpr std::size_t kWhereCount = 9;

// How a paragraph looks, for the outline of a report written without heading
// styles (outline.hxx). The office reader fills it only when the body has no
// heading of its own; the text reader fills `label` and `bold` (Markdown
// "**Title**").
struct ParagraphLook
{
    float bold = 0; // share of its letters in bold, 0..1
    float size = 0; // font size (points) of most of its text; 0: unknown
    // Its numbering label when a list style numbers it ("2.3", "PART 2");
    // a number typed in the text is read from the text.
    std::string label;
};

struct Paragraph
{
    Where where = Where::Body;
    // 0-based index among the paragraphs with the same `where` (for .txt:
    // the 0-based line number).
    std::size_t index = 0;
    std::string text; // UTF-8
    // 0 = body text, 1..10 = heading level.
    int outline_level = 0;
    // Human-readable container: "Table1 B2", "footnote 3", "page style
    // Default Page Style (left)", "comment by X", a property name.
    std::string container;
    // Position of the body paragraph this one is anchored to or follows
    // (for body paragraphs: their own index). Lets a section own the
    // tables, footnotes and comments inside it.
    std::size_t anchor = 0;
    // A heading's title when its text carries markup ("## Analysis").
    std::string heading_title;
    // Template placeholder fields in `text` ("<name of the board>"), as
    // [start, end) in code points. Filled by the office reader.
    std::vector<std::pair<std::size_t, std::size_t>> placeholders;
    ParagraphLook look;
    // `outline_level` was inferred from how the paragraph looks (numbering,
    // bold, size, capitals), not given by a style or Markdown "#"; with the
    // confidence of that guess, 0..1.
    bool heading_inferred = false;
    float heading_confidence = 0;
    // A line of the contents page: never a section, finding or
    // recommendation.
    bool contents = false;
};

struct Section
{
    std::string title;
    int level = 1;
    std::size_t paragraph = 0;        // body index of the heading
    std::size_t end = 0;              // body index one past the last paragraph
    std::vector<std::string> markers; // marker ids tagged to this section
    bool inferred = false;            // its heading was inferred (outline.hxx)
    float confidence = 1;             // of that inference
};

// Something a published file carries that the reader of the page does not
// see (Word's Document Inspector, item by item). Filled by the office reader;
// plain-text formats have none.
struct HiddenItem
{
    // "comment", "tracked-change", "hidden-text", "hidden-paragraph",
    // "property", "custom-property", "header", "footer", "frame", "image",
    // "embedded-object", "field", "version", "personal-info-setting",
    // "link-target", "custom-xml".
    std::string kind;
    Where where = Where::Body;
    std::size_t paragraph = 0; // index within `where` (body: the anchor)
    std::size_t start = 0;     // code points within that paragraph; end == start:
    std::size_t end = 0;       // the whole paragraph or no span
    std::string container;     // "comment by X", "property author", ...
    std::string name;          // the property, field or object name
    std::string text;          // what it holds (may be empty)
    bool fixable = false;      // a Fix= exists for it
};

// A tag of a section or passage to a quality marker, read from a bookmark
// named scrqm_S_<MARKER>_<id> or scrqm_P_<MARKER>_<id> (see tags.hxx).
struct Tag
{
    bool passage = false;      // scrqm_P_: the bookmark spans a passage
    std::string marker;        // "QM13"
    std::string id;            // [0-9a-z]{1,12}
    std::string bookmark;      // the full bookmark name
    std::size_t paragraph = 0; // body index where the bookmark starts
    std::size_t last = 0;      // body index where it ends
};

struct Document
{
    std::string file;                  // as the user named it
    std::string format;                // "txt", "md", "odt", "docx", ...
    std::vector<Paragraph> paragraphs; // reading order
    std::map<std::string, std::string> properties;
    std::vector<HiddenItem> hidden; // office formats only
    std::vector<Tag> tags;          // in reading order
    // marker id -> stored question states (format in tags.hxx)
    std::map<std::string, std::string> question_states;

    // Appends a paragraph, giving it the next index for its `where`.
    Paragraph& add(Where where, std::string text, int outline_level = 0,
                   std::string container = {});

    std::size_t count(Where where) const;

private:
    std::size_t next_index_[kWhereCount] = {};
    std::size_t last_body_ = 0;
};

// A section is a heading and everything up to the next heading of the same
// or a higher level (a smaller number). Section tags in `doc.tags` land on
// the section whose heading holds the bookmark's start (or, failing that, the
// innermost section holding it); markers are unique and in catalogue order.
std::vector<Section> compute_sections(const Document& doc);

// The section a tag starting at body paragraph `paragraph` belongs to: the
// one whose heading it is, else the innermost holding it; npos if none.
std::size_t section_of(const std::vector<Section>& sections, std::size_t paragraph);

// A section named by a caller (the macro API's Section): a 0-based index or
// a title, exact first, then ignoring ASCII case. Throws
// std::invalid_argument, with a message for the user, when it names no
// section or several.
std::size_t find_section(const std::vector<Section>& sections, const std::string& spec);

// The innermost section holding a place only the caller can compare with
// headings (the view cursor): the last section whose heading starts at or
// before it, by binary search over the sections in document order; npos when
// none does. `at_or_before(section)` says whether that section's heading
// starts at or before the place.
template <class AtOrBefore>
std::size_t last_section_before(const std::vector<Section>& sections, AtOrBefore at_or_before)
{
    std::size_t lo = 0, hi = sections.size();
    while (lo < hi)
    {
        const std::size_t mid = (lo + hi) / 2;
        if (at_or_before(sections[mid]))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo == 0 ? static_cast<std::size_t>(-1) : lo - 1;
}

} // namespace scrqm
