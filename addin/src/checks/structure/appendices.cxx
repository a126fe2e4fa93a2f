// Real layouts: appendices (a standard section may legitimately sit in one,
// and a reference to an appendix must find it) and PART groupings (which
// push every section one level down).
#include "internal.hxx"
#include "rules.hxx"

#include <optional>
#include <set>

namespace scrqm::structure
{

namespace
{

// "Appendix 2", "Annex B: Terms of reference", "3. Appendix A".
const icu::RegexPattern& appendix_heading()
{
    static const Pattern p =
        compile("^\\s*(?:\\d+(?:\\.\\d+)*\\.?\\s+)?(?:appendix|appendices|annex|annexe)\\b\\s*"
                "([a-z]|\\d{1,2}|[ivx]{1,4})?\\b",
                "built-in");
    return *p;
}

// The label of an appendix heading ("2", "B"; "" for one without), or
// nullopt when the title names no appendix.
std::optional<std::string> appendix_label(const std::string& title)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(title);
    std::unique_ptr<icu::RegexMatcher> m(appendix_heading().matcher(u, status));
    if (U_FAILURE(status) || !m->lookingAt(status))
        return std::nullopt;
    std::string label;
    m->group(1, status).toUpper().toUTF8String(label);
    return label;
}

} // namespace

bool in_appendix(const Section& s, const std::vector<Section>& sections)
{
    for (const Section& outer : sections)
        if (outer.paragraph <= s.paragraph && s.paragraph < outer.end &&
            (outer.paragraph == s.paragraph || outer.level < s.level) &&
            appendix_label(outer.title))
            return true;
    return false;
}

int part_offset(const std::vector<Section>& sections)
{
    static const Pattern part = compile("^\\s*part\\s+(\\d{1,2}|[ivx]{1,5}|one|two|three|four|five"
                                        "|six)\\b",
                                        "built-in");
    for (const Section& s : sections)
    {
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(s.title);
        std::unique_ptr<icu::RegexMatcher> m(part->matcher(u, status));
        if (s.level == 1 && U_SUCCESS(status) && m->lookingAt(status))
            return 1;
    }
    return 0;
}

// "see Appendix 2" where no heading is Appendix 2: the reader is sent to
// something the report does not have.
void check_appendices(const Document& doc, const std::vector<Section>& sections,
                      const StructureProfile& profile, std::vector<Finding>& out)
{
    std::set<std::string> present;
    std::set<std::size_t> headings;
    for (const Section& s : sections)
    {
        headings.insert(s.paragraph);
        if (const auto label = appendix_label(s.title); label && !label->empty())
            present.insert(*label);
    }
    static const Pattern reference =
        compile("\\b(?:appendix|annex|annexe)\\s+([a-z]|\\d{1,2}|[ivx]{1,4})\\b", "built-in");
    std::set<std::string> reported;
    for (const Paragraph& p : doc.paragraphs)
    {
        if (p.contents || (p.where != Where::Body && p.where != Where::Table &&
                           p.where != Where::Footnote && p.where != Where::Endnote))
            continue;
        if (p.where == Where::Body && headings.count(p.index))
            continue;
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(p.text);
        std::unique_ptr<icu::RegexMatcher> m(reference->matcher(u, status));
        while (U_SUCCESS(status) && m->find(status))
        {
            std::string label, said;
            m->group(1, status).toUpper().toUTF8String(label);
            m->group(status).toUTF8String(said);
            if (present.count(label) || !reported.insert(label).second)
                continue;
            Finding f = structure_finding(
                rules::structure::appendix_missing, profile.findings_marker, &p,
                "\"" + said + "\" is referred to but the report has no such appendix",
                "A reference to an appendix the report does not have (no heading \"Appendix " +
                    label +
                    "\") leaves the reader without the material it points to: terms of "
                    "reference, a chronology or a glossary often sit there.",
                "Add the appendix, or correct the reference");
            const icu::UnicodeString before = u.tempSubString(0, m->start(status));
            f.start = static_cast<std::size_t>(before.countChar32());
            f.end = f.start + static_cast<std::size_t>(m->group(status).countChar32());
            f.text = said;
            out.push_back(std::move(f));
        }
    }
}

} // namespace scrqm::structure
