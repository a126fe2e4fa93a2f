#include <scrqm/crypto.hxx>
#include <scrqm/ignore.hxx>
#include <scrqm/register.hxx>
#include <scrqm/replace.hxx>
#include <scrqm/text.hxx>

#include <algorithm>
#include <map>
#include <sstream>

namespace scrqm
{

namespace
{

constexpr const char* kMagic = "scrqm-ignore";
constexpr const char* kVersion = "1";

std::string new_salt()
{
    return to_hex(random_bytes(16));
}

bool is_hex(const std::string& s, std::size_t size)
{
    if (s.size() != size)
        return false;
    for (const char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

std::string text_key(const Finding& f)
{
    return f.check + "\x1f" + fold(f.text);
}

} // namespace

std::string finding_key(const Finding& finding, std::size_t occurrence)
{
    return text_key(finding) + "\x1f" + std::to_string(occurrence);
}

std::vector<std::size_t> occurrences(const std::vector<Finding>& findings)
{
    std::map<std::string, std::size_t> seen;
    std::vector<std::size_t> out;
    out.reserve(findings.size());
    for (const Finding& f : findings)
        out.push_back(++seen[text_key(f)]);
    return out;
}

IgnoreList IgnoreList::parse(const std::string& stored)
{
    IgnoreList list;
    std::istringstream in(stored);
    std::string magic, version, salt;
    in >> magic >> version >> salt;
    if (magic != kMagic || version != kVersion || !is_hex(salt, 32))
    {
        list.salt_ = new_salt();
        return list;
    }
    list.salt_ = salt;
    for (std::string h; in >> h;)
        if (is_hex(h, 64))
            list.hashes_.insert(h);
    return list;
}

std::string IgnoreList::serialise() const
{
    std::string out = std::string(kMagic) + " " + kVersion + " " + salt_;
    for (const std::string& h : hashes_)
        out += " " + h;
    return out;
}

std::string IgnoreList::hash(const std::string& key) const
{
    return sha256_hex(salt_ + "\x1f" + key);
}

bool IgnoreList::contains(const std::string& key) const
{
    return hashes_.count(hash(key)) > 0;
}

bool IgnoreList::add(const std::string& key)
{
    return hashes_.insert(hash(key)).second;
}

std::vector<Finding> without_ignored(const std::vector<Finding>& findings,
                                     const IgnoreList& ignored, std::size_t* ignored_count)
{
    std::vector<Finding> shown;
    std::size_t n = 0;
    const std::vector<std::size_t> occ = occurrences(findings);
    for (std::size_t i = 0; i < findings.size(); ++i)
    {
        if (ignored.size() && ignored.contains(finding_key(findings[i], occ[i])))
            ++n;
        else
            shown.push_back(findings[i]);
    }
    if (ignored_count)
        *ignored_count = n;
    return shown;
}

std::string allow_key(const std::string& text)
{
    const std::string key = identifier_key(text);
    return key.empty() ? key : "allow\x1f" + key;
}

std::size_t drop_allowed(std::vector<Finding>& findings, const IgnoreList& list)
{
    if (!list.size())
        return 0;
    const std::size_t before = findings.size();
    findings.erase(std::remove_if(findings.begin(), findings.end(),
                                  [&](const Finding& f)
                                  {
                                      if (!f.offers(FixKind::Allow))
                                          return false;
                                      const std::string key = allow_key(f.text);
                                      return !key.empty() && list.contains(key);
                                  }),
                   findings.end());
    return before - findings.size();
}

} // namespace scrqm
