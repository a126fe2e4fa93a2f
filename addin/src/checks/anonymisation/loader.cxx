// Loading the anonymisation check: anonymisation.json (the pattern
// detectors, with their examples, and the settings) and the lexicons; then
// every detector's examples are scanned, so that a data change that breaks
// one is refused with a message naming the detector.
#include <scrqm/catalogue.hxx>

#include "internal.hxx"
#include "rules.hxx"

#include <boost/property_tree/ptree.hpp>
#include <unicode/locid.h>

#include <algorithm>
#include <array>

namespace pt = boost::property_tree;

namespace scrqm
{

namespace
{

std::vector<std::string> strings(const pt::ptree& node, const char* name)
{
    std::vector<std::string> out;
    if (const auto child = node.get_child_optional(name))
        for (const auto& [k, v] : *child)
            out.push_back(v.data());
    return out;
}

std::size_t occurrences(const std::string& s, const char* what)
{
    std::size_t n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1))
        ++n;
    return n;
}

// "12 Elm Grove, [[NM4 7QT]]": the example's text without the markers, and
// the span its detector's finding must cover exactly. A match example marks
// one span; a nomatch example none.
AnonymisationCheck::Example example(const anonymisation::Detector& d, const std::string& markup,
                                    bool match, const std::string& where)
{
    AnonymisationCheck::Example e{d.id, d.rule, markup, {}, match};
    const std::size_t open = markup.find("[["), close = markup.find("]]");
    if (!match)
    {
        if (open != std::string::npos || close != std::string::npos)
            throw DataError(where + ": nomatch example \"" + markup + "\" marks a span");
        return e;
    }
    if (occurrences(markup, "[[") != 1 || occurrences(markup, "]]") != 1 ||
        close == std::string::npos || close <= open + 2)
        throw DataError(where + ": match example \"" + markup +
                        "\" must mark the expected finding once, as [[...]]");
    e.span = markup.substr(open + 2, close - open - 2);
    e.text = markup.substr(0, open) + e.span + markup.substr(close + 2);
    return e;
}

} // namespace

void AnonymisationCheck::Impl::load(const std::string& dir)
{
    const std::string path = dir + "/anonymisation.json";
    const pt::ptree root = read_json_data(path);
    load_detectors(path, root);
    for (const std::string& s : strings(root, "date_of_birth_context"))
        dob_context.push_back(fold(s));
    for (const std::string& s : strings(root, "generic_institution_modifiers"))
        generic_modifiers.insert(fold(s));
    jigsaw_paragraph = root.get<int>("jigsaw.paragraph_kinds", 3);
    jigsaw_section = root.get<int>("jigsaw.section_kinds", 4);
    load_lexicons(dir + "/lexicons/");
}

void AnonymisationCheck::Impl::load_detectors(const std::string& path, const pt::ptree& root)
{
    std::set<std::string> ids;
    for (const auto& [k, node] : root.get_child("detectors"))
    {
        anonymisation::Detector d;
        d.id = node.get<std::string>("id", "");
        const std::string where = "detector \"" + d.id + "\"";
        if (d.id.empty() || !ids.insert(d.id).second)
            throw DataError(path + ": " + where + ": missing or duplicate id");
        d.rule = &rule_named(node.get<std::string>("rule", ""), path + ": " + where);
        d.validator = node.get<std::string>("validator", "");
        if (!d.validator.empty() && d.validator != "nhs-mod11" && d.validator != "uk-phone")
            throw DataError(path + ": " + where + ": unknown validator \"" + d.validator + "\"");
        d.score = node.get<double>("score", 0.8);
        d.message = node.get<std::string>("message", "");
        d.explanation = node.get<std::string>("explanation", "");
        d.fix = node.get<std::string>("fix", "");
        d.requires_ = node.get<std::string>("requires", "");
        for (const std::string& c : strings(node, "context"))
            d.context.push_back(fold(c));
        d.context_window = node.get<int32_t>("context_window", 30);
        d.context_required = node.get<bool>("context_required", false);
        d.context_after = node.get<bool>("context_after", false);
        if (d.message.empty())
            throw DataError(path + ": " + where + ": missing message");
        UErrorCode status = U_ZERO_ERROR;
        UParseError pe{};
        const uint32_t flags =
            node.get<bool>("case_insensitive", false) ? UREGEX_CASE_INSENSITIVE : 0;
        d.pattern.reset(icu::RegexPattern::compile(
            icu::UnicodeString::fromUTF8(node.get<std::string>("pattern", "")), flags, pe, status));
        if (U_FAILURE(status))
            throw DataError(path + ": " + where + ": bad pattern at offset " +
                            std::to_string(pe.offset) + ": " + u_errorName(status));
        for (const std::string& r : strings(node, "requires_any"))
        {
            std::string lower;
            icu::UnicodeString::fromUTF8(r).toLower(icu::Locale::getRoot()).toUTF8String(lower);
            const auto at = std::find(required_literals.begin(), required_literals.end(), lower);
            d.requires_any.push_back(static_cast<std::size_t>(at - required_literals.begin()));
            if (at == required_literals.end())
                required_literals.push_back(lower);
        }
        d.reach = d.requires_ == "digit" ? anonymisation::Reach::DigitRuns
                                         : anonymisation::Reach::Paragraph;
        const std::string pattern_key =
            node.get<std::string>("pattern", "") + (flags & UREGEX_CASE_INSENSITIVE ? "\x01i" : "");
        if (const anonymisation::ReachRule* r = anonymisation::find_reach(d.id, pattern_key))
        {
            d.reach = r->reach;
            d.before = r->before;
            d.after = r->after;
            d.run_test = r->run_test;
            reach_known.insert(d.id);
        }
        {
            UErrorCode group_status = U_ZERO_ERROR;
            const int32_t g = d.pattern->groupNumberFromName("id", 2, group_status);
            d.id_group = U_SUCCESS(group_status) ? g : 0;
        }
        d.matcher.reset(d.pattern->matcher(status));
        if (U_FAILURE(status))
            throw DataError(path + ": " + where +
                            ": cannot use the pattern: " + u_errorName(status));
        for (const std::string& m : strings(node, "examples.match"))
            examples.push_back(example(d, m, true, path + ": " + where));
        for (const std::string& m : strings(node, "examples.nomatch"))
            examples.push_back(example(d, m, false, path + ": " + where));
        detectors.push_back(std::move(d));
    }
    literal_finder.build(required_literals);
}

void AnonymisationCheck::Impl::load_lexicons(const std::string& lex)
{
    namespace R = rules::anonymisation;
    given = Lexicon::load(lex + "given-names.txt");
    surnames = Lexicon::load(lex + "surnames.txt");
    given_words = Lexicon::load(lex + "given-names-words.txt");
    surname_words = Lexicon::load(lex + "surnames-words.txt");
    places = Lexicon::load(lex + "uk-places.txt");
    place_words = Lexicon::load(lex + "uk-places-words.txt");
    countries = Lexicon::load(lex + "countries.txt");
    titles = Lexicon::load(lex + "titles.txt");
    roles = Lexicon::load(lex + "role-words.txt");
    institutions = Lexicon::load(lex + "institution-words.txt");
    allow_terms = Lexicon::load(lex + "allow-terms.txt");
    struct SpecialFile
    {
        const Rule* rule;
        const char* file;
        const char* message;
    };
    const std::array<SpecialFile, 7> special = {{
        {&R::health, "health-conditions.txt", "Specific health condition or diagnosis"},
        {&R::disability, "disabilities.txt", "Specific disability"},
        {&R::ethnicity, "ethnicities.txt", "Ethnicity"},
        {&R::nationality, "nationalities.txt", "Nationality"},
        {&R::religion, "religions.txt", "Religion"},
        {&R::language, "languages.txt", "First or home language"},
        {&R::immigration, "immigration-status.txt", "Immigration status"},
    }};
    for (const SpecialFile& s : special)
        specials.push_back({s.rule, Lexicon::load(lex + s.file), s.message});
    for (Lexicon* l : {&given, &surnames, &given_words, &surname_words, &places, &place_words,
                       &countries, &titles, &roles, &institutions, &allow_terms})
        l->index(vocabulary);
    for (Special& s : specials)
        s.lexicon.index(vocabulary);
    word_ids.build(vocabulary);
    for (const char* w : {"january", "february",  "march",     "april",    "may",      "june",
                          "july",    "august",    "september", "october",  "november", "december",
                          "monday",  "tuesday",   "wednesday", "thursday", "friday",   "saturday",
                          "sunday",  "christmas", "easter",    "god",      "i"})
        months_weekdays.insert(w);
}

void AnonymisationCheck::Impl::check_examples(const std::string& path) const
{
    namespace R = rules::anonymisation;
    for (const Example& e : examples)
    {
        Document doc;
        doc.add(Where::Body, e.text);
        std::vector<Finding> found;
        scan_paragraph(doc.paragraphs[0], icu::UnicodeString::fromUTF8(e.text), Lexicon(),
                       Lexicon(), {}, {}, found);
        // The date detector's dates are dates of birth after "born".
        const Finding* of_rule = nullptr;
        bool exact = false;
        for (const Finding& f : found)
            if (f.check == e.rule->id || (e.rule == &R::date && f.check == R::date_of_birth.id))
            {
                of_rule = of_rule ? of_rule : &f;
                exact = exact || f.text == e.span;
            }
        const std::string where = path + ": detector \"" + e.detector + "\": example \"" + e.text;
        if (!e.should_match && of_rule)
            throw DataError(where + "\" is found (\"" + of_rule->text + "\") but must not be");
        if (e.should_match && !of_rule)
            throw DataError(where + "\" is not found");
        if (e.should_match && !exact)
            throw DataError(where + "\" is found as \"" + of_rule->text +
                            "\", not as the marked \"" + e.span + "\"");
    }
}

} // namespace scrqm
