#include "context_patterns.hxx"

#include <stdexcept>
#include <string>

namespace scrqm::anonymisation
{

namespace
{

// A person's name: two to four capitalised words, after an optional title.
constexpr const char* kTitle =
    "(?:(?:The )?Rt\\.? Hon\\.? |Dr\\.? |Prof\\.? |Professor |Mr\\.? |Mrs\\.? |Ms\\.? |Miss |Mx "
    "|Sir |Dame |Cllr\\.? |Councillor |DI |DS |DCI |DC |PC |Supt\\.? "
    "|Det\\.? (?:Ch\\.? )?(?:Insp\\.?|Sgt\\.?|Supt\\.?) "
    "|Rev\\.? "
    "|Detective (?:Inspector|Sergeant|Constable|Chief Inspector|Superintendent) |Revd\\.? )";
// The last word of a job title or of a team: "Community Safety Manager",
// "Serious Case Review Unit".
constexpr const char* kJobNouns =
    "Manager|Officer|Lead|Nurse|Chair|Director|Head|Reviewer|Author|Worker|Co-?ordinator|"
    "Advis[eo]r|Inspector|Sergeant|Superintendent|Constable|Consultant|Practitioner|Specialist|"
    "Representative|Member|Secretary|Scrutineer|Commissioner|Executive|Partner|Governor|"
    "Headteacher|Principal|Clinician|Doctor|Paediatrician|Psychiatrist|Psychologist|Therapist|"
    "Solicitor|Barrister|Coroner|Minister|Advocate|IDVA|ISVA|GP|Unit|Team|Service|Department|"
    "Hub|Directorate|Office";
constexpr const char* kWord = "\\p{Lu}[\\p{L}'\\u2019\\-]+";

std::string name_pattern(int min_words)
{
    // Initials count as a word: "D. Holloway-Pryce", "J. R. Mensah".
    // Words (or initials) and a space each, then the last word: one path
    // through the pattern, which stays as quick to match and compile.
    return std::string("(") + kTitle + "?(?:\\p{Lu}\\.[ \\u00a0]?|" + kWord + "[ \\u00a0]){" +
           std::to_string(min_words - 1) + ",3}" + kWord + ")";
}

} // namespace

ContextPatterns::ContextPatterns()
{
    const std::string name2 = name_pattern(2);
    const std::string name1 = name_pattern(1);
    const std::string roles =
        "(?:Independent|Chair|Vice[- ]Chair|Head|Director|Manager|Lead|Nurse|Officer|"
        "Minister|Chief|Deputy|Assistant|Designated|Named|Detective|Inspector|"
        "Superintendent|Consultant|Safeguarding|Business|Co-?ordinator|Advis[eo]r|"
        "Principal|Scrutineer|Reviewer|Author|Secretary|Member|Commissioner|Executive|"
        "Professor|Senior|Strategic|Service|Team|Partnership|Panel|Coroner|Solicitor|"
        "Barrister|Lecturer|Researcher|Specialist|Practitioner|Clinical|Medical|Public|"
        "Interim|Acting|Board|Housing|Adult|Children|Police|Probation|Mental|Legal|"
        "Education|Group|DHR|SAR|LSCB|LSAB|SAB|CSP|Home Office|MP|Representative|"
        // the review's own roles, written in lower case after a name
        "independent (?:reviewer|author|chair|scrutineer)|lead reviewer|overview author|"
        "report author|(?:board|business|partnership) manager|"
        "(?:chair|chief executive|director|head) of|minister (?:for|of)|"
        // or any capitalised words ending in a job or a unit
        "(?:\\p{Lu}[\\p{L}'\\-]*\\s+){1,5}(?:" +
        std::string(kJobNouns) + "))";
    auto make = [](const std::string& p, uint32_t flags = 0)
    {
        UErrorCode status = U_ZERO_ERROR;
        UParseError pe{};
        std::unique_ptr<icu::RegexPattern> r(
            icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(p), flags, pe, status));
        if (U_FAILURE(status))
            throw std::logic_error("context pattern: " + p);
        return r;
    };
    // "Report author: X", "Lead reviewers: X and Y", "Independent reviewer - X".
    role_label =
        make("(?:^|(?<=[.;|]\\s))\\s*(?:the )?((?:report |independent |overview |lead |review "
             "|panel |second |co-|joint |deputy )*"
             "(?:author|reviewer|chair|scrutineer|writer|written by|prepared by|"
             "compiled by|chair of the (?:review )?panel)s?)"
             // "Independent Chair, ESAB: Professor X"
             "(?:,\\s*[^:,]{1,60}(?=:))?\\s*(?:[:\\-\\u2013\\u2014]|by)?\\s+(.+)$",
             UREGEX_CASE_INSENSITIVE);
    names = make(name2);
    // "Michael Tennant, Independent Reviewer", "Jane Doe | Chair | ...".
    // Minutes' attendees: "Joanne Rudd (JR), Partnership Business Manager".
    name_then_role = make(name2 + "(?:\\s*\\(\\p{Lu}{2,4}\\))?" +
                          "\\s*(?:,|\\||\\t|\\u2013|\\u2014| - |\\()\\s*(?:the |an |a )?" + roles);
    // "led by independent reviewers X and Y", "chaired by DS Obi".
    done_by = make("(?:led|chaired|written|prepared|authored|facilitated|conducted|compiled|"
                   "signed|approved) by (?:the )?"
                   "(?:independent |lead )?(?:reviewers? |authors? |chair |scrutineer )?"
                   "(?:(?:[Ii]ndependent |[Ll]ead )?(?:[Cc]hair|[Aa]uthor|[Rr]eviewer)"
                   "(?: and [Aa]uthor)?,\\s+)?" +
                   name2 + "(?:\\s*(?:,|and|&)\\s*" + name2 + ")?");
    // "The Chair of the Kessingford LSCB (KLSCB), Councillor Margaret Ellery,".
    chair_of = make("(?:Chair|Chairman|Chairperson|Chief Executive|Director) of (?:the )?"
                    "[^,.;]{3,80},\\s+" +
                    name2);
    // A job on the line after a name alone: "Dr Yvonne Achterberg" /
    // "Independent Scrutineer".
    job_line = make("^\\s*(?:the )?(?:Independent|Chair|Head|Director|(?:\\p{Lu}[\\p{L}'\\-]*\\s+)"
                    "{0,5}(?:" +
                    std::string(kJobNouns) + "))\\b");
    // "led by independent reviewer Dr Ruth Ames".
    // The role in any case, the name in capitals (a case-blind name would
    // run on: "reviewer Lionel Quarrie under section 44").
    role_then_name = make("(?i:independent reviewer|lead reviewer|report author|independent "
                          "author|overview author|independent chair|independent scrutineer|"
                          "chair of the (?:board|partnership|panel)|(?:board|business|"
                          "partnership) manager|chair and (?:report )?author|(?:sub-?group|"
                          "committee|board|panel) chair)(?i:s)?,?\\s+" +
                          name2);
    // "The lead reviewers were Dr X, a social work consultant, and Y, a
    // former detective": the rest of the sentence, whose names are theirs.
    role_sentence = make("(?:(?:lead|independent) reviewers?|(?:report |overview )?authors? "
                         "of (?:this|the) (?:review|report)|independent chair) (?:was|were|"
                         "is|are|has been|have been)\\s+([^.;]{3,240})",
                         UREGEX_CASE_INSENSITIVE);
    name_alone = make("^\\s*" + name2 + "\\s*$");
    dear = make("^\\s*Dear\\s+" + name1);
    dear_more = make("\\G\\s*(?:,|and|&)\\s*(?:and\\s+)?" + name1);
    // "Brandon et al. (2020)", "Munro (2011)", "Dr Ruth Ames's timeline".
    cited = make(name1 + "(?:\\s+(?:and|&)\\s+" + kWord + ")?\\s+(?:et al\\.?\\s*)?\\(\\d{4}");
    // "(Halloran and Brisk, 2019)", "(Munro, 2011)": surnames of research.
    cited_in_brackets = make("\\((" + std::string(kWord) + ")(?:\\s+(?:and|&)\\s+(" + kWord +
                             "))?(?:\\s+et al\\.?)?,\\s*(?:19|20)\\d\\d");
    cited_work = make(name1 + "(?:'s|\\u2019s)\\s+(?:\\p{Ll}+\\s+){0,2}(?:timeline|model|"
                              "framework|research|study|studies|triangle|theory|typology|"
                              "toolkit)\\b");
    // "Professor Carlene Firmin's work on contextual safeguarding".
    professor_work = make("Professor\\s+(" + std::string(kWord) + "(?:\\s+" + kWord +
                          "){0,2})(?:'s|\\u2019s)\\s+(?:\\p{Ll}+\\s+){0,2}work\\b");
    // "referred to as Josh", "known as 'Mary'", "whom ... asked us to call Josh".
    declared = make("(?:referred to as|known as|we (?:will )?call (?:him|her|them)|"
                    "asked us to call|to be called|is called|are called|name(?:d)? (?:him|her)"
                    "|pseudonym|(?:chose|chosen|choose|picked|selected) the (?:name|pseudonym)"
                    // "The panel has used the name Graham for Iris's son".
                    "|(?:used|uses|using|gave|given|give|giving) (?:her |him |them )?the "
                    "(?:name|pseudonym)"
                    // "She chose Jess for Skye's mum".
                    "|(?:chose|picked|selected|suggested)(?=\\s+['\"\\u2018\\u201c]?\\p{Lu}"
                    "[\\p{L}'\\-]+['\"\\u2019\\u201d]?\\s+for\\b))"
                    "\\s+['\"\\u2018\\u201c]?(\\p{Lu}[\\p{L}'\\-]+)");
    // "The names Tia and Marcus are not the children's real names".
    // "The names Bernadette, Stephen and Eileen are pseudonyms": the list
    // is group 1, its names are read out of it.
    names_not_real =
        make("[Nn]ames? ((?:['\"\\u2018\\u201c]?\\p{Lu}[\\p{L}\\-]+['\"\\u2019\\u201d]?(?:, "
             "and |, | and "
             ")){0,6}['\"\\u2018\\u201c]?\\p{Lu}[\\p{L}\\-]+['\"\\u2019\\u201d]?) "
             "(?:are|is|were|was|have been|has been) "
             "(?:not (?:the "
             "|his |her |their )?(?:\\p{L}+['\\u2019]s? )?real names?|pseudonyms?|"
             "(?:chosen|picked|suggested|selected|given) by)");
    capitalised_word = make("\\p{Lu}[\\p{L}\\-]+");
    // "Leanne and Craig are pseudonyms chosen by ...", at a sentence's start.
    listed_pseudonyms =
        make("(?:^|[.;:]\\s+|\\d\\s+)((?:\\p{Lu}[\\p{L}\\-]+(?:, and |, | and "
             ")){0,6}\\p{Lu}[\\p{L}\\-]+) "
             "(?:are|is) (?:both |all )?(?:pseudonyms?|not (?:their|his|her) real names?)");
    // "The chair, Ruth Okonjo-Barnes, met ...": the review's chair.
    // "The reviewer, Dr Fatima Rahimi, describes ...".
    the_chair = make("\\b[Tt]he (?:independent |lead |review |report |\\p{Ll}+'s )?(?:chair|"
                     "reviewer|author|scrutineer|minister), " +
                     name2 + ",");
    // "the work of Professor Anna Pelling", "research by Dr X".
    work_of = make("\\b(?:(?:work|writing|model|framework) of Professor|(?:research|studies|"
                   "study|analysis) (?:of|by) (?:Professor|Prof\\.?|Dr\\.?)) (" +
                   std::string(kWord) + "(?:\\s+" + kWord + "){1,2})");
    // "Mary (pseudonym)", "Josh is not his real name", "Leanne (not her real name)".
    declared_after = make("(\\p{Lu}[\\p{L}'\\-]+)['\"\\u2019\\u201d]?\\s*(?:\\((?:a |the )?"
                          "(?:pseudonym|name chosen by|not (?:his|her|their) real name)|is not "
                          "(?:his|her|their) real name|is a pseudonym|was chosen by"
                          // "Juno's name was chosen by her father".
                          "| (?:name|pseudonym) (?:was|is|has been) (?:chosen|picked|"
                          "suggested|selected|given))");
    // "the pseudonyms used in this report", "all names have been changed".
    all_pseudonyms = make("pseudonyms (?:are |have been )?used (?:in|throughout) (?:this|the) "
                          "(?:report|review)|names (?:used )?(?:in (?:this|the) (?:report|"
                          "review) )?(?:are|have been) (?:changed|anonymised|anonymized|"
                          "pseudonyms)"
                          // "Nobody in this report is called by their real name".
                          "|(?:nobody|no one|no-one|none of the people)(?: \\w+){0,4} is "
                          "(?:called|named|referred to|identified|known) by (?:their|his|her) "
                          "real names?"
                          "|real names (?:are not|have not been|aren't) used"
                          // "Dean and Sam chose their own pseudonyms".
                          "|(?:chose|chosen|choose|picked|selected|agreed)(?: (?:the|their|"
                          "these|all|own|his|her)){1,3} pseudonyms",
                          UREGEX_CASE_INSENSITIVE);
    // A named review, said in the text: "Reuben's parents asked that he be
    // called by his own first name", "Amy's real name is used".
    own_name = make("(\\p{Lu}[\\p{L}\\-]+)(?:'s|\\u2019s)\\s+(?:(?:parents|family|mother|father|"
                    "mum|dad|grandparents|grandmother|grandfather)\\b[^.]{0,80}?\\b(?:called|"
                    "named|referred to|known|identified) by (?:his|her|their) (?:own|real|"
                    "actual) (?:first )?name|(?:own|real|actual) (?:first )?name (?:is|has "
                    "been|will be) used)");
    // "published its review under Stephen's real first name".
    own_name_under =
        make("\\b(?:under|uses|use|using|with|by) (\\p{Lu}[\\p{L}\\-]+)(?:'s|\\u2019s) "
             "(?:own|real|actual) (?:first )?name");
    // "the Domestic Homicide Review report (Mary)".
    bracketed = make("(?:Review|review|report|Report|DHR|SAR|LCSPR|SCR)\\s*\\(['\"\\u2018\\u201c]?"
                     "(\\p{Lu}[\\p{L}\\-]+)['\"\\u2019\\u201d]?\\)");
    // A title line: 'Josh', or "Safeguarding Adults Review: 'Josh'".
    quoted_title = make("^[^'\"\\u2018\\u201c]{0,60}['\"\\u2018\\u201c](\\p{Lu}[\\p{L}\\-]+)"
                        "['\"\\u2019\\u201d](?:\\s*$|\\s*[:\\-\\u2013,])");
    // A title line: "Domestic Homicide Review: Jo", "SAR - Mr B".
    // The kind of review in any case ("SAFEGUARDING ADULTS REVIEW: DANIEL").
    review_title = make("^\\s*(?i:Domestic Homicide Review|Safeguarding Adults? Review|Child "
                        "Safeguarding Practice Review|Local Child Safeguarding Practice Review|"
                        "Serious Case Review|Learning Review|Case Management Review|Practice "
                        "Review|DHR|SAR|LCSPR|CSPR|SCR)\\s*(?:[:\\-\\u2013\\u2014]|into|of|"
                        "for)\\s*(?i:Mr |Mrs |Ms |Miss "
                        ")?['\"\\u2018\\u201c]?(\\p{Lu}[\\p{L}\\-]+)['\"\\u2019\\u201d]?"
                        "\\s*$");
    // A review by its kind and name in a cell or a numbered heading:
    // "SAR Frank | Statutory SAR", "6.4 SAR Frank".
    review_cell =
        make("(?:^|\\|)\\s*(?:\\d+(?:\\.\\d+)*\\s+)?(?:SAR|DHR|LCSPR|CSPR|SCR|LLR|CPR|"
             "APR)\\s+['\"\\u2018\\u201c]?(\\p{Lu}[\\p{L}\\-]+)['\"\\u2019\\u201d]?\\s*(?:\\||$)");
    // A title line of quoted names: "'Tia' and 'Marcus'".
    quoted_names =
        make("^\\s*['\"\\u2018\\u201c](\\p{Lu}[\\p{L}\\-]+)['\"\\u2019\\u201d]\\s*(?:and|&|,)\\s*"
             "['\"\\u2018\\u201c](\\p{Lu}[\\p{L}\\-]+)['\"\\u2019\\u201d]\\s*$");
    // A DHR's or SAR's title: "Review into the death of Helen".
    death_of = make("(?:death|murder|killing|homicide|suicide) of (?:Mr |Mrs |Ms |Miss )?"
                    "(\\p{Lu}[\\p{L}\\-]+)\\s*$");
    // In a sentence about the review: "the DHR report on the death of
    // Linda, commissioned by ...". One name and no surname after it.
    death_of_in_prose = make("(?:[Rr]eview|[Rr]eport|DHR|SAR)\\b[^.;]{0,60}?\\b(?:death|"
                             "murder|killing|homicide) of (?:Mr |Mrs |Ms |Miss )?"
                             "(\\p{Lu}[\\p{L}\\-]+)(?=\\s*[,.;:)]|\\s+(?:in|on|at|who|"
                             "which|and|was|from|to|by|commissioned)\\b|\\s*$)");
}

const ContextPatterns& context_patterns()
{
    static const ContextPatterns p;
    return p;
}

} // namespace scrqm::anonymisation
