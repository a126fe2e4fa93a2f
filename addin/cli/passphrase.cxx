#include "passphrase.hxx"

#include <scrqm/anonymisation.hxx>
#include <scrqm/catalogue.hxx>
#include <scrqm/input_file.hxx>
#include <scrqm/register.hxx>

#include <cstdio>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace scrqm::cli
{

std::string read_passphrase_file(const std::string& path)
{
    const std::string text = read_input_file(path, "a passphrase file", kMaxPassphraseFileBytes);
    std::string line = text.substr(0, text.find('\n'));
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    if (line.empty())
        throw DataError(path + ": the passphrase file is empty (its first line is the passphrase)");
    return line;
}

std::string ask_passphrase(const std::string& prompt)
{
    if (::isatty(STDIN_FILENO) != 1)
        return {};
    termios before{};
    const bool terminal = ::tcgetattr(STDIN_FILENO, &before) == 0;
    if (terminal)
    {
        termios quiet = before;
        quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
        quiet.c_lflag |= ECHONL; // the user's Enter still moves to a new line
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::cerr << prompt << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    if (terminal)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &before);
    if (!answer.empty() && answer.back() == '\r')
        answer.pop_back();
    return answer;
}

std::string register_passphrase(const std::string& passphrase_file,
                                const std::string& register_file)
{
    if (!passphrase_file.empty())
        return read_passphrase_file(passphrase_file);
    const auto slash = register_file.find_last_of('/');
    return ask_passphrase(
        "Passphrase for the case register " +
        (slash == std::string::npos ? register_file : register_file.substr(slash + 1)) + ": ");
}

std::string sealed_copy(const std::string& register_file, const std::string& passphrase_file,
                        std::size_t& entries)
{
    const std::vector<RegisterEntry> read = parse_register(
        read_input_file(register_file, "a case register", kMaxRegisterBytes), register_file);
    std::string phrase;
    if (!passphrase_file.empty())
        phrase = read_passphrase_file(passphrase_file);
    else
    {
        phrase = ask_passphrase("New passphrase for the sealed register: ");
        if (phrase.empty())
            throw DataError("seal needs a passphrase: --passphrase-file FILE, or run it on a "
                            "terminal to be asked");
        if (ask_passphrase("The same passphrase again: ") != phrase)
            throw DataError("the two passphrases differ; nothing was written");
    }
    entries = read.size();
    return seal_register(read, phrase);
}

} // namespace scrqm::cli
