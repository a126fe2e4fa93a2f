#include "allow.hxx"

#include "convert.hxx"
#include "results_check.hxx"

#include <scrqm/catalogue.hxx>
#include <scrqm/ignore.hxx>
#include <scrqm/replace.hxx>
#include <scrqm/text.hxx>

#include <com/sun/star/util/PathSubstitution.hpp>
#include <com/sun/star/util/XStringSubstitution.hpp>
#include <osl/file.hxx>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace com::sun::star;
using com::sun::star::uno::Reference;
using rtl::OUString;

namespace scrqm::lo
{

bool allow_in_document(const Reference<frame::XModel>& model, const std::string& text)
{
    const std::string key = allow_key(text);
    if (key.empty())
        throw std::invalid_argument("nothing to allow: give the text of the name");
    // Read the stored list again: another window may have added to it.
    IgnoreList list = read_ignored(model);
    if (!list.add(key))
        return false;
    write_ignored(model, list);
    return true;
}

std::string user_allow_path(const Reference<uno::XComponentContext>& context)
{
    Reference<util::XStringSubstitution> subst = util::PathSubstitution::create(context);
    OUString sys;
    osl::FileBase::getSystemPathFromFileURL(subst->substituteVariables("$(user)", true), sys);
    return to_utf8(sys) + "/scrqm/allow.txt";
}

std::vector<std::string> user_allow_list(const Reference<uno::XComponentContext>& context)
{
    std::vector<std::string> out;
    std::ifstream in(user_allow_path(context));
    for (std::string line; std::getline(in, line);)
    {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.pop_back();
        if (!line.empty() && line[0] != '#')
            out.push_back(line);
    }
    return out;
}

bool allow_for_user(const Reference<uno::XComponentContext>& context, const std::string& text)
{
    const std::string term = without_title(text);
    if (identifier_key(term).empty() || term.find('\n') != std::string::npos)
        throw std::invalid_argument("nothing to allow: give the text of the name");
    std::vector<std::string> list = user_allow_list(context);
    for (const std::string& t : list)
        if (identifier_key(t) == identifier_key(term))
            return false;
    list.push_back(term);
    const std::string path = user_allow_path(context);
    const std::string dir = path.substr(0, path.rfind('/'));
    ::mkdir(dir.c_str(), 0700);
    // Written whole to a private file, then renamed over the old one.
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        throw DataError(path + ": cannot write the allow-list: " + std::strerror(errno));
    std::string data = "# scrqm: names allowed in all my documents, one a line\n";
    for (const std::string& t : list)
        data += t + "\n";
    const bool ok = ::write(fd, data.data(), data.size()) == static_cast<ssize_t>(data.size());
    ::close(fd);
    if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0)
        throw DataError(path + ": cannot write the allow-list");
    return true;
}

} // namespace scrqm::lo
