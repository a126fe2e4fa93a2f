#include "literals.hxx"

namespace scrqm::anonymisation
{

void LiteralFinder::build(const std::vector<std::string>& literals)
{
    count_ = literals.size();
    class_.fill(0);
    classes_ = 1;
    for (const std::string& l : literals)
        for (unsigned char b : l)
            if (!class_[b])
                class_[b] = static_cast<uint8_t>(classes_++);
    const auto n = static_cast<std::size_t>(classes_);
    std::vector<std::vector<int32_t>> go(1, std::vector<int32_t>(n, -1));
    out_.assign(1, {});
    for (std::size_t k = 0; k < literals.size(); ++k)
    {
        if (literals[k].empty())
        {
            always_.push_back(k);
            continue;
        }
        std::size_t s = 0;
        for (unsigned char b : literals[k])
        {
            const std::size_t c = class_[b];
            if (go[s][c] < 0)
            {
                go[s][c] = static_cast<int32_t>(go.size());
                go.emplace_back(n, -1);
                out_.emplace_back();
            }
            s = static_cast<std::size_t>(go[s][c]);
        }
        out_[s].push_back(k);
    }
    // Breadth first: a state's fallback is shallower, so complete.
    std::vector<std::size_t> fail(go.size(), 0), queue;
    for (std::size_t c = 0; c < n; ++c)
        if (go[0][c] < 0)
            go[0][c] = 0;
        else
            queue.push_back(static_cast<std::size_t>(go[0][c]));
    for (std::size_t q = 0; q < queue.size(); ++q)
    {
        const std::size_t s = queue[q];
        for (std::size_t c = 0; c < n; ++c)
        {
            const int32_t t = go[s][c];
            const int32_t via_fail = go[fail[s]][c];
            if (t < 0)
            {
                go[s][c] = via_fail;
                continue;
            }
            const auto tt = static_cast<std::size_t>(t);
            fail[tt] = static_cast<std::size_t>(via_fail);
            out_[tt].insert(out_[tt].end(), out_[fail[tt]].begin(), out_[fail[tt]].end());
            queue.push_back(tt);
        }
    }
    next_.clear();
    for (const auto& row : go)
        next_.insert(next_.end(), row.begin(), row.end());
    ends_.clear();
    for (const auto& o : out_)
        ends_.push_back(o.empty() ? 0 : 1);
}

void WordIds::build(const std::unordered_map<std::string, int32_t>& words)
{
    std::size_t size = 16;
    while (size < words.size() * 2)
        size *= 2;
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    for (const auto& [word, id] : words)
    {
        const uint64_t h = hash(word);
        std::size_t k = static_cast<std::size_t>(h) & mask_;
        while (slots_[k].id >= 0)
            k = (k + 1) & mask_;
        slots_[k] = Slot{h, id, word};
    }
}

} // namespace scrqm::anonymisation
