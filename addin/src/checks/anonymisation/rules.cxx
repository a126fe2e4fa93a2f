#include "rules.hxx"

namespace scrqm::rules::anonymisation
{

const Rule address{"anonymisation.address",
                   "anonymisation",
                   "address",
                   Severity::Error,
                   "QM14",
                   "Street addresses",
                   "A house number with a street name, or a flat: it locates the family's home.",
                   {FixKind::Generalise, FixKind::Remove, FixKind::Allow}};

const Rule age{"anonymisation.age",
               "anonymisation",
               "age",
               Severity::Warning,
               "QM14",
               "Precise ages",
               "An age in months, weeks or years and months (\"aged 2 years and 7 months\", \"just "
               "17\"): with a date it gives a date of birth.",
               {FixKind::Generalise, FixKind::Allow}};

const Rule date{"anonymisation.date",
                "anonymisation",
                "date",
                Severity::Warning,
                "QM14",
                "Exact dates",
                "A day, month and year (or day and month): exact dates let a reader match the case "
                "to news reports or records.",
                {FixKind::Generalise, FixKind::Allow}};

const Rule date_of_birth{
    "anonymisation.date-of-birth",
    "anonymisation",
    "date-of-birth",
    Severity::Error,
    "QM14",
    "Dates of birth",
    "A date introduced as a date of birth (\"born on\", \"DOB\"): a direct identifier.",
    {FixKind::Generalise, FixKind::Remove}};

const Rule deny_list{"anonymisation.deny-list",
                     "anonymisation",
                     "deny-list",
                     Severity::Error,
                     "QM14",
                     "Terms on the deny-list",
                     "A term the user or the case asked always to report (--deny, the deny-list).",
                     {FixKind::Replace, FixKind::Remove}};

const Rule disability{
    "anonymisation.disability",
    "anonymisation",
    "disability",
    Severity::Warning,
    "QM14",
    "Specific disabilities",
    "A named disability: special-category data that can identify a family in a small area.",
    {FixKind::Allow}};

const Rule email{"anonymisation.email",
                 "anonymisation",
                 "email",
                 Severity::Error,
                 "QM14",
                 "E-mail addresses",
                 "An e-mail address: a direct identifier.",
                 {FixKind::Remove, FixKind::Allow}};

const Rule ethnicity{
    "anonymisation.ethnicity",
    "anonymisation",
    "ethnicity",
    Severity::Warning,
    "QM14",
    "Ethnicity",
    "An ethnic group: special-category data; keep it only where the learning needs it.",
    {FixKind::Allow}};

const Rule health{
    "anonymisation.health",
    "anonymisation",
    "health",
    Severity::Warning,
    "QM14",
    "Specific health conditions",
    "A named condition or diagnosis: a precise condition makes a family identifiable (QM14).",
    {FixKind::Allow}};

const Rule immigration{"anonymisation.immigration",
                       "anonymisation",
                       "immigration",
                       Severity::Warning,
                       "QM14",
                       "Immigration status",
                       "An immigration status: special-category detail that narrows down a family.",
                       {FixKind::Allow}};

const Rule institution{
    "anonymisation.institution",
    "anonymisation",
    "institution",
    Severity::Warning,
    "QM14",
    "Named schools, hospitals and surgeries",
    "A named school, nursery, hospital, ward, surgery or place of worship: it locates the family.",
    {FixKind::Generalise, FixKind::Allow}};

const Rule jigsaw{"anonymisation.jigsaw",
                  "anonymisation",
                  "jigsaw",
                  Severity::Error,
                  "QM14",
                  "Jigsaw risk in a paragraph",
                  "Several quasi identifiers in one paragraph (age, place, ethnicity, "
                  "condition...): together they can identify the family.",
                  {}};

const Rule jigsaw_section{
    "anonymisation.jigsaw-section",
    "anonymisation",
    "jigsaw",
    Severity::Warning,
    "QM14",
    "Jigsaw risk in a section",
    "Several quasi identifiers in one section: together they narrow down the family.",
    {}};

const Rule language{
    "anonymisation.language",
    "anonymisation",
    "language",
    Severity::Warning,
    "QM14",
    "First or home languages",
    "A named first or home language: with other details it narrows down the family.",
    {FixKind::Allow}};

const Rule name{"anonymisation.name",
                "anonymisation",
                "name",
                Severity::Error,
                "QM14",
                "Personal names",
                "A person's name that is not a pseudonym, a role or a public party of the report.",
                {FixKind::Replace, FixKind::Allow}};

const Rule nationality{"anonymisation.nationality",
                       "anonymisation",
                       "nationality",
                       Severity::Warning,
                       "QM14",
                       "Nationalities",
                       "A nationality: with other details it narrows down the family.",
                       {FixKind::Allow}};

const Rule nhs_number{"anonymisation.nhs-number",
                      "anonymisation",
                      "nhs-number",
                      Severity::Error,
                      "QM14",
                      "NHS numbers",
                      "A ten-digit number that passes the NHS modulus-11 check.",
                      {FixKind::Remove}};

const Rule ni_number{"anonymisation.ni-number",
                     "anonymisation",
                     "ni-number",
                     Severity::Error,
                     "QM14",
                     "National Insurance numbers",
                     "A National Insurance number with a valid prefix.",
                     {FixKind::Remove}};

const Rule phone{"anonymisation.phone",
                 "anonymisation",
                 "phone",
                 Severity::Error,
                 "QM14",
                 "Phone numbers",
                 "A UK phone number: a direct identifier.",
                 {FixKind::Remove, FixKind::Allow}};

const Rule place{"anonymisation.place",
                 "anonymisation",
                 "place",
                 Severity::Warning,
                 "QM14",
                 "Named towns, streets and estates",
                 "A named town, street or estate: with other details it locates the family.",
                 {FixKind::Allow}};

const Rule postcode{"anonymisation.postcode",
                    "anonymisation",
                    "postcode",
                    Severity::Error,
                    "QM14",
                    "Full postcodes",
                    "A full UK postcode: it identifies an address.",
                    {FixKind::Generalise, FixKind::Remove, FixKind::Allow}};

const Rule postcode_district{"anonymisation.postcode-district",
                             "anonymisation",
                             "postcode-district",
                             Severity::Warning,
                             "QM14",
                             "Postcode districts",
                             "An outward code given as where the family lived (\"the NM4 area\").",
                             {FixKind::Remove, FixKind::Allow}};

const Rule professional_name{
    "anonymisation.professional-name",
    "anonymisation",
    "professional-name",
    Severity::Error,
    "QM14",
    "Professionals' names",
    "A practitioner named by name (\"social worker Jane Hughes\", \"Dr Patel\"): use their role.",
    {FixKind::Replace, FixKind::Allow}};

const Rule pseudonym_before_introduction{
    "anonymisation.pseudonym-before-introduction",
    "anonymisation",
    "pseudonym",
    Severity::Warning,
    "QM14",
    "Pseudonyms used before they are introduced",
    "A pseudonym used before the paragraph that introduces it.",
    {}};

const Rule pseudonym_case{
    "anonymisation.pseudonym-case",
    "anonymisation",
    "pseudonym",
    Severity::Warning,
    "QM14",
    "Pseudonyms in two cases",
    "The same pseudonym written with different capitals (\"Child a\", \"Child A\").",
    {}};

const Rule pseudonym_scheme{
    "anonymisation.pseudonym-scheme",
    "anonymisation",
    "pseudonym",
    Severity::Warning,
    "QM14",
    "Mixed pseudonym schemes",
    "One person given pseudonyms of two schemes (\"Child A\" and \"Child 1\").",
    {}};

const Rule reference_number{"anonymisation.reference-number",
                            "anonymisation",
                            "reference-number",
                            Severity::Warning,
                            "QM14",
                            "Case and reference numbers",
                            "A case, crime, court, MARAC or hospital reference number.",
                            {FixKind::Remove, FixKind::Allow}};

const Rule register_{"anonymisation.register",
                     "anonymisation",
                     "register",
                     Severity::Error,
                     "QM14",
                     "Identifiers from the case register",
                     "An identifier the reviewer put in the case register, with its pseudonym.",
                     {FixKind::Replace}};

const Rule religion{"anonymisation.religion",
                    "anonymisation",
                    "religion",
                    Severity::Warning,
                    "QM14",
                    "Religions and denominations",
                    "A religion or denomination: special-category data.",
                    {FixKind::Allow}};

const Rule social_handle{"anonymisation.social-handle",
                         "anonymisation",
                         "social-handle",
                         Severity::Error,
                         "QM14",
                         "Social media names",
                         "A social media handle or user name.",
                         {FixKind::Remove, FixKind::Allow}};

const Rule url{"anonymisation.url",
               "anonymisation",
               "url",
               Severity::Warning,
               "QM14",
               "Web addresses",
               "A web address, which may lead to a person's page.",
               {FixKind::Remove, FixKind::Allow}};

const Rule vehicle_registration{"anonymisation.vehicle-registration",
                                "anonymisation",
                                "vehicle-registration",
                                Severity::Warning,
                                "QM14",
                                "Vehicle registrations",
                                "A UK vehicle registration mark.",
                                {FixKind::Remove, FixKind::Allow}};

const std::vector<const Rule*>& registered()
{
    static const std::vector<const Rule*> rules = {
        &address,
        &age,
        &date,
        &date_of_birth,
        &deny_list,
        &disability,
        &email,
        &ethnicity,
        &health,
        &immigration,
        &institution,
        &jigsaw,
        &jigsaw_section,
        &language,
        &name,
        &nationality,
        &nhs_number,
        &ni_number,
        &phone,
        &place,
        &postcode,
        &postcode_district,
        &professional_name,
        &pseudonym_before_introduction,
        &pseudonym_case,
        &pseudonym_scheme,
        &reference_number,
        &register_,
        &religion,
        &social_handle,
        &url,
        &vehicle_registration,
    };
    return rules;
}

} // namespace scrqm::rules::anonymisation
