// What the document itself says about the people in it, read before the
// findings are judged: who it presents as public (its author, reviewers,
// panel members, chair, the signatory of a letter, researchers it cites) and
// which names are its own pseudonyms ("referred to as Josh", "Mary
// (pseudonym)", a review titled 'Josh'). Real reviews name their public
// parties on every page; without this the check cries wolf on each of them.
#pragma once

#include "tables.hxx"

#include <scrqm/anonymisation.hxx>
#include <scrqm/finding.hxx>
#include <scrqm/model.hxx>

#include <unicode/unistr.h>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace scrqm
{

struct DocumentContext
{
    // Folded full name ("michael tennant") -> why it is public ("named as
    // independent reviewer on the cover").
    std::map<std::string, std::string> public_names;
    // Folded surnames and first names of the public names with two or more
    // words, for "Mr Tennant" and "Michael" later on.
    std::map<std::string, std::string> public_parts;
    // Folded first names the document declares as pseudonyms.
    std::set<std::string> declared_pseudonyms;
    // The document says the names it uses are pseudonyms ("the pseudonyms
    // used in this report", "all names have been changed"): a first name
    // alone is then one of them; a first name with a surname is still a name.
    bool names_are_pseudonyms = false;
    // Folded first names the text says are the person's own, used at the
    // family's wish ("asked that he be called by his own first name") -> the
    // name as written: a named review, as with --named.
    std::map<std::string, std::string> named_in_text;
    // Folded surnames of research cited in brackets ("(Halloran and Brisk,
    // 2019)"): a full name with one of them is the researcher.
    std::set<std::string> cited_surnames;
    // Glossary lines, an acronym and its expansion ("NRM | National Referral
    // Mechanism"): what they define is no one's detail.
    std::set<std::size_t> glossary_rows; // paragraph positions in the document
    // Acronyms the document spells out: "Adult Social Care (ASC)" gives
    // "asc" -> "adult social care" (folded).
    std::map<std::string, std::string> acronyms;
    // Table rows under a header with a target date or deadline (an action
    // plan): their dates are deadlines, not events in a family's life.
    std::set<std::size_t> deadline_rows; // paragraph positions in the document
    // A person's age in a table: under an "Age" header ("Adult A | 58 |
    // Lived alone") or after a cell naming one ("Age at the time | 11 weeks").
    std::vector<anonymisation::TableCell> age_cells;
};

// Reads the public parties and declared pseudonyms of `doc`; `texts` holds
// each paragraph in UTF-16 (the scan has made them already).
DocumentContext read_document_context(const Document& doc,
                                      const std::vector<icu::UnicodeString>& texts);

// Letters after a name that are not all capitals, folded: "phd", "msc",
// "hons" ("Helen Corrigan PhD" is "Helen Corrigan").
bool is_degree(const std::string& folded);

// True for a folded word that a name lexicon knows (a given name or surname):
// such a word in capitals may still be a child's name.
using KnownName = std::function<bool(const std::string& folded_word)>;

// Judges the scanner's findings with the document's context, in place:
// public parties and named people become info findings that say why;
// declared and conventional pseudonyms, acronyms, redaction marks, eponymous
// conditions, team and programme names and page furniture stop being names;
// organisations' own contact details become info; name spans stop at a line
// break, a comma or a bracket. Deny-list findings are left as they are.
// `texts` holds each paragraph of `doc` in UTF-16, as for the context.
void refine_findings(const Document& doc, const std::vector<icu::UnicodeString>& texts,
                     const DocumentContext& context, const AnonymisationOptions& options,
                     const KnownName& known_name, std::vector<Finding>& findings);

} // namespace scrqm
