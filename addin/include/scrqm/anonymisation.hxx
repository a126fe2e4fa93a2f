// The anonymisation check (QM14): everything in a report that could identify
// the family. Recall first: a published report that identifies a child is a
// serious harm, a false alarm costs a click.
#pragma once

#include <scrqm/finding.hxx>
#include <scrqm/lexicon.hxx>
#include <scrqm/model.hxx>
#include <scrqm/rules.hxx>

#include <memory>
#include <string>
#include <vector>

namespace scrqm
{

// A real identifier the reviewer knows, with the pseudonym that replaces it.
struct RegisterEntry
{
    std::string real;
    std::string pseudonym;
    std::string kind; // name, address, date, school, ...
};

// Reads a clear-text register kept by the reviewer, strictly
// (register_text.cxx): JSON ([{"real":..,"pseudonym":..,"kind":..}] or
// {"entries":[...]}) or CSV with a header naming its columns (real,
// pseudonym and optionally kind, in any order; comma, semicolon or tab);
// UTF-8 with or without its mark, or UTF-16 with its mark. Throws DataError
// naming every rejected line; nothing is used then.
std::vector<RegisterEntry> load_register(const std::string& path);
// The same from text; `name` is used in messages.
std::vector<RegisterEntry> parse_register(const std::string& text, const std::string& name);
// The entries as JSON, to hand them to the office process.
std::string register_to_json(const std::vector<RegisterEntry>& entries);

class HashedRegister;

struct AnonymisationOptions
{
    // Registers held as keyed hashes (a sealed register opened with its
    // passphrase; the office keeps one per case in the user's profile);
    // matched as well as register_entries.
    std::vector<const HashedRegister*> hashed_registers;
    std::vector<std::string> allow; // never flagged (the lead reviewer, the chair)
    std::vector<std::string> deny;  // always flagged
    // People a named review names with the family's agreement: their names
    // are info, their other details are still reported.
    std::vector<std::string> named;
    std::vector<RegisterEntry> register_entries;
};

class AnonymisationCheck
{
public:
    // Loads anonymisation.json and the lexicons from `data_dir`, validates
    // them (every detector's own examples included). Throws DataError.
    explicit AnonymisationCheck(const std::string& data_dir);
    ~AnonymisationCheck();
    AnonymisationCheck(const AnonymisationCheck&) = delete;
    AnonymisationCheck& operator=(const AnonymisationCheck&) = delete;

    std::vector<Finding> run(const Document& doc, const AnonymisationOptions& options) const;

    // For tests: the pattern detectors' own examples, checked on load. A
    // match example marks in the data the span its rule's finding must cover
    // exactly: "12 Elm Grove, [[NM4 7QT]]".
    struct Example
    {
        std::string detector;
        const Rule* rule; // the detector's rule
        std::string text; // without the [[ ]] markers
        std::string span; // a match example's marked span; empty for nomatch
        bool should_match;
    };
    const std::vector<Example>& examples() const;
    // For tests: detectors whose pattern is missing from the table of where
    // each pattern can match (it changed since the table was worked out);
    // they are searched more slowly, but correctly.
    std::vector<std::string> detectors_without_reach() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// NHS number modulus-11 check on exactly ten digits.
bool valid_nhs_number(const std::string& digits);

} // namespace scrqm
