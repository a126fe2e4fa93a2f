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
    {}};

const Rule actions{"response.actions",
                   "response",
                   "response",
                   Severity::Warning,
                   "QM16",
                   "Actions with owners and dates",
                   "The response has no actions with owners and dates (QM16).",
                   {}};

const Rule monitoring{"response.monitoring",
                      "response",
                      "response",
                      Severity::Warning,
                      "QM16",
                      "Monitoring of the actions",
                      "The response does not say how the actions will be monitored (QM16).",
                      {}};

const Rule national{"response.national",
                    "response",
                    "response",
                    Severity::Info,
                    "QM16",
                    "National learning",
                    "The response does not say what it will share nationally (QM16).",
                    {}};

const Rule plain_english{
    "response.plain-english",
    "response",
    "response",
    Severity::Warning,
    "QM16",
    "Plain English in the response",
    "A long sentence or jargon in the board's response (QM16 question on plain English).",
    {}};

const Rule priorities{"response.priorities",
                      "response",
                      "response",
                      Severity::Warning,
                      "QM16",
                      "Priorities",
                      "The response does not set priorities among the recommendations (QM16).",
                      {}};

const Rule time_scheduled{"response.time-scheduled",
                          "response",
                          "response",
                          Severity::Warning,
                          "QM16",
                          "A date for the response",
                          "The response does not say when the board considered the report (QM16).",
                          {}};

const std::vector<const Rule*>& registered()
{
    static const std::vector<const Rule*> rules = {
        &acceptance, &actions, &monitoring, &national, &plain_english, &priorities, &time_scheduled,
    };
    return rules;
}

} // namespace scrqm::rules::response
