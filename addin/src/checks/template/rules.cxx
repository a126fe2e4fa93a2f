#include "rules.hxx"

namespace scrqm::rules::templates
{

const Rule placeholder{"template.placeholder",
                       "template",
                       "template",
                       Severity::Error,
                       "QM17",
                       "Template placeholders",
                       "A template placeholder field still in the document: its guidance would be "
                       "published as it stands.",
                       {},
                       // examples (rule_examples.hxx)
                       {"The board: {{name of the board}}"},
                       {"The board: Northmoor Safeguarding Children Board"}};

SCRQM_DEFINE_REGISTERED(SCRQM_TEMPLATES_RULES)

} // namespace scrqm::rules::templates
