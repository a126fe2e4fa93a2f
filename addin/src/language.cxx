#include <scrqm/catalogue.hxx>
#include <scrqm/language.hxx>
#include <scrqm/text.hxx>

#include "checks/language/rules.hxx"

#include <boost/property_tree/ptree.hpp>
#include <unicode/brkiter.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace pt = boost::property_tree;

namespace scrqm
{

namespace
{

namespace R = rules::language;

std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError(path + ": cannot open the file");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

template <typename T>
T number(const pt::ptree& node, const std::string& name, T fallback, const std::string& path)
{
    try
    {
        return node.get<T>(name, fallback);
    }
    catch (const pt::ptree_error&)
    {
        throw DataError(path + ": \"" + name + "\" must be a number");
    }
}

using Span = std::pair<int32_t, int32_t>;

bool letter(UChar32 c)
{
    return u_isalpha(c) != 0;
}

// Quoted passages of a paragraph (UTF-16 spans): “...”, "...", and ‘...’
// where the closing ’ is not an apostrophe inside a word.
std::vector<Span> quoted_spans(const icu::UnicodeString& u)
{
    std::vector<Span> out;
    const int32_t n = u.length();
    for (int32_t i = 0; i < n; ++i)
    {
        const UChar c = u[i];
        int32_t close = -1;
        if (c == 0x201C)
            close = u.indexOf(static_cast<UChar>(0x201D), i + 1);
        else if (c == u'"')
            close = u.indexOf(static_cast<UChar>(u'"'), i + 1);
        else if (c == 0x2018 && (i == 0 || !letter(u[i - 1])))
        {
            for (int32_t j = i + 1; j < n; ++j)
                if (u[j] == 0x2019 && (j + 1 == n || !letter(u[j + 1])))
                {
                    close = j;
                    break;
                }
        }
        if (close > i)
        {
            out.emplace_back(i, close + 1);
            i = close;
        }
    }
    return out;
}

int32_t quoted_length(const std::vector<Span>& quotes, int32_t begin, int32_t end)
{
    int32_t n = 0;
    for (const Span& q : quotes)
        n += std::max(0, std::min(end, q.second) - std::max(begin, q.first));
    return n;
}

bool in_quotes(const std::vector<Span>& quotes, int32_t begin, int32_t end)
{
    return quoted_length(quotes, begin, end) > 0;
}

struct Breakers
{
    std::unique_ptr<icu::BreakIterator> sentence, word;
    Breakers()
    {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Locale uk("en_GB@ss=standard");
        sentence.reset(icu::BreakIterator::createSentenceInstance(uk, status));
        word.reset(icu::BreakIterator::createWordInstance(uk, status));
        if (U_FAILURE(status) || !sentence || !word)
            throw DataError(std::string("ICU break iterators unavailable: ") + u_errorName(status));
    }
};

std::vector<Span> sentences(icu::BreakIterator& it, const icu::UnicodeString& u)
{
    std::vector<Span> out;
    it.setText(u);
    int32_t start = it.first();
    for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next())
    {
        int32_t e = end;
        while (e > start && u_isspace(u[e - 1]))
            --e;
        // ICU keeps "... NM4 7QT. Mother ..." together (its suppressions
        // take some capitalised words before a full stop for abbreviations):
        // split where a word of two or more characters, not a title, ends
        // with a full stop and a capitalised word follows.
        static const std::set<std::string> titles = {"mr", "mrs", "ms",  "dr",  "st", "prof", "rev",
                                                     "no", "nos", "vol", "fig", "cf", "vs",   "etc",
                                                     "co", "ltd", "jr",  "sr",  "eg", "ie"};
        int32_t from = start;
        for (int32_t i = start + 2; i + 2 < e; ++i)
        {
            if (u[i] != u'.')
                continue;
            // A footnote anchor right after the full stop: "a letter.1 The nurse".
            int32_t gap = i + 1;
            while (gap < e && gap < i + 4 && u_isdigit(u[gap]))
                ++gap;
            if (gap + 1 >= e || u[gap] != u' ' || !u_isupper(u.char32At(gap + 1)))
                continue;
            int32_t w = i;
            while (w > from && u_isalnum(u[w - 1]))
                --w;
            if (i - w < 2 || (w > from && u[w - 1] == u'.'))
                continue;
            std::string word;
            u.tempSubStringBetween(w, i).toUTF8String(word);
            if (titles.count(fold(word)))
                continue;
            out.emplace_back(from, gap);
            from = gap + 1;
        }
        if (e > from)
            out.emplace_back(from, e);
    }
    return out;
}

// Words of u[begin,end) with ICU word breaking: letters or numbers.
std::vector<Span> words(icu::BreakIterator& it, const icu::UnicodeString& u, int32_t begin,
                        int32_t end)
{
    std::vector<Span> out;
    const icu::UnicodeString part = u.tempSubStringBetween(begin, end);
    it.setText(part);
    int32_t start = it.first();
    for (int32_t stop = it.next(); stop != icu::BreakIterator::DONE; start = stop, stop = it.next())
        if (it.getRuleStatus() >= UBRK_WORD_NUMBER)
            out.emplace_back(begin + start, begin + stop);
    return out;
}

std::string utf8(const icu::UnicodeString& u, int32_t begin, int32_t end)
{
    std::string s;
    u.tempSubStringBetween(begin, end).toUTF8String(s);
    return s;
}

Finding make(const Rule& rule, const std::string& marker, const Paragraph& p,
             const icu::UnicodeString& u, int32_t begin, int32_t end, std::string message,
             std::string explanation, std::string advice = {})
{
    const CodePoints cp(u);
    Finding f(rule);
    f.marker = marker; // the settings' or the kind's marker
    f.where = p.where;
    f.paragraph = p.index;
    f.start = cp(begin);
    f.end = cp(end);
    f.text = utf8(u, begin, end);
    f.message = std::move(message);
    f.explanation = std::move(explanation);
    f.advice = std::move(advice);
    return f;
}

bool roman(const std::string& s)
{
    return s.find_first_not_of("IVXLCDM") == std::string::npos;
}

std::string fixed(double d)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", d);
    return buf;
}

} // namespace

int syllables(const std::string& word)
{
    std::string w;
    for (char c : word)
        if (std::isalpha(static_cast<unsigned char>(c)))
            w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (w.empty())
        return 1; // numbers and symbols read as one
    auto vowel = [](char c) { return std::string_view("aeiouy").find(c) != std::string::npos; };
    int n = 0;
    bool prev = false;
    for (char c : w)
    {
        const bool v = vowel(c);
        n += v && !prev;
        prev = v;
    }
    // A silent final e (make, care) but not -le (table) or -ee (agree).
    if (w.size() > 2 && w.back() == 'e' && w[w.size() - 2] != 'l' && !vowel(w[w.size() - 2]))
        --n;
    // -ed after a consonant other than t/d is not a syllable (walked).
    if (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0 && w[w.size() - 3] != 't' &&
        w[w.size() - 3] != 'd' && !vowel(w[w.size() - 3]))
        --n;
    return std::max(1, n);
}

double Readability::flesch() const
{
    if (sentences == 0 || words == 0)
        return 100;
    return 206.835 - 1.015 * static_cast<double>(words) / static_cast<double>(sentences) -
           84.6 * static_cast<double>(syllables) / static_cast<double>(words);
}

Readability readability(const std::string& text)
{
    Breakers b;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    Readability r;
    for (const Span& s : sentences(*b.sentence, u))
    {
        const auto ws = words(*b.word, u, s.first, s.second);
        if (ws.empty())
            continue;
        ++r.sentences;
        for (const Span& w : ws)
        {
            ++r.words;
            r.syllables += static_cast<std::size_t>(syllables(utf8(u, w.first, w.second)));
        }
    }
    return r;
}

LanguageSettings load_language_settings(const std::string& data_dir)
{
    const std::string path = data_dir + "/language.json";
    const pt::ptree root = parse_json_data(read_file(path), path);
    LanguageSettings s;
    s.marker = root.get<std::string>("marker", s.marker);
    s.long_sentence_words =
        number<std::size_t>(root, "long_sentence_words", s.long_sentence_words, path);
    s.readability_min_words =
        number<std::size_t>(root, "readability.min_words", s.readability_min_words, path);
    s.min_flesch = number<double>(root, "readability.min_flesch", s.min_flesch, path);
    s.passive_min_sentences =
        number<std::size_t>(root, "passive.min_sentences", s.passive_min_sentences, path);
    s.passive_min_ratio = number<double>(root, "passive.min_ratio", s.passive_min_ratio, path);
    if (s.long_sentence_words < 10 || s.passive_min_ratio <= 0 || s.passive_min_ratio > 1)
        throw DataError(path +
                        ": long_sentence_words must be >= 10 and passive.min_ratio in (0,1]");
    if (const auto list = root.get_child_optional("passive.irregular_participles"))
        for (const auto& [k, v] : *list)
            s.participles.insert(v.data());
    if (const auto list = root.get_child_optional("passive.adjectival_participles"))
        for (const auto& [k, v] : *list)
        {
            const std::string& w = v.data();
            if (w.empty() || w.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos)
                throw DataError(path + ": passive.adjectival_participles: \"" + w +
                                "\" is not a lower-case word");
            s.adjectival.insert(w);
        }
    s.abbreviation_min = number<std::size_t>(root, "abbreviations.min_length", 2, path);
    s.abbreviation_max = number<std::size_t>(root, "abbreviations.max_length", 8, path);
    const std::string known = root.get<std::string>("abbreviations.known", "");
    if (!known.empty())
    {
        std::istringstream in(read_file(data_dir + "/lexicons/" + known));
        std::string line;
        while (std::getline(in, line))
        {
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            if (!line.empty() && line[0] != '#')
                s.known_abbreviations.insert(line);
        }
    }
    s.skip_sections = root.get<std::string>("skip_sections", "");
    if (!s.skip_sections.empty())
    {
        UErrorCode status = U_ZERO_ERROR;
        UParseError pe;
        std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(
            icu::UnicodeString::fromUTF8(s.skip_sections), UREGEX_CASE_INSENSITIVE, pe, status));
        if (U_FAILURE(status))
            throw DataError(path + ": skip_sections: bad pattern at offset " +
                            std::to_string(pe.offset));
    }
    const std::string hb = root.get<std::string>("hindsight_blame", "");
    if (!hb.empty())
    {
        const std::string hb_path = data_dir + "/lexicons/" + hb;
        const pt::ptree lex = parse_json_data(read_file(hb_path), hb_path);
        const pt::ptree empty;
        const auto kinds = lex.get_child_optional("kinds");
        for (const auto& [name, node] : kinds ? *kinds : empty)
        {
            LanguageSettings::Kind k{node.get<std::string>("marker", ""),
                                     node.get<std::string>("bias", ""),
                                     &rule_named(node.get<std::string>("rule", ""),
                                                 hb_path + ": kind \"" + name + "\"")};
            if (k.marker.rfind("QM", 0) != 0 || k.bias.empty())
                throw DataError(hb_path + ": kind \"" + name + "\": needs a marker and a bias");
            s.kinds[name] = k;
        }
        std::size_t n = 0;
        const auto entries = lex.get_child_optional("entries");
        for (const auto& [k, node] : entries ? *entries : empty)
        {
            ++n;
            LanguageSettings::Entry e{node.get<std::string>("phrase", ""),
                                      node.get<std::string>("kind", ""),
                                      node.get<std::string>("explanation", "")};
            if (e.phrase.empty() || e.explanation.empty() || !s.kinds.count(e.kind))
                throw DataError(hb_path + ": entry " + std::to_string(n) +
                                ": needs a phrase, an explanation and a known kind");
            s.phrases.add(e.phrase, std::to_string(s.entries.size()));
            s.entries.push_back(std::move(e));
        }
        if (s.entries.empty())
            throw DataError(hb_path + ": no entries");
    }
    return s;
}

LanguageCheck::LanguageCheck(const std::string& data_dir)
    : settings_(load_language_settings(data_dir))
{
}

namespace
{

struct Abbreviation
{
    std::size_t first_use = SIZE_MAX; // order key of the first use
    const Paragraph* use_p = nullptr;
    Span use{};
    std::vector<std::pair<std::size_t, std::pair<const Paragraph*, Span>>> definitions;
    bool glossary = false;
    std::size_t last_use = 0; // order key
    std::string shown;
};

bool is_be(const std::string& k)
{
    return k == "is" || k == "are" || k == "was" || k == "were" || k == "be" || k == "been" ||
           k == "being" || k == "am";
}

} // namespace

std::vector<Finding> LanguageCheck::run(const Document& doc, const CheckOptions&) const
{
    const LanguageSettings& s = settings_;
    std::vector<Finding> out;
    Breakers b;
    // Sections to skip (glossary, references, ...), by body index.
    const std::vector<Section> sections = compute_sections(doc);
    const std::size_t body_count = doc.count(Where::Body);
    std::vector<bool> skip(body_count + 1, false), glossary(body_count + 1, false);
    std::vector<long> own_section(body_count + 1, -1); // innermost heading
    {
        UErrorCode status = U_ZERO_ERROR;
        UParseError pe;
        std::unique_ptr<icu::RegexPattern> skip_re(
            s.skip_sections.empty()
                ? nullptr
                : icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(s.skip_sections),
                                             UREGEX_CASE_INSENSITIVE, pe, status));
        std::unique_ptr<icu::RegexPattern> glossary_re(icu::RegexPattern::compile(
            "glossary|abbreviations", UREGEX_CASE_INSENSITIVE, pe, status));
        for (std::size_t i = 0; i < sections.size(); ++i)
        {
            const Section& sec = sections[i];
            const icu::UnicodeString title = icu::UnicodeString::fromUTF8(sec.title);
            auto matches = [&](icu::RegexPattern* re)
            {
                if (!re)
                    return false;
                UErrorCode st = U_ZERO_ERROR;
                std::unique_ptr<icu::RegexMatcher> m(re->matcher(title, st));
                return U_SUCCESS(st) && m->find(st);
            };
            const bool sk = matches(skip_re.get()), gl = matches(glossary_re.get());
            for (std::size_t j = sec.paragraph; j < sec.end && j <= body_count; ++j)
            {
                skip[j] = skip[j] || sk;
                glossary[j] = glossary[j] || gl;
                own_section[j] = static_cast<long>(i);
            }
        }
    }
    std::map<long, Readability> per_section;
    std::map<std::string, Abbreviation> abbreviations;
    std::vector<std::string> abbreviation_order;
    std::size_t order = 0;
    for (const Paragraph& p : doc.paragraphs)
    {
        ++order;
        if (p.where != Where::Body && p.where != Where::Table && p.where != Where::Footnote &&
            p.where != Where::Endnote)
            continue;
        const std::size_t at = std::min(p.where == Where::Body ? p.index : p.anchor, body_count);
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(p.text);
        if (u.isEmpty())
            continue;
        const std::vector<Span> quotes = quoted_spans(u);
        const std::vector<Token> tokens = tokenize(u);

        // Abbreviations: every paragraph counts, headings too.
        std::size_t caps = 0, alpha = 0;
        for (const Token& t : tokens)
        {
            alpha += t.alpha;
            caps += t.alpha && t.all_caps;
        }
        const bool shouting = alpha >= 3 && caps == alpha; // an all-capitals heading
        for (std::size_t i = 0; i < tokens.size() && !shouting; ++i)
        {
            const Token& t = tokens[i];
            if (!t.alpha)
                continue;
            std::string word = utf8(u, t.begin, t.end);
            if (t.possessive && word.size() > 2)
                word.resize(word.size() - 2);
            const icu::UnicodeString w = icu::UnicodeString::fromUTF8(word);
            const auto len = static_cast<std::size_t>(w.countChar32());
            if (len < s.abbreviation_min || len > s.abbreviation_max || roman(word) ||
                s.known_abbreviations.count(word))
                continue;
            bool upper = true;
            for (int32_t k = 0; k < w.length() && upper; ++k)
                upper = !u_isalpha(w[k]) || u_isupper(w[k]);
            if (!upper || in_quotes(quotes, t.begin, t.end))
                continue;
            // Part of a code or reference (CP/2016/0456, JT 48 27 93 B): not an abbreviation.
            int32_t next = t.end;
            if (next < u.length() && (u[next] == u'/' || u[next] == u'-'))
                ++next;
            else if (next < u.length() && u[next] == u' ')
                ++next;
            if (next < u.length() && u_isdigit(u.char32At(next)))
                continue;
            // The second half of a code (a vehicle registration "GL02 MCO").
            if (i > 0 && tokens[i - 1].end + 1 == t.begin && !tokens[i - 1].alpha &&
                !tokens[i - 1].number)
                continue;
            const std::size_t key = order * 100000 + static_cast<std::size_t>(t.begin);
            Abbreviation& a = abbreviations[word];
            if (a.shown.empty())
            {
                a.shown = word;
                abbreviation_order.push_back(word);
            }
            // "Long Name (ABC)": in brackets after words; "ABC (long name)".
            int32_t before = t.begin - 1;
            while (before >= 0 && u[before] == u' ')
                --before;
            const bool bracketed = before >= 0 && u[before] == u'(' && t.end < u.length() &&
                                   u[t.end] == u')' && i >= 2;
            int32_t after = t.end;
            while (after < u.length() && u[after] == u' ')
                ++after;
            const bool explained = after < u.length() && u[after] == u'(' &&
                                   i + 2 < tokens.size() && tokens[i + 1].alpha &&
                                   !tokens[i + 1].all_caps && tokens[i + 2].alpha &&
                                   tokens[i + 1].key[0] == fold(word)[0];
            const bool in_glossary = p.where != Where::Footnote && p.where != Where::Endnote &&
                                     at < glossary.size() && glossary[at] && i == 0;
            if (in_glossary)
                a.glossary = true;
            else if (bracketed || explained)
                a.definitions.push_back({key, {&p, {t.begin, t.end}}});
            else
            {
                if (a.first_use == SIZE_MAX)
                {
                    a.first_use = key;
                    a.use_p = &p;
                    a.use = {t.begin, t.end};
                }
                a.last_use = key;
            }
        }

        if (p.outline_level > 0 || (at < skip.size() && skip[at]))
            continue;

        // Hindsight and blame.
        for (std::size_t i = 0; i < tokens.size();)
        {
            const Lexicon::Entry* entry = nullptr;
            const std::size_t n = s.phrases.match(tokens, i, &entry, true);
            if (n == 0)
            {
                ++i;
                continue;
            }
            const int32_t begin = tokens[i].begin, end = tokens[i + n - 1].end;
            i += n;
            if (in_quotes(quotes, begin, end))
                continue;
            const LanguageSettings::Entry& e = s.entries[std::stoul(entry->group)];
            const LanguageSettings::Kind& k = s.kinds.at(e.kind);
            out.push_back(make(*k.rule, k.marker, p, u, begin, end,
                               "\"" + utf8(u, begin, end) + "\": " + e.kind + " language",
                               e.explanation + " " + k.bias,
                               "Describe what was known and done at the time, and why"));
        }

        // Sentences: length, passives; readability per section.
        std::size_t passive = 0, counted = 0;
        Readability& r =
            per_section[p.where == Where::Body && p.outline_level == 0 ? own_section[at] : -2];
        for (const Span& sent : sentences(*b.sentence, u))
        {
            const auto ws = words(*b.word, u, sent.first, sent.second);
            if (ws.empty())
                continue;
            const int32_t quoted = quoted_length(quotes, sent.first, sent.second);
            if (quoted * 2 > sent.second - sent.first)
                continue; // a quotation: not the author's sentence
            ++counted;
            ++r.sentences;
            for (const Span& w : ws)
            {
                ++r.words;
                r.syllables += static_cast<std::size_t>(syllables(utf8(u, w.first, w.second)));
            }
            if (ws.size() > s.long_sentence_words)
                out.push_back(make(
                    R::long_sentence, s.marker, p, u, sent.first, sent.second,
                    "Long sentence: " + std::to_string(ws.size()) + " words",
                    "Working Together asks for SCR reports in plain English that professionals "
                    "and the public can understand (QM14). Sentences over " +
                        std::to_string(s.long_sentence_words) +
                        " words (ICU sentence and word breaking) are hard to follow.",
                    "Split it into shorter sentences"));
            // A form of "be" followed (within two words) by a past participle.
            std::vector<const Token*> st;
            for (const Token& t : tokens)
                if (t.begin >= sent.first && t.end <= sent.second)
                    st.push_back(&t);
            bool is_passive = false;
            for (std::size_t i = 0; i + 1 < st.size() && !is_passive; ++i)
            {
                if (!is_be(st[i]->key))
                    continue;
                for (std::size_t j = i + 1; j < st.size() && j <= i + 3 && !is_passive; ++j)
                {
                    const std::string& k = st[j]->key;
                    if (s.adjectival.count(k))
                        break; // "was aged 2": a state, not a passive
                    if (k.size() > 3 && k.compare(k.size() - 2, 2, "ed") == 0)
                        is_passive = true;
                    else if (s.participles.count(k))
                        is_passive = true;
                    else if (!(k.size() > 2 && k.compare(k.size() - 2, 2, "ly") == 0) &&
                             k != "not" && k != "also" && k != "then" && k != "being" &&
                             k != "been")
                        break;
                }
            }
            passive += is_passive;
        }
        if (counted >= s.passive_min_sentences &&
            static_cast<double>(passive) >= s.passive_min_ratio * static_cast<double>(counted))
            out.push_back(make(
                R::passive, s.marker, p, u, 0, u.length(),
                std::to_string(passive) + " of " + std::to_string(counted) +
                    " sentences in this paragraph are passive",
                "Passive sentences hide who acted (\"a referral was made\"), which the analysis "
                "needs to explain practice (QM13, QM14). The check flags paragraphs of at least " +
                    std::to_string(s.passive_min_sentences) + " sentences where " +
                    fixed(s.passive_min_ratio * 100) + "% or more are passive.",
                "Say who did what: \"the health visitor referred ...\""));
    }
    // Readability per section (its own text, not its subsections').
    for (const auto& [index, r] : per_section)
    {
        if (index < 0 || r.words < s.readability_min_words)
            continue;
        const double score = r.flesch();
        if (score >= s.min_flesch)
            continue;
        const Section& sec = sections[static_cast<std::size_t>(index)];
        const Paragraph* heading = nullptr;
        for (const Paragraph& p : doc.paragraphs)
            if (p.where == Where::Body && p.index == sec.paragraph)
                heading = &p;
        if (!heading)
            continue;
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(heading->text);
        char figures[160];
        std::snprintf(figures, sizeof figures,
                      "%.1f words per sentence, %.2f syllables per word, %zu words",
                      static_cast<double>(r.words) / static_cast<double>(r.sentences),
                      static_cast<double>(r.syllables) / static_cast<double>(r.words), r.words);
        out.push_back(make(R::readability, s.marker, *heading, u, 0, u.length(),
                           "Section \"" + sec.title + "\" is hard to read: Flesch reading ease " +
                               fixed(score) + " (" + figures + ")",
                           "Flesch reading ease below " + fixed(s.min_flesch) +
                               " reads as academic text; plain English for the public (Working "
                               "Together, QM14) is 50 or more. Syllables are estimated.",
                           "Shorter sentences and everyday words"));
    }
    // Abbreviations, in order of first appearance.
    for (const std::string& word : abbreviation_order)
    {
        const Abbreviation& a = abbreviations[word];
        if (a.definitions.empty())
        {
            if (a.glossary || !a.use_p)
                continue;
            const icu::UnicodeString u = icu::UnicodeString::fromUTF8(a.use_p->text);
            out.push_back(make(R::abbreviation_undefined, s.marker, *a.use_p, u, a.use.first,
                               a.use.second, "\"" + word + "\" is not defined",
                               "An abbreviation is spelt out at its first use, \"Full Name (" +
                                   word +
                                   ")\", or listed in a glossary: the public reader may not "
                                   "know it (QM14 question 6).",
                               "Spell it out at first use: \"... (" + word + ")\""));
            continue;
        }
        const auto& first_def = a.definitions.front();
        if (a.use_p && a.first_use < first_def.first)
        {
            const icu::UnicodeString u = icu::UnicodeString::fromUTF8(a.use_p->text);
            out.push_back(make(R::abbreviation_late, s.marker, *a.use_p, u, a.use.first,
                               a.use.second, "\"" + word + "\" is used before it is defined",
                               "It is defined later (" +
                                   std::string(to_string(first_def.second.first->where)) +
                                   " paragraph " + std::to_string(first_def.second.first->index) +
                                   "); define an abbreviation at its first use.",
                               "Move the definition to the first use"));
        }
        for (std::size_t i = 1; i < a.definitions.size(); ++i)
        {
            const auto& d = a.definitions[i];
            const icu::UnicodeString u = icu::UnicodeString::fromUTF8(d.second.first->text);
            out.push_back(make(
                R::abbreviation_redefined, s.marker, *d.second.first, u, d.second.second.first,
                d.second.second.second, "\"" + word + "\" is defined again",
                "It was already defined (" + std::string(to_string(first_def.second.first->where)) +
                    " paragraph " + std::to_string(first_def.second.first->index) +
                    "); define an abbreviation once.",
                "Use the abbreviation alone here"));
        }
        if (!a.use_p || a.last_use < first_def.first)
        {
            const icu::UnicodeString u = icu::UnicodeString::fromUTF8(first_def.second.first->text);
            out.push_back(make(R::abbreviation_unused, s.marker, *first_def.second.first, u,
                               first_def.second.second.first, first_def.second.second.second,
                               "\"" + word + "\" is defined but not used after its definition",
                               "An abbreviation that is never used again only adds a term for "
                               "the reader to remember.",
                               "Drop the abbreviation and keep the words"));
        }
    }
    return out;
}

} // namespace scrqm
