#include "case_register.hxx"

#include "convert.hxx"
#include "locate.hxx"
#include "options.hxx"
#include "passphrase_dialog.hxx"
#include "prelude.hxx"
#include "undo_context.hxx"

#include <scrqm/catalogue.hxx>
#include <scrqm/input_file.hxx>
#include <scrqm/replace.hxx>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/PathSubstitution.hpp>
#include <com/sun/star/util/XStringSubstitution.hpp>
#include <osl/file.hxx>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace scrqm::lo
{

std::string register_path(const Reference<uno::XComponentContext>& context,
                          const std::string& case_id)
{
    Reference<util::XStringSubstitution> subst = util::PathSubstitution::create(context);
    const OUString url = subst->substituteVariables("$(user)", true);
    OUString sys;
    osl::FileBase::getSystemPathFromFileURL(url, sys);
    std::string id;
    for (char c : case_id.empty() ? std::string("default") : case_id)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')
            id += c;
    if (id.empty())
        id = "default";
    // Tools > Options > Case review > Register folder, else the profile.
    const std::string folder = read_settings(context).at("RegisterFolder");
    if (!folder.empty())
        return folder + "/" + id + ".json";
    return to_utf8(sys) + "/scrqm/registers/" + id + ".json";
}

namespace
{

std::string case_key(const std::string& case_id)
{
    return case_id.empty() ? std::string("default") : case_id;
}

struct Session
{
    std::mutex mutex;
    std::map<std::string, std::string> passphrases;
    std::set<std::string> declined;
    // The register opened last: its path, sealed text and passphrase.
    std::string path, sealed, passphrase;
    std::shared_ptr<const HashedRegister> opened;
};

Session& session()
{
    static Session s;
    return s;
}

} // namespace

void store_register(const std::string& path, const std::vector<RegisterEntry>& entries,
                    const std::string& passphrase)
{
    write_sealed_register(path, seal_register(entries, passphrase));
}

void write_sealed_register(const std::string& path, const std::string& sealed)
{
    // mkdir -p of the two levels under the profile's user directory.
    const std::string dir = path.substr(0, path.rfind('/'));
    ::mkdir(dir.substr(0, dir.rfind('/')).c_str(), 0700);
    ::mkdir(dir.c_str(), 0700);
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        throw DataError(path + ": cannot write the register: " + std::strerror(errno));
    const bool ok =
        ::write(fd, sealed.data(), sealed.size()) == static_cast<ssize_t>(sealed.size());
    ::close(fd);
    if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0)
    {
        ::unlink(tmp.c_str());
        throw DataError(path + ": cannot write the register");
    }
}

std::optional<std::string> read_stored_register(const std::string& path)
{
    struct stat st
    {
    };
    if (::stat(path.c_str(), &st) != 0)
        return std::nullopt;
    return read_input_file(path, "a stored case register", kMaxRegisterBytes);
}

std::shared_ptr<const HashedRegister> open_stored_register(const std::string& path,
                                                           const std::string& sealed,
                                                           const std::string& passphrase)
{
    Session& s = session();
    {
        std::lock_guard<std::mutex> lock(s.mutex);
        if (s.opened && s.path == path && s.sealed == sealed && s.passphrase == passphrase)
            return s.opened;
    }
    auto opened = std::make_shared<const HashedRegister>(open_register(sealed, passphrase, path));
    std::lock_guard<std::mutex> lock(s.mutex);
    s.path = path;
    s.sealed = sealed;
    s.passphrase = passphrase;
    s.opened = opened;
    return opened;
}

std::string session_passphrase(const std::string& case_id)
{
    Session& s = session();
    std::lock_guard<std::mutex> lock(s.mutex);
    const auto it = s.passphrases.find(case_key(case_id));
    return it == s.passphrases.end() ? std::string() : it->second;
}

void remember_passphrase(const std::string& case_id, const std::string& passphrase)
{
    Session& s = session();
    std::lock_guard<std::mutex> lock(s.mutex);
    s.passphrases[case_key(case_id)] = passphrase;
    s.declined.erase(case_key(case_id));
}

void remember_declined(const std::string& case_id)
{
    Session& s = session();
    std::lock_guard<std::mutex> lock(s.mutex);
    s.declined.insert(case_key(case_id));
}

bool session_declined(const std::string& case_id)
{
    Session& s = session();
    std::lock_guard<std::mutex> lock(s.mutex);
    return s.declined.count(case_key(case_id)) > 0;
}

void forget_passphrase(const std::string& case_id)
{
    Session& s = session();
    std::lock_guard<std::mutex> lock(s.mutex);
    s.passphrases.erase(case_key(case_id));
    s.declined.erase(case_key(case_id));
    s.opened.reset();
    s.passphrase.clear();
}

void forget_all_passphrases()
{
    Session& s = session();
    std::lock_guard<std::mutex> lock(s.mutex);
    s.passphrases.clear();
    s.declined.clear();
    s.opened.reset();
    s.passphrase.clear();
}

std::size_t replace_with_pseudonyms(const Reference<frame::XModel>& model, const Document& doc,
                                    const std::vector<Reference<uno::XInterface>>& sources,
                                    const std::vector<Finding>& findings)
{
    std::vector<TextFix> fixes;
    for (const Finding& f : findings)
        if (const FixAction* replace = f.fix_of(FixKind::Replace);
            replace && !replace->replacement.empty() && f.where != Where::Property)
            fixes.push_back({f, pseudonym_form(f.text, replace->replacement)});
    return apply_text_fixes(model, doc, sources, fixes, "Replace with pseudonyms");
}

TextFix text_fix_of(const Finding& finding, const FixAction* action)
{
    TextFix fix{finding, action ? action->replacement : std::string()};
    if (!action || action->lead_in.empty())
        return fix;
    // Offsets count code points: the lead-in's, not its UTF-8 bytes.
    std::size_t points = 0;
    for (unsigned char c : action->lead_in)
        points += (c & 0xC0) != 0x80 ? 1 : 0;
    // The core read the lead-in just before the span; were it not there, the
    // text check of apply_text_fixes refuses the change rather than guess.
    fix.finding.start -= std::min(points, finding.start);
    fix.finding.text = action->lead_in + finding.text;
    return fix;
}

std::size_t apply_text_fixes(const Reference<frame::XModel>& model, const Document& doc,
                             const std::vector<Reference<uno::XInterface>>& sources,
                             const std::vector<TextFix>& fixes, const std::string& undo_title)
{
    // Last first, so earlier offsets in the same paragraph stay valid.
    std::vector<const TextFix*> todo;
    for (const TextFix& fix : fixes)
        if (fix.finding.where != Where::Property)
            todo.push_back(&fix);
    std::sort(todo.begin(), todo.end(),
              [](const TextFix* x, const TextFix* y)
              {
                  const Finding& a = x->finding;
                  const Finding& b = y->finding;
                  if (a.where != b.where)
                      return a.where < b.where;
                  if (a.paragraph != b.paragraph)
                      return a.paragraph < b.paragraph;
                  return a.start > b.start;
              });
    std::size_t replaced = 0;
    UndoContext undo(model, undo_title);
    // Comments are rewritten once each, with all their replacements.
    for (const TextFix* fix : todo)
    {
        const Finding* f = &fix->finding;
        const std::string& pseudonym = fix->replacement;
        for (std::size_t i = 0; i < doc.paragraphs.size(); ++i)
        {
            const Paragraph& p = doc.paragraphs[i];
            if (p.where != f->where || p.index != f->paragraph || i >= sources.size())
                continue;
            if (p.where != Where::Comment)
            {
                Reference<text::XTextCursor> cursor = locate(doc, sources, *f);
                if (cursor.is() && to_utf8(cursor->getString()) == f->text)
                {
                    cursor->setString(to_ou(pseudonym));
                    ++replaced;
                }
            }
            else if (Reference<beans::XPropertySet> field{sources[i], UNO_QUERY}; field.is())
            {
                OUString content;
                field->getPropertyValue("Content") >>= content;
                const OUString from = to_ou(f->text);
                const sal_Int32 at = content.indexOf(from);
                if (at >= 0)
                {
                    field->setPropertyValue(
                        "Content",
                        uno::Any(content.replaceAt(at, from.getLength(), to_ou(pseudonym))));
                    ++replaced;
                }
            }
        }
    }
    return replaced;
}

bool edit_case_register(const Reference<uno::XComponentContext>& context,
                        const std::string& case_id,
                        const std::function<void(HashedRegister&)>& edit)
{
    std::string passphrase = session_passphrase(case_id);
    if (passphrase.empty())
    {
        passphrase = ask_case_passphrase(context, case_id);
        if (passphrase.empty())
            return false;
    }
    const std::string path = register_path(context, case_id);
    write_sealed_register(path,
                          edit_register(read_stored_register(path).value_or(""), passphrase, edit));
    remember_passphrase(case_id, passphrase);
    return true;
}

} // namespace scrqm::lo
