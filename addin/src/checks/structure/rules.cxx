#include "rules.hxx"

namespace scrqm::rules::structure
{

const Rule chronology{"structure.chronology",
                      "structure",
                      "structure",
                      Severity::Warning,
                      "QM9",
                      "Chronology out of order",
                      "Dated paragraphs whose dates go backwards in a chronology.",
                      {}};

const Rule cross_reference{
    "structure.cross-reference",
    "structure",
    "structure",
    Severity::Warning,
    "QM14",
    "Broken cross-references",
    "A reference to a finding, recommendation or section that does not exist.",
    {}};

const Rule empty_section{"structure.empty-section",
                         "structure",
                         "structure",
                         Severity::Warning,
                         "QM14",
                         "Empty sections",
                         "A section heading with no text under it.",
                         {}};

const Rule finding_without_explanation{"structure.finding-without-explanation",
                                       "structure",
                                       "structure",
                                       Severity::Warning,
                                       "QM13",
                                       "Findings without an explanation",
                                       "A finding that states what happened but not why (QM13).",
                                       {}};

const Rule finding_without_recommendation{"structure.finding-without-recommendation",
                                          "structure",
                                          "structure",
                                          Severity::Warning,
                                          "QM14",
                                          "Findings without a recommendation",
                                          "A finding that no recommendation answers.",
                                          {}};

const Rule findings_unidentified{"structure.findings-unidentified",
                                 "structure",
                                 "structure",
                                 Severity::Warning,
                                 "QM13",
                                 "Findings not identified",
                                 "A findings section with no numbered findings.",
                                 {}};

const Rule missing_section{"structure.missing-section",
                           "structure",
                           "structure",
                           Severity::Warning,
                           "QM14",
                           "Missing sections",
                           "A section the structure profile expects is not in the report.",
                           {}};

const Rule no_headings{"structure.no-headings",
                       "structure",
                       "structure",
                       Severity::Warning,
                       "QM14",
                       "No headings",
                       "The document has no headings, so its structure cannot be checked.",
                       {}};

const Rule numbering_duplicate{"structure.numbering-duplicate",
                               "structure",
                               "structure",
                               Severity::Warning,
                               "QM14",
                               "Duplicate numbers",
                               "Two findings or recommendations with the same number.",
                               {}};

const Rule numbering_gap{"structure.numbering-gap",
                         "structure",
                         "structure",
                         Severity::Warning,
                         "QM14",
                         "Gaps in numbering",
                         "Findings or recommendations numbered with a gap.",
                         {}};

const Rule recommendation_unaddressed{"structure.recommendation-unaddressed",
                                      "structure",
                                      "structure",
                                      Severity::Warning,
                                      "QM14",
                                      "Recommendations without an addressee",
                                      "A recommendation that does not say who should act on it.",
                                      {}};

const Rule recommendation_untraced{"structure.recommendation-untraced",
                                   "structure",
                                   "structure",
                                   Severity::Warning,
                                   "QM14",
                                   "Recommendations without a finding",
                                   "A recommendation that no finding leads to.",
                                   {}};

const Rule recommendations_unnumbered{"structure.recommendations-unnumbered",
                                      "structure",
                                      "structure",
                                      Severity::Warning,
                                      "QM14",
                                      "Recommendations not numbered",
                                      "A recommendations section with no numbered recommendations.",
                                      {}};

const Rule section_order{"structure.section-order",
                         "structure",
                         "structure",
                         Severity::Info,
                         "QM14",
                         "Sections out of order",
                         "A standard section that comes out of its usual order.",
                         {}};

const std::vector<const Rule*>& registered()
{
    static const std::vector<const Rule*> rules = {
        &chronology,
        &cross_reference,
        &empty_section,
        &finding_without_explanation,
        &finding_without_recommendation,
        &findings_unidentified,
        &missing_section,
        &no_headings,
        &numbering_duplicate,
        &numbering_gap,
        &recommendation_unaddressed,
        &recommendation_untraced,
        &recommendations_unnumbered,
        &section_order,
    };
    return rules;
}

} // namespace scrqm::rules::structure
