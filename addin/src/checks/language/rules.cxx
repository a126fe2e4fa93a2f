#include "rules.hxx"

namespace scrqm::rules::language
{

const Rule abbreviation_late{"language.abbreviation-late",
                             "language",
                             "language",
                             Severity::Warning,
                             "QM14",
                             "Abbreviations defined after use",
                             "An abbreviation used before the place that spells it out.",
                             {}};

const Rule abbreviation_redefined{"language.abbreviation-redefined",
                                  "language",
                                  "language",
                                  Severity::Info,
                                  "QM14",
                                  "Abbreviations defined twice",
                                  "An abbreviation spelled out more than once.",
                                  {}};

const Rule abbreviation_undefined{
    "language.abbreviation-undefined",
    "language",
    "language",
    Severity::Warning,
    "QM14",
    "Undefined abbreviations",
    "An abbreviation never spelled out and not in the glossary or the known list.",
    {}};

const Rule abbreviation_unused{"language.abbreviation-unused",
                               "language",
                               "language",
                               Severity::Info,
                               "QM14",
                               "Abbreviations defined but unused",
                               "An abbreviation spelled out but never used again.",
                               {}};

const Rule blame{
    "language.blame",
    "language",
    "language",
    Severity::Info,
    "QM5",
    "Blame language",
    "A phrase that judges a person (\"failed to\"): say what happened and why it made sense then.",
    {}};

const Rule hindsight{"language.hindsight",
                     "language",
                     "language",
                     Severity::Info,
                     "QM13",
                     "Hindsight language",
                     "A phrase that reads the outcome back into the past (\"should have known\").",
                     {}};

const Rule long_sentence{"language.long-sentence",
                         "language",
                         "language",
                         Severity::Warning,
                         "QM14",
                         "Long sentences",
                         "A sentence longer than the profile's limit (40 words).",
                         {}};

const Rule passive{"language.passive",
                   "language",
                   "language",
                   Severity::Info,
                   "QM14",
                   "Passive paragraphs",
                   "A paragraph written mostly in the passive: it hides who did what.",
                   {}};

const Rule readability{"language.readability",
                       "language",
                       "language",
                       Severity::Info,
                       "QM14",
                       "Hard-to-read sections",
                       "A section whose Flesch reading ease is below the threshold.",
                       {}};

const std::vector<const Rule*>& registered()
{
    static const std::vector<const Rule*> rules = {
        &abbreviation_late,
        &abbreviation_redefined,
        &abbreviation_undefined,
        &abbreviation_unused,
        &blame,
        &hindsight,
        &long_sentence,
        &passive,
        &readability,
    };
    return rules;
}

} // namespace scrqm::rules::language
