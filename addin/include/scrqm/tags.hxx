// Tags of sections and passages to quality markers, and the reviewer's
// question states. Both live in the document itself so that they travel with
// it through .odt AND .docx (bookmarks and user-defined document properties
// survive both; RDF metadata is lost in .docx).
#pragma once

#include <scrqm/catalogue.hxx>
#include <scrqm/model.hxx>

#include <map>
#include <optional>
#include <set>
#include <string>

namespace scrqm
{

// Every bookmark scrqm owns starts with this; such names are never personal
// data and are not scanned as identifiers.
constexpr const char* kTagPrefix = "scrqm_";

bool is_scrqm_name(const std::string& bookmark);

// Parses scrqm_S_<MARKER>_<id>[anything] or scrqm_P_<MARKER>_<id>[anything]
// (LibreOffice appends to duplicated names on paste). MARKER is capital
// letters then digits, id 1-12 of [0-9a-z]. Returns nothing for other names.
std::optional<Tag> parse_tag_name(const std::string& bookmark);

// scrqm_S_QM13_<id>; `taken` are the document's bookmark names, and the id is
// chosen so that the name is new (ids count up in base 36).
std::string make_tag_name(bool passage, const std::string& marker,
                          const std::set<std::string>& taken);

// Reviewer's state of one self-assessment question.
enum class QuestionState
{
    Open,
    Answered,
    NotApplicable,
};

const char* to_string(QuestionState state);
// "answered" | "not-applicable" | "open"; throws std::invalid_argument.
QuestionState question_state_from_string(const std::string& s);

struct QuestionNote
{
    QuestionState state = QuestionState::Open;
    std::string note; // short, one line
};

constexpr std::size_t kMaxNoteLength = 280; // code points

// The user-defined document property holding one marker's question states:
// scrqm_Q_<MARKER>.
std::string question_property_name(const std::string& marker);
// The marker of such a property name, or "".
std::string marker_of_question_property(const std::string& property);

// Property value: entries "<n><a|n|o>[:<note>]" joined by ';', n the 1-based
// question number, ';' and '\' in notes escaped with '\'. Open questions
// without a note are left out. Example: "1a;3n:Police did not take part\; no
// trial".
std::string format_question_states(const std::map<int, QuestionNote>& states);
// Throws DataError naming the marker and the problem: unknown state, number
// outside 1..`question_count`, duplicate number, over-long note.
std::map<int, QuestionNote> parse_question_states(const std::string& value,
                                                  const std::string& marker,
                                                  std::size_t question_count);

// Normalises a note: one line, trimmed, at most kMaxNoteLength code points.
// Throws std::invalid_argument when it is too long.
std::string clean_note(const std::string& note);

// "QM13,QM14" -> {"QM13","QM14"}, checked against the catalogue. Throws
// std::invalid_argument naming an unknown marker.
std::vector<std::string> parse_marker_list(const std::string& list, const Catalogue& catalogue);

} // namespace scrqm
