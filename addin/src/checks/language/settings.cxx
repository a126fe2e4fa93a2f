// The language check's settings: language.json (thresholds, participles,
// the sections to skip) and the lexicons it names (known abbreviations,
// hindsight and blame phrases with their kinds and rules).
#include <scrqm/catalogue.hxx>
#include <scrqm/language.hxx>

#include <boost/property_tree/ptree.hpp>
#include <unicode/regex.h>

#include <fstream>
#include <memory>
#include <sstream>

namespace pt = boost::property_tree;

namespace scrqm
{

namespace
{

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

} // namespace

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

} // namespace scrqm
