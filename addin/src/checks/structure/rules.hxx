// The rules of the structure family: the one place their ids are written.
#pragma once

#include <scrqm/rules.hxx>

#include <vector>

namespace scrqm::rules::structure
{

extern const Rule appendix_missing;
extern const Rule chronology;
extern const Rule cross_reference;
extern const Rule empty_section;
extern const Rule finding_without_explanation;
extern const Rule finding_without_recommendation;
extern const Rule findings_unidentified;
extern const Rule missing_section;
extern const Rule no_headings;
extern const Rule numbering_duplicate;
extern const Rule numbering_gap;
extern const Rule recommendation_unaddressed;
extern const Rule recommendation_untraced;
extern const Rule recommendations_unnumbered;
extern const Rule section_order;

// Every rule above, for the registry.
const std::vector<const Rule*>& registered();

} // namespace scrqm::rules::structure
