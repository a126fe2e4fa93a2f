#include <scrqm/suggest.hxx>
#include <scrqm/text.hxx>

#include <boost/property_tree/ptree.hpp>

#include <algorithm>
#include <set>

namespace pt = boost::property_tree;

namespace scrqm
{

namespace
{
[[noreturn]] void fail(const std::string& path, const std::string& problem)
{
    throw DataError(path + ": " + problem);
}
} // namespace

Suggester Suggester::load_for(const std::string& data_dir, const Catalogue& catalogue)
{
    return load(data_dir + "/cues/" + catalogue.id + ".json", catalogue);
}

Suggester Suggester::load(const std::string& path, const Catalogue& catalogue)
{
    const pt::ptree root = read_json_data(path, "cannot read the cue file");

    Suggester s;
    const std::string framework = root.get<std::string>("framework", "");
    if (framework != catalogue.id)
        fail(path, "\"framework\" is \"" + framework + "\", expected \"" + catalogue.id + "\"");
    try
    {
        s.min_score_ = root.get<double>("min_score");
    }
    catch (const pt::ptree_error&)
    {
        fail(path, "\"min_score\" must be a number");
    }
    if (s.min_score_ <= 0)
        fail(path, "\"min_score\" must be positive");
    const auto markers = root.get_child_optional("markers");
    if (!markers || markers->empty())
        fail(path, "missing \"markers\" array");
    std::set<std::string> seen_cues;
    for (const auto& [unused, node] : *markers)
    {
        const std::string id = node.get<std::string>("marker", "");
        const std::string where = "marker \"" + id + "\"";
        if (!catalogue.find(id))
            fail(path, where + ": not a marker of " + catalogue.id);
        if (std::find(s.markers_.begin(), s.markers_.end(), id) != s.markers_.end())
            fail(path, where + ": listed twice");
        const std::size_t mi = s.markers_.size();
        s.markers_.push_back(id);
        const auto cues = node.get_child_optional("cues");
        if (!cues || cues->empty())
            fail(path, where + ": \"cues\" must be a non-empty object of cue: weight");
        for (const auto& [text, w] : *cues)
        {
            Cue c;
            c.text = text;
            c.marker = mi;
            try
            {
                c.weight = std::stoi(w.data());
            }
            catch (const std::exception&)
            {
                fail(path, where + ": cue \"" + text + "\": weight must be a number 1..5");
            }
            if (c.weight < 1 || c.weight > 5 || !w.empty())
                fail(path, where + ": cue \"" + text + "\": weight must be a number 1..5");
            std::string phrase = text;
            if (!phrase.empty() && phrase.back() == '*')
            {
                c.prefix = true;
                phrase.pop_back();
            }
            for (const Token& t : tokenize(icu::UnicodeString::fromUTF8(phrase)))
                c.words.push_back(t.key);
            if (c.words.empty())
                fail(path, where + ": cue \"" + text + "\" has no words");
            if (c.prefix && c.words.back().size() < 4)
                fail(path, where + ": cue \"" + text + "\": a prefix needs at least 4 letters");
            std::string key;
            for (const auto& word : c.words)
                key += word + ' ';
            key += c.prefix ? "*" : "";
            if (!seen_cues.insert(key).second)
                fail(path, where + ": cue \"" + text + "\" appears twice in the file");
            const std::size_t ci = s.cues_.size();
            if (c.prefix && c.words.size() == 1)
            {
                s.by_prefix_[c.words[0]].push_back(ci);
                s.min_prefix_ = std::min(s.min_prefix_, c.words[0].size());
                s.max_prefix_ = std::max(s.max_prefix_, c.words[0].size());
            }
            else
                s.by_first_[c.words[0]].push_back(ci);
            s.cues_.push_back(std::move(c));
        }
    }
    for (const Marker& m : catalogue.markers)
        if (std::find(s.markers_.begin(), s.markers_.end(), m.id) == s.markers_.end())
            fail(path, "marker \"" + m.id + "\" has no cues");
    return s;
}

void Suggester::count(const std::string& text, std::vector<int>& counts) const
{
    if (text.empty())
        return;
    const std::vector<Token> tokens = tokenize(icu::UnicodeString::fromUTF8(text));
    auto word_matches = [&](const Cue& c, std::size_t k, const std::string& key)
    {
        const std::string& w = c.words[k];
        if (c.prefix && k + 1 == c.words.size())
            return key.compare(0, w.size(), w) == 0;
        return key == w;
    };
    for (std::size_t i = 0; i < tokens.size(); ++i)
    {
        const std::string& key = tokens[i].key;
        if (const auto it = by_first_.find(key); it != by_first_.end())
            for (const std::size_t ci : it->second)
            {
                const Cue& c = cues_[ci];
                if (i + c.words.size() > tokens.size())
                    continue;
                bool all = true;
                for (std::size_t k = 1; k < c.words.size() && all; ++k)
                    all = word_matches(c, k, tokens[i + k].key);
                if (all)
                    ++counts[ci];
            }
        // Prefix cues whose first word is also a prefix (multi-word prefix
        // cues are indexed by their exact first word above).
        if (!by_prefix_.empty())
            // No longer than the longest prefix cue: every length of a
            // 2 MB word was a copy of it (quadratic).
            for (std::size_t len = min_prefix_; len <= std::min(key.size(), max_prefix_); ++len)
                if (const auto it = by_prefix_.find(key.substr(0, len)); it != by_prefix_.end())
                    for (const std::size_t ci : it->second)
                        ++counts[ci];
    }
}

std::vector<Suggestion> Suggester::rank(const std::vector<int>& body,
                                        const std::vector<int>& title) const
{
    std::vector<Suggestion> per(markers_.size());
    for (std::size_t ci = 0; ci < cues_.size(); ++ci)
    {
        const int n = body[ci] + title[ci];
        if (n == 0)
            continue;
        const Cue& c = cues_[ci];
        CueHit h;
        h.cue = c.text;
        h.count = std::min(n, kMaxCueCount);
        h.weight = c.weight;
        h.in_title = title[ci] > 0;
        // A title says what the section is about: a title hit counts three
        // times, once.
        h.points = c.weight * (std::min(body[ci], kMaxCueCount) + 3.0 * std::min(title[ci], 1));
        Suggestion& s = per[c.marker];
        s.marker = markers_[c.marker];
        s.score += h.points;
        s.hits.push_back(std::move(h));
    }
    std::vector<Suggestion> out;
    // One cue repeated is weak evidence: without a title hit a suggestion
    // needs two different cues.
    for (Suggestion& s : per)
        if (s.score >= min_score_ &&
            (s.hits.size() >= 2 ||
             std::any_of(s.hits.begin(), s.hits.end(), [](const CueHit& h) { return h.in_title; })))
        {
            std::stable_sort(s.hits.begin(), s.hits.end(),
                             [](const CueHit& a, const CueHit& b) { return a.points > b.points; });
            out.push_back(std::move(s));
        }
    std::stable_sort(out.begin(), out.end(),
                     [](const Suggestion& a, const Suggestion& b) { return a.score > b.score; });
    return out;
}

std::vector<Suggestion> Suggester::score(const std::string& title, const std::string& text) const
{
    std::vector<int> body(cues_.size()), head(cues_.size());
    count(text, body);
    count(title, head);
    return rank(body, head);
}

std::vector<std::vector<Suggestion>> Suggester::suggest(const Document& doc,
                                                        const std::vector<Section>& sections,
                                                        SuggestCache* cache) const
{
    std::vector<int> scratch(cues_.size());
    if (cache)
        ++cache->generation_;
    // Adds the cue counts of `text` to `into`, through the cache if any.
    auto add_counts = [&](const std::string& text, std::vector<int>& into)
    {
        if (!cache)
        {
            count(text, into);
            return;
        }
        auto [it, fresh] = cache->entries_.try_emplace(text);
        if (fresh)
        {
            std::fill(scratch.begin(), scratch.end(), 0);
            count(text, scratch);
            for (std::size_t ci = 0; ci < scratch.size(); ++ci)
                if (scratch[ci])
                    it->second.counts.emplace_back(ci, scratch[ci]);
        }
        it->second.generation = cache->generation_;
        for (const auto& [ci, n] : it->second.counts)
            into[ci] += n;
    };
    // Body paragraph -> the section whose own text it is (the last heading
    // at or before it).
    const std::size_t body_count = doc.count(Where::Body);
    std::vector<long> owner(body_count + 1, -1);
    {
        std::size_t next = 0;
        long current = -1;
        for (std::size_t b = 0; b < body_count; ++b)
        {
            while (next < sections.size() && sections[next].paragraph == b)
                current = static_cast<long>(next++);
            owner[b] = current;
        }
    }
    std::vector<std::vector<int>> body(sections.size(), std::vector<int>(cues_.size()));
    std::vector<std::vector<int>> title(sections.size(), std::vector<int>(cues_.size()));
    for (const Paragraph& p : doc.paragraphs)
    {
        if (p.where == Where::Header || p.where == Where::Footer || p.where == Where::Property ||
            p.where == Where::Comment)
            continue;
        const std::size_t b = p.where == Where::Body ? p.index : p.anchor;
        if (b >= body_count || owner[b] < 0)
            continue;
        const auto si = static_cast<std::size_t>(owner[b]);
        if (p.where == Where::Body && p.index == sections[si].paragraph)
            add_counts(sections[si].title, title[si]);
        else
            add_counts(p.text, body[si]);
    }
    if (cache)
        for (auto it = cache->entries_.begin(); it != cache->entries_.end();)
            it = it->second.generation == cache->generation_ ? std::next(it)
                                                             : cache->entries_.erase(it);
    std::vector<std::vector<Suggestion>> out(sections.size());
    for (std::size_t si = 0; si < sections.size(); ++si)
    {
        for (Suggestion& s : rank(body[si], title[si]))
            if (std::find(sections[si].markers.begin(), sections[si].markers.end(), s.marker) ==
                sections[si].markers.end())
                out[si].push_back(std::move(s));
    }
    return out;
}

} // namespace scrqm
