// The words of a finding's text and of the text around it, as the refining
// of findings (refine.cxx) compares them: folded keys, titles, possessives,
// the word before and after a span, a heading's look.
#pragma once

#include <scrqm/model.hxx>

#include <unicode/unistr.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace scrqm::anonymisation::words
{

// fold() for the common case of plain ASCII: the same key, without ICU.
std::string key_of(const std::string& s);
std::string key_of(const icu::UnicodeString& u);
// The words of a text (letters, digits, ' and -), as UTF-8.
std::vector<std::string> words_of(const icu::UnicodeString& u);
std::vector<std::string> words_of(const std::string& s);
bool all_caps(const std::string& word);
std::string strip_possessive(std::string folded);
bool is_title(const std::string& folded);
bool is_pseudonym_head(const std::string& folded);
// "Mr C", "Ms M", "Mr SF", "Mr J.B.", "Subject A", "Child 1".
bool conventional_pseudonym(const std::vector<std::string>& w);
// The word right after `end` (none when punctuation ends the phrase first)
// and the word before `start`, folded.
std::string next_word(const icu::UnicodeString& u, int32_t end);
std::string previous_word(const icu::UnicodeString& u, int32_t start);
// Words in a text, counted without copying them, up to `most`.
std::size_t count_words(const icu::UnicodeString& u, std::size_t most);
bool one_of(const std::string& w, std::initializer_list<const char*> list);
// A short, title-case line with no full stop: a heading or a contents entry.
bool heading_like(const Paragraph& p, const icu::UnicodeString& u);

} // namespace scrqm::anonymisation::words
