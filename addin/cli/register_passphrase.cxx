// scrqm passphrase REGISTER [--passphrase-file OLD] [--new-passphrase-file
// NEW] [-o OUT]: the register re-sealed under a new passphrase. Its master
// key is kept (the forms' keyed hashes stay valid) and sealed under the new
// passphrase's key with a new salt; the old passphrase no longer opens it.
// Without -o the register is replaced in place, by a rename, so that an
// interrupted run leaves the old file whole.
#include "register_passphrase.hxx"

#include "commands.hxx"
#include "passphrase.hxx"

#include <scrqm/catalogue.hxx>
#include <scrqm/input_file.hxx>
#include <scrqm/register.hxx>
#include <scrqm/text_reader.hxx>

#include <cstdio>
#include <fstream>
#include <ostream>
#include <sys/stat.h>
#include <unistd.h>

namespace scrqm::cli
{

namespace
{

constexpr const char* kUsage =
    "usage: scrqm passphrase REGISTER [--passphrase-file OLD] [--new-passphrase-file NEW] "
    "[-o OUT]";

void write_file(const std::string& path, const std::string& text, mode_t mode)
{
    const std::string tmp = path + ".scrqm-new";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f << text;
        f.flush();
        if (!f)
        {
            std::remove(tmp.c_str());
            throw ReadError("cannot write " + tmp + "; the register is as it was");
        }
    }
    ::chmod(tmp.c_str(), mode);
    if (std::rename(tmp.c_str(), path.c_str()) != 0)
    {
        std::remove(tmp.c_str());
        throw ReadError("cannot replace " + path + "; the register is as it was");
    }
}

} // namespace

int passphrase_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    std::string file, old_file, new_file, output;
    for (std::size_t i = 1; i < args.size(); ++i)
    {
        const std::string& a = args[i];
        auto value = [&](std::string& into)
        {
            if (i + 1 >= args.size())
                return false;
            into = args[++i];
            return true;
        };
        bool ok = true;
        if (a == "--passphrase-file")
            ok = value(old_file);
        else if (a == "--new-passphrase-file")
            ok = value(new_file);
        else if (a == "-o" || a == "--output")
            ok = value(output);
        else if (a == "--")
            ok = value(file);
        else if (!a.empty() && a[0] == '-')
            ok = false;
        else if (file.empty())
            file = a;
        else
            ok = false;
        if (!ok)
        {
            err << "scrqm: " << kUsage << "\n";
            return kExitCannotCheck;
        }
    }
    if (file.empty())
    {
        err << "scrqm: " << kUsage << "\n";
        return kExitCannotCheck;
    }
    try
    {
        const std::string sealed = read_input_file(file, "a case register", kMaxRegisterBytes);
        if (!is_sealed_register(sealed))
            throw DataError(file + ": not a sealed case register (scrqm seal makes one)");
        const std::string old_phrase = register_passphrase(old_file, file);
        if (old_phrase.empty())
            throw DataError("the register's passphrase is needed: --passphrase-file FILE, or run "
                            "it on a terminal to be asked");
        std::string new_phrase;
        if (!new_file.empty())
            new_phrase = read_passphrase_file(new_file);
        else
        {
            new_phrase = ask_passphrase("New passphrase for the case register: ");
            if (new_phrase.empty())
                throw DataError("a new passphrase is needed: --new-passphrase-file FILE, or run "
                                "it on a terminal to be asked");
            if (ask_passphrase("The same passphrase again: ") != new_phrase)
                throw DataError("the two passphrases differ; the register is as it was");
        }
        const std::string resealed =
            change_register_passphrase(sealed, old_phrase, new_phrase, file);
        struct stat st
        {
        };
        const mode_t mode = ::stat(file.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0600;
        const std::string target = output.empty() ? file : output;
        write_file(target, resealed, mode);
        out << "the passphrase of " << target << " was changed; the old one no longer opens it\n";
        return kExitOk;
    }
    catch (const DataError& e)
    {
        err << "scrqm: " << e.what() << "\n";
    }
    catch (const ReadError& e)
    {
        err << "scrqm: " << e.what() << "\n";
    }
    return kExitCannotCheck;
}

} // namespace scrqm::cli
