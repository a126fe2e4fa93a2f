// Findings the user chose to ignore, remembered in the document without any
// identifier in clear: each is kept as a salted SHA-256 of its key (check id,
// folded text, occurrence). The salt is random per document.
#pragma once

#include <scrqm/finding.hxx>

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace scrqm
{

// "check\x1ffolded text\x1foccurrence": the occurrence is the finding's
// 1-based number among the findings with the same check and folded text, in
// reading order, so that ignoring one "Liam" does not ignore them all.
std::string finding_key(const Finding& finding, std::size_t occurrence);

// For findings in reading order: each one's occurrence number.
std::vector<std::size_t> occurrences(const std::vector<Finding>& findings);

class IgnoreList
{
public:
    // Reads the stored form ("scrqm-ignore 1 <salt> <hash>..."). Anything
    // else (empty, damaged, a newer version) gives an empty list with a new
    // salt: ignoring is a convenience, never a reason to fail a check.
    static IgnoreList parse(const std::string& stored);
    std::string serialise() const;

    bool contains(const std::string& key) const;
    // Returns false when it was already there.
    bool add(const std::string& key);
    std::size_t size() const { return hashes_.size(); }
    void clear() { hashes_.clear(); }

private:
    std::string hash(const std::string& key) const;
    std::string salt_;
    std::set<std::string> hashes_;
};

// Splits `findings` (reading order) into those to show and the number ignored.
std::vector<Finding> without_ignored(const std::vector<Finding>& findings,
                                     const IgnoreList& ignored, std::size_t* ignored_count);

// The key an "Allow in this document" stores for `text`, in the same list:
// every finding of that name (any check that offers Allow, any occurrence,
// with or without a title or a possessive) goes. Empty for a text without
// words.
std::string allow_key(const std::string& text);

// Drops from `findings` those that offer Allow and whose text `list`
// allows; returns how many went.
std::size_t drop_allowed(std::vector<Finding>& findings, const IgnoreList& list);

} // namespace scrqm
