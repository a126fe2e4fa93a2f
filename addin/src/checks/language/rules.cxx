#include "rules.hxx"

#include <string>

namespace scrqm::rules::language
{

namespace
{

// A section long enough for its reading ease to be scored: `sentences`
// `times` over under one heading.
std::string section_of(const char* sentences, int times)
{
    std::string out = "# Analysis\n";
    for (int i = 0; i < times; ++i)
        out += (i ? " " : "") + std::string(sentences);
    return out;
}

// Defined before the rules that point into them (one translation unit:
// initialised in order).
const std::string kHardSection =
    section_of("Notwithstanding organisational interdependencies, multidisciplinary safeguarding "
               "accountability necessitates comprehensive interagency communication "
               "infrastructure.",
               12);
const std::string kPlainSection =
    section_of("The nurse saw the baby. She was worried. She told the doctor.", 14);

} // namespace

const Rule abbreviation_late{
    "language.abbreviation-late",
    "language",
    "language",
    Severity::Warning,
    "QM14",
    "Abbreviations defined after use",
    "An abbreviation used before the place that spells it out.",
    {},
    // examples (rule_examples.hxx)
    {"The [[MASH]] received the referral.\nThe Multi-Agency Safeguarding Hub (MASH) then shared "
     "it.\nThe MASH closed the case."},
    {"The Multi-Agency Safeguarding Hub (MASH) received the referral.\nThe MASH closed the case."}};

const Rule abbreviation_redefined{
    "language.abbreviation-redefined",
    "language",
    "language",
    Severity::Info,
    "QM14",
    "Abbreviations defined twice",
    "An abbreviation spelled out more than once.",
    {},
    // examples (rule_examples.hxx)
    {"The Multi-Agency Safeguarding Hub (MASH) received the referral.\nThe Multi-Agency "
     "Safeguarding Hub (MASH) closed it.\nThe MASH was busy."},
    {"The Multi-Agency Safeguarding Hub (MASH) received the referral.\nThe MASH closed it."}};

const Rule abbreviation_undefined{
    "language.abbreviation-undefined",
    "language",
    "language",
    Severity::Warning,
    "QM14",
    "Undefined abbreviations",
    "An abbreviation never spelled out and not in the glossary or the known list.",
    {},
    // examples (rule_examples.hxx)
    {"The [[ZQX]] received the referral and closed it."},
    {"The Multi-Agency Safeguarding Hub (MASH) received the referral.\nThe MASH closed it."}};

const Rule abbreviation_unused{
    "language.abbreviation-unused",
    "language",
    "language",
    Severity::Info,
    "QM14",
    "Abbreviations defined but unused",
    "An abbreviation spelled out but never used again.",
    {},
    // examples (rule_examples.hxx)
    {"The Multi-Agency Safeguarding Hub (MASH) received the referral."},
    {"The Multi-Agency Safeguarding Hub (MASH) received the referral.\nThe MASH closed it."}};

const Rule blame{
    "language.blame",
    "language",
    "language",
    Severity::Info,
    "QM5",
    "Blame language",
    "A phrase that judges a person (\"failed to\"): say what happened and why it made sense then.",
    {},
    // examples (rule_examples.hxx)
    {"The health visitor [[failed to]] refer the family."},
    {"The health visitor did not refer the family, because the pathway was unclear."}};

const Rule hindsight{"language.hindsight",
                     "language",
                     "language",
                     Severity::Info,
                     "QM13",
                     "Hindsight language",
                     "A phrase that reads the outcome back into the past (\"should have known\").",
                     {},
                     // examples (rule_examples.hxx)
                     {"Practitioners [[should have known]] that the risk was rising."},
                     {"Practitioners did not know at the time that the risk was rising."}};

const Rule long_sentence{
    "language.long-sentence",
    "language",
    "language",
    Severity::Warning,
    "QM14",
    "Long sentences",
    "A sentence longer than the profile's limit (40 words).",
    {},
    // examples (rule_examples.hxx)
    {"The health visitor saw the family at home on several occasions during the autumn and each "
     "time she noted that the flat was cold and that there was little food in the cupboards but "
     "she did not share this with the school or the GP because she believed that the social worker "
     "already knew about it."},
    {"The health visitor saw the family at home. The flat was cold."}};

const Rule passive{
    "language.passive",
    "language",
    "language",
    Severity::Info,
    "QM14",
    "Passive paragraphs",
    "A paragraph written mostly in the passive: it hides who did what.",
    {},
    // examples (rule_examples.hxx)
    {"The referral was made. The family was visited. The case was closed. The file was reviewed."},
    {"The school made a referral. The social worker visited the family. She closed the case. Her "
     "manager reviewed the file."}};

const Rule readability{"language.readability",
                       "language",
                       "language",
                       Severity::Info,
                       "QM14",
                       "Hard-to-read sections",
                       "A section whose Flesch reading ease is below the threshold.",
                       {},
                       // examples (rule_examples.hxx)
                       {kHardSection.c_str()},
                       {kPlainSection.c_str()}};

SCRQM_DEFINE_REGISTERED(SCRQM_LANGUAGE_RULES)

} // namespace scrqm::rules::language
