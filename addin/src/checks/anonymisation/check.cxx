// AnonymisationCheck: loads its data, then scans each paragraph, judges the
// findings with what the document says about its people (refine.cxx), and
// adds the document-wide findings (jigsaw, pseudonym consistency).
#include <scrqm/normalise.hxx>
#include <scrqm/register.hxx>

#include "context.hxx"
#include "internal.hxx"

namespace scrqm
{

namespace anonymisation
{

icu::UnicodeString utf16(const std::string& s)
{
    for (unsigned char c : s)
        if (c >= 0x80)
            return icu::UnicodeString::fromUTF8(s);
    icu::UnicodeString u;
    const auto n = static_cast<int32_t>(s.size());
    UChar* buffer = u.getBuffer(n);
    if (!buffer)
        return icu::UnicodeString::fromUTF8(s);
    for (int32_t k = 0; k < n; ++k)
        buffer[k] = static_cast<UChar>(s[static_cast<std::size_t>(k)]);
    u.releaseBuffer(n);
    return u;
}

namespace
{

// A finding made on a paragraph's matching view, put back on the paragraph
// as written: its span covers what the reader sees (the zero-width space
// inside the name included), and its text is that span.
void to_original(Finding& f, const NormalisedText& view, const icu::UnicodeString& original,
                 std::vector<int32_t>& units)
{
    const auto [begin, end] = view.to_original(f.start, f.end);
    if (units.empty())
    {
        units.reserve(static_cast<std::size_t>(original.length()) + 1);
        for (int32_t k = 0; k < original.length(); k = original.moveIndex32(k, 1))
            units.push_back(k);
        units.push_back(original.length());
    }
    const std::size_t last = units.size() - 1;
    f.start = begin;
    f.end = end;
    f.text.clear();
    original.tempSubStringBetween(units[std::min(begin, last)], units[std::min(end, last)])
        .toUTF8String(f.text);
    // A Generalise's lead-in ("on ") was read on the view: it is what the
    // paragraph has before the span ("on" and a no-break space), or none.
    for (FixAction& a : f.fixes)
    {
        if (a.lead_in.empty())
            continue;
        const std::size_t n = a.lead_in.size(); // ASCII: code points
        std::string written;
        if (begin >= n)
            original
                .tempSubStringBetween(units[std::min(begin - n, last)],
                                      units[std::min(begin, last)])
                .toUTF8String(written);
        if (written.size() >= n && written.compare(0, n - 1, a.lead_in, 0, n - 1) == 0)
            a.lead_in = written;
        else
        {
            a.replacement.erase(0, n); // "in March 2020" -> "March 2020"
            a.lead_in.clear();
        }
    }
}

} // namespace

} // namespace anonymisation

AnonymisationCheck::AnonymisationCheck(const std::string& data_dir) : impl_(new Impl)
{
    impl_->load(data_dir);
    impl_->check_examples(data_dir + "/anonymisation.json");
}

AnonymisationCheck::~AnonymisationCheck() = default;

const std::vector<AnonymisationCheck::Example>& AnonymisationCheck::examples() const
{
    return impl_->examples;
}

std::vector<std::string> AnonymisationCheck::detectors_without_reach() const
{
    std::vector<std::string> out;
    for (const anonymisation::Detector& d : impl_->detectors)
        if (!impl_->reach_known.count(d.id))
            out.push_back(d.id);
    return out;
}

std::vector<Finding> AnonymisationCheck::run(const Document& doc,
                                             const AnonymisationOptions& options) const
{
    Lexicon allow, deny;
    // Lists are matched on the view as the text is.
    for (const std::string& a : options.allow)
        allow.add(normalise_for_matching(a));
    for (const std::string& d : options.deny)
        deny.add(normalise_for_matching(d));
    // A clear-text register is hashed in memory like a stored one, so both
    // match the same way.
    const HashedRegister clear = HashedRegister::from_entries(options.register_entries);
    std::vector<const HashedRegister*> registers;
    if (!clear.empty())
        registers.push_back(&clear);
    for (const HashedRegister* reg : options.hashed_registers)
        if (reg && !reg->empty())
            registers.push_back(reg);

    std::vector<Finding> out;
    // Each paragraph in UTF-16, converted once for the scan and the
    // pseudonym pass.
    std::vector<icu::UnicodeString> texts;
    texts.reserve(doc.paragraphs.size());
    for (const Paragraph& p : doc.paragraphs)
    {
        texts.push_back(anonymisation::utf16(p.text));
        // Identifiers in disguise (a zero-width space in a name, a no-break
        // space in a postcode, Arabic-Indic digits) are matched on the
        // paragraph's view (normalise.hxx). Plain ASCII, most paragraphs,
        // is its own view: no mapping is made for it.
        const NormalisedText view =
            plain_ascii(p.text) ? NormalisedText() : NormalisedText(texts.back());
        if (view.identity())
        {
            impl_->scan_paragraph(p, texts.back(), allow, deny, registers,
                                  anonymisation::pseudonym_heads(), out);
            continue;
        }
        Paragraph seen = p;
        seen.text.clear();
        view.text().toUTF8String(seen.text);
        for (auto& [begin, end] : seen.placeholders)
        {
            begin = view.to_view(begin);
            end = view.to_view(end);
        }
        const std::size_t first = out.size();
        impl_->scan_paragraph(seen, view.text(), allow, deny, registers,
                              anonymisation::pseudonym_heads(), out);
        std::vector<int32_t> units;
        for (std::size_t k = first; k < out.size(); ++k)
            anonymisation::to_original(out[k], view, texts.back(), units);
    }
    // What the document says about its own people and names.
    refine_findings(
        doc, texts, read_document_context(doc, texts), options,
        [this](const std::string& w)
        { return impl_->given.contains(w) || impl_->surnames.contains(w); },
        out);
    // Document-wide findings come after the paragraphs' own.
    std::vector<Finding> whole;
    anonymisation::find_jigsaws(doc, out, impl_->jigsaw_paragraph, impl_->jigsaw_section, whole);
    anonymisation::check_pseudonyms(doc, texts, whole);
    out.insert(out.end(), std::make_move_iterator(whole.begin()),
               std::make_move_iterator(whole.end()));
    return out;
}

} // namespace scrqm
