#include "rules.hxx"

namespace scrqm::rules::response
{

const Rule acceptance{
    "response.acceptance",
    "response",
    "response",
    Severity::Warning,
    "QM16",
    "Acceptance of the findings",
    "The board's response does not say whether it accepts the findings (QM16 question 1).",
    {},
    // examples (rule_examples.hxx)
    {"# Board response to the serious case review\nThe Board will publish this response."},
    {"# Board response to the serious case review\nThe Board accepts the findings and "
     "recommendations of the review in full."}};

const Rule actions{"response.actions",
                   "response",
                   "response",
                   Severity::Warning,
                   "QM16",
                   "Actions with owners and dates",
                   "The response has no actions with owners and dates (QM16).",
                   {},
                   // examples (rule_examples.hxx)
                   {"# Board response to the serious case review\nThe Board accepts the findings."},
                   {"# Board response to the serious case review\nNorthmoor Police will review the "
                    "notification form by March 2018."}};

const Rule monitoring{
    "response.monitoring",
    "response",
    "response",
    Severity::Warning,
    "QM16",
    "Monitoring of the actions",
    "The response does not say how the actions will be monitored (QM16).",
    {},
    // examples (rule_examples.hxx)
    {"# Board response to the serious case review\nThe Board accepts the findings."},
    {"# Board response to the serious case review\nThe Board's learning and improvement subgroup "
     "will monitor the action plan and report progress to the Board every quarter."}};

const Rule national{
    "response.national",
    "response",
    "response",
    Severity::Info,
    "QM16",
    "National learning",
    "The response does not say what it will share nationally (QM16).",
    {},
    // examples (rule_examples.hxx)
    {"# Board response to the serious case review\nThe Board accepts the findings."},
    {"# Board response to the serious case review\nThe Board will share the learning with the "
     "national panel and other boards."}};

const Rule plain_english{
    "response.plain-english",
    "response",
    "response",
    Severity::Warning,
    "QM16",
    "Plain English in the response",
    "A long sentence or jargon in the board's response (QM16 question on plain English).",
    {},
    // examples (rule_examples.hxx)
    {"# Board response to the serious case review\n[[The Board, having considered the overview "
     "report together with the agency reports and the views of the family, has agreed that partner "
     "agencies will review their arrangements for sharing information about domestic abuse with "
     "health visitors and general practitioners.]]"},
    {"# Board response to the serious case review\nThe Board accepts the findings. It will act on "
     "them."}};

const Rule priorities{
    "response.priorities",
    "response",
    "response",
    Severity::Warning,
    "QM16",
    "Priorities",
    "The response does not set priorities among the recommendations (QM16).",
    {},
    // examples (rule_examples.hxx)
    {"# Board response to the serious case review\nThe Board accepts the findings."},
    {"# Board response to the serious case review\nOur first priority is missed appointments; it "
     "is already in our business plan."}};

const Rule time_scheduled{
    "response.time-scheduled",
    "response",
    "response",
    Severity::Warning,
    "QM16",
    "A date for the response",
    "The response does not say when the board considered the report (QM16).",
    {},
    // examples (rule_examples.hxx)
    {"# Board response to the serious case review\nThe Board accepts the findings."},
    {"# Board response to the serious case review\nThe Board received the report on 3 May 2017 and "
     "agreed this response on 21 June 2017."}};

SCRQM_DEFINE_REGISTERED(SCRQM_RESPONSE_RULES)

} // namespace scrqm::rules::response
