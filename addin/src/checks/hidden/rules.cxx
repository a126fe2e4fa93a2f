#include "rules.hxx"

namespace scrqm::rules::hidden
{

const Rule comment{"hidden.comment",
                   "hidden",
                   "hidden-data",
                   Severity::Warning,
                   "QM14",
                   "Comments",
                   "A comment: it travels with the file with its author's name.",
                   {FixKind::DeleteComment},
                   // examples (rule_examples.hxx)
                   {"Body text.\n!comment: [[Check the date with Mother]]"},
                   {"Body text without comments."}};

const Rule custom_property{"hidden.custom-property",
                           "hidden",
                           "hidden-data",
                           Severity::Warning,
                           "QM14",
                           "Custom document properties",
                           "A custom document property (often a case number or a name).",
                           {FixKind::ClearProperty},
                           // examples (rule_examples.hxx)
                           {"!custom-property custom:Case: [[SCR-2016-03]]"},
                           {"!custom-property custom:AppVersion: 16.0000"}};

const Rule custom_xml{"hidden.custom-xml",
                      "hidden",
                      "hidden-data",
                      Severity::Warning,
                      "QM14",
                      "Custom XML parts",
                      "A .docx custom XML part (customXml/item*.xml): data Word keeps beside the "
                      "text, often a case system's fields.",
                      {},
                      // examples (rule_examples.hxx)
                      {"!custom-xml item1.xml: [[child: Liam Carter / ref: SCR-2016-03]]"},
                      {"Body text only."}};

const Rule embedded_object{"hidden.embedded-object",
                           "hidden",
                           "hidden-data",
                           Severity::Warning,
                           "QM14",
                           "Embedded objects",
                           "An embedded spreadsheet, chart or document: it carries its own data.",
                           {},
                           // examples (rule_examples.hxx)
                           {"!embedded-object Object1: [[Spreadsheet]]"},
                           {"Body text only."}};

const Rule field{"hidden.field",
                 "hidden",
                 "hidden-data",
                 Severity::Warning,
                 "QM14",
                 "Author and file-name fields",
                 "A field that fills in the author's name or the file's name or path.",
                 {},
                 // examples (rule_examples.hxx)
                 {"!field Author: [[Jo Bloggs]]"},
                 {"Body text only."}};

const Rule footer{"hidden.footer",
                  "hidden",
                  "hidden-data",
                  Severity::Info,
                  "QM14",
                  "Footers",
                  "A footer with content: it repeats on every page.",
                  {},
                  // examples (rule_examples.hxx)
                  {"!footer: [[Draft v3]]"},
                  {"Body text only."}};

const Rule frame{"hidden.frame",
                 "hidden",
                 "hidden-data",
                 Severity::Info,
                 "QM14",
                 "Text frames and boxes",
                 "Text in a frame or text box, easy to overlook.",
                 {},
                 // examples (rule_examples.hxx)
                 {"!frame: [[Text in a box]]"},
                 {"Body text only."}};

const Rule header{"hidden.header",
                  "hidden",
                  "hidden-data",
                  Severity::Info,
                  "QM14",
                  "Headers",
                  "A header with content: it repeats on every page.",
                  {},
                  // examples (rule_examples.hxx)
                  {"!header: [[Case 7 draft]]"},
                  {"Body text only."}};

const Rule hidden_paragraph{"hidden.hidden-paragraph",
                            "hidden",
                            "hidden-data",
                            Severity::Warning,
                            "QM14",
                            "Hidden paragraphs",
                            "A hidden paragraph or section: in the file though not shown.",
                            {FixKind::RemoveHiddenText},
                            // examples (rule_examples.hxx)
                            {"!hidden-paragraph: [[A paragraph no one sees]]"},
                            {"A paragraph everyone sees."}};

const Rule hidden_text{"hidden.hidden-text",
                       "hidden",
                       "hidden-data",
                       Severity::Warning,
                       "QM14",
                       "Hidden text",
                       "Hidden characters: in the file and in every copy made from it.",
                       {FixKind::RemoveHiddenText},
                       // examples (rule_examples.hxx)
                       {"!hidden-text: Visible and [[hidden]] text"},
                       {"Visible text only."}};

const Rule image{"hidden.image",
                 "hidden",
                 "hidden-data",
                 Severity::Info,
                 "QM14",
                 "Image names and descriptions",
                 "An image's name, title or description, which can name a person or a file.",
                 {},
                 // examples (rule_examples.hxx)
                 {"!image Photo1: [[photo of the house]]"},
                 {"Body text only."}};

const Rule link_target{"hidden.link-target",
                       "hidden",
                       "hidden-data",
                       Severity::Warning,
                       "QM14",
                       "Link targets",
                       "A link whose target (an e-mail address, a file path) is not its shown "
                       "text: the address or path travels with the file.",
                       {},
                       // examples (rule_examples.hxx)
                       {"!link-target the family: [[mailto:liam.carter@example.org]]",
                        "!link-target the notes: [[file:///home/Kelly Hartwell/visit.odt]]"},
                       {"Body text only."}};

const Rule personal_info_setting{
    "hidden.personal-info-setting",
    "hidden",
    "hidden-data",
    Severity::Warning,
    "QM14",
    "\"Remove personal information on saving\" off",
    "The office option that strips authors' names on saving is off.",
    {},
    // examples (rule_examples.hxx)
    {"!personal-info-setting: [[Remove personal information on saving: off]]"},
    {"Body text only."}};

const Rule property{"hidden.property",
                    "hidden",
                    "hidden-data",
                    Severity::Warning,
                    "QM14",
                    "Document properties",
                    "A document property (File > Properties) published with the file.",
                    {FixKind::ClearProperty},
                    // examples (rule_examples.hxx)
                    {"!property author: [[Jo Bloggs]]"},
                    {"Body text only."}};

const Rule scrqm_data{"hidden.scrqm-data",
                      "hidden",
                      "hidden-data",
                      Severity::Warning,
                      "QM14",
                      "scrqm's own data",
                      "scrqm's tag bookmarks, question notes or ignore list, left in the file.",
                      {},
                      // examples (rule_examples.hxx)
                      {"!scrqm-data: [[question states and notes for QM4]]",
                       "!scrqm-data: [[3 scrqm_ bookmark(s) marking tags]]"},
                      {"Body text only."}};

const Rule tracked_change{
    "hidden.tracked-change",
    "hidden",
    "hidden-data",
    Severity::Warning,
    "QM14",
    "Tracked changes",
    "A tracked change not yet accepted or rejected: deleted text and authors stay in the file.",
    {FixKind::AcceptOrRejectChanges},
    // examples (rule_examples.hxx)
    {"!tracked-change: Text with a [[deleted word]]"},
    {"Text with no changes."}};

const Rule version{"hidden.version",
                   "hidden",
                   "hidden-data",
                   Severity::Warning,
                   "QM14",
                   "Stored versions",
                   "An earlier version stored in the file (File > Versions).",
                   {},
                   // examples (rule_examples.hxx)
                   {"!version: [[Version 2 by Jo Bloggs]]"},
                   {"Body text only."}};

SCRQM_DEFINE_REGISTERED(SCRQM_HIDDEN_RULES)

} // namespace scrqm::rules::hidden
