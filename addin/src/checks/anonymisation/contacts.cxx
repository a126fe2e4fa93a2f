// Organisations' own contact details: a helpline, a board's mailbox or web
// site, a council's office in a letterhead. They are public; a person's
// number or a family's address next to the same words is not.
#include "contacts.hxx"

#include "cues.hxx"

#include <scrqm/text.hxx>

#include <algorithm>
#include <set>
#include <string_view>

namespace scrqm::anonymisation
{

namespace
{

// Cue families of the text around a contact detail or a place (folded),
// found in one pass (cues.hxx).
enum Around : std::uint64_t
{
    // A home or a family member within reach of the detail.
    kHome = 1u << 0,
    // Words that put a contact detail in an organisation's hands anywhere ...
    kOrganisation = 1u << 1,
    // ... and an agency's name, which does so only on a short line such as a
    // letterhead or a cover, since narrative names agencies everywhere.
    kAgency = 1u << 2,
};

std::uint64_t around_cues(const std::string& folded)
{
    static const CueFamilies f{
        {" lived", " lives", " living", " home", "mother", "father", " family", " moved",
         " address", " flat ", "rehoused", " her ", " his ", " born", " mobile"},
        {"helpline",
         "switchboard",
         "please call",
         "please contact",
         "call the",
         "contact the",
         "civic centre",
         "town hall",
         "county hall",
         "offices",
         "po box",
         "business unit",
         "secretariat",
         "enquiries",
         "for further information",
         "headquarters",
         "nspcc",
         "samaritans",
         "childline",
         "advice line",
         "hotline",
         " floor",
         "training centre",
         "duty team",
         "out of hours",
         "office hours",
         "access team",
         "contact centre",
         "press office",
         "media enquiries",
         "www.",
         "web:",
         "if you are worried",
         "in confidence",
         "information line",
         "in an emergency"},
        {"council", "board", "partnership", "trust", "office", "safeguarding team", " unit",
         "police", "service", " panel"},
    };
    return f.scan(folded);
}

} // namespace

bool near_home(const std::string& folded)
{
    return (around_cues(folded) & kHome) != 0;
}

// An organisation's office or helpline around the detail, and no home.
bool organisation_not_home(std::string folded, bool short_line)
{
    // The Home Office is a department, not a home; a postal address is where
    // letters to an office go.
    for (const std::string office : {"home office", "postal address", "office address"})
        for (std::size_t at = folded.find(office); at != std::string::npos;
             at = folded.find(office, at))
            folded.replace(at, office.size(), "govt_office");
    const std::uint64_t c = around_cues(folded);
    return (c & kHome) == 0 && ((c & kOrganisation) || (short_line && (c & kAgency)));
}

// info@, enquiries@, safeguarding@: an organisation's mailbox, not a person's.
bool generic_mailbox(const std::string& email)
{
    const std::string local = fold(email.substr(0, email.find('@')));
    // A box named by its function, in one part or several: "info",
    // "press.office", "adult-social-care", "mash_team", "hsab" (a person's
    // is "first.last").
    static const std::set<std::string> parts = word_set(
        "info enquiries enquiry admin contact safeguarding board helpline office press media "
        "comms communications team duty mash referrals hub service services adult adults "
        "children childrens social care business unit review reviews quality complaints "
        "customer front door lscp lscb scp sab dhr sar cspr partnership partnerships "
        "community safety support reception businessunit");
    bool all_parts = !local.empty();
    std::size_t from = 0;
    while (all_parts && from <= local.size())
    {
        const std::size_t to = std::min(local.find_first_of("._-", from), local.size());
        const std::string part = local.substr(from, to - from);
        // A board's initials and kind as one part: "fscp", "hsab", "wlscb".
        bool board = false;
        for (const char* kind : {"sab", "scp", "scb", "lscb", "lscp", "csp", "sap"})
        {
            const std::size_t n = std::char_traits<char>::length(kind);
            board = board || (part.size() > n && part.size() <= n + 3 &&
                              part.compare(part.size() - n, n, kind) == 0);
        }
        all_parts = board || parts.count(part) != 0;
        from = to + 1;
    }
    if (all_parts)
        return true;
    // A team's box named for what it takes: "dhrenquiries", "sar.referrals".
    for (const char* tail : {"enquiries", "enquiry", "referrals", "helpdesk"})
    {
        const std::size_t n = std::char_traits<char>::length(tail);
        if (local.size() > n && local.compare(local.size() - n, n, tail) == 0)
            return true;
    }
    return false;
}

// A public body's or a board's web site, not a page of a person's.
bool organisation_site(const std::string& url)
{
    std::string host = ascii_lower(url);
    for (const char* scheme : {"https://", "http://"})
        if (host.rfind(scheme, 0) == 0)
            host.erase(0, std::char_traits<char>::length(scheme));
    host = host.substr(0, host.find_first_of("/?#"));
    if (host.rfind("www.", 0) == 0)
        host.erase(0, 4);
    auto ends = [&](std::string_view tail)
    {
        return host.size() > tail.size() &&
               host.compare(host.size() - tail.size(), tail.size(), tail) == 0;
    };
    for (const char* social :
         {"facebook", "instagram", "tiktok", "twitter", "x.com", "youtube", "snapchat", "linkedin",
          "justgiving", "gofundme", "wordpress", "blogspot", "onlyfans"})
        if (host.find(social) != std::string::npos)
            return false;
    if (ends(".gov.uk") || ends(".nhs.uk") || ends(".police.uk") || ends(".gov") ||
        ends(".parliament.uk") || host == "gov.uk")
        return true;
    const std::string label = host.substr(0, host.find('.'));
    for (const char* board :
         {"sab", "scp", "scb", "lscb", "lscp", "csp", "safeguarding", "partnership"})
        if (label.find(board) != std::string::npos)
            return true;
    return false;
}

bool non_geographic(const std::string& text)
{
    std::string digits;
    for (char ch : text)
        if (ch >= '0' && ch <= '9')
            digits += ch;
    if (digits.rfind("44", 0) == 0)
        digits = "0" + digits.substr(2);
    return digits.rfind("03", 0) == 0 || digits.rfind("080", 0) == 0 ||
           digits.rfind("0845", 0) == 0 || digits.rfind("0870", 0) == 0 ||
           digits.rfind("116", 0) == 0;
}

} // namespace scrqm::anonymisation
