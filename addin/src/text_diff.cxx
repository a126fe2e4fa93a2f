#include <scrqm/text_diff.hxx>

namespace scrqm
{

LineSpan line_of(const std::vector<std::int32_t>& starts, std::int32_t size, std::size_t i)
{
    // The '\n' before the next line is not the line's.
    return {starts.at(i), i + 1 < starts.size() ? starts[i + 1] - 1 : size};
}

std::size_t line_at(const std::vector<std::int32_t>& starts, std::int32_t pos)
{
    const auto after = std::upper_bound(starts.begin(), starts.end(), pos);
    return after == starts.begin() ? 0 : static_cast<std::size_t>(after - starts.begin() - 1);
}

std::vector<std::int32_t> splice_starts(const std::vector<std::int32_t>& starts, std::size_t from,
                                        std::size_t to, const std::vector<std::int32_t>& replaced,
                                        std::int32_t shift)
{
    std::vector<std::int32_t> out(starts.begin(),
                                  starts.begin() + static_cast<std::ptrdiff_t>(from));
    out.insert(out.end(), replaced.begin(), replaced.end());
    for (std::size_t i = to + 1; i < starts.size(); ++i)
        out.push_back(starts[i] + shift);
    return out;
}

} // namespace scrqm
