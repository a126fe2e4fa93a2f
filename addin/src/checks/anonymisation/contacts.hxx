// Organisations' own contact details (contacts.cxx), for refine.cxx.
#pragma once

#include <string>

namespace scrqm::anonymisation
{

// A home or a family member in the folded text around a detail.
bool near_home(const std::string& folded);

// An organisation's office or helpline in the folded text around a detail,
// and no home; an agency's name counts only on a short line (a letterhead).
bool organisation_not_home(std::string folded, bool short_line);

// info@, enquiries@, press.office@, hsab@: an organisation's mailbox.
bool generic_mailbox(const std::string& email);

// A public body's or a board's web site, not a page of a person's.
bool organisation_site(const std::string& url);

// 03, 080, 0845, 0870 and 116 numbers: no one's home.
bool non_geographic(const std::string& text);

} // namespace scrqm::anonymisation
