#include <scrqm/enum_names.hxx>
#include <scrqm/strings.hxx>
#include <scrqm/tags.hxx>

#include <unicode/unistr.h>

#include <algorithm>
#include <stdexcept>

namespace scrqm
{

namespace
{
bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}
bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}
bool is_id_char(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z');
}

std::string base36(std::size_t n)
{
    std::string out;
    do
    {
        const auto d = static_cast<char>(n % 36);
        out.insert(out.begin(),
                   d < 10 ? static_cast<char>('0' + d) : static_cast<char>('a' + d - 10));
        n /= 36;
    } while (n);
    return out;
}
} // namespace

bool is_scrqm_name(const std::string& bookmark)
{
    return bookmark.rfind(kTagPrefix, 0) == 0;
}

std::optional<Tag> parse_tag_name(const std::string& name)
{
    // scrqm_X_
    if (name.size() < 12 || !is_scrqm_name(name) || (name[6] != 'S' && name[6] != 'P') ||
        name[7] != '_')
        return std::nullopt;
    std::size_t i = 8;
    const std::size_t marker_begin = i;
    while (i < name.size() && is_upper(name[i]))
        ++i;
    const std::size_t letters = i - marker_begin;
    while (i < name.size() && is_digit(name[i]))
        ++i;
    if (letters == 0 || i == marker_begin + letters || i >= name.size() || name[i] != '_')
        return std::nullopt;
    Tag tag;
    tag.passage = name[6] == 'P';
    tag.marker = name.substr(marker_begin, i - marker_begin);
    ++i;
    const std::size_t id_begin = i;
    while (i < name.size() && i - id_begin < 12 && is_id_char(name[i]))
        ++i;
    if (i == id_begin)
        return std::nullopt;
    tag.id = name.substr(id_begin, i - id_begin);
    tag.bookmark = name;
    return tag;
}

std::string make_tag_name(bool passage, const std::string& marker,
                          const std::set<std::string>& taken)
{
    const std::string prefix = std::string(kTagPrefix) + (passage ? "P_" : "S_") + marker + "_";
    for (std::size_t n = taken.size() + 1;; ++n)
    {
        const std::string name = prefix + base36(n);
        if (!taken.count(name))
            return name;
    }
}

namespace
{
// In the order of QuestionState's values.
constexpr const char* kQuestionStates[] = {"open", "answered", "not-applicable"};
} // namespace

const char* to_string(QuestionState state)
{
    return name_of(kQuestionStates, state, "open");
}

QuestionState question_state_from_string(const std::string& s)
{
    if (const auto state = value_named<QuestionState>(kQuestionStates, s))
        return *state;
    throw std::invalid_argument("unknown question state \"" + s +
                                "\" (one of: answered, not-applicable, open)");
}

std::string question_property_name(const std::string& marker)
{
    return std::string(kTagPrefix) + "Q_" + marker;
}

std::string marker_of_question_property(const std::string& property)
{
    const std::string prefix = std::string(kTagPrefix) + "Q_";
    return property.rfind(prefix, 0) == 0 ? property.substr(prefix.size()) : std::string();
}

std::string clean_note(const std::string& note)
{
    std::string one_line = note;
    for (char& c : one_line)
        if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
    one_line = trim(one_line);
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(one_line);
    if (static_cast<std::size_t>(u.countChar32()) > kMaxNoteLength)
        throw std::invalid_argument("the note is longer than " + std::to_string(kMaxNoteLength) +
                                    " characters");
    return one_line;
}

std::string format_question_states(const std::map<int, QuestionNote>& states)
{
    std::string out;
    for (const auto& [n, q] : states)
    {
        if (q.state == QuestionState::Open && q.note.empty())
            continue;
        if (!out.empty())
            out += ';';
        out += std::to_string(n);
        out += q.state == QuestionState::Answered        ? 'a'
               : q.state == QuestionState::NotApplicable ? 'n'
                                                         : 'o';
        if (!q.note.empty())
        {
            out += ':';
            for (char c : q.note)
            {
                if (c == ';' || c == '\\')
                    out += '\\';
                out += c;
            }
        }
    }
    return out;
}

std::map<int, QuestionNote> parse_question_states(const std::string& value,
                                                  const std::string& marker,
                                                  std::size_t question_count)
{
    std::map<int, QuestionNote> out;
    const std::string where = question_property_name(marker);
    std::size_t i = 0;
    std::size_t entry = 0;
    while (i < value.size())
    {
        ++entry;
        const std::string at = where + ": entry " + std::to_string(entry) + ": ";
        std::size_t j = i;
        while (j < value.size() && is_digit(value[j]))
            ++j;
        if (j == i || j - i > 3)
            throw DataError(at + "expected a question number");
        const int n = std::stoi(value.substr(i, j - i));
        if (n < 1 || static_cast<std::size_t>(n) > question_count)
            throw DataError(at + "question " + std::to_string(n) + " does not exist (" + marker +
                            " has " + std::to_string(question_count) + ")");
        if (j >= value.size())
            throw DataError(at + "missing state (a, n or o)");
        QuestionNote q;
        switch (value[j])
        {
        case 'a':
            q.state = QuestionState::Answered;
            break;
        case 'n':
            q.state = QuestionState::NotApplicable;
            break;
        case 'o':
            q.state = QuestionState::Open;
            break;
        default:
            throw DataError(at + "unknown state '" + std::string(1, value[j]) + "' (a, n or o)");
        }
        ++j;
        if (j < value.size() && value[j] == ':')
        {
            ++j;
            while (j < value.size() && value[j] != ';')
            {
                if (value[j] == '\\' && j + 1 < value.size())
                    ++j;
                q.note += value[j++];
            }
            try
            {
                q.note = clean_note(q.note);
            }
            catch (const std::invalid_argument& e)
            {
                throw DataError(at + e.what());
            }
        }
        if (j < value.size() && value[j] != ';')
            throw DataError(at + "expected ';' after the state");
        if (!out.emplace(n, q).second)
            throw DataError(at + "question " + std::to_string(n) + " appears twice");
        i = j + 1;
    }
    return out;
}

std::vector<std::string> parse_marker_list(const std::string& list, const Catalogue& catalogue)
{
    std::vector<std::string> out;
    for (std::string id : split(list, ", "))
    {
        for (char& c : id)
            if (c >= 'a' && c <= 'z')
                c = static_cast<char>(c - 32);
        if (id.empty())
            continue;
        if (!catalogue.find(id))
            throw std::invalid_argument("unknown marker \"" + id + "\" in " + catalogue.id);
        if (std::find(out.begin(), out.end(), id) == out.end())
            out.push_back(id);
    }
    return out;
}

} // namespace scrqm
