// AnonymisationCheck: loads its data, then scans each paragraph, judges the
// findings with what the document says about its people (refine.cxx), and
// adds the document-wide findings (jigsaw, pseudonym consistency).
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
    for (const std::string& a : options.allow)
        allow.add(a);
    for (const std::string& d : options.deny)
        deny.add(d);
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
        impl_->scan_paragraph(p, texts.back(), allow, deny, registers,
                              anonymisation::pseudonym_heads(), out);
    }
    // What the document says about its own people and names.
    refine_findings(
        doc, read_document_context(doc), options,
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
