// The kind of review a report is (SCR, LCSPR, SAR, DHR), detected from its
// cover and title, and the structure profile and quality-marker framework
// that go with each kind. Plain C++ on the model.
#pragma once

#include <scrqm/model.hxx>

#include <string>
#include <vector>

namespace scrqm
{

struct ReviewKind
{
    std::string profile;    // "lcspr-report": a file in <data>/profiles
    std::string framework;  // the quality-marker framework it is judged against
    std::string title;      // "Local Child Safeguarding Practice Review"
    std::string short_name; // "LCSPR"
};

// The kinds scrqm knows, the default (Serious Case Review) first.
const std::vector<ReviewKind>& review_kinds();

// The kind whose profile is `profile` (a name, not a path); nullptr if none.
const ReviewKind* kind_of_profile(const std::string& profile);

struct DetectedKind
{
    const ReviewKind* kind = nullptr; // never null: the default when nothing matched
    bool detected = false;            // false: no kind was named, the default applies
    std::string evidence;             // the phrase as written ("Safeguarding Adults Review")
    std::size_t paragraph = 0;        // body paragraph index of the evidence
};

// Reads the document title property and the cover (the first body
// paragraphs, before the first heading after the title page) for the name of
// a kind of review; the first one named wins, as a later "Serious Case Review"
// in an LCSPR is history, not the report's kind.
DetectedKind detect_kind(const Document& doc);

// "Safeguarding Adults Review (sar-report), detected from "..."": one line
// for the command line and the sidebar.
std::string describe_kind(const DetectedKind& kind, const std::string& chosen_profile);

// The templates the extension ships (templates/<name>.fodt): the terms of
// reference and the board's response for an SCR ("terms-of-reference",
// "board-response") and, with the kind's prefix, for an LCSPR ("lcspr-") and
// a SAR ("sar-"). `template_list` names them for a message: "a, b or c".
const std::vector<std::string>& template_names();
std::string template_list();

// The user-defined document property that names the framework a document is
// judged against ("sar-qm-2022"), for a report whose kind says otherwise.
constexpr const char* kFrameworkProperty = "scrqm_Framework";

// The framework a document is judged against: `named` when the user or the
// request names one (an option, a Framework argument), else the document's
// scrqm_Framework property (doc.properties["custom:scrqm_Framework"]), else
// the framework of its detected kind (sar-qm-2022 for a Safeguarding Adults
// Review, scr-qm-2016 otherwise).
std::string framework_for(const Document& doc, const std::string& named);

} // namespace scrqm
