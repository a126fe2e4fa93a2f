#include <scrqm/replace.hxx>
#include <scrqm/text.hxx>

#include "checks/anonymisation/internal.hxx"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace scrqm
{

namespace
{

// Titles written before a name; a full stop may follow ("Mr.", "Dr.").
bool is_title(const std::string& key)
{
    static const std::set<std::string> titles = {
        "mr",   "mrs",  "ms",        "miss", "mx",   "dr",   "master", "sir",
        "lady", "prof", "professor", "rev",  "revd", "cllr", "dame",   "lord"};
    return titles.count(key) > 0;
}

// What may stand between two words of a name: spaces, no-break spaces,
// tabs and line breaks (Writer's shift+enter is '\n' in a paragraph's
// text). `line_break` is set when one of them breaks the line.
bool only_space(const icu::UnicodeString& u, int32_t from, int32_t to, bool& line_break)
{
    if (from >= to)
        return false;
    for (int32_t i = from; i < to; ++i)
    {
        const UChar c = u[i];
        if (c == u'\n' || c == u'\r' || c == 0x2028 || c == 0x0B)
            line_break = true;
        else if (c != u' ' && c != u'\t' && c != 0xA0 && c != 0x202F && c != 0x2007)
            return false;
    }
    return true;
}

bool has_lower(const icu::UnicodeString& s)
{
    for (int32_t i = 0; i < s.length(); ++i)
        if (u_islower(s.char32At(i)))
            return true;
    return false;
}

bool has_letter(const icu::UnicodeString& s)
{
    for (int32_t i = 0; i < s.length(); ++i)
        if (u_isalpha(s.char32At(i)))
            return true;
    return false;
}

std::string display_role(std::string role)
{
    if (!role.empty() && role[0] >= 'a' && role[0] <= 'z')
        role[0] = static_cast<char>(role[0] - 'a' + 'A');
    return role;
}

// "Child A" -> {"child", "A"}; the id is the last word.
std::pair<std::string, std::string> split_form(const std::string& form)
{
    const std::size_t space = form.find_last_of(" \xa0");
    if (space == std::string::npos)
        return {fold(form), {}};
    std::string id = form.substr(space + 1);
    for (char& c : id)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    std::string role = form.substr(0, space);
    if (!role.empty() && static_cast<unsigned char>(role.back()) == 0xC2)
        role.pop_back(); // the first byte of a no-break space
    return {fold(role), id};
}

bool is_number_id(const std::string& id)
{
    return !id.empty() && id[0] >= '0' && id[0] <= '9';
}

// The words' keys without the leading titles (all of them when every word
// is one).
std::vector<Token> name_tokens(const icu::UnicodeString& u)
{
    std::vector<Token> tokens = tokenize(u);
    std::size_t first = 0;
    while (first + 1 < tokens.size() && is_title(tokens[first].key))
        ++first;
    tokens.erase(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(first));
    return tokens;
}

} // namespace

std::string without_title(const std::string& identifier)
{
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(identifier);
    const std::vector<Token> tokens = name_tokens(u);
    if (tokens.empty())
        return identifier;
    std::string out;
    u.tempSubStringBetween(tokens.front().begin, tokens.back().end).toUTF8String(out);
    return out;
}

std::string pseudonym_form(const std::string& written, const std::string& pseudonym)
{
    const auto ends = [](const std::string& s, const std::string& tail) {
        return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
    };
    for (const char* apostrophe : {"'", "\u2019"})
    {
        const std::string a = apostrophe;
        for (const std::string& tail : {a + "s", a + "S"})
            if (ends(written, tail))
                return ends(pseudonym, tail) ? pseudonym : pseudonym + a + "s";
        // "James'": the apostrophe alone after a final s.
        if (written.size() > a.size() + 1 && ends(written, a) &&
            (written[written.size() - a.size() - 1] | 0x20) == 's')
            return ends(pseudonym, a + "s") ? pseudonym : pseudonym + a + "s";
    }
    return pseudonym;
}

std::string identifier_key(const std::string& identifier)
{
    std::string key;
    for (const Token& t : name_tokens(icu::UnicodeString::fromUTF8(identifier)))
        key += (key.empty() ? "" : " ") + t.key;
    return key;
}

std::vector<Occurrence> find_occurrences(const Document& doc, const std::string& identifier)
{
    // "Mr Carter" is found as "Carter", with or without its title.
    std::vector<std::string> words;
    for (const Token& t : name_tokens(icu::UnicodeString::fromUTF8(identifier)))
        words.push_back(t.key);
    std::vector<Occurrence> out;
    if (words.empty())
        return out;
    // The first word of a name of several, when it is not an initial.
    const bool first_name = words.size() > 1 && icu::UnicodeString::fromUTF8(words[0]).length() > 1;
    for (std::size_t pi = 0; pi < doc.paragraphs.size(); ++pi)
    {
        const Paragraph& p = doc.paragraphs[pi];
        if (p.where == Where::Property)
            continue; // outside the undo manager: not replaced from here
        // Most paragraphs do not hold the first word at all.
        if (fold(p.text).find(words[0]) == std::string::npos)
            continue;
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(p.text);
        const std::vector<Token> tokens = tokenize(u);
        for (std::size_t i = 0; i < tokens.size(); ++i)
        {
            bool line_break = false;
            bool match = i + words.size() <= tokens.size();
            for (std::size_t k = 0; k < words.size() && match; ++k)
            {
                const Token& t = tokens[i + k];
                // Only the last word may carry a possessive.
                match = t.key == words[k] && (k + 1 == words.size() || !t.possessive) &&
                        (k == 0 || only_space(u, tokens[i + k - 1].end, t.begin, line_break));
            }
            std::size_t n = words.size();
            // A child is named by the first name more often than by the
            // full one: "Liam Carter" finds "Liam's" too (not the surname
            // alone, which the family shares).
            const bool first_only = !match && first_name && tokens[i].key == words[0];
            if (first_only)
                n = 1, line_break = false;
            else if (!match)
                continue;
            const Token& last = tokens[i + n - 1];
            Occurrence o;
            o.first_name = first_only;
            o.paragraph = pi;
            int32_t begin = tokens[i].begin;
            int32_t end = last.end;
            if (last.possessive)
            {
                o.possessive = true;
                // "Liam's": the 's is in the token, "James'": after it.
                if (end - 2 > last.begin && (u[end - 1] == u's' || u[end - 1] == u'S') &&
                    !u_isalpha(u[end - 2]))
                    end -= 2;
            }
            const icu::UnicodeString name = u.tempSubStringBetween(begin, end);
            o.capitals = has_letter(name) && !has_lower(name) && name.countChar32() > 1;
            // A title just before it ("Mr Carter", "Dr. Carter") goes too.
            if (i > 0 && is_title(tokens[i - 1].key))
            {
                const Token& title = tokens[i - 1];
                int32_t gap = title.end;
                if (gap < u.length() && u[gap] == u'.')
                    ++gap;
                bool title_break = false;
                if (only_space(u, gap, begin, title_break))
                {
                    begin = title.begin;
                    o.titled = true;
                    line_break = line_break || title_break;
                }
            }
            o.line_break = line_break;
            o.start = static_cast<std::size_t>(u.countChar32(0, begin));
            o.end = static_cast<std::size_t>(u.countChar32(0, end));
            u.tempSubStringBetween(begin, end).toUTF8String(o.text);
            out.push_back(std::move(o));
            i += n - 1;
        }
    }
    return out;
}

std::string describe_occurrences(const std::vector<Occurrence>& occurrences)
{
    std::size_t possessive = 0, capitals = 0, line_break = 0, titled = 0, first_name = 0;
    for (const Occurrence& o : occurrences)
    {
        first_name += o.first_name;
        possessive += o.possessive;
        capitals += o.capitals;
        line_break += o.line_break;
        titled += o.titled;
    }
    const std::size_t n = occurrences.size();
    std::string out = std::to_string(n) + (n == 1 ? " occurrence" : " occurrences");
    std::string kinds;
    auto add = [&](std::size_t count, const char* what)
    {
        if (count)
            kinds += (kinds.empty() ? "" : ", ") + std::to_string(count) + " " + what;
    };
    add(first_name, "by the first name alone");
    add(possessive, "possessive");
    add(capitals, "in capitals");
    add(line_break, "across a line break");
    add(titled, "with a title");
    return kinds.empty() ? out : out + ": " + kinds;
}

std::vector<std::string> pseudonyms_in_use(const Document& doc)
{
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const std::string& form : anonymisation::pseudonym_uses(doc))
        if (seen.insert(fold(form)).second)
            out.push_back(form);
    return out;
}

std::string next_pseudonym(const std::vector<std::string>& in_use, const std::string& role)
{
    const std::string wanted = fold(role);
    std::set<std::string> used;
    int letters = 0, numbers = 0, all_letters = 0, all_numbers = 0;
    for (const std::string& form : in_use)
    {
        const auto [r, id] = split_form(form);
        const bool number = is_number_id(id);
        (number ? all_numbers : all_letters)++;
        if (r != wanted)
            continue;
        used.insert(id);
        (number ? numbers : letters)++;
    }
    bool use_numbers;
    if (letters || numbers)
        use_numbers = numbers > letters;
    else if (all_letters == 0 && all_numbers > 0)
        use_numbers = true;
    else if (all_numbers == 0 && all_letters > 0)
        use_numbers = false;
    else
        use_numbers = !(wanted == "child" || wanted == "baby" || wanted == "young person");
    const std::string head = display_role(role);
    if (use_numbers)
    {
        for (int n = 1;; ++n)
            if (!used.count(std::to_string(n)))
                return head + " " + std::to_string(n);
    }
    for (char c = 'A'; c <= 'Z'; ++c)
        if (!used.count(std::string(1, c)))
            return head + " " + std::string(1, c);
    return {};
}

std::vector<std::string> pseudonym_suggestions(const Document& doc)
{
    const std::vector<std::string> uses = anonymisation::pseudonym_uses(doc);
    const std::vector<std::string> in_use = pseudonyms_in_use(doc);
    // Roles by how often the document uses them, then in order of first use.
    std::map<std::string, int> count;
    std::vector<std::string> roles; // as first written
    for (const std::string& form : uses)
    {
        const std::string r = split_form(form).first;
        if (count[r]++ == 0)
            roles.push_back(form.substr(0, form.size() - split_form(form).second.size() - 1));
    }
    std::stable_sort(roles.begin(), roles.end(),
                     [&](const std::string& a, const std::string& b)
                     { return count[fold(a)] > count[fold(b)]; });
    for (const char* usual : {"Child", "Sibling", "Adult", "Parent"})
        if (!count.count(fold(std::string(usual))))
            roles.push_back(usual);
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const std::string& r : roles)
        if (std::string next = next_pseudonym(in_use, r);
            !next.empty() && seen.insert(fold(next)).second)
            out.push_back(next);
    for (const char* role : {"the mother", "the father", "the stepfather", "the grandmother",
                             "the health visitor", "the social worker", "the GP", "the school"})
        out.emplace_back(role);
    return out;
}

const FixAction* text_fix(const Finding& finding, FixKind kind)
{
    if (finding.where == Where::Property)
        return nullptr;
    const FixAction* a = finding.fix_of(kind);
    if (!a)
        return nullptr;
    switch (kind)
    {
    case FixKind::Generalise:
    case FixKind::Replace:
        return a->replacement.empty() ? nullptr : a;
    case FixKind::Remove:
        return a;
    default:
        return nullptr;
    }
}

std::vector<FixChoice> fix_choices(const Finding& finding)
{
    std::vector<FixChoice> out;
    const bool text = finding.where != Where::Property;
    const FixAction* for_all = nullptr;
    for (const FixAction& a : finding.fixes)
    {
        switch (a.kind)
        {
        case FixKind::Replace:
            if (text)
                out.push_back({"Replace with pseudonym\u2026", a, false});
            break;
        case FixKind::Generalise:
        case FixKind::Remove:
            if (text_fix(finding, a.kind))
                out.push_back({fix_label(a), a, false});
            break;
        case FixKind::AcceptOrRejectChanges:
            out.push_back({"Accept all tracked changes", {a.kind, {}, "accept", {}}, false});
            out.push_back({"Reject all tracked changes", {a.kind, {}, "reject", {}}, false});
            break;
        case FixKind::Allow:
            out.push_back({"Allow in this document", {a.kind, {}, "document", {}}, false});
            out.push_back({"Allow in all my documents", {a.kind, {}, "user", {}}, false});
            break;
        case FixKind::RemoveHiddenText:
            if (text)
                out.push_back({fix_label(a), a, false});
            break;
        case FixKind::DeleteComment:
            // A finding in a comment can delete that comment alone; the
            // rest of the review's comments may still be wanted.
            if (finding.where == Where::Comment)
                out.push_back({"Delete this comment", {a.kind, {}, "this", {}}, false});
            out.push_back({"Delete all comments", {a.kind, {}, "all", {}}, false});
            break;
        case FixKind::ClearProperty:
            out.push_back({fix_label(a), a, false});
            break;
        }
        if (!for_all)
            for_all = text_fix(finding, a.kind);
    }
    if (for_all)
        out.push_back({"Fix all of this kind\u2026", *for_all, true});
    return out;
}

std::vector<std::size_t> fix_all_targets(const std::vector<Finding>& findings,
                                         const std::vector<std::size_t>& shown,
                                         const Finding& finding, FixKind kind)
{
    std::vector<std::size_t> out;
    for (const std::size_t i : shown)
        if (i < findings.size() && findings[i].check == finding.check &&
            text_fix(findings[i], kind))
            out.push_back(i);
    return out;
}

} // namespace scrqm
