#include "commands.hxx"

#include <exception>
#include <iostream>

int main(int argc, char** argv)
{
    try
    {
        std::ios::sync_with_stdio(false);
        return scrqm::cli::run(std::vector<std::string>(argv + 1, argv + argc), std::cout,
                               std::cerr);
    }
    catch (const std::exception& e)
    {
        std::cerr << "scrqm: internal error: " << e.what() << "\n";
    }
    catch (...)
    {
        std::cerr << "scrqm: internal error\n";
    }
    return scrqm::cli::kExitCannotCheck;
}
