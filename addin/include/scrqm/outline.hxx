// The outline of a report written without heading styles. Many real reports
// use bold or numbered Normal paragraphs for their headings, so Writer's
// outline is empty and every check would see one long section; and their
// contents page repeats every heading. This infers the headings from how
// each paragraph looks (numbering, bold, size, capitals, length, position),
// with a confidence, and recognises the contents page so that none of its
// lines is a section, finding or recommendation. Plain C++ on the model: the
// office reader and the text reader fill Paragraph::look.
#pragma once

#include <scrqm/model.hxx>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace scrqm
{

// A paragraph taken for a heading when the signs add up to this much.
constexpr float kMinHeadingConfidence = 0.5f;

struct InferredHeading
{
    std::size_t paragraph = 0; // body index
    int level = 1;
    std::string title;
    float confidence = 0; // 0..1
    std::string why;      // the signs, for the user: "numbered 2.3, bold"
};

struct InferredOutline
{
    // The body has headings of its own (heading styles, outline levels,
    // Markdown "#"): they are the outline and nothing is inferred.
    bool styled = false;
    std::vector<InferredHeading> headings; // in reading order
    std::vector<std::size_t> contents;     // body indices of the contents page's lines
};

InferredOutline infer_outline(const Document& doc);

// The line of a contents page on its own: dot leaders or a tab before a page
// number ("Introduction ...... 3"), the page run into the heading
// ("IntroductionPage 3"), paragraph ranges ("Introduction 1-1 - 1-6").
bool is_contents_entry(const std::string& text);

// `doc` with the inferred headings as outline levels (heading_inferred set)
// and the contents page's lines marked `contents` with no outline level;
// nullopt when that changes nothing (a styled report without a contents
// page).
std::optional<Document> with_inferred_outline(const Document& doc);

} // namespace scrqm
