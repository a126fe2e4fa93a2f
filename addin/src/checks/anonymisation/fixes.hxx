// The fix actions of an anonymisation finding, with their parameters worked
// out from the matched text: the month and year of an exact date, the years
// of a precise age, the area of a postcode, the kind of a named institution.
#pragma once

#include <scrqm/finding.hxx>
#include <scrqm/rules.hxx>

#include <string>
#include <vector>

namespace scrqm
{

// "14 June 2013", "14/06/2013", "2013-06-14" -> "June 2013"; "Monday 14 June"
// -> "June". Empty when `text` is not a date it can read.
std::string month_and_year(const std::string& text);
// "born on 14/06/2013" -> "2013". Empty when no year can be read.
std::string year_of(const std::string& text);
// "aged 2 years and 7 months" -> "aged 2", "17 months old" -> "1 year old",
// "3 weeks old" -> "under a year old". Empty when there is nothing to round.
std::string age_in_years(const std::string& text);
// "NM4 7QT" -> "NM4".
std::string postcode_area(const std::string& text);
// "St Mary's Primary School" -> "the primary school", "Ward 7" -> "the ward".
// Empty when the kind is not known.
std::string institution_kind(const std::string& text);

// The rule's fixes for a finding on `text`, each with its parameters; a
// Generalise that cannot be worked out is left out rather than guessed.
// `before` is the text just before the finding in its paragraph (a few
// characters are enough): a date after "on" is generalised with it.
std::vector<FixAction> anonymisation_fixes(const Rule& rule, const std::string& text,
                                           const std::string& before = {});

} // namespace scrqm
