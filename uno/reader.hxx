// Reads an open Writer document into the core's model, in one pass inside
// the office process.
#pragma once

#include <scrqm/model.hxx>

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/text/XTextTable.hpp>

#include <optional>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace scrqm::lo
{

// Called every few hundred paragraphs read with the number read so far;
// returning false stops the read with ReadCancelled (the results panel's
// Cancel: it updates its progress, which lets the office handle clicks).
using ReadProgress = std::function<bool(std::size_t paragraphs_read)>;

struct ReadCancelled : std::runtime_error
{
    ReadCancelled() : std::runtime_error("the read was cancelled") {}
};

// Throws css::uno::Exception subclasses for documents that are not text
// documents; the caller turns them into an error result.
// `sources`, when given, receives for each paragraph of the result the UNO
// object it came from (the paragraph's text range, the comment's field;
// empty for properties), so that a fix can find its text again.
// `lazy_body`: with `sources`, the body may still be read through the fast
// cursor walk; the body paragraphs' sources are then left empty, and
// body_paragraph() finds one when it is needed.
// How the body was read: Full, the paragraph enumeration with every
// portion (always right, slow on long documents); Cursor, one text cursor
// moving paragraph by paragraph; Outline, no call per paragraph (headings
// from Writer's outline). The fast ways are taken only when they give the
// same model; `force` (for tests and benchmarks) picks one: Auto tries
// Outline, then Cursor, then Full.
enum class BodyRead
{
    Auto,
    Full,
    Cursor,
    Outline,
};

Document read_document(
    const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model,
    const std::string& file_name,
    std::vector<com::sun::star::uno::Reference<com::sun::star::uno::XInterface>>* sources = nullptr,
    bool lazy_body = false, BodyRead force = BodyRead::Auto, BodyRead* used = nullptr,
    const ReadProgress& progress = {});

// Body paragraph `index` as the cursor walk counts them (tables stepped
// over), selected; empty when the body has fewer paragraphs or starts with
// a table (the cursor walk then was not used).
com::sun::star::uno::Reference<com::sun::star::text::XTextRange>
body_paragraph(const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model,
               std::size_t index);

// The body read without a call per paragraph (see reader.cxx): its lines
// (paragraphs and, where tables stand, their cells' paragraphs), each line's
// outline level, the tables and the body's headings with a range in each.
struct OutlineBody
{
    struct Table
    {
        com::sun::star::uno::Reference<com::sun::star::text::XTextTable> table;
        std::size_t line = 0;  // its first cell paragraph
        std::size_t lines = 0; // its cell paragraphs (nested tables included)
    };
    std::vector<rtl::OUString> lines;
    std::vector<int> levels;   // 0 for body text, table lines and empty headings
    std::vector<int> table;    // per line: index in `tables`, or -1 for the body
    std::vector<Table> tables; // in document order
    // Body headings (not empty): line, a range at the heading's start.
    std::vector<
        std::pair<std::size_t, com::sun::star::uno::Reference<com::sun::star::text::XTextRange>>>
        headings;

    // The line holding `pos` (a table's first line for a position in it);
    // npos when it is not in the body. A few calls, not one per paragraph.
    std::size_t
    line_of(const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model,
            const com::sun::star::uno::Reference<com::sun::star::text::XTextRange>& pos) const;
};

// Empty when the document is not one this read is sure of (a line break in a
// paragraph, an empty heading, a heading text that reads differently, a
// table's lines found twice...): the caller then walks paragraph by paragraph.
std::optional<OutlineBody>
read_outline_body(const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model);

// In a body without a heading of its own: reads how each paragraph looks
// (bold, size, list label) and infers the outline from it (outline.hxx);
// in any body: marks the contents page's lines. Changes only `doc`.
void read_looks(const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model,
                Document& doc);

// Gives each inferred heading (read_looks) the style Heading N, in one undo
// step; answers {"applied": n}. Nothing to apply: no undo step.
std::string
apply_heading_styles(const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model,
                     const std::string& file);

} // namespace scrqm::lo
