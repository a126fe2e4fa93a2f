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
                   {FixKind::Generalise, FixKind::Remove, FixKind::Allow},
                   // examples (rule_examples.hxx)
                   {"The family lived at [[12 Elm Grove]] until 2015.",
                    "They moved to [[41b Tannery Lane]] in the spring.",
                    // a street word inside the street's name
                    "The address was [[27 Quarry Bank Road]], and they stayed there."},
                   {"The family lived in a rented flat near the town centre.",
                    // a number in the cell before a house's description
                    "Adult B | 63 | Owner-occupied house shared with his brother"}};

const Rule age{"anonymisation.age",
               "anonymisation",
               "age",
               Severity::Warning,
               "QM14",
               "Precise ages",
               "An age in months, weeks or years and months (\"aged 2 years and 7 months\", \"just "
               "17\"): with a date it gives a date of birth.",
               {FixKind::Generalise, FixKind::Allow},
               // examples (rule_examples.hxx)
               {"Child A was [[aged 2 years and 7 months]] at the time.",
                "He was [[17 months old]].",
                // a table's age column, and a cell after one naming an age
                "Adult | Age at death | Living situation\nAdult A | [[58]] | Lived alone",
                "Child's age at the time | [[11 weeks]]",
                "Child | Age at referral | Setting\nChild 1 | [[13 years 4 months]] | School"},
               {"Two years later the family moved.", "The support lasted for 3 months.",
                "Version | Date | Changes\n0.4 | 12 | Findings reordered"}};

const Rule date{
    "anonymisation.date",
    "anonymisation",
    "date",
    Severity::Warning,
    "QM14",
    "Exact dates",
    "A day, month and year (or day and month): exact dates let a reader match the case "
    "to news reports or records.",
    {FixKind::Generalise, FixKind::Allow},
    // examples (rule_examples.hxx)
    {"The police were called on [[14/06/2013]].", "The visit took place on [[14 June 2013]]."},
    {"The family moved in March 2016.", "See paragraph 4.2.1.",
     // an action plan's deadlines
     "Action | Lead | Target date\nAudit the referrals | Head of Service | 30 June 2024"}};

const Rule date_of_birth{
    "anonymisation.date-of-birth",
    "anonymisation",
    "date-of-birth",
    Severity::Error,
    "QM14",
    "Dates of birth",
    "A date introduced as a date of birth (\"born on\", \"DOB\"): a direct identifier.",
    {FixKind::Generalise, FixKind::Remove},
    // examples (rule_examples.hxx)
    {"Child A was born on [[14/06/2013]]."},
    {"Child A was born in the summer of 2013.",
     // "b." (born) is a word of its own, not the end of "mob."
     "Lead: Head of Safeguarding (mob. 07700 900482) | 31 December 2024 | Amber"}};

const Rule deny_list{"anonymisation.deny-list",
                     "anonymisation",
                     "deny-list",
                     Severity::Error,
                     "QM14",
                     "Terms on the deny-list",
                     "A term the user or the case asked always to report (--deny, the deny-list).",
                     {FixKind::Replace, FixKind::Remove},
                     // examples (rule_examples.hxx)
                     {"%deny Rosewood\nThe meeting was held at [[Rosewood]]."},
                     {"%deny Rosewood\nThe meeting was held at the family centre."}};

const Rule disability{
    "anonymisation.disability",
    "anonymisation",
    "disability",
    Severity::Warning,
    "QM14",
    "Specific disabilities",
    "A named disability: special-category data that can identify a family in a small area.",
    {FixKind::Allow},
    // examples (rule_examples.hxx)
    {"Sibling 1 is [[profoundly deaf]]."},
    {"Sibling 1 needed extra help at school."}};

const Rule email{"anonymisation.email",
                 "anonymisation",
                 "email",
                 Severity::Error,
                 "QM14",
                 "E-mail addresses",
                 "An e-mail address: a direct identifier.",
                 {FixKind::Remove, FixKind::Allow},
                 // examples (rule_examples.hxx)
                 {"Mother wrote from [[jade.smith99@example.com]].",
                  // a person's mailbox at a council is still a person's
                  "The social worker wrote from [[jane.hughes@example.gov.uk]]."},
                 {"Mother wrote an e-mail to the school."}};

const Rule ethnicity{
    "anonymisation.ethnicity",
    "anonymisation",
    "ethnicity",
    Severity::Warning,
    "QM14",
    "Ethnicity",
    "An ethnic group: special-category data; keep it only where the learning needs it.",
    {FixKind::Allow},
    // examples (rule_examples.hxx)
    {"The family are [[White British]]."},
    {"The family's culture was not explored."}};

const Rule health{
    "anonymisation.health",
    "anonymisation",
    "health",
    Severity::Warning,
    "QM14",
    "Specific health conditions",
    "A named condition or diagnosis: a precise condition makes a family identifiable (QM14).",
    {FixKind::Allow},
    // examples (rule_examples.hxx)
    {"Child A has [[cystic fibrosis]]."},
    {"Child A had a long-term health condition.",
     // an acronym the report spells out as something else
     "Adult social care (ASC) closed the concern.\nASC did not visit."}};

const Rule immigration{"anonymisation.immigration",
                       "anonymisation",
                       "immigration",
                       Severity::Warning,
                       "QM14",
                       "Immigration status",
                       "An immigration status: special-category detail that narrows down a family.",
                       {FixKind::Allow},
                       // examples (rule_examples.hxx)
                       {"Mother had [[no recourse to public funds]]."},
                       {"Mother's status limited the help she could get.",
                        // a glossary defines the term: no one's detail
                        "NRM | National Referral Mechanism"}};

const Rule institution{
    "anonymisation.institution",
    "anonymisation",
    "institution",
    Severity::Warning,
    "QM14",
    "Named schools, hospitals and surgeries",
    "A named school, nursery, hospital, ward, surgery or place of worship: it locates the family.",
    {FixKind::Generalise, FixKind::Allow},
    // examples (rule_examples.hxx)
    {"Child A attended [[Northmoor Primary School]].",
     // a designation in brackets inside the name
     "Child A attended [[St Aidan's CE (VC) Junior School]]."},
    {"Child A attended the local primary school."}};

const Rule jigsaw{
    "anonymisation.jigsaw",
    "anonymisation",
    "jigsaw",
    Severity::Error,
    "QM14",
    "Jigsaw risk in a paragraph",
    "Several quasi identifiers in one paragraph (age, place, ethnicity, "
    "condition...): together they can identify the family.",
    {},
    // examples (rule_examples.hxx)
    {"Child A, aged 2 years and 7 months, has cystic fibrosis and the family are White British."},
    {"Child A had a long-term condition and the family were known to services."}};

const Rule jigsaw_section{
    "anonymisation.jigsaw-section",
    "anonymisation",
    "jigsaw",
    Severity::Warning,
    "QM14",
    "Jigsaw risk in a section",
    "Several quasi identifiers in one section: together they narrow down the family.",
    {},
    // examples (rule_examples.hxx)
    {"# Background\nChild A is aged 14 months.\nChild A has cystic fibrosis.\nThe family are White "
     "British.\nThey moved to Northallerton."},
    {"# Background\nChild A was very young.\nThe family were known to services."}};

const Rule language{
    "anonymisation.language",
    "anonymisation",
    "language",
    Severity::Warning,
    "QM14",
    "First or home languages",
    "A named first or home language: with other details it narrows down the family.",
    {FixKind::Allow},
    // examples (rule_examples.hxx)
    {"Mother's first language is [[Tigrinya]].",
     "An interpreter who spoke [[Kurdish]] was booked."},
    {"Mother needed an interpreter.",
     // one word, one finding: the words around say which
     "She is of Kurdish heritage.", "Father's Lithuanian passport was held by the police."}};

const Rule named_person{
    "anonymisation.named-person",
    "anonymisation",
    "named-person",
    Severity::Info,
    "QM14",
    "People the review names with the family's agreement",
    "A person the review names openly with the family's agreement (a named review, --named); "
    "their other details are still reported.",
    {},
    // examples (rule_examples.hxx)
    {"%named Josh Carter\nThe review is about [[Josh Carter]], who died in 2021.",
     // a named review said in the text
     "Reuben's parents asked that he be called by his own first name in this report.\n[[Reuben]] "
     "loved trains.",
     "The board published its review under [[Stephen's]] real first name, at his parents' "
     "request."},
    {"%named Josh Carter\nThe review is about a young man who died in 2021."}};

const Rule org_contact{
    "anonymisation.org-contact",
    "anonymisation",
    "org-contact",
    Severity::Info,
    "QM14",
    "Organisations' contact details",
    "A helpline, a non-geographic number or an office address of an organisation (the board, a "
    "council): public, unless a person's name or a home is next to it.",
    {},
    // examples (rule_examples.hxx)
    {"For advice please call the board's helpline on [[0300 555 0123]].",
     "Northmoor Council, Civic Centre, Market Street, [[NM1 1AA]]",
     "Send the report to [[DHREnquiries@example.gov.uk]] by March.",
     "Email the Board at [[hsab@example.org]] for a copy.",
     "Media enquiries: the press office at [[press.office@example.gov.uk]].",
     "Out of hours, call the emergency duty team on [[0113 496 0999]].",
     "Home Office, Interpersonal Abuse Unit, [[2 Marsham Street]], London SW1P 4DF",
     "The report is on the board's site, [[www.highbarrowsab.org.uk]].",
     "Write to [[panel.secretariat@csprp-england.org.uk]] for a copy.",
     "Contact the business unit at [[fscp.business@example.org]].",
     "Review Panel\nBexley Wing, [[9 Ormond Place]], London WC9R 4TF",
     "Bruising in non-mobile children: contact the business unit on [[0191 498 0247]].",
     "If you are worried about abuse, you can call the service in confidence on [[0113 496 "
     "0388]], Monday to Friday.",
     "Northmoor Safeguarding Adults Board, Room 3.14, Fenner House, Quayside Walk, Northmoor NM7 "
     "2XJ\nTel: [[01632 960 118]] | nsab@example.gov.uk"},
    {"Mother's mobile was 07700 900123.", "The family lived at 12 Elm Grove, NM4 7QT."}};

const Rule public_party{
    "anonymisation.public-party",
    "anonymisation",
    "public-party",
    Severity::Info,
    "QM14",
    "Public parties of the report",
    "A person the report itself presents in a public role (its author or reviewer on the cover, "
    "the chair, a panel member with their job, a letter's signatory, a cited researcher): shown "
    "with the reason; --deny reports the name again.",
    {},
    // examples (rule_examples.hxx)
    {"Independent reviewer: Michael Tennant\nThe reviewer, [[Michael Tennant]], met the family.",
     "Review panel\nFiona Duckworth, Head of Adult Safeguarding, Kessingford County Council\n"
     "[[Fiona Duckworth]] chaired the meetings.",
     "This briefing summarises the review by independent reviewer [[Dr Anya Pell]].",
     // a role in lower case after the name; a senior police officer speaking for the force
     "Overview report by [[Helen Corrigan]], independent reviewer",
     "Chief Superintendent [[Gareth Lloyd-Hughes]] of Westmarch Police said that officers "
     "are now trained.",
     "[[Professor Hilary Ames]], independent scrutineer for the partnership, said the review "
     "was honest.",
     "The lead reviewers were Dr Ruth Abel, a social work consultant, and [[Samuel Oduya]], a "
     "former detective.",
     "For enquiries, contact the Board Manager, [[Rachel Odunsi]], at the board's office.",
     "Practitioners cited [[Professor Carla Fenn's]] work on contextual safeguarding.",
     "Learning from a local review (LCSPR). Lead reviewer: [[Nadia Fenwick-Shaw]]",
     "Reviewers: [[Dr Elin Gwynfor-Price PhD]], CQSW",
     "It was carried out by independent reviewer [[Lionel Quarrie]] under section 44.",
     "Prepared by the Independent Chair and Author, [[Yvonne Castleberry]], for the partnership.",
     "Dear Gareth, [[Amina]] and Colin,", "The chair, [[Ruth Okonjo-Barnes]], met Son 1 twice.",
     "The panel has drawn on the work of [[Professor Anna Pelling]] on coercive control.",
     "The analysis was led by [[Dr Nkechi Adebayo-Hall]] and a colleague.",
     "[[Ms Priya Landon-Hart]], Senior Coroner for the area, issued a report to prevent future "
     "deaths.",
     "Second Reviewer: [[Tobias Hale-Nwosu MA]], DipSW",
     "Independent Chair, ESAB: [[Professor Howard Llewellin]]",
     "Please send comments to the sub-group chair, [[Rev. Alison Dewhurst]], by May.",
     "It was facilitated by the lead reviewer with [[Anjali Mistry]], business manager of the "
     "partnership.",
     "The Quality Assurance Subgroup, chaired by [[Dr Kofi Amankwah]], will monitor them.",
     "Yours sincerely,\n[[Professor Dame Helen Carrow]]\nChair of the Panel",
     "Version | Date | Author\n0.4 | May 2024 | [[Owen Baptiste]], Business Manager",
     // a meeting's attendees with their initials; an action's owner in a table row
     "Present\n[[Joanne Rudd]] (JR), Partnership Business Manager, DSCP",
     "3. Screening | Revise the screening tool and train all staff in the MASH team this year. "
     "| [[Lucy Abernethy]], ESCP Business Manager | March 2025",
     "[[D. Holloway-Pryce]], Named Nurse for Safeguarding Children",
     "The reviewer, [[Dr Fatima Rahimi]], describes a home that was short of staff.",
     // people quoted in their official role
     "\"Reviews matter,\" said [[Dr Miriam Fenwick-Lowe]], chair of the SRA.",
     "In a written answer, the children's minister, [[Rt Hon Sarah Lindqvist MP]], said no.",
     // a researcher whose surname is cited in brackets
     "[[Dr Imogen Halloran]] has argued that concerns are triaged as isolated lapses (Halloran "
     "and Brisk, 2019)."},
    {"The social worker Jane Hughes visited the home.",
     "Detective Constable Jane Hughes took a statement from Mother.",
     // a cited surname alone does not make a family's name public
     "Liam Munro was seen at school. Research shows the value of this (Munro, 2011).",
     "%deny Michael Tennant\nIndependent reviewer: Michael Tennant\nMichael Tennant met them."}};

const Rule name{
    "anonymisation.name",
    "anonymisation",
    "name",
    Severity::Error,
    "QM14",
    "Personal names",
    "A person's name that is not a pseudonym, a role or a public party of the report.",
    {FixKind::Replace, FixKind::Allow},
    // examples (rule_examples.hxx)
    {"[[Liam]] was seen at home by the health visitor.",
     "Josh is not his real name.\nHis real name is [[Joshua Baker]].",
     "The family's neighbour [[Mrs Wood]] called the police.",
     "[[Mrs Baker]] and [[Mr Wood]] attended the meeting.",
     // a report whose names are pseudonyms: a full name is still one
     "All names in this report have been changed.\n[[Daniel Hughes]] was convicted.",
     // a full name after "the death of" is not a review's pseudonym
     "The review of the death of [[Linda Pearce]], who lived alone, was published.",
     // a mark between initials and a name: the name alone
     "[Reviewer PM: [[Rhiannon]] to sign once the panel has agreed.]",
     "Nan ([[Mrs S. Pennock]]) said she had worried from the start.",
     // a team's name ends at its bracket
     "Present: a detective (Wessmoor Police, child abuse team); [[Sarah Lund]] (DSL).",
     "[[Mr. Carter]] saw him."},
    {"Child A was seen at home by the health visitor.", "There was hope that things would improve.",
     // the reviews' pseudonym conventions and declared pseudonyms
     "Mr C and Ms M met the reviewer; Mr SF did not.", "Subject A and Adult R lived alone.",
     // a pseudonym ending a sentence; initials with full stops
     "The report was shared with Mr K. She said she had not seen it.",
     "Mr J.B. lived in supported living; Mr J.B.'s family visited.",
     "The young man is referred to as Josh in this report.\nJosh's mother spoke to "
     "us.",
     "Mary (pseudonym) was 34.\nMary worked in a shop.",
     "Ruth and her family chose the pseudonyms used in this report.\nDaniel was convicted.",
     // a whole-word title ending a sentence does not make the next word a name
     "He focused on Mother and Father. Bruising in a baby was recorded.",
     "Domestic Homicide Review into the death of Helen\nHelen lived alone.",
     "# CHILD S\nChild S was seen at home.",
     // acronyms, redaction marks, eponymous conditions
     "The CSPR asked the MDT to apply the MCA.", "The name REDACTED was given to the police.",
     "She was diagnosed with Asperger's syndrome.",
     // teams, programmes, page furniture, RAG ratings
     "The Emerald Team and Operation Willow took referrals.", "Introduction Page 3\nPage 4 of 24",
     "Agree the pathway | Subgroup | June 2022 | Green",
     // public parties: the report's author and panel
     "Report author: Helen Corrigan MA, CQSW\nHelen Corrigan met the family.",
     "Yours sincerely\nJane Whitfield\nChair of the Board",
     // a DHR's subject named in a sentence about the review; a name chosen for a SAR
     "Thank you for the DHR report on the death of Linda, commissioned by the partnership.\n"
     "Linda's daughters spoke to the panel.",
     "'Bethany' (the name chosen by her mother) died in 2022.\nBethany loved music.",
     // pseudonyms declared in other words
     "Nobody in this report is called by their real name.\nJess and Connor moved house.",
     "The names Farida and Imran were chosen by her sister.\nImran was arrested.",
     "Her nan chose Jess for the baby's mum.\nJess was 19.",
     "The panel has used the name Graham for her son.\nGraham moved back home.",
     "Dean and Sam chose their own pseudonyms through peers who knew them well.\nSam slept rough.",
     "Juno's name was chosen by her father.\nJuno loved football.",
     "SAR Frank | Statutory SAR (self-neglect) | June 2023\nFrank lived alone.",
     "Mrs H's Daughter told the panel about her mother.",
     // a glossary line; a job after a title and a comma
     "ASB | Anti-social behaviour",
     "Lead: Detective Superintendent, Public Protection, Northmoor Police",
     // a bracket ends a name: a review's subjects and its board; a job in brackets
     "4.4 Case example 3: Mr and Mrs A (Wrenfield Vale Safeguarding Adults Board)",
     "Members: Lyneshire Partnership NHS Trust (Director of Nursing); the police.",
     // an agency's name
     "The statutory partners are the council and Calder Reach Police.",
     // a review's title, a pair of quoted names, names said not to be real
     "Domestic Homicide Review: Jo\nJo moved to the town in 2019.",
     "'Tia' and 'Marcus'\nTia was fourteen.",
     "SAFEGUARDING ADULTS REVIEW: DANIEL\nDaniel's family chose the name Daniel for this "
     "review.\nDaniel liked music.",
     "The names Tia and Marcus are not the children's real names.\nTIA AND MARCUS'S STORY",
     // groups and Welsh family words
     "The Chief Officers Group met in May.", "Mam-gu looked after the children.",
     "The baby slept in a Moses basket.", "The Fraser guidelines apply.",
     "The national review (It was hard to escape, 2020) was well known.",
     "She was diagnosed with Parkinson's disease.\nThe Parkinson's nurse visited her.",
     "The names Bernadette, Stephen and Eileen are pseudonyms.\nStephen lived with her.",
     "9.1.2 Leanne and Craig are pseudonyms chosen by her mother.\nCraig was convicted.",
     "Family | Relationship\nSister | Younger sister", "4 | MCA Lead, the council | Audit",
     "The review followed guidance for England; the family had moved from Scotland.",
     "An authorisation under the Deprivation of Liberty Safeguards was not sought.",
     "In line with GIRFEC, the head teacher was his Named Person."}};

const Rule nationality{
    "anonymisation.nationality",
    "anonymisation",
    "nationality",
    Severity::Warning,
    "QM14",
    "Nationalities",
    "A nationality: with other details it narrows down the family.",
    {FixKind::Allow},
    // examples (rule_examples.hxx)
    {"Father is [[Eritrean]].", "Father's [[Lithuanian]] passport was held by the police."},
    {"Father had moved to England as a young man.",
     "An interpreter who spoke Kurdish was booked."}};

const Rule nhs_number{"anonymisation.nhs-number",
                      "anonymisation",
                      "nhs-number",
                      Severity::Error,
                      "QM14",
                      "NHS numbers",
                      "A ten-digit number that passes the NHS modulus-11 check.",
                      {FixKind::Remove},
                      // examples (rule_examples.hxx)
                      {"NHS number [[999 401 7268]].",
                       // a mistyped one, said to be an NHS number
                       "The record gives his NHS number as [[401 023 8817]]."},
                      {"The reference 999 401 7269 is not valid."}};

const Rule ni_number{"anonymisation.ni-number",
                     "anonymisation",
                     "ni-number",
                     Severity::Error,
                     "QM14",
                     "National Insurance numbers",
                     "A National Insurance number with a valid prefix.",
                     {FixKind::Remove},
                     // examples (rule_examples.hxx)
                     {"Her National Insurance number is [[AB123456C]]."},
                     {"The prefix QQ 12 34 56 C is never issued."}};

const Rule phone{"anonymisation.phone",
                 "anonymisation",
                 "phone",
                 Severity::Error,
                 "QM14",
                 "Phone numbers",
                 "A UK phone number: a direct identifier.",
                 {FixKind::Remove, FixKind::Allow},
                 // examples (rule_examples.hxx)
                 {"Mother's mobile was [[07700 900123]]."},
                 {"The calls were made in 2015 and 2016."}};

const Rule place{"anonymisation.place",
                 "anonymisation",
                 "place",
                 Severity::Warning,
                 "QM14",
                 "Named towns, streets and estates",
                 "A named town, street or estate: with other details it locates the family.",
                 {FixKind::Allow},
                 // examples (rule_examples.hxx)
                 {"The family moved to [[Northallerton]] in 2014.",
                  // the town of an address line, known to no lexicon
                  "The social worker visited 12 Kestrel Row, [[Thornhallow]] TH7 3JX.",
                  "He lived alone in a housing association flat in [[Holme Staithe]].",
                  "They were the only family in [[Ottersby]], where they lived for a year."},
                 {"The family moved to another area in 2014.",
                  // a surname that is also a town's name is part of the name
                  "The report was written by Sarah Whitfield in 2020.",
                  // an office's town in its postal address
                  "Write to the postal address: Business Unit, Civic Offices, 2 Tanner Row, "
                  "Brackenmoor, BK4 6TN."}};

const Rule postcode{"anonymisation.postcode",
                    "anonymisation",
                    "postcode",
                    Severity::Error,
                    "QM14",
                    "Full postcodes",
                    "A full UK postcode: it identifies an address.",
                    {FixKind::Generalise, FixKind::Remove, FixKind::Allow},
                    // examples (rule_examples.hxx)
                    {"12 Elm Grove, [[NM4 7QT]]"},
                    {"Table 3 4AB shows the visits."}};

const Rule postcode_district{"anonymisation.postcode-district",
                             "anonymisation",
                             "postcode-district",
                             Severity::Warning,
                             "QM14",
                             "Postcode districts",
                             "An outward code given as where the family lived (\"the NM4 area\").",
                             {FixKind::Remove, FixKind::Allow},
                             // examples (rule_examples.hxx)
                             {"The family lived in the [[NM4]] area."},
                             {"Practitioners were graded A1 in training."}};

const Rule professional_name{
    "anonymisation.professional-name",
    "anonymisation",
    "professional-name",
    Severity::Error,
    "QM14",
    "Professionals' names",
    "A practitioner named by name (\"social worker Jane Hughes\", \"Dr Patel\"): use their role.",
    {FixKind::Replace, FixKind::Allow},
    // examples (rule_examples.hxx)
    {"The social worker [[Jane Hughes]] visited the home.",
     // a title, initials and a surname: one name, not "Dr S" and "Rao"
     "He was seen by [[Dr S. Rao]] at home.",
     // a name no lexicon knows, after its role
     "On the ward, Staff Nurse [[Bronwen Achterberg]] noticed the pressure sores.",
     // a practitioner's work is not a researcher's
     "The work of [[Dr Patel]] with the family was thorough."},
    {"The social worker visited the home.", "The health visitor Team Leader agreed the plan."}};

const Rule pseudonym_before_introduction{
    "anonymisation.pseudonym-before-introduction",
    "anonymisation",
    "pseudonym",
    Severity::Warning,
    "QM14",
    "Pseudonyms used before they are introduced",
    "A pseudonym used before the paragraph that introduces it.",
    {},
    // examples (rule_examples.hxx)
    {"Child A was seen at home.\nThe subject of this review, referred to as Child A, was two years "
     "old."},
    {"The subject of this review, referred to as Child A, was two years old.\nChild A was seen at "
     "home."}};

const Rule pseudonym_case{
    "anonymisation.pseudonym-case",
    "anonymisation",
    "pseudonym",
    Severity::Warning,
    "QM14",
    "Pseudonyms in two cases",
    "The same pseudonym written with different capitals (\"Child a\", \"Child A\").",
    {},
    // examples (rule_examples.hxx)
    {"Child A was seen at home.\nLater child A was seen again.\nChild A was well."},
    {"Child A was seen at home.\nChild A was well.",
     // Capitals in a heading or a contents line are not another spelling.
     "CHILD S: THE REVIEW\nChild S lived with her mother.\nChild S was seen at school."}};

const Rule pseudonym_scheme{
    "anonymisation.pseudonym-scheme",
    "anonymisation",
    "pseudonym",
    Severity::Warning,
    "QM14",
    "Mixed pseudonym schemes",
    "One person given pseudonyms of two schemes (\"Child A\" and \"Child 1\").",
    {},
    // examples (rule_examples.hxx)
    {"Child A was seen at home by GP 1.\nChild 1 was seen again later."},
    {"Child A was seen at home.\nChild B was seen again later."}};

const Rule reference_number{"anonymisation.reference-number",
                            "anonymisation",
                            "reference-number",
                            Severity::Warning,
                            "QM14",
                            "Case and reference numbers",
                            "A case, crime, court, MARAC or hospital reference number.",
                            {FixKind::Remove, FixKind::Allow},
                            // examples (rule_examples.hxx)
                            {"The case was logged as [[CP/2016/0456]]."},
                            {"See Finding 3 and the Children Act 1989."}};

const Rule register_{"anonymisation.register",
                     "anonymisation",
                     "register",
                     Severity::Error,
                     "QM14",
                     "Identifiers from the case register",
                     "An identifier the reviewer put in the case register, with its pseudonym.",
                     {FixKind::Replace},
                     // examples (rule_examples.hxx)
                     {"%register Liam Carter -> Child B\n[[Liam Carter]] was seen at home."},
                     {"%register Liam Carter -> Child B\nChild B was seen at home."}};

const Rule religion{"anonymisation.religion",
                    "anonymisation",
                    "religion",
                    Severity::Warning,
                    "QM14",
                    "Religions and denominations",
                    "A religion or denomination: special-category data.",
                    {FixKind::Allow},
                    // examples (rule_examples.hxx)
                    {"The family are [[Jehovah's Witnesses]]."},
                    {"The family's faith mattered to them."}};

const Rule social_handle{"anonymisation.social-handle",
                         "anonymisation",
                         "social-handle",
                         Severity::Error,
                         "QM14",
                         "Social media names",
                         "A social media handle or user name.",
                         {FixKind::Remove, FixKind::Allow},
                         // examples (rule_examples.hxx)
                         {"She posted as [[@jade_x99]] on Instagram."},
                         {"They agreed to meet @ 3pm."}};

const Rule url{"anonymisation.url",
               "anonymisation",
               "url",
               Severity::Warning,
               "QM14",
               "Web addresses",
               "A web address, which may lead to a person's page.",
               {FixKind::Remove, FixKind::Allow},
               // examples (rule_examples.hxx)
               {"Her page was [[facebook.com/some.name]]."},
               {"She used Facebook every day.",
                "The report is on the board's site, www.highbarrowsab.org.uk."}};

const Rule vehicle_registration{"anonymisation.vehicle-registration",
                                "anonymisation",
                                "vehicle-registration",
                                Severity::Warning,
                                "QM14",
                                "Vehicle registrations",
                                "A UK vehicle registration mark.",
                                {FixKind::Remove, FixKind::Allow},
                                // examples (rule_examples.hxx)
                                {"The car was [[AB12 CDE]]."},
                                {"The car was red."}};

SCRQM_DEFINE_REGISTERED(SCRQM_ANONYMISATION_RULES)

} // namespace scrqm::rules::anonymisation
