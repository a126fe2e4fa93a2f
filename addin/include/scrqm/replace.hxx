// Replacing an identifier everywhere: the variant finder (every form a
// reviewer writes a name in: any letter case, a possessive, a title before
// it, its words split across a line break) and the pseudonyms the document
// already uses, from which the next free one of its scheme is proposed
// ("Child B" after "Child A", "Adult 2" after "Adult 1"). Plain C++: the
// office applies the occurrences, the core finds them.
#pragma once

#include <scrqm/finding.hxx>
#include <scrqm/model.hxx>

#include <cstddef>
#include <string>
#include <vector>

namespace scrqm
{

// The identifier from its first word that is not a title: "Mr. Carter" ->
// "Carter" ("Mr" alone stays "Mr").
std::string without_title(const std::string& identifier);
// Its matching key: the fold() of its words without the title and a
// possessive, one space between ("Mr Liam CARTER's" -> "liam carter").
// Empty when it has no words.
std::string identifier_key(const std::string& identifier);

// What a written form of an identifier becomes: `pseudonym`, with the
// form's possessive ending kept ("Liam's" -> "Child B's", "James'" ->
// "Child B's"; "LIAM" -> "Child B"). The case register's findings hold the
// possessive in their text, so the register's Replace needs this.
std::string pseudonym_form(const std::string& written, const std::string& pseudonym);

// One place an identifier is written.
struct Occurrence
{
    std::size_t paragraph = 0; // index into Document::paragraphs
    // Code points within the paragraph: the identifier and a title before
    // it, never a possessive ending ("Liam's" -> "Liam": the 's stays).
    std::size_t start = 0;
    std::size_t end = 0;
    std::string text; // as written, the span [start, end)
    bool possessive = false;
    bool titled = false;     // "Mr Carter" for "Carter"
    bool capitals = false;   // written in capitals ("LIAM")
    bool line_break = false; // its words split across a line break
    bool first_name = false; // the first name of a full name, alone ("Liam's")
};

// Every occurrence of `identifier` in the document's text (body, tables,
// notes, headers, footers, frames and comments; not document properties),
// in reading order. The identifier's own leading titles are dropped ("Mr
// Carter" finds "Carter", "Mr. Carter" and "Mr Carter"). Words compare by
// fold() (case, diacritics, typographic apostrophes); between them any run
// of spaces, no-break spaces, tabs and line breaks matches; a match stands
// alone (no letter or digit either side), so "Liam" is not found in
// "Liamson". A name of several words is found by its first word alone too
// ("Liam Carter" finds "Liam's"), never by its surname alone (which the
// family shares). Empty for an identifier without words.
std::vector<Occurrence> find_occurrences(const Document& doc, const std::string& identifier);

// "12 occurrences: 5 by the first name alone, 3 possessive, 1 in capitals,
// 1 across a line break, 2 with a title" (the kinds present), for people.
std::string describe_occurrences(const std::vector<Occurrence>& occurrences);

// The role-and-letter pseudonyms the document uses ("Child A", "Adult 1"),
// as the anonymisation check reads them (a lower-case "child a" only where
// "Child A" is used elsewhere), each once, in order of first use.
std::vector<std::string> pseudonyms_in_use(const Document& doc);

// The next free pseudonym of `role` ("Child", "adult") in the scheme of
// `in_use`: the first unused letter when the role is lettered, the first
// unused number when numbered. A role not yet used takes the document's
// scheme when it has one (only letters, or only numbers), else the usual
// one: a letter for a child, a number for others.
// Empty when every letter is used.
std::string next_pseudonym(const std::vector<std::string>& in_use, const std::string& role);

// What the Replace dialog proposes, best first: the next free pseudonym of
// each role in use (the most used role first), then of the usual roles not
// yet used (Child, Sibling, Adult, Parent), then roles in words ("the
// mother", "the father", ...). No duplicates.
std::vector<std::string> pseudonym_suggestions(const Document& doc);

// One entry of a finding's Fix menu in the results panel.
struct FixChoice
{
    std::string label;
    // Allow: target "document" or "user"; AcceptOrRejectChanges: target
    // "accept" or "reject"; DeleteComment: "this" (the finding's comment)
    // or "all"; the rest as the finding offers it.
    FixAction action;
    // "Fix all of this kind...": `action`'s kind on every finding of the
    // same check that offers it.
    bool all_of_kind = false;
};

// The finding's fixes as the panel offers them, in the finding's order: a
// text fix only where the text can be changed (not in a document
// property), a Replace as "Replace with pseudonym..." (the dialog), Allow
// and AcceptOrRejectChanges as two entries each, and last "Fix all of this
// kind..." when the finding has a text fix that needs no choice
// (Generalise, Remove, a register's Replace).
std::vector<FixChoice> fix_choices(const Finding& finding);

// The text fix of `kind` that `finding` offers and that needs no choice,
// or nullptr: Generalise and a Replace with its pseudonym take their text,
// Remove takes "". Never for a finding in a document property.
const FixAction* text_fix(const Finding& finding, FixKind kind);

// "Fix all of this kind...": the findings (indices into `findings`, among
// `shown`) of `finding`'s check that offer a text fix of `kind`, in
// reading order.
std::vector<std::size_t> fix_all_targets(const std::vector<Finding>& findings,
                                         const std::vector<std::size_t>& shown,
                                         const Finding& finding, FixKind kind);

} // namespace scrqm
