// What the parts of the structure check share. StructureCheck::run
// (sections.cxx) runs the steps in order:
//   sections.cxx    the profile; which heading serves which section, sections
//                   missing, empty or out of the usual order
//   findings.cxx    findings and recommendations: numbering, what each is
//                   traced to, explanations, addressees; cross-references
//   chronology.cxx  long runs of dated paragraphs
//   appendices.cxx  appendices (where a section may also sit; references to
//                   them) and PART groupings
#pragma once

#include <scrqm/report_items.hxx>
#include <scrqm/structure.hxx>

#include <unicode/regex.h>

#include <memory>
#include <string>
#include <vector>

namespace scrqm::structure
{

using Pattern = std::unique_ptr<icu::RegexPattern>;

// A case-insensitive pattern; throws DataError naming `where` when bad.
Pattern compile(const std::string& pattern, const std::string& where);

// A heading's title without its leading number, and whether any of a
// section's patterns finds it: the one matcher of headings and examples.
icu::UnicodeString heading_title(const std::string& title);
bool matches_any(const std::vector<Pattern>& names, const icu::UnicodeString& title);

std::string trim(const std::string& s);
// Words (letters or numbers) of a UTF-8 text.
std::size_t words(const std::string& text);
// "a, b, c, ..." with at most `limit` items.
std::string join(const std::vector<std::string>& list, std::size_t limit);

// A finding of `rule` with the profile's marker; on paragraph `p` (its whole
// text) when given.
Finding structure_finding(const Rule& rule, const std::string& marker, const Paragraph* p,
                          std::string message, std::string explanation, std::string advice = {});

// The steps; `body` is the document's body paragraphs by index, `served`
// the section serving each profile section (or nullptr).
std::vector<const Section*> check_sections(const Document& doc,
                                           const std::vector<const Paragraph*>& body,
                                           const std::vector<Section>& sections,
                                           const StructureProfile& profile,
                                           std::vector<Finding>& out);
void check_order(const std::vector<const Paragraph*>& body,
                 const std::vector<const Section*>& served, const std::vector<Section>& sections,
                 const StructureProfile& profile, std::vector<Finding>& out);
void check_appendices(const Document& doc, const std::vector<Section>& sections,
                      const StructureProfile& profile, std::vector<Finding>& out);
// A section in an appendix (its heading is one, or it is inside one).
bool in_appendix(const Section& s, const std::vector<Section>& sections);
// 1 when the report groups its sections under level-1 "PART n" headings
// (its sections are then a level down), else 0.
int part_offset(const std::vector<Section>& sections);
void check_numbering(const std::vector<ReportItem>& items,
                     const std::vector<const Paragraph*>& body,
                     const std::vector<const Section*>& served, const StructureProfile& profile,
                     std::vector<Finding>& out);
void check_traceability(const std::vector<ReportItem>& items,
                        const std::vector<const Paragraph*>& body, const StructureProfile& profile,
                        std::vector<Finding>& out);
void check_cross_references(const Document& doc, const std::vector<ReportItem>& items,
                            const StructureProfile& profile, std::vector<Finding>& out);
void check_chronology(const std::vector<const Paragraph*>& body, const StructureProfile& profile,
                      std::vector<Finding>& out);

} // namespace scrqm::structure
