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
                   {FixKind::DeleteComment}};

const Rule custom_property{"hidden.custom-property",
                           "hidden",
                           "hidden-data",
                           Severity::Warning,
                           "QM14",
                           "Custom document properties",
                           "A custom document property (often a case number or a name).",
                           {FixKind::ClearProperty}};

const Rule embedded_object{"hidden.embedded-object",
                           "hidden",
                           "hidden-data",
                           Severity::Warning,
                           "QM14",
                           "Embedded objects",
                           "An embedded spreadsheet, chart or document: it carries its own data.",
                           {}};

const Rule field{"hidden.field",
                 "hidden",
                 "hidden-data",
                 Severity::Warning,
                 "QM14",
                 "Author and file-name fields",
                 "A field that fills in the author's name or the file's name or path.",
                 {}};

const Rule footer{"hidden.footer",
                  "hidden",
                  "hidden-data",
                  Severity::Info,
                  "QM14",
                  "Footers",
                  "A footer with content: it repeats on every page.",
                  {}};

const Rule frame{"hidden.frame",
                 "hidden",
                 "hidden-data",
                 Severity::Info,
                 "QM14",
                 "Text frames and boxes",
                 "Text in a frame or text box, easy to overlook.",
                 {}};

const Rule header{"hidden.header",
                  "hidden",
                  "hidden-data",
                  Severity::Info,
                  "QM14",
                  "Headers",
                  "A header with content: it repeats on every page.",
                  {}};

const Rule hidden_paragraph{"hidden.hidden-paragraph",
                            "hidden",
                            "hidden-data",
                            Severity::Warning,
                            "QM14",
                            "Hidden paragraphs",
                            "A hidden paragraph or section: in the file though not shown.",
                            {FixKind::RemoveHiddenText}};

const Rule hidden_text{"hidden.hidden-text",
                       "hidden",
                       "hidden-data",
                       Severity::Warning,
                       "QM14",
                       "Hidden text",
                       "Hidden characters: in the file and in every copy made from it.",
                       {FixKind::RemoveHiddenText}};

const Rule image{"hidden.image",
                 "hidden",
                 "hidden-data",
                 Severity::Info,
                 "QM14",
                 "Image names and descriptions",
                 "An image's name, title or description, which can name a person or a file.",
                 {}};

const Rule personal_info_setting{"hidden.personal-info-setting",
                                 "hidden",
                                 "hidden-data",
                                 Severity::Warning,
                                 "QM14",
                                 "\"Remove personal information on saving\" off",
                                 "The office option that strips authors' names on saving is off.",
                                 {}};

const Rule property{"hidden.property",
                    "hidden",
                    "hidden-data",
                    Severity::Warning,
                    "QM14",
                    "Document properties",
                    "A document property (File > Properties) published with the file.",
                    {FixKind::ClearProperty}};

const Rule tracked_change{
    "hidden.tracked-change",
    "hidden",
    "hidden-data",
    Severity::Warning,
    "QM14",
    "Tracked changes",
    "A tracked change not yet accepted or rejected: deleted text and authors stay in the file.",
    {FixKind::AcceptOrRejectChanges}};

const Rule version{"hidden.version",
                   "hidden",
                   "hidden-data",
                   Severity::Warning,
                   "QM14",
                   "Stored versions",
                   "An earlier version stored in the file (File > Versions).",
                   {}};

const std::vector<const Rule*>& registered()
{
    static const std::vector<const Rule*> rules = {
        &comment,
        &custom_property,
        &embedded_object,
        &field,
        &footer,
        &frame,
        &header,
        &hidden_paragraph,
        &hidden_text,
        &image,
        &personal_info_setting,
        &property,
        &tracked_change,
        &version,
    };
    return rules;
}

} // namespace scrqm::rules::hidden
