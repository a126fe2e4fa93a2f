#include "passphrase.hxx"

#include <scrqm/catalogue.hxx>
#include <scrqm/input_file.hxx>

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

} // namespace scrqm::cli
