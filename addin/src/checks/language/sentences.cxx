// Sentences: ICU sentence and word breaking (with the splits ICU misses),
// quotations (not the author's words), syllables and Flesch reading ease;
// long sentences, passive-heavy paragraphs and hard-to-read sections.
#include <scrqm/catalogue.hxx>

#include "internal.hxx"
#include "rules.hxx"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>
#include <set>

namespace scrqm
{

namespace language
{

namespace
{

bool letter(UChar32 c)
{
    return u_isalpha(c) != 0;
}

bool is_be(const std::string& k)
{
    return k == "is" || k == "are" || k == "was" || k == "were" || k == "be" || k == "been" ||
           k == "being" || k == "am";
}

} // namespace

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

Breakers::Breakers()
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale uk("en_GB@ss=standard");
    sentence.reset(icu::BreakIterator::createSentenceInstance(uk, status));
    word.reset(icu::BreakIterator::createWordInstance(uk, status));
    if (U_FAILURE(status) || !sentence || !word)
        throw DataError(std::string("ICU break iterators unavailable: ") + u_errorName(status));
}

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

std::string fixed(double d)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", d);
    return buf;
}

void check_sentences(const LanguageSettings& s, Breakers& b, const ParagraphText& t, Readability& r,
                     std::vector<Finding>& out)
{
    namespace R = rules::language;
    const icu::UnicodeString& u = t.u;
    std::size_t passive = 0, counted = 0;
    for (const Span& sent : sentences(*b.sentence, u))
    {
        const auto ws = words(*b.word, u, sent.first, sent.second);
        if (ws.empty())
            continue;
        const int32_t quoted = quoted_length(t.quotes, sent.first, sent.second);
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
            out.push_back(language_finding(
                R::long_sentence, s.marker, t.p, u, sent.first, sent.second,
                "Long sentence: " + std::to_string(ws.size()) + " words",
                "Working Together asks for SCR reports in plain English that professionals "
                "and the public can understand (QM14). Sentences over " +
                    std::to_string(s.long_sentence_words) +
                    " words (ICU sentence and word breaking) are hard to follow.",
                "Split it into shorter sentences"));
        // A form of "be" followed (within two words) by a past participle.
        std::vector<const Token*> st;
        for (const Token& tok : t.tokens)
            if (tok.begin >= sent.first && tok.end <= sent.second)
                st.push_back(&tok);
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
                else if (!(k.size() > 2 && k.compare(k.size() - 2, 2, "ly") == 0) && k != "not" &&
                         k != "also" && k != "then" && k != "being" && k != "been")
                    break;
            }
        }
        passive += is_passive;
    }
    if (counted >= s.passive_min_sentences &&
        static_cast<double>(passive) >= s.passive_min_ratio * static_cast<double>(counted))
        out.push_back(language_finding(
            R::passive, s.marker, t.p, u, 0, u.length(),
            std::to_string(passive) + " of " + std::to_string(counted) +
                " sentences in this paragraph are passive",
            "Passive sentences hide who acted (\"a referral was made\"), which the analysis "
            "needs to explain practice (QM13, QM14). The check flags paragraphs of at least " +
                std::to_string(s.passive_min_sentences) + " sentences where " +
                fixed(s.passive_min_ratio * 100) + "% or more are passive.",
            "Say who did what: \"the health visitor referred ...\""));
}

// Readability per section (its own text, not its subsections').
void check_readability(const LanguageSettings& s, const Document& doc,
                       const std::vector<Section>& sections,
                       const std::map<long, Readability>& per_section, std::vector<Finding>& out)
{
    namespace R = rules::language;
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
        out.push_back(
            language_finding(R::readability, s.marker, *heading, u, 0, u.length(),
                             "Section \"" + sec.title + "\" is hard to read: Flesch reading ease " +
                                 fixed(score) + " (" + figures + ")",
                             "Flesch reading ease below " + fixed(s.min_flesch) +
                                 " reads as academic text; plain English for the public (Working "
                                 "Together, QM14) is 50 or more. Syllables are estimated.",
                             "Shorter sentences and everyday words"));
    }
}

} // namespace language

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
    language::Breakers b;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    Readability r;
    for (const language::Span& s : language::sentences(*b.sentence, u))
    {
        const auto ws = language::words(*b.word, u, s.first, s.second);
        if (ws.empty())
            continue;
        ++r.sentences;
        for (const language::Span& w : ws)
        {
            ++r.words;
            r.syllables +=
                static_cast<std::size_t>(syllables(language::utf8(u, w.first, w.second)));
        }
    }
    return r;
}

} // namespace scrqm
