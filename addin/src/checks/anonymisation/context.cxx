#include "context.hxx"
#include "context_patterns.hxx"
#include "cues.hxx"
#include "tables.hxx"

#include <scrqm/text.hxx>

#include <unicode/regex.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace scrqm
{

namespace
{
// The regular expressions of the context reader (context_patterns.cxx).
using Patterns = anonymisation::ContextPatterns;

const Patterns& patterns()
{
    return anonymisation::context_patterns();
}

UErrorCode& status_ok()
{
    static thread_local UErrorCode status;
    status = U_ZERO_ERROR;
    return status;
}

std::string group(icu::RegexMatcher& m, int g)
{
    UErrorCode status = U_ZERO_ERROR;
    std::string s;
    m.group(g, status).toUTF8String(s);
    return s;
}

// "Dr Ruth Ames" -> "ruth ames": the title is not part of who it is.
std::string without_title(std::string folded)
{
    static const char* const titles[] = {"the rt hon ",
                                         "rt hon ",
                                         "dr ",
                                         "dr. ",
                                         "prof ",
                                         "professor ",
                                         "mr ",
                                         "mrs ",
                                         "ms ",
                                         "miss ",
                                         "mx ",
                                         "sir ",
                                         "dame ",
                                         "cllr ",
                                         "councillor ",
                                         "di ",
                                         "ds ",
                                         "dci ",
                                         "dc ",
                                         "pc ",
                                         "supt ",
                                         "det insp ",
                                         "det sgt ",
                                         "detective inspector ",
                                         "detective sergeant ",
                                         "detective constable ",
                                         "detective chief inspector ",
                                         "detective superintendent ",
                                         "revd ",
                                         "rev ",
                                         "rev. "};
    // "Professor Dame Helen Carrow": titles one after another.
    for (bool again = true; again;)
    {
        again = false;
        for (const char* t : titles)
            if (folded.rfind(t, 0) == 0)
            {
                folded = folded.substr(std::char_traits<char>::length(t));
                again = true;
            }
    }
    return folded;
}

// Letters after a name ("MA", "CQSW", "MSc", "BA (Hons)") are not part of it.
std::string without_postnominals(const std::string& name)
{
    std::string out = name;
    for (;;)
    {
        const std::size_t space = out.rfind(' ');
        if (space == std::string::npos)
            return out;
        const std::string last = out.substr(space + 1);
        const bool caps =
            std::none_of(last.begin(), last.end(),
                         [](char ch) { return std::islower(static_cast<unsigned char>(ch)); });
        if (!caps && !is_degree(anonymisation::ascii_lower(last)))
            return out;
        out = out.substr(0, space);
    }
}

void add_public(DocumentContext& c, const std::string& name, const std::string& why)
{
    std::string key = without_title(fold(without_postnominals(name)));
    // "d. holloway-pryce" is read as the words "d holloway-pryce".
    key.erase(std::remove(key.begin(), key.end(), '.'), key.end());
    if (key.empty())
        return;
    c.public_names.emplace(key, why);
    const std::size_t space = key.find(' ');
    if (space == std::string::npos)
    {
        c.public_parts.emplace(key, why);
        return;
    }
    c.public_parts.emplace(key.substr(0, space), why);           // first name
    c.public_parts.emplace(key.substr(key.rfind(' ') + 1), why); // surname
}

bool find(const icu::RegexPattern& p, const icu::UnicodeString& u,
          const std::function<void(icu::RegexMatcher&)>& each)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(p.matcher(u, status));
    bool any = false;
    while (U_SUCCESS(status) && m->find(status))
    {
        each(*m);
        any = true;
    }
    return any;
}

// The same as find, but only in windows around each occurrence of `anchor`
// (`before` and `after` code units of it): the name patterns are costly to
// try at every capital letter of a long paragraph, and each needs a literal
// (" by ", ", ", "(") within reach anyway.
void find_near(const icu::RegexPattern& p, const icu::UnicodeString& u, const char16_t* anchor,
               int32_t before, int32_t after, const std::function<void(icu::RegexMatcher&)>& each,
               const std::function<bool(int32_t)>& worth = nullptr)
{
    const icu::UnicodeString a(anchor);
    std::unique_ptr<icu::RegexMatcher> m; // made at the first anchor worth a look
    UErrorCode status = U_ZERO_ERROR;
    int32_t done = 0; // windows never overlap: a match is reported once
    for (int32_t at = u.indexOf(a); at >= 0; at = u.indexOf(a, at + 1))
    {
        if (worth && !worth(at))
            continue;
        const int32_t from = std::max(done, at - before);
        const int32_t to = std::min(u.length(), at + a.length() + after);
        if (from >= to)
            continue;
        if (!m)
        {
            m.reset(p.matcher(u, status));
            if (U_FAILURE(status))
                return;
        }
        m->region(from, to, status);
        while (U_SUCCESS(status) && m->find(status))
        {
            each(*m);
            done = std::max(done, m->end(status));
        }
        done = std::max(done, at + 1);
        status = U_ZERO_ERROR;
    }
}

// The words next to an acronym that spell it, folded: those before its
// bracket ("adult social care (ASC)") or, `after`, those after it in a
// glossary ("ASC = Adult Social Care"); "" when they do not.
std::string spelt_out(const std::string& text, const std::string& acronym, bool after = false)
{
    std::vector<std::string> w;
    std::string cur;
    for (char ch : text + " ")
        if (ch == ' ' || ch == ',')
        {
            if (!cur.empty())
                w.push_back(cur);
            cur.clear();
        }
        else
            cur += ch;
    if (after)
        std::reverse(w.begin(), w.end());
    // Reading towards the acronym's first letter: the last word before the
    // bracket gives its last letter; filler words give none.
    std::size_t letter = acronym.size(), k = w.size();
    while (k > 0 && letter > 0)
    {
        const std::string& x = w[--k];
        if (x == "and" || x == "of" || x == "for" || x == "the" || x == "to" || x == "&" ||
            x == "in")
            continue;
        if (x[0] != acronym[after ? acronym.size() - letter : letter - 1])
            return {};
        --letter;
    }
    if (letter > 0)
        return {};
    std::vector<std::string> used(w.begin() + static_cast<std::ptrdiff_t>(k), w.end());
    if (after)
        std::reverse(used.begin(), used.end());
    std::string out;
    for (const std::string& x : used)
        out += (out.empty() ? "" : " ") + x;
    return out;
}

std::size_t words(const std::string& s)
{
    std::size_t n = 0;
    bool in = false;
    for (char c : s)
    {
        const bool space = c == ' ' || c == '\t';
        n += !space && !in;
        in = !space;
    }
    return n;
}

// The cue families of a paragraph, found in one pass (cues.hxx): each gates
// a pattern that is costly to try on every paragraph.
enum Cue : std::uint64_t
{
    kCover = 1u << 0,
    kBy = 1u << 1,
    kChairOf = 1u << 2,
    kSeparator = 1u << 3,
    kSenior = 1u << 4,
    kJob = 1u << 5,
    kRoleThenName = 1u << 6, // the phrases of the role_then_name pattern
    kDear = 1u << 7,
    kYear = 1u << 8,
    kPossessive = 1u << 9,
    kWork = 1u << 10,
    kDeclared = 1u << 11,
    kReview = 1u << 12,
    kPseudonymList = 1u << 13,
    kSignOff = 1u << 14,
    // Which anchors of the citation patterns are worth looking for.
    kParenDigit = 1u << 15,
    kEtAl = 1u << 16,
    kApostropheS = 1u << 17,
    kCurlyS = 1u << 18,
    kRoleSentence = 1u << 19,
    kDeathOf = 1u << 20,
    // Cheap gates of single patterns (one pass finds them all, where a
    // std::string::find each cost a scan of the paragraph each).
    kChairComma = 1u << 21,
    kWorkOf = 1u << 22,
    kProfessor = 1u << 23,
    kPseudonymWord = 1u << 24,
    kNameWord = 1u << 25,
    kGlossaryEquals = 1u << 26,
    kCommaYear = 1u << 27,
};

const anonymisation::CueFamilies& cue_families()
{
    static const anonymisation::CueFamilies f{
        {"author", "review", "chair", "scrutineer", "written by", "prepared by", "compiled by"},
        {" by "},
        {"chair of", "chairman of", "chairperson of", "director of", "chief executive of"},
        {"(", "|", ",", "\t", " - ", "\xe2\x80\x93"},
        {"independent", "chair", "scrutineer", "chief ", "director of", "head of", "minister",
         "commissioner", "said", "coroner"},
        {"independent",  "chair",        "head",       "director",  "manager",    "lead",
         "nurse",        "officer",      "minister",   "reviewer",  "author",     "safeguarding",
         "designated",   "named",        "detective",  "inspector", "scrutineer", "secretary",
         "commissioner", "executive",    "consultant", "service",   "team",       "partnership",
         "panel",        "practitioner", "coroner",    "unit",      "police",     "council",
         "trust",        "nhs",          "board",      "worker",    "adviser",    "advisor",
         "coordinator",  "co-ordinator", "specialist", "idva"},
        {"independent reviewer", "lead reviewer", "report author", "independent author",
         "overview author", "independent chair", "independent scrutineer", "chair of the board",
         "chair of the partnership", "chair of the panel", "board manager", "business manager",
         "partnership manager", "chair and author", "chair and report author", "group chair",
         "committee chair", "board chair", "panel chair"},
        {"dear "},
        {"(19", "(20", "et al"},
        {"'s ", "\xe2\x80\x99s "},
        {"timeline", "model", "framework", "research", "stud", "triangle", "theory", "typology",
         "toolkit"},
        {"referred to as", "known as", "call", "pseudonym", "real name", "chosen by", "named ",
         "the name ", "the pseudonym ", "chose ", "picked ", "selected ", "suggested "},
        {"review", "report", "dhr", "sar", "scr"},
        {"pseudonym", "names used"},
        {"yours sincerely", "yours faithfully", "kind regards", "best wishes", "signed",
         "yours truly"},
        {"(0", "(1", "(2", "(3", "(4", "(5", "(6", "(7", "(8", "(9"},
        {"et al"},
        {"'s "},
        {"\xe2\x80\x99s "},
        {"reviewer was", "reviewers were", "reviewer is", "reviewers are", "reviewer has been",
         "reviewers have been", "author was", "authors were", "author is", "authors are",
         "author has been", "chair was", "chair is", "chair has been"},
        {"death of", "murder of", "killing of", "homicide of"},
        {"chair, ", "reviewer, ", "author, ", "scrutineer, ", "minister, "},
        {" of professor", " by professor", " of prof", " by prof", " of dr", " by dr"},
        {"professor "},
        {"pseudonym", "real name"},
        {"names ", "name ", "real name", "own name", "first name", "real first", "own first"},
        {" = "},
        {", 19", ", 20"},
    };
    return f;
}

} // namespace

bool is_degree(const std::string& folded)
{
    static const char* const degrees[] = {"phd", "msc", "bsc", "hons", "mphil", "dipsw",
                                          "med", "bed", "llb", "llm",  "mba"};
    return std::any_of(std::begin(degrees), std::end(degrees),
                       [&](const char* t) { return folded == t; });
}

DocumentContext read_document_context(const Document& doc,
                                      const std::vector<icu::UnicodeString>& texts)
{
    const Patterns& P = patterns();
    DocumentContext c;
    const Paragraph* previous = nullptr;
    std::uint64_t previous_cues = 0;
    std::string pending_name; // a name alone on the line before
    bool pseudonym_list = false;
    std::size_t body_seen = 0;
    for (std::size_t pi = 0; pi < doc.paragraphs.size(); ++pi)
    {
        const Paragraph& p = doc.paragraphs[pi];
        if (p.text.empty())
            continue;
        const icu::UnicodeString& u = texts[pi];
        // Cues are plain ASCII: a lower-case copy is enough to look for them
        // and far cheaper than folding every paragraph.
        std::size_t n = 0;
        const std::uint64_t cues = cue_families().scan(p.text, n);
        const bool ascii = static_cast<std::size_t>(u.length()) == p.text.size();
        const bool opening = p.where == Where::Body && body_seen++ < 8;

        // Cover and title-page roles: "Report author: X and Y".
        if (n <= 30 && (cues & kCover))
            find(*P.role_label, u,
                 [&](icu::RegexMatcher& m)
                 {
                     const std::string role = fold(group(m, 1));
                     const icu::UnicodeString rest = icu::UnicodeString::fromUTF8(group(m, 2));
                     // Each name of the list ("X, Y and Z").
                     find(*P.names, rest,
                          [&](icu::RegexMatcher& nm)
                          { add_public(c, group(nm, 1), "named on the cover as " + role); });
                 });
        // Panel lists and people quoted or signing with their job.
        if (cues & kBy)
            find_near(
                *P.done_by, u, u" by ", 12, 120,
                [&](icu::RegexMatcher& m)
                {
                    // Only about the review itself: "the review, led by X";
                    // "the assessment was carried out by Ms Y" is a practitioner.
                    const int32_t at = m.start(status_ok());
                    std::string lead;
                    u.tempSubStringBetween(std::max(0, at - 80), at).toUTF8String(lead);
                    if (!anonymisation::has_any(
                            anonymisation::ascii_lower(lead),
                            {"review", "report", "brief", "summary", "statement", "foreword",
                             "panel", "published", "subgroup", "sub-group", "committee", "event",
                             "analysis", "audit", "research", "study", "response"}))
                        return;
                    add_public(c, group(m, 1), "named as leading or writing the review");
                    if (m.start(2, status_ok()) >= 0)
                        add_public(c, group(m, 2), "named as leading or writing the review");
                },
                [&](int32_t at)
                {
                    // The word before " by " is one of the pattern's verbs.
                    std::string lead;
                    u.tempSubStringBetween(std::max(0, at - 12), at).toUTF8String(lead);
                    lead = anonymisation::ascii_lower(lead);
                    for (const char* v :
                         {"led", "chaired", "written", "prepared", "authored", "facilitated",
                          "conducted", "compiled", "signed", "approved"})
                        if (lead.size() >= std::char_traits<char>::length(v) &&
                            lead.compare(lead.size() - std::char_traits<char>::length(v),
                                         std::string::npos, v) == 0)
                            return true;
                    return false;
                });
        if (cues & kChairOf)
            find(*P.chair_of, u,
                 [&](icu::RegexMatcher& m)
                 { add_public(c, group(m, 1), "named as the chair or head of an agency"); });
        if (pending_name.size() && n <= 12)
            find(*P.job_line, u,
                 [&](icu::RegexMatcher&) { add_public(c, pending_name, "signs with their job"); });
        pending_name.clear();
        if (n <= 5)
            find(*P.name_alone, u, [&](icu::RegexMatcher& m) { pending_name = group(m, 1); });
        // A separator after a name: a list, a table row, "Name, job". In
        // long narrative only a senior role says a name is a public one
        // ("X, Chief Executive of ..., said"): the pattern is costly there.
        // A table row's cells are short lines too ("| Lucy Abernethy, ESCP
        // Business Manager | ...": an action's owner).
        const bool list_like = n <= 20 || p.text.find(" | ") != std::string::npos;
        if ((cues & kSeparator) && (list_like || (cues & kSenior)) && (cues & kJob))
        {
            auto job = [&](icu::RegexMatcher& m)
            { add_public(c, group(m, 1), "named with their job and agency"); };
            if (list_like)
                find(*P.name_then_role, u, job); // a short line: the whole of it
            else
                for (const char16_t* anchor : {u", ", u"|", u"\t", u" \u2013 "})
                    find_near(*P.name_then_role, u, anchor, 70, 60, job);
        }
        // "by independent reviewer Dr Sinead Corry": the role names the
        // person with or without a separator, in a list or in prose.
        if (cues & kRoleThenName)
            find(*P.role_then_name, u,
                 [&](icu::RegexMatcher& m)
                 { add_public(c, group(m, 1), "named in their role in the review"); });
        // Patterns whose one group is a public person, each behind its cue.
        const std::tuple<std::uint64_t, const icu::RegexPattern*, const char*> public_by[] = {
            {kChairComma, P.the_chair.get(), "named as the review's chair or author"},
            {kWorkOf, P.work_of.get(), "cited as an author of research"}};
        for (const auto& [gate, pattern, why] : public_by)
            if (cues & gate)
                find(*pattern, u,
                     [&, why = why](icu::RegexMatcher& m) { add_public(c, group(m, 1), why); });
        if (cues & kRoleSentence)
            find(*P.role_sentence, u,
                 [&](icu::RegexMatcher& m)
                 {
                     // The name right after the verb, and each after an "and"
                     // ("were Dr X, a consultant, and Y, ..."): not every name
                     // of the sentence ("was told by Sarah Jones, the aunt").
                     const icu::UnicodeString rest = icu::UnicodeString::fromUTF8(group(m, 1));
                     find(*P.names, rest,
                          [&](icu::RegexMatcher& nm)
                          {
                              const int32_t at = nm.start(status_ok());
                              const icu::UnicodeString before =
                                  rest.tempSubString(std::max(0, at - 4), std::min(at, 4));
                              if (at == 0 || before == u"and ")
                                  add_public(c, group(nm, 1),
                                             "named as leading or writing the review");
                          });
                 });
        // A letter's signatory: the name after "Yours sincerely", or a name
        // alone on its line followed by a line with a job.
        if (previous && n <= 5 && (previous_cues & kSignOff))
            find(*P.name_alone, u,
                 [&](icu::RegexMatcher& m)
                 { add_public(c, group(m, 1), "signs the letter or statement"); });
        if (n <= 12 && (cues & kDear))
            find(*P.dear, u,
                 [&](icu::RegexMatcher& m)
                 {
                     add_public(c, group(m, 1), "the letter is addressed to them");
                     // "Dear Gareth, Amina and Colin,": each of them.
                     const icu::UnicodeString rest = u.tempSubString(m.end(status_ok()));
                     find(*P.dear_more, rest,
                          [&](icu::RegexMatcher& more)
                          { add_public(c, group(more, 1), "the letter is addressed to them"); });
                 });
        // Surnames cited in brackets: "Dr Imogen Halloran has argued ...
        // (Halloran and Brisk, 2019)" names a researcher, not a family.
        if (cues & kCommaYear)
            find_near(*P.cited_in_brackets, u, u"(", 0, 80,
                      [&](icu::RegexMatcher& m)
                      {
                          for (int g : {1, 2})
                              if (m.start(g, status_ok()) >= 0)
                                  c.cited_surnames.insert(fold(group(m, g)));
                      });
        // Researchers cited by name.
        if ((cues & kYear) || ((cues & kPossessive) && (cues & kWork)))
        {
            // Only the anchors the paragraph has ("(" and a digit: an ASCII
            // one, unless the text has other digits).
            const std::uint64_t wanted[] = {ascii ? kParenDigit : ~std::uint64_t{0}, kEtAl};
            int a = 0;
            for (const char16_t* anchor : {u"(", u"et al"})
                if (cues & wanted[a++])
                    find_near(
                        *P.cited, u, anchor, 80, 12,
                        [&](icu::RegexMatcher& m)
                        { add_public(c, group(m, 1), "cited as an author of research"); },
                        // "(2011)": a year right after the bracket; "et al" always.
                        [&](int32_t at)
                        { return u[at] != u'(' || (at + 1 < u.length() && u_isdigit(u[at + 1])); });
            const std::uint64_t apostrophes[] = {kApostropheS, kCurlyS};
            int b = 0;
            for (const char16_t* anchor : {u"'s ", u"\u2019s "})
                if ((cues & kWork) && (cues & apostrophes[b++]))
                    find_near(
                        *P.cited_work, u, anchor, 60, 50,
                        [&](icu::RegexMatcher& m)
                        { add_public(c, group(m, 1), "cited as an author of research"); },
                        // A capital letter starts the word before "'s", and a work
                        // ("timeline", "model") follows within a few words.
                        [&](int32_t at)
                        {
                            int32_t k = at;
                            while (k > 0 && u_isalpha(u[k - 1]))
                                --k;
                            if (k == at || !u_isupper(u[k]))
                                return false;
                            std::string next;
                            u.tempSubString(at, 48).toUTF8String(next);
                            return anonymisation::has_any(anonymisation::ascii_lower(next),
                                                          {"timeline", "model", "framework",
                                                           "research", "stud", "triangle", "theory",
                                                           "typology", "toolkit"});
                        });
        }
        if ((cues & kProfessor) && (cues & kPossessive))
            find(*P.professor_work, u,
                 [&](icu::RegexMatcher& m)
                 { add_public(c, group(m, 1), "cited as an author of research"); });
        // Pseudonyms the document declares.
        if (cues & kDeclared)
        {
            find(*P.declared, u,
                 [&](icu::RegexMatcher& m) { c.declared_pseudonyms.insert(fold(group(m, 1))); });
            find(*P.declared_after, u,
                 [&](icu::RegexMatcher& m)
                 {
                     // "'Bethany' (the name ...)": the closing quote is not the name's.
                     std::string name = fold(group(m, 1));
                     while (!name.empty() && name.back() == '\'')
                         name.pop_back();
                     // "Juno's name was chosen": the name is "Juno".
                     for (const std::string s : {"'s", "\u2019s"})
                         if (name.size() > s.size() &&
                             name.compare(name.size() - s.size(), s.size(), s) == 0)
                             name.erase(name.size() - s.size());
                     c.declared_pseudonyms.insert(name);
                 });
        }
        // In a sentence, not the title of a list of pseudonyms ("Pseudonyms
        // used in this report" names those of its list, not every name).
        // A cheap look for the words first ("Pseudonyms", "names").
        if (!c.names_are_pseudonyms && n > 8 && p.outline_level == 0 &&
            (cues & (kPseudonymWord | kNameWord)))
            find(*P.all_pseudonyms, u, [&](icu::RegexMatcher&) { c.names_are_pseudonyms = true; });
        if ((cues & kReview) && p.text.find('(') != std::string::npos)
        {
            find_near(*P.bracketed, u, u"(", 12, 24,
                      [&](icu::RegexMatcher& m)
                      { c.declared_pseudonyms.insert(fold(group(m, 1))); });
        }
        // Only a table row or a heading can hold one (a search of every
        // paragraph that says "review" halved the scan's speed).
        if ((cues & kReview) && (n <= 8 || p.text.find('|') != std::string::npos))
            find(*P.review_cell, u,
                 [&](icu::RegexMatcher& m) { c.declared_pseudonyms.insert(fold(group(m, 1))); });
        if ((cues & kReview) && (cues & kDeathOf))
            find(*P.death_of_in_prose, u,
                 [&](icu::RegexMatcher& m) { c.declared_pseudonyms.insert(fold(group(m, 1))); });
        // Lists of names said to be pseudonyms: group 1 is the list, each
        // capitalised word of it one of them.
        const std::pair<std::uint64_t, const icu::RegexPattern*> name_lists[] = {
            {kPseudonymWord, P.listed_pseudonyms.get()}, {kNameWord, P.names_not_real.get()}};
        for (const auto& [gate, pattern] : name_lists)
            if (cues & gate)
                find(*pattern, u,
                     [&](icu::RegexMatcher& m)
                     {
                         find(*P.capitalised_word, icu::UnicodeString::fromUTF8(group(m, 1)),
                              [&](icu::RegexMatcher& w)
                              { c.declared_pseudonyms.insert(fold(group(w, 0))); });
                     });
        if (cues & kNameWord)
            for (const icu::RegexPattern* own : {P.own_name.get(), P.own_name_under.get()})
                find(*own, u,
                     [&](icu::RegexMatcher& m)
                     { c.named_in_text.emplace(fold(group(m, 1)), group(m, 1)); });
        if (opening && n <= 8)
        {
            find(*P.review_title, u,
                 [&](icu::RegexMatcher& m) { c.declared_pseudonyms.insert(fold(group(m, 1))); });
            find(*P.quoted_names, u,
                 [&](icu::RegexMatcher& m)
                 {
                     c.declared_pseudonyms.insert(fold(group(m, 1)));
                     c.declared_pseudonyms.insert(fold(group(m, 2)));
                 });
        }
        if (opening && n <= 16)
        {
            find(*P.quoted_title, u,
                 [&](icu::RegexMatcher& m) { c.declared_pseudonyms.insert(fold(group(m, 1))); });
            find(*P.death_of, u,
                 [&](icu::RegexMatcher& m) { c.declared_pseudonyms.insert(fold(group(m, 1))); });
        }
        // Acronyms spelt out (a plain scan, no regex: most paragraphs have a
        // bracket): "adult social care (ASC)", and in a glossary "ASC = Adult
        // Social Care" or "ICB: Integrated Care Board".
        {
            const std::string& t = p.text;
            auto capitals = [&](std::size_t at)
            {
                std::size_t k = at;
                while (k < t.size() && t[k] >= 'A' && t[k] <= 'Z')
                    ++k;
                return k - at;
            };
            // A glossary spells out a few dozen; a hostile line of "(AB)" stops here.
            int budget = 200;
            for (std::size_t at = t.find('('); at != std::string::npos && budget > 0;
                 at = t.find('(', at + 1))
            {
                const std::size_t len = capitals(at + 1);
                if (len < 2 || len > 6 || at + 1 + len >= t.size() || t[at + 1 + len] != ')')
                    continue;
                --budget;
                const std::size_t from = at > 160 ? at - 160 : 0;
                const std::string acronym = fold(t.substr(at + 1, len));
                const std::string expansion = spelt_out(fold(t.substr(from, at - from)), acronym);
                if (!expansion.empty())
                    c.acronyms.emplace(acronym, expansion);
            }
            const bool glossary_like = (cues & kGlossaryEquals) ||
                                       (n <= 20 && t.find_first_of(":|-\xe2") != std::string::npos);
            for (std::size_t at = 0; glossary_like && budget > 0 && at < t.size(); ++at)
            {
                if (at > 0 && std::isalpha(static_cast<unsigned char>(t[at - 1])))
                    continue;
                const std::size_t len = capitals(at);
                if (len < 2 || len > 6)
                    continue;
                std::size_t k = at + len;
                while (k < t.size() && t[k] == ' ')
                    ++k;
                const bool dash = t.compare(k, 3, "\xe2\x80\x93") == 0;
                if (k >= t.size() ||
                    !(t[k] == '=' || t[k] == ':' || t[k] == '|' || t[k] == '-' || dash))
                {
                    at += len;
                    continue;
                }
                k += dash ? 3 : 1;
                --budget;
                const std::size_t end =
                    std::min(t.find_first_of(";.|", k), std::min(t.size(), k + 160));
                const std::string acronym = fold(t.substr(at, len));
                const std::string expansion =
                    spelt_out(fold(t.substr(k, end - k)), acronym, /*after=*/true);
                if (!expansion.empty())
                {
                    c.acronyms.emplace(acronym, expansion);
                    if (at == 0)
                        c.glossary_rows.insert(pi);
                }
                at += len;
            }
        }
        // A glossary of pseudonyms: "Leanne | the child's mother".
        if (pseudonym_list && n <= 25 && p.outline_level == 0)
        {
            const std::size_t cut = p.text.find_first_of("|:\t,(");
            const std::string head = p.text.substr(0, cut);
            const std::string dash = head.substr(0, head.find(" \xe2\x80\x93 "));
            if (words(dash) == 1 && !dash.empty() &&
                std::isupper(static_cast<unsigned char>(dash[0])))
                c.declared_pseudonyms.insert(fold(dash.substr(0, dash.find_last_not_of(' ') + 1)));
        }
        if (n <= 8 && (cues & kPseudonymList))
            pseudonym_list = true;
        else if (p.outline_level > 0 || n > 25)
            pseudonym_list = false;
        previous = &p;
        previous_cues = cues;
    }
    // Tables: a version table's authors, an action plan's deadlines, ages.
    anonymisation::TableFacts tables = anonymisation::read_tables(doc);
    for (const auto& [pi, cell] : tables.author_cells)
        find(*P.names, icu::UnicodeString::fromUTF8(cell),
             [&](icu::RegexMatcher& m)
             { add_public(c, group(m, 1), "named as an author in the version table"); });
    c.deadline_rows = std::move(tables.deadline_rows);
    c.age_cells = std::move(tables.age_cells);
    // Names the document declares as pseudonyms are not public people.
    for (const std::string& d : c.declared_pseudonyms)
    {
        c.public_parts.erase(d);
        c.public_names.erase(d);
    }
    return c;
}

} // namespace scrqm
