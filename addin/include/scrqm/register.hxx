// The case identifier register, kept as salted hashes of the folded forms of
// each real identifier, never as clear text. Matching hashes the folded
// token phrases of a paragraph and looks them up.
#pragma once

#include <scrqm/anonymisation.hxx>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace scrqm
{

// SHA-256 of `data`, as 64 lower-case hex digits.
std::string sha256_hex(const std::string& data);

class HashedRegister
{
public:
    struct Target
    {
        std::string pseudonym;
        std::string kind;
    };

    HashedRegister() = default;
    // Hashes every matching form of each entry (the whole, and for names the
    // parts, "initial surname" and a hyphenated surname with a space) with
    // `salt`; an empty salt gets 16 random bytes.
    static HashedRegister from_entries(const std::vector<RegisterEntry>& entries,
                                       std::string salt = {});
    // {"version":1,"salt":..,"max_words":..,"forms":{hash:{"pseudonym":..,"kind":..}}}
    std::string to_json() const;
    static HashedRegister from_json(const std::string& json, const std::string& name);

    // Adds the entries' forms, hashed with this register's salt (a new
    // register gets one); a form already there takes the new pseudonym.
    void add(const std::vector<RegisterEntry>& entries);
    // Removes the entries' forms (a part shared with another entry, such as
    // a surname, goes too).
    void remove(const std::vector<RegisterEntry>& entries);

    bool empty() const { return forms_.empty(); }
    std::size_t size() const { return forms_.size(); }

    // The longest registered phrase that starts at tokens[i]: its length in
    // tokens (0 if none) and its target.
    std::size_t match(const std::vector<Token>& tokens, std::size_t i, const Target** target) const;

private:
    std::string hash(const std::string& folded_phrase) const;
    std::string salt_;
    std::size_t max_words_ = 0;
    std::unordered_map<std::string, Target> forms_;
};

} // namespace scrqm
