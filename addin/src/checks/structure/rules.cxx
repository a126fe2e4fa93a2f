#include "rules.hxx"

namespace scrqm::rules::structure
{

// The complete report most examples start from, up to its findings and up
// to its recommendations: one copy, so that the examples differ only where
// their rule looks. Macros, because examples are string literals.
#define SCRQM_REPORT_TO_FINDINGS                                                                   \
    "# 1. Introduction\nThis review was commissioned by the board after a serious incident "       \
    "involving Child A, who was harmed at home. The board decided that the criteria for a review " \
    "were met and appointed an independent reviewer.\n# 2. Terms of reference\nThe review covers " \
    "the period from the birth of Child A until the incident, and asks how agencies shared "       \
    "information about the family.\n# 3. Methodology\nThe review used a systems approach. The "    \
    "reviewer read agency reports, held conversations with practitioners and met the family to "   \
    "hear their views.\n# 4. Family involvement\nMother and Father met the reviewer twice and "    \
    "their views are reflected throughout this report, which they have read.\n# 5. Practitioner "  \
    "involvement\nPractitioners from health, police and children's social care took part in two "  \
    "learning events and commented on a draft.\n# 6. Background\nChild A lived with Mother, "      \
    "Father and Sibling 1. The family had moved several times and had little support nearby.\n# "  \
    "7. Analysis\nThe health visitor saw the family often but did not know about the police "      \
    "call-outs, because the referral pathway sent them only to children's social care. Workers "   \
    "were stretched and information sat in separate systems, which made it hard to see the "       \
    "pattern of concerns that built up over time.\n# 8. Findings\n"
#define SCRQM_REPORT_TO_RECOMMENDATIONS                                                            \
    SCRQM_REPORT_TO_FINDINGS                                                                       \
    "Finding 1: Information about domestic abuse did not reach health practitioners because "      \
    "the notification process does not include them, which meant that risk was "                   \
    "underestimated.\n# 9. Recommendations\n"

const Rule appendix_missing{
    "structure.appendix-missing",
    "structure",
    "structure",
    Severity::Warning,
    "QM14",
    "Missing appendices",
    "A reference to an appendix (\"see Appendix 2\") that no heading of the report is.",
    {},
    // examples (rule_examples.hxx)
    {"# 1. Introduction\nThe terms of reference are in [[Appendix 2]].\n# Appendix 1: "
     "Glossary\nBoard: the safeguarding partnership that commissioned the review."},
    {"# 1. Introduction\nThe terms of reference are in Appendix 2.\n# Appendix 2: Terms of "
     "reference\nThe review covers the two years before the incident."}};

const Rule chronology{
    "structure.chronology",
    "structure",
    "structure",
    Severity::Warning,
    "QM9",
    "Blow-by-blow chronologies",
    "A long run of paragraphs that each open with a date: a blow-by-blow account that adds "
    "family detail and hides the analysis.",
    {},
    // examples (rule_examples.hxx)
    {"# 1. Chronology\n3 March 2015: a home visit took place.\n9 April 2015: a home visit took "
     "place.\n2 May 2015: a home visit took place.\n1 February 2015: a home visit took place.\n7 "
     "June 2015: a home visit took place.\n5 July 2015: a home visit took place.\n8 August 2015: a "
     "home visit took place."},
    {"# 1. Chronology\n3 February 2015: a home visit took place.\n9 March 2015: a home visit took "
     "place.\n2 April 2015: a home visit took place.\n1 May 2015: a home visit took place.\n7 June "
     "2015: a home visit took place."}};

const Rule cross_reference{
    "structure.cross-reference",
    "structure",
    "structure",
    Severity::Warning,
    "QM14",
    "Broken cross-references",
    "A reference to a finding, recommendation or section that does not exist.",
    {},
    // examples (rule_examples.hxx)
    {SCRQM_REPORT_TO_RECOMMENDATIONS
     "Recommendation 1: The board should ask partner agencies to include health visitors in "
     "domestic abuse notifications (Finding 1).\nSee Finding 4 for the detail."},
    {SCRQM_REPORT_TO_RECOMMENDATIONS
     "Recommendation 1: The board should ask partner agencies to include health visitors in "
     "domestic abuse notifications (Finding 1)."}};

const Rule empty_section{
    "structure.empty-section",
    "structure",
    "structure",
    Severity::Warning,
    "QM14",
    "Empty sections",
    "A section heading with no text under it.",
    {},
    // examples (rule_examples.hxx)
    {SCRQM_REPORT_TO_RECOMMENDATIONS
     "Recommendation 1: The board should ask partner agencies to include health visitors in "
     "domestic abuse notifications (Finding 1).\n# 10. Glossary"},
    {SCRQM_REPORT_TO_RECOMMENDATIONS
     "Recommendation 1: The board should ask partner agencies to include health visitors in "
     "domestic abuse notifications (Finding 1)."}};

const Rule finding_without_explanation{
    "structure.finding-without-explanation",
    "structure",
    "structure",
    Severity::Warning,
    "QM13",
    "Findings without an explanation",
    "A finding that states what happened but not why (QM13).",
    {},
    // examples (rule_examples.hxx)
    {SCRQM_REPORT_TO_FINDINGS
     "Finding 1: Information about domestic abuse did not reach health practitioners.\n# 9. "
     "Recommendations\nRecommendation 1: The board should ask partner agencies to include health "
     "visitors in domestic abuse notifications (Finding 1)."},
    {SCRQM_REPORT_TO_RECOMMENDATIONS
     "Recommendation 1: The board should ask partner agencies to include health visitors in "
     "domestic abuse notifications (Finding 1)."}};

const Rule finding_without_recommendation{
    "structure.finding-without-recommendation",
    "structure",
    "structure",
    Severity::Warning,
    "QM14",
    "Findings without a recommendation",
    "A finding that no recommendation answers.",
    {},
    // examples (rule_examples.hxx)
    {SCRQM_REPORT_TO_RECOMMENDATIONS
     "Recommendation 1: The board should ask partner agencies to include health visitors in "
     "domestic abuse notifications (Finding 1).\nFinding 2 is in the findings section."},
    {SCRQM_REPORT_TO_RECOMMENDATIONS
     "Recommendation 1: The board should ask partner agencies to include health visitors in "
     "domestic abuse notifications (Finding 1)."}};

const Rule findings_unidentified{
    "structure.findings-unidentified",
    "structure",
    "structure",
    Severity::Warning,
    "QM13",
    "Findings not identified",
    "A findings section with no numbered findings, or a finding of its own heading that carries "
    "no number (each one reported).",
    {},
    // examples (rule_examples.hxx)
    {SCRQM_REPORT_TO_FINDINGS
     "Information about domestic abuse did not reach health practitioners because the notification "
     "process does not include them, which meant that risk was underestimated.\n# 9. "
     "Recommendations\nRecommendation 1: The board should ask partner agencies to include health "
     "visitors in domestic abuse notifications (Finding 1).",
     SCRQM_REPORT_TO_FINDINGS
     "## [[Information sharing with health]]\nInformation about domestic abuse did not reach "
     "health "
     "practitioners because the notification process does not include them.\n## Finding 2: "
     "Supervision\nSupervision did not question the plan because caseloads were high.\n# 9. "
     "Recommendations\nRecommendation 1: The board should ask partner agencies to include health "
     "visitors in domestic abuse notifications (Finding 2)."},
    {SCRQM_REPORT_TO_RECOMMENDATIONS
     "Recommendation 1: The board should ask partner agencies to include health visitors in "
     "domestic abuse notifications (Finding 1)."}};

const Rule missing_section{
    "structure.missing-section",
    "structure",
    "structure",
    Severity::Warning,
    "QM14",
    "Missing sections",
    "A section the structure profile expects is not in the report.",
    {},
    // examples (rule_examples.hxx)
    {"# 1. Introduction\nThis review was commissioned by the board after a serious incident "
     "involving Child A, who was harmed at home. The board decided that the criteria for a review "
     "were met and appointed an independent reviewer.\n# 2. Terms of reference\nThe review covers "
     "the period from the birth of Child A until the incident, and asks how agencies shared "
     "information about the family.\nThe review used a systems approach. The reviewer read agency "
     "reports, held conversations with practitioners and met the family to hear their views.\n# 4. "
     "Family involvement\nMother and Father met the reviewer twice and their views are reflected "
     "throughout this report, which they have read.\n# 5. Practitioner involvement\nPractitioners "
     "from health, police and children's social care took part in two learning events and "
     "commented on a draft.\n# 6. Background\nChild A lived with Mother, Father and Sibling 1. The "
     "family had moved several times and had little support nearby.\n# 7. Analysis\nThe health "
     "visitor saw the family often but did not know about the police call-outs, because the "
     "referral pathway sent them only to children's social care. Workers were stretched and "
     "information sat in separate systems, which made it hard to see the pattern of concerns that "
     "built up over time.\n# 8. Findings\nFinding 1: Information about domestic abuse did not "
     "reach health practitioners because the notification process does not include them, which "
     "meant that risk was underestimated.\n# 9. Recommendations\nRecommendation 1: The board "
     "should ask partner agencies to include health visitors in domestic abuse notifications "
     "(Finding 1)."},
    {SCRQM_REPORT_TO_RECOMMENDATIONS
     "Recommendation 1: The board should ask partner agencies to include health visitors in "
     "domestic abuse notifications (Finding 1)."}};

const Rule no_headings{"structure.no-headings",
                       "structure",
                       "structure",
                       Severity::Warning,
                       "QM14",
                       "No headings",
                       "The document has no headings, so its structure cannot be checked.",
                       {},
                       // examples (rule_examples.hxx)
                       {"A report with no headings at all.\nIt has two paragraphs."},
                       {SCRQM_REPORT_TO_RECOMMENDATIONS
                        "Recommendation 1: The board should ask partner agencies to include health "
                        "visitors in domestic abuse notifications (Finding 1)."}};

const Rule numbering_duplicate{
    "structure.numbering-duplicate",
    "structure",
    "structure",
    Severity::Warning,
    "QM14",
    "Duplicate numbers",
    "Two findings or recommendations with the same number.",
    {},
    // examples (rule_examples.hxx)
    {SCRQM_REPORT_TO_RECOMMENDATIONS
     "Recommendation 1: The board should ask partner agencies to include health visitors in "
     "domestic abuse notifications (Finding 1).\nRecommendation 1: The board should ask agencies "
     "to audit notifications (Finding 1)."},
    {SCRQM_REPORT_TO_RECOMMENDATIONS
     "Recommendation 1: The board should ask partner agencies to include health visitors in "
     "domestic abuse notifications (Finding 1)."}};

const Rule numbering_gap{
    "structure.numbering-gap",
    "structure",
    "structure",
    Severity::Warning,
    "QM14",
    "Gaps in numbering",
    "Findings or recommendations numbered with a gap.",
    {},
    // examples (rule_examples.hxx)
    {SCRQM_REPORT_TO_RECOMMENDATIONS
     "Recommendation 1: The board should ask partner agencies to include health visitors in "
     "domestic abuse notifications (Finding 1).\nRecommendation 3: The board should ask agencies "
     "to audit notifications (Finding 1)."},
    {SCRQM_REPORT_TO_RECOMMENDATIONS
     "Recommendation 1: The board should ask partner agencies to include health visitors in "
     "domestic abuse notifications (Finding 1)."}};

const Rule recommendation_unaddressed{
    "structure.recommendation-unaddressed",
    "structure",
    "structure",
    Severity::Warning,
    "QM14",
    "Recommendations without an addressee",
    "A recommendation that does not say who should act on it.",
    {},
    // examples (rule_examples.hxx)
    {SCRQM_REPORT_TO_RECOMMENDATIONS
     "Recommendation 1: Include health visitors in domestic abuse notifications (Finding 1)."},
    {SCRQM_REPORT_TO_RECOMMENDATIONS
     "Recommendation 1: The board should ask partner agencies to include health visitors in "
     "domestic abuse notifications (Finding 1)."}};

const Rule recommendation_untraced{
    "structure.recommendation-untraced",
    "structure",
    "structure",
    Severity::Warning,
    "QM14",
    "Recommendations without a finding",
    "A recommendation that no finding leads to.",
    {},
    // examples (rule_examples.hxx)
    {SCRQM_REPORT_TO_RECOMMENDATIONS "Recommendation 1: The board should ask partner agencies to "
                                     "include health visitors in domestic abuse notifications."},
    {SCRQM_REPORT_TO_RECOMMENDATIONS
     "Recommendation 1: The board should ask partner agencies to include health visitors in "
     "domestic abuse notifications (Finding 1)."}};

const Rule recommendations_unnumbered{
    "structure.recommendations-unnumbered",
    "structure",
    "structure",
    Severity::Warning,
    "QM14",
    "Recommendations not numbered",
    "A recommendations section (\"Recommendations\", \"Considerations for the safeguarding "
    "partners\", \"Learning points\") with no numbered recommendations, or a recommendation of "
    "its own heading that carries no number (each one reported).",
    {},
    // examples (rule_examples.hxx)
    {SCRQM_REPORT_TO_RECOMMENDATIONS "The board should ask partner agencies to include health "
                                     "visitors in domestic abuse notifications (Finding 1).",
     SCRQM_REPORT_TO_RECOMMENDATIONS
     "## [[Notifications to health visitors]]\nThe board should ask partner agencies to include "
     "health visitors in domestic abuse notifications (Finding 1)."},
    {SCRQM_REPORT_TO_RECOMMENDATIONS
     "Recommendation 1: The board should ask partner agencies to include health visitors in "
     "domestic abuse notifications (Finding 1).",
     SCRQM_REPORT_TO_FINDINGS
     "Finding 1: Information about domestic abuse did not reach health practitioners because the "
     "notification process does not include them.\n# 9. Considerations for the safeguarding "
     "partners\n1. The safeguarding partners should include health visitors in domestic abuse "
     "notifications (Finding 1).",
     SCRQM_REPORT_TO_FINDINGS
     "Finding 1: Information about domestic abuse did not reach health practitioners because the "
     "notification process does not include them.\n# 9. Learning points\nLearning point 1: The "
     "board should ask partner agencies to include health visitors in domestic abuse "
     "notifications (Finding 1)."}};

const Rule section_order{
    "structure.section-order",
    "structure",
    "structure",
    Severity::Info,
    "QM14",
    "Sections out of order",
    "A standard section that comes out of its usual order.",
    {},
    // examples (rule_examples.hxx)
    {"# 1. Introduction\nThis review was commissioned by the board after a serious incident "
     "involving Child A, who was harmed at home. The board decided that the criteria for a review "
     "were met and appointed an independent reviewer.\n# 2. Terms of reference\nThe review covers "
     "the period from the birth of Child A until the incident, and asks how agencies shared "
     "information about the family.\n# 4. Family involvement\nMother and Father met the reviewer "
     "twice and their views are reflected throughout this report, which they have read.\n# 5. "
     "Practitioner involvement\nPractitioners from health, police and children's social care took "
     "part in two learning events and commented on a draft.\n# 6. Background\nChild A lived with "
     "Mother, Father and Sibling 1. The family had moved several times and had little support "
     "nearby.\n# 7. Analysis\nThe health visitor saw the family often but did not know about the "
     "police call-outs, because the referral pathway sent them only to children's social care. "
     "Workers were stretched and information sat in separate systems, which made it hard to see "
     "the pattern of concerns that built up over time.\n# 8. Findings\nFinding 1: Information "
     "about domestic abuse did not reach health practitioners because the notification process "
     "does not include them, which meant that risk was underestimated.\n# 9. "
     "Recommendations\nRecommendation 1: The board should ask partner agencies to include health "
     "visitors in domestic abuse notifications (Finding 1).\n# 10. Methodology\nThe review used a "
     "systems approach. The reviewer read agency reports, held conversations with practitioners "
     "and met the family to hear their views."},
    {SCRQM_REPORT_TO_RECOMMENDATIONS
     "Recommendation 1: The board should ask partner agencies to include health visitors in "
     "domestic abuse notifications (Finding 1)."}};

SCRQM_DEFINE_REGISTERED(SCRQM_STRUCTURE_RULES)

} // namespace scrqm::rules::structure

#undef SCRQM_REPORT_TO_RECOMMENDATIONS
#undef SCRQM_REPORT_TO_FINDINGS
