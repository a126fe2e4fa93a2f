#include <scrqm/catalogue.hxx>
#include <scrqm/lexicon.hxx>

#include <fstream>

namespace scrqm
{

void Lexicon::add(const std::string& text, const std::string& group)
{
    // Words are tokens: "Children's Centre" -> "children's", "centre";
    // a possessive is matched without its 's, like the tokenizer does.
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    const std::vector<Token> tokens = tokenize(u);
    Entry e;
    for (const Token& t : tokens)
        e.words.push_back(t.key);
    if (e.words.empty())
        return;
    e.group = group;
    e.capitalised = !tokens.empty() && tokens[0].capitalised;
    if (e.words.size() == 1)
        singles_.insert(e.words[0]);
    by_first_[e.words[0]].push_back(entries_.size());
    entries_.push_back(std::move(e));
}

Lexicon Lexicon::load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError(path + ": cannot open the file");
    Lexicon lex;
    std::string line, group;
    std::size_t number = 0;
    while (std::getline(in, line))
    {
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.rfind("# group:", 0) == 0)
        {
            group = fold(line.substr(8));
            continue;
        }
        if (line.empty() || line[0] == '#')
            continue;
        if (line.find_first_not_of(" \t") == std::string::npos)
            throw DataError(path + ": line " + std::to_string(number) + ": blank entry");
        if (icu::UnicodeString::fromUTF8(line).indexOf(static_cast<UChar>(0xFFFD)) >= 0)
            throw DataError(path + ": line " + std::to_string(number) + ": not valid UTF-8");
        const std::size_t before = lex.size();
        lex.add(line, group);
        if (lex.size() == before)
            throw DataError(path + ": line " + std::to_string(number) +
                            ": entry has no letters or digits: \"" + line + "\"");
    }
    if (lex.size() == 0)
        throw DataError(path + ": no entries");
    return lex;
}

void Lexicon::index(std::unordered_map<std::string, int32_t>& vocabulary)
{
    auto id_of = [&](const std::string& w)
    {
        const auto [it, added] = vocabulary.emplace(w, static_cast<int32_t>(vocabulary.size()));
        return it->second;
    };
    entry_ids_.clear();
    for (const Entry& e : entries_)
    {
        std::vector<int32_t> ids;
        for (const std::string& w : e.words)
            ids.push_back(id_of(w));
        entry_ids_.push_back(std::move(ids));
    }
    first_group_.assign(vocabulary.size(), -1);
    groups_.clear();
    single_ids_.assign(vocabulary.size(), 0);
    for (std::size_t k = 0; k < entries_.size(); ++k)
    {
        const auto first = static_cast<std::size_t>(entry_ids_[k][0]);
        if (first_group_[first] < 0)
        {
            first_group_[first] = static_cast<int32_t>(groups_.size());
            groups_.emplace_back();
        }
        groups_[static_cast<std::size_t>(first_group_[first])].push_back(k);
        if (entries_[k].words.size() == 1)
            single_ids_[first] = 1;
    }
    indexed_ = true;
}

std::size_t Lexicon::match_entries(const std::vector<Token>& tokens, std::size_t i,
                                   const Entry** found, bool ignore_case) const
{
    const std::vector<std::size_t>* starting = nullptr;
    const bool by_id = indexed_ && tokens[i].word != -2;
    if (by_id)
    {
        const int32_t w = tokens[i].word;
        if (w < 0 || static_cast<std::size_t>(w) >= first_group_.size() ||
            first_group_[static_cast<std::size_t>(w)] < 0)
            return 0;
        starting = &groups_[static_cast<std::size_t>(first_group_[static_cast<std::size_t>(w)])];
    }
    else
    {
        const auto it = by_first_.find(tokens[i].key);
        if (it == by_first_.end())
            return 0;
        starting = &it->second;
    }
    std::size_t best = 0;
    for (std::size_t index : *starting)
    {
        const Entry& e = entries_[index];
        if (e.capitalised && !tokens[i].capitalised && !ignore_case)
            continue;
        if (i + e.words.size() > tokens.size() || e.words.size() <= best)
            continue;
        bool ok = true;
        for (std::size_t k = 1; k < e.words.size() && ok; ++k)
            ok = by_id && tokens[i + k].word != -2 ? tokens[i + k].word == entry_ids_[index][k]
                                                   : tokens[i + k].key == e.words[k];
        if (ok)
        {
            best = e.words.size();
            if (found)
                *found = &e;
        }
    }
    return best;
}

} // namespace scrqm
