// The reviewer's own lists found in a paragraph: the case register (real
// identifiers and their pseudonyms, matched by keyed hash) and the deny-list.
// Reading a register in clear is in register_text.cxx.
#include <scrqm/catalogue.hxx>
#include <scrqm/register.hxx>

#include "internal.hxx"
#include "rules.hxx"

namespace scrqm
{

void AnonymisationCheck::Impl::find_listed(ParagraphScan& s, const Lexicon& deny,
                                           const std::vector<const HashedRegister*>& registers)
{
    namespace R = rules::anonymisation;
    using anonymisation::hit_finding;
    const std::vector<Token>& tokens = s.tokens;
    for (std::size_t i = 0; i < tokens.size(); ++i)
    {
        for (const HashedRegister* reg : registers)
        {
            const HashedRegister::Target* target = nullptr;
            if (const std::size_t n = reg->match(tokens, i, &target))
            {
                Finding f = hit_finding(
                    R::register_, 1.0, "Identifier from the case register",
                    "register: a real " +
                        (target->kind.empty() ? std::string("identifier") : target->kind) +
                        " of this case (matched by its keyed hash)",
                    {});
                f.fixes.push_back({FixKind::Replace, target->pseudonym, {}, {}});
                s.hits.add(s.tokens_span(i, n), std::move(f), 2);
                break;
            }
        }
        if (const std::size_t n = deny.match(tokens, i))
            s.hits.add(s.tokens_span(i, n), hit_finding(R::deny_list, 1.0, "Term on the deny-list",
                                                        "deny-list: always flagged", {}));
    }
}

} // namespace scrqm
