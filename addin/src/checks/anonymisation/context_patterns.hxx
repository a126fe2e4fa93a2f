// The regular expressions with which the context reader (context.cxx) finds
// who a report presents as public and which names it declares as
// pseudonyms: compiled once, shared by every check (ICU patterns are
// immutable; each search makes its own matcher).
#pragma once

#include <unicode/regex.h>

#include <memory>

namespace scrqm::anonymisation
{

struct ContextPatterns
{
    std::unique_ptr<icu::RegexPattern> done_by, chair_of, job_line, bracketed;
    std::unique_ptr<icu::RegexPattern> role_label, names, name_then_role, role_then_name,
        name_alone, dear, cited, cited_work, declared, declared_after, quoted_title, death_of,
        death_of_in_prose, all_pseudonyms, role_sentence, professor_work, names_not_real, own_name,
        cited_in_brackets, review_cell, own_name_under, review_title, quoted_names, dear_more,
        capitalised_word, listed_pseudonyms, the_chair, work_of;

    ContextPatterns();
};

const ContextPatterns& context_patterns();

} // namespace scrqm::anonymisation
