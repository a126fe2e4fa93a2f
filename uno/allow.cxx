#include "allow.hxx"

#include "convert.hxx"
#include "options.hxx"
#include "results_check.hxx"

#include <scrqm/catalogue.hxx>
#include <scrqm/ignore.hxx>
#include <scrqm/replace.hxx>
#include <scrqm/text.hxx>

#include <com/sun/star/util/PathSubstitution.hpp>
#include <com/sun/star/util/XStringSubstitution.hpp>
#include <osl/file.hxx>

#include <algorithm>
#include <cstdio>
#include <fstream>

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

namespace
{

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= text.size())
    {
        std::size_t nl = text.find('\n', from);
        if (nl == std::string::npos)
            nl = text.size();
        std::string line = text.substr(from, nl - from);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.pop_back();
        if (!line.empty() && line[0] != '#')
            out.push_back(line);
        from = nl + 1;
    }
    return out;
}

// Adds the terms of `more` that `list` lacks (the same name with another
// title, case or possessive counts as there).
bool merge(std::vector<std::string>& list, const std::vector<std::string>& more)
{
    bool added = false;
    for (const std::string& term : more)
        if (std::none_of(list.begin(), list.end(),
                         [&](const std::string& t)
                         { return identifier_key(t) == identifier_key(term); }))
        {
            list.push_back(term);
            added = true;
        }
    return added;
}

void store(const Reference<uno::XComponentContext>& context, const std::vector<std::string>& list)
{
    std::string joined;
    for (const std::string& t : list)
        joined += (joined.empty() ? "" : "\n") + t;
    write_settings(context, {{"Allow", joined}});
}

// Before the Options page, "Allow in all my documents" kept its own file,
// <profile>/user/scrqm/allow.txt: its names move into the setting once, so
// that nothing allowed then is lost.
void fold_old_file(const Reference<uno::XComponentContext>& context, std::vector<std::string>& list)
{
    Reference<util::XStringSubstitution> subst = util::PathSubstitution::create(context);
    OUString sys;
    osl::FileBase::getSystemPathFromFileURL(subst->substituteVariables("$(user)", true), sys);
    const std::string path = to_utf8(sys) + "/scrqm/allow.txt";
    std::ifstream in(path);
    if (!in)
        return;
    std::string text;
    for (std::string line; std::getline(in, line);)
        text += line + "\n";
    if (merge(list, lines_of(text)))
        store(context, list);
    std::remove(path.c_str());
}

} // namespace

std::vector<std::string> user_allow_list(const Reference<uno::XComponentContext>& context)
{
    std::vector<std::string> list = lines_of(read_settings(context).at("Allow"));
    fold_old_file(context, list);
    return list;
}

bool allow_for_user(const Reference<uno::XComponentContext>& context, const std::string& text)
{
    const std::string term = without_title(text);
    if (identifier_key(term).empty() || term.find('\n') != std::string::npos)
        throw std::invalid_argument("nothing to allow: give the text of the name");
    std::vector<std::string> list = user_allow_list(context);
    if (!merge(list, {term}))
        return false;
    store(context, list);
    return true;
}

} // namespace scrqm::lo
