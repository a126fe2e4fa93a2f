// Judges the scanner's findings with what the document says about itself
// (context.hxx): the second half of the check's promise, precision on real
// prose, without giving up recall on what identifies a family.
#include "contacts.hxx"
#include "context.hxx"
#include "cues.hxx"
#include "fixes.hxx"
#include "internal.hxx"
#include "rules.hxx"
#include "words.hxx"

#include <scrqm/text.hxx>

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>

namespace scrqm
{

namespace
{

namespace R = rules::anonymisation;
using anonymisation::generic_mailbox;
using anonymisation::near_home;
using anonymisation::non_geographic;
using anonymisation::organisation_not_home;
using anonymisation::organisation_site;
using namespace anonymisation::words;

bool is_name_rule(const Finding& f)
{
    return f.check == R::name.id || f.check == R::professional_name.id;
}

Finding retype(const Finding& from, const Rule& rule, std::string message, std::string explanation)
{
    Finding f(rule);
    f.where = from.where;
    f.paragraph = from.paragraph;
    f.start = from.start;
    f.end = from.end;
    f.text = from.text;
    f.score = from.score;
    f.message = std::move(message);
    f.explanation = std::move(explanation);
    return f;
}

// Cuts a name's span at a line break, a comma, a bracket or a bar: a name
// never runs into the job or the agency after it.
void tighten(Finding& f)
{
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(f.text);
    int32_t cut = u.length();
    for (int32_t i = 0; i < u.length(); ++i)
        if (u[i] == u'\n' || u[i] == u',' || u[i] == u'(' || u[i] == u')' || u[i] == u'|' ||
            u[i] == u';' || u[i] == u'\t')
        {
            cut = i;
            break;
        }
    while (cut > 0 && u_isspace(u[cut - 1]))
        --cut;
    if (cut == u.length() || cut == 0)
        return;
    const icu::UnicodeString kept = u.tempSubString(0, cut);
    f.text.clear();
    kept.toUTF8String(f.text);
    f.end = f.start + static_cast<std::size_t>(kept.countChar32());
}

// "panel.secretariat@", "learning@", "childprotection@" at a public body's
// or a charity's domain: no digit and no part that is a name the lexicons
// know ("jane.smith@", "kofix948@" are people's, wherever they work).
bool nameless_work_mailbox(const std::string& email, const KnownName& known_name)
{
    const std::size_t at = email.find('@');
    if (at == std::string::npos || at == 0)
        return false;
    const std::string domain = anonymisation::ascii_lower(email.substr(at + 1));
    auto ends = [&](std::string_view tail)
    {
        return domain.size() > tail.size() &&
               domain.compare(domain.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (!(ends(".gov.uk") || ends(".nhs.uk") || ends(".nhs.net") || ends(".police.uk") ||
          ends(".org.uk")))
        return false;
    const std::string local = key_of(email.substr(0, at));
    if (local.find_first_of("0123456789") != std::string::npos)
        return false;
    std::size_t from = 0;
    while (from <= local.size())
    {
        const std::size_t to = std::min(local.find_first_of("._-", from), local.size());
        if (to > from && known_name(local.substr(from, to - from)))
            return false;
        from = to + 1;
    }
    return true;
}

bool special_category(const std::string& check)
{
    return check == R::health.id || check == R::disability.id || check == R::immigration.id ||
           check == R::ethnicity.id || check == R::religion.id || check == R::language.id ||
           check == R::nationality.id;
}

} // namespace

void refine_findings(const Document& doc, const std::vector<icu::UnicodeString>& texts,
                     const DocumentContext& context, const AnonymisationOptions& options,
                     const KnownName& known_name, std::vector<Finding>& findings)
{
    std::map<std::pair<Where, std::size_t>, std::size_t> by_place;
    for (std::size_t k = 0; k < doc.paragraphs.size(); ++k)
        by_place[{doc.paragraphs[k].where, doc.paragraphs[k].index}] = k;
    std::map<std::string, std::string> named;
    for (const std::string& n : options.named)
    {
        const std::string key = key_of(n);
        named.emplace(key, n);
        for (const std::string& w : words_of(n))
            named.emplace(key_of(w), n);
    }
    static const std::string cited_researcher = "cited as an author of research";
    std::vector<char> drop(findings.size(), 0);
    // Findings of special categories, by paragraph: a name inside one of them
    // is an eponymous condition ("Asperger's syndrome").
    std::map<std::pair<Where, std::size_t>, std::vector<const Finding*>> conditions;
    // The names in the conditions the document names ("Parkinson's disease"
    // gives "parkinson"): the same word elsewhere ("the Parkinson's nurse")
    // is the condition, not a person.
    std::set<std::string> eponyms;
    for (const Finding& f : findings)
        if (f.check == R::health.id || f.check == R::disability.id)
        {
            conditions[{f.where, f.paragraph}].push_back(&f);
            const std::vector<std::string> w = words_of(f.text);
            if (w.size() >= 2 && !w.front().empty() &&
                std::isupper(static_cast<unsigned char>(w.front()[0])))
                eponyms.insert(strip_possessive(key_of(w.front())));
        }

    // What each special category flagged, by folded text: an acronym spelt
    // out keeps its category only when its long form has it too.
    std::map<std::string, std::set<std::string>> flagged_as;
    for (const Finding& f : findings)
        if (special_category(f.check))
        {
            std::string key = key_of(f.text); // as spelt_out gives it: no commas
            key.erase(std::remove(key.begin(), key.end(), ','), key.end());
            flagged_as[f.check].insert(key);
        }

    const Paragraph* current = nullptr;
    bool short_line = false, heading = false;
    // Code point -> UTF-16 offset, moving on from the last one asked (the
    // findings come in order): from 0 each time, 100,000 phone numbers in
    // one line took minutes.
    struct Offsets16
    {
        std::size_t point = 0;
        int32_t at = 0;
        int32_t operator()(const icu::UnicodeString& text, std::size_t p)
        {
            if (p < point)
                point = 0, at = 0;
            at = text.moveIndex32(at, static_cast<int32_t>(p - point));
            point = p;
            return at;
        }
    } starts16, ends16;
    for (std::size_t i = 0; i < findings.size(); ++i)
    {
        Finding& f = findings[i];
        const auto place = by_place.find({f.where, f.paragraph});
        if (place == by_place.end())
            continue;
        const Paragraph& p = doc.paragraphs[place->second];
        const icu::UnicodeString& u = texts[place->second];
        // Findings come paragraph by paragraph: judge each paragraph once.
        if (&p != current)
        {
            current = &p;
            starts16 = ends16 = Offsets16();
            short_line = count_words(u, 25) <= 25;
            heading = p.where == Where::Body && heading_like(p, u);
        }
        // Code points are UTF-16 units in an ASCII paragraph (most of them);
        // otherwise the offsets move on from the last finding's.
        const bool ascii = static_cast<std::size_t>(u.length()) == p.text.size();
        const int32_t b16 =
            ascii ? std::min(u.length(), static_cast<int32_t>(f.start)) : starts16(u, f.start);
        const int32_t e16 =
            ascii ? std::min(u.length(), static_cast<int32_t>(f.end)) : ends16(u, f.end);

        // A date in an action plan's row is a deadline.
        if (f.check == R::date.id && context.deadline_rows.count(place->second))
        {
            drop[i] = 1;
            continue;
        }
        // An acronym the document spells out as something else: "Adult
        // Social Care (ASC)" is not the condition ASC.
        if (special_category(f.check) && context.glossary_rows.count(place->second))
        {
            drop[i] = 1;
            continue;
        }
        if (special_category(f.check))
        {
            const auto a = context.acronyms.find(key_of(f.text));
            if (a != context.acronyms.end() && !flagged_as[f.check].count(a->second))
            {
                drop[i] = 1;
                continue;
            }
        }
        if (f.check == R::url.id && organisation_site(f.text))
        {
            f = retype(f, R::org_contact, "An organisation's contact detail",
                       "the web site of a public body or a safeguarding board");
            continue;
        }
        if (f.check == R::phone.id || f.check == R::email.id || f.check == R::postcode.id ||
            f.check == R::address.id)
        {
            // An organisation's own contact detail: a helpline, a council's
            // office in a letterhead. A home word next to it keeps it.
            // Judged on the text around it, not the whole paragraph: a long
            // paragraph about a family can end with the board's helpline.
            const int32_t from = std::max(0, b16 - 80);
            std::string around = " " + key_of(u.tempSubStringBetween(from, b16)) + " " +
                                 key_of(u.tempSubStringBetween(e16, e16 + 40)) + " ";
            // A letterhead spans lines: the organisation's name is on the
            // short line above the address.
            if (short_line && place->second > 0 &&
                doc.paragraphs[place->second - 1].where == p.where &&
                count_words(texts[place->second - 1], 20) <= 20)
                around = " " + key_of(texts[place->second - 1]) + around;
            const std::string lead =
                " " + key_of(u.tempSubStringBetween(std::max(0, b16 - 30), b16));
            const bool helpline =
                (f.check == R::phone.id && non_geographic(f.text)) ||
                (f.check == R::email.id &&
                 (generic_mailbox(f.text) || nameless_work_mailbox(f.text, known_name)));
            if (f.check == R::email.id && !helpline)
                continue; // a person's own address, whatever organisation it is at
            if ((helpline && !near_home(lead)) || organisation_not_home(around, short_line))
                f = retype(f, R::org_contact, "An organisation's contact detail",
                           "the paragraph is about an organisation (" +
                               std::string(helpline ? "a non-geographic number"
                                                    : "its office or helpline") +
                               ") and says nothing of a home or a family");
            continue;
        }
        const bool place_like = f.check == R::place.id || f.check == R::institution.id;
        // The four nations and the state: where every review happens.
        if ((place_like || is_name_rule(f)) &&
            one_of(strip_possessive(key_of(f.text)),
                   {"england", "scotland", "wales", "northern ireland", "united kingdom",
                    "great britain", "britain"}))
        {
            drop[i] = 1;
            continue;
        }
        // "Mrs Wood": a surname that is also a place word, after a title.
        if (place_like)
        {
            const std::vector<std::string> pw = words_of(f.text);
            if (pw.size() >= 2 && is_title(key_of(pw.front())))
            {
                Finding n = retype(f, R::name, "Personal name",
                                   "a title and a capitalised word that is also a place name");
                n.severity = Severity::Error;
                n.fixes = anonymisation_fixes(R::name, n.text);
                f = std::move(n);
                continue;
            }
        }
        if (place_like)
        {
            // The board's area and its agencies: "Ashcombe Vale Safeguarding
            // Adults Board", "Eastmoor Hospitals NHS Foundation Trust".
            const std::string after = next_word(u, e16);
            const std::string t = " " + key_of(f.text) + " ";
            if (one_of(after,
                       {"safeguarding", "council",      "borough",    "county",    "city",
                        "partnership",  "partnerships", "board",      "police",    "constabulary",
                        "nhs",          "trust",        "integrated", "community", "clinical",
                        "children's",   "adults",       "fire",       "housing",   "health",
                        "hospitals",    "metropolitan", "district",   "youth",     "probation",
                        "ambulance",    "icb",          "ccg",        "lscb",      "scp",
                        "sab",          "csp",          "women's",    "victim",    "domestic",
                        "mental",       "social",       "care"}) ||
                anonymisation::has_any(t, {" trust ",
                                           " hospitals ",
                                           " housing ",
                                           " council ",
                                           " partnership ",
                                           " nhs ",
                                           " board ",
                                           " police ",
                                           " icb ",
                                           " ccg ",
                                           " safeguarding ",
                                           " homes ",
                                           " services ",
                                           " ltd ",
                                           " limited ",
                                           " civic centre ",
                                           " county offices ",
                                           " town hall ",
                                           " county hall ",
                                           " offices "}))
            {
                drop[i] = 1;
                continue;
            }
            // A public person whose surname is also a town ("Kettering").
            const auto part = context.public_parts.find(strip_possessive(key_of(f.text)));
            if (part != context.public_parts.end())
            {
                f = retype(f, R::public_party, "Public: " + part->second,
                           "the report presents this person in a public role: " + part->second +
                               ". Deny-list the name to report it again.");
                continue;
            }
            // A town in an organisation's letterhead or office address.
            {
                const std::string around =
                    " " + key_of(u.tempSubStringBetween(std::max(0, b16 - 80), b16)) + " " +
                    key_of(u.tempSubStringBetween(e16, e16 + 40)) + " ";
                if (f.check == R::place.id && organisation_not_home(around, short_line))
                {
                    f = retype(f, R::org_contact, "An organisation's contact detail",
                               "a town in an organisation's address, with nothing of a home or "
                               "a family around it");
                    continue;
                }
            }
            continue;
        }
        if (!is_name_rule(f))
            continue;
        tighten(f);
        const std::vector<std::string> w = words_of(f.text);
        if (w.empty())
        {
            drop[i] = 1;
            continue;
        }
        std::vector<std::string> core; // folded, without title and possessive
        for (const std::string& x : w)
            if (!is_title(key_of(x)) &&
                !(core.size() >= 2 && (all_caps(x) || is_degree(key_of(x)))))
                core.push_back(strip_possessive(key_of(x))); // "Helen Corrigan MA": not "MA"
        std::string key;
        for (const std::string& x : core)
            key += (key.empty() ? "" : " ") + x;
        bool known = false;
        for (const std::string& x : core)
            known = known || known_name(x);

        // The reviews' own pseudonyms: conventions and declared names. A
        // declared first name with a surname after it is a real name; in a
        // report that says its names are pseudonyms, a name alone (no title,
        // no surname) is one.
        // "TIA AND MARCUS'S" in a heading: declared pseudonyms joined by "and"
        // (read from the words: the capitals after two are not post-nominals here).
        bool all_declared = w.size() >= 3;
        for (std::size_t k = 0; all_declared && k < w.size(); ++k)
        {
            const std::string x = strip_possessive(key_of(w[k]));
            all_declared = k % 2 == 1 ? x == "and" : context.declared_pseudonyms.count(x) != 0;
        }
        all_declared = all_declared && w.size() % 2 == 1;
        if (conventional_pseudonym(w) || all_declared ||
            (core.size() == 1 && context.declared_pseudonyms.count(core.front())) ||
            (w.size() == 1 && context.names_are_pseudonyms && known))
        {
            drop[i] = 1;
            continue;
        }
        // Acronyms, initials, redaction marks and headings in capitals.
        const bool caps = std::all_of(
            w.begin(), w.end(), [](const std::string& x) { return all_caps(strip_possessive(x)); });
        if (caps && (!known || w.size() == 1) &&
            (w.size() > 1 || strip_possessive(w[0]).size() <= 5 || !known))
        {
            drop[i] = 1;
            continue;
        }
        // Eponymous conditions: a health or disability finding covers it, or
        // the next word says it is one.
        const std::string after = next_word(u, e16);
        bool condition = one_of(after, {"syndrome", "disease", "palsy", "disorder", "anomaly"});
        // The same word elsewhere is the condition again ("the Parkinson's
        // nurse" in a report that names Parkinson's disease): not a person,
        // and the condition is reported where it is named.
        if (core.size() == 1 && condition)
            eponyms.insert(core.front());
        else if (core.size() == 1 && eponyms.count(core.front()))
        {
            drop[i] = 1;
            continue;
        }
        for (const Finding* c : conditions[{f.where, f.paragraph}])
            condition = condition || (c->start < f.end && f.start < c->end);
        if (condition)
        {
            // Reported as the condition it names, once.
            bool covered = false;
            for (const Finding* c : conditions[{f.where, f.paragraph}])
                covered = covered || (c->start < f.end && f.start < c->end);
            if (covered)
            {
                drop[i] = 1;
                continue;
            }
            const int32_t to = u.indexOf(icu::UnicodeString::fromUTF8(after), e16);
            Finding h = retype(f, R::health, "Specific health condition or diagnosis",
                               "a condition named after the people who described it (\"" + after +
                                   "\" follows the name)");
            if (to >= 0)
            {
                h.end = static_cast<std::size_t>(u.countChar32(0, to)) +
                        static_cast<std::size_t>(icu::UnicodeString::fromUTF8(after).countChar32());
                h.text.clear();
                u.tempSubStringBetween(b16, u.moveIndex32(0, static_cast<int32_t>(h.end)))
                    .toUTF8String(h.text);
            }
            h.fixes = {{FixKind::Allow, {}, "document", {}}};
            f = std::move(h);
            continue;
        }
        // Holders of public office by their title: councillors, MPs, peers,
        // police officers of superintendent rank or above (they speak for
        // their force: "Chief Superintendent X of Y Police said").
        {
            const std::string first = key_of(w.front());
            const std::string second = w.size() > 1 ? key_of(w[1]) : std::string();
            std::string lead;
            u.tempSubStringBetween(std::max(0, b16 - 24), b16).toUTF8String(lead);
            lead = anonymisation::ascii_lower(lead);
            lead.erase(lead.find_last_not_of(" \t") + 1);
            auto ends_with = [&](std::string_view r) {
                return lead.size() >= r.size() &&
                       lead.compare(lead.size() - r.size(), r.size(), r) == 0;
            };
            const bool senior_officer = ends_with("superintendent") ||
                                        ends_with("chief constable") || first == "superintendent" ||
                                        second == "superintendent" ||
                                        (first == "chief" && second == "constable");
            if (one_of(first, {"councillor", "cllr", "lord", "baroness", "minister"}) ||
                one_of(after, {"mp", "msp", "ms", "am", "mla", "mep"}) || senior_officer)
            {
                f = retype(f, R::public_party, "Public: holds public office",
                           "the title shows a holder of public office (a councillor, an MP, a "
                           "minister, a police officer of superintendent rank or above). Deny-list "
                           "the name to report it again.");
                continue;
            }
        }
        // A word of grammar at a sentence's start: "(It was hard to escape, 2020)".
        if (w.size() == 1 &&
            one_of(strip_possessive(key_of(w[0])),
                   {"it",  "its",     "this",  "that",  "these",  "those",   "they",
                    "we",  "our",     "there", "here",  "he",     "she",     "her",
                    "his", "younger", "older", "elder", "eldest", "youngest"}))
        {
            drop[i] = 1;
            continue;
        }
        // A job after an acronym: "MCA Lead", "DSL Manager".
        if (w.size() == 2 && all_caps(w.front()) &&
            one_of(key_of(w.back()),
                   {"lead", "manager", "officer", "nurse", "director", "coordinator",
                    "co-ordinator", "adviser", "advisor", "chair"}))
        {
            drop[i] = 1;
            continue;
        }
        // Jobs in the plural and groups are not people: "Chief Officers",
        // "Chief Officers Group".
        if (w.size() >= 2 &&
            one_of(strip_possessive(key_of(w.back())),
                   {"officers", "managers", "nurses", "workers", "practitioners", "leads",
                    "directors", "group", "groups", "committee", "forum", "network"}))
        {
            drop[i] = 1;
            continue;
        }
        // An agency's name read as a person's: "Calder Reach Police".
        if (w.size() >= 2 &&
            one_of(strip_possessive(key_of(w.back())),
                   {"police", "constabulary", "council", "trust", "board", "partnership", "service",
                    "services", "hospital", "hospitals", "nhs", "icb", "ccg", "probation",
                    "healthwatch", "commission", "authority"}))
        {
            drop[i] = 1;
            continue;
        }
        // A job title read as a name: "Chief Nursing" in "Chief Nursing Officer".
        if (one_of(after, {"officer", "manager", "lead", "director", "nurse", "worker", "adviser",
                           "advisor", "coordinator", "co-ordinator", "practitioner", "consultant",
                           "specialist", "inspector", "superintendent"}) &&
            !known)
        {
            drop[i] = 1;
            continue;
        }
        // Team and programme names, page furniture. "Operation Willow", but
        // not "(Police, child abuse team); Sarah Lund": a bracket closed or a
        // clause ended between them parts the team from the name.
        int32_t gap = b16;
        while (gap > 0 && !u_isalnum(u.char32At(gap - 1)) && u[gap - 1] != u')' &&
               u[gap - 1] != u';' && u[gap - 1] != u'.')
            --gap;
        const std::string before =
            gap > 0 && u_isalnum(u.char32At(gap - 1)) ? previous_word(u, b16) : std::string();
        if (one_of(after,
                   {"team",     "teams",  "unit",       "hub",        "programme",  "project",
                    "squad",    "group",  "pathway",    "service",    "panel",      "centre",
                    "court",    "basket", "guidelines", "competence", "competency", "principles",
                    "criteria", "ruling", "judgment",   "judgement"}) ||
            one_of(before, {"operation", "project", "programme", "team"}) || key == "page" ||
            key == "index" || key == "contents" ||
            // A RAG rating in an action plan's table.
            (one_of(key, {"green", "amber", "red"}) &&
             (after.empty() || p.text.find('|') != std::string::npos)))
        {
            drop[i] = 1;
            continue;
        }
        // Named in the review with the family's agreement (--named).
        if (auto n = named.find(key); n != named.end())
        {
            f = retype(f, R::named_person, "Named with the family's agreement",
                       "the review names \"" + n->second +
                           "\" with the family's agreement (named review); other details about "
                           "them are still reported");
            continue;
        }
        if (auto t = context.named_in_text.find(key); t != context.named_in_text.end())
        {
            f = retype(f, R::named_person, "Named with the family's agreement",
                       "the report says it uses " + t->second +
                           "'s own name at the family's wish (named review); other details "
                           "about them are still reported. Deny-list the name to report it "
                           "again.");
            continue;
        }
        // The report's own public people.
        const std::string* why = nullptr;
        if (const auto pub = context.public_names.find(key); pub != context.public_names.end())
            why = &pub->second;
        else if (core.size() >= 2 && context.cited_surnames.count(core.back()) &&
                 (one_of(key_of(w.front()), {"dr", "professor", "prof"}) ||
                  one_of(after, {"argues", "argued", "has", "describes", "described", "found",
                                 "finds", "wrote", "writes", "suggests", "suggested", "notes",
                                 "noted", "observes", "observed", "calls", "called"})))
            // Not any name that shares a cited surname: "Liam Munro" in a
            // report that cites (Munro, 2011) may be a child.
            why = &cited_researcher;
        else if (const auto part = context.public_parts.find(key);
                 core.size() == 1 && part != context.public_parts.end())
            why = &part->second;
        if (why)
        {
            f = retype(f, R::public_party, "Public: " + *why,
                       "the report presents this person in a public role: " + *why +
                           ". Deny-list the name to report it again.");
            continue;
        }
        // A heading or contents line in title case with no known name in it.
        if (!known && heading)
            drop[i] = 1;
    }
    std::size_t i = 0;
    findings.erase(std::remove_if(findings.begin(), findings.end(),
                                  [&](const Finding&) { return drop[i++] != 0; }),
                   findings.end());
    anonymisation::add_table_ages(doc, context.age_cells, findings);
}

} // namespace scrqm
