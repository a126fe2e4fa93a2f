// The one check entry. The command line, the macro API (Action=check, fix and
// outline), the Pre-publication check panel and Next finding all make their
// request with check_request and run it with run_check, so that they give the
// same findings, summary and verdict on the same document: there is no other
// place that turns arguments into check options or assembles a result.
#pragma once

#include <scrqm/checks.hxx>
#include <scrqm/coverage.hxx>
#include <scrqm/ignore.hxx>
#include <scrqm/register.hxx>
#include <scrqm/result.hxx>

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace scrqm
{

// A check's arguments as text, named as the macro API names them
// (docs/macro-api.md#arguments): Checks ("anonymisation,structure"; "" or
// "all": every check), Framework, Profile, Allow, Deny and Named (one term a
// line),
// Register (the case register in clear, JSON or CSV, or sealed), Passphrase
// (opens a sealed register), Context ("1": each
// finding's context and the markers' coverage, for reports). The command
// line hands the same arguments to the office, so both sides build the same
// request from them.
using CheckArguments = std::map<std::string, std::string>;

struct CheckRequest
{
    std::vector<std::string> checks; // ids, run in this order; none: only the outline
    std::string file;                // as the result names it
    // The quality-marker framework named by the caller; "": the document's
    // (framework_for: its scrqm_Framework property, else its kind's).
    std::string framework;
    // The structure profile: a name in <data>/profiles or a .json path; ""
    // is the default.
    std::string profile;
    std::vector<std::string> allow; // never flagged
    std::vector<std::string> deny;  // always flagged
    // Named with the family's agreement (a named review): info, not errors.
    std::vector<std::string> named;
    std::vector<RegisterEntry> register_entries;
    // Registers held as keyed hashes: a sealed register given as Register
    // and opened with Passphrase, and in the office the case's stored one.
    // Shared, so that a copied request still points at them.
    std::vector<std::shared_ptr<const HashedRegister>> hashed_registers;
    // A sealed register given as Register, as its text, with the passphrase
    // that opens it: what the command line hands on to its office.
    std::string sealed_register;
    std::string passphrase;
    // Said once with the result, a line each: a register that is locked.
    std::vector<std::string> notes;
    // Findings the user chose to ignore (the panel's): counted, not shown,
    // and left out of the verdict; with the names allowed in the document
    // (allow_key), whose findings are dropped. None: every finding is shown.
    std::optional<IgnoreList> ignored;
    // For reports: each finding's section and surrounding text.
    bool context = false;
    // The markers' coverage is computed when both are given.
    const Catalogue* catalogue = nullptr;
    const Suggester* suggester = nullptr;
    // Called before each check with its id, its number (from 0) and how many
    // run: for progress. It may throw to cancel; the exception leaves
    // run_check.
    std::function<void(const std::string& check, std::size_t step, std::size_t count)> before_check;
};

// The one options builder. Throws DataError for an unknown check and a
// Register that cannot be read, WrongPassphrase for a sealed Register that
// Passphrase does not open. A sealed Register without Passphrase is locked:
// a note says so, and its identifiers are not looked for.
CheckRequest check_request(const CheckArguments& args);

// Adds a sealed register (its text) to `request`: opened with `passphrase`
// (throws WrongPassphrase naming `name`), or locked when it is empty (a note
// says so). Either way the text and passphrase travel on to an office.
void add_sealed_register(CheckRequest& request, const std::string& sealed,
                         const std::string& passphrase, const std::string& name);

// The inverse for what travels as text (file, stored register, ignored and
// the coverage sources do not): what the command line sends to the office.
CheckArguments check_arguments(const CheckRequest& request);

// The options each check reads. They point into `request`
// (hashed_registers): use them while it lives.
CheckOptions check_options(const CheckRequest& request);

struct CheckOutcome
{
    Result result; // every finding, in reading order
    // Each finding's occurrence (ignore.hxx); only when the request had an
    // ignore list (it folds every finding's text).
    std::vector<std::size_t> occurrence;
    std::vector<std::size_t> shown; // indices into result.findings, not ignored
    std::size_t ignored = 0;
    // Findings of names allowed in the document: dropped from `result`.
    std::size_t allowed = 0;
    ResultSummary summary; // of every finding, as the result's JSON says
    Verdict verdict;       // of the shown findings
    std::vector<MarkerCoverage> coverage;

    // Shows again every finding not in `list` (after the user ignored one),
    // and gives the verdict of those.
    void apply_ignored(const IgnoreList* list);
    // The key the user's Ignore stores for finding `i`.
    std::string ignore_key(std::size_t i) const;
};

// Runs the request's checks on `doc` (loaded once in `runner`) and assembles
// the outcome. Throws DataError when a check's data is broken, and whatever
// before_check throws.
CheckOutcome run_check(const Document& doc, const CheckRequest& request, CheckRunner& runner);

} // namespace scrqm
