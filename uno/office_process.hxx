// The processes and files around the command line's office (office_client.cxx):
// the interrupt cleanup and its signal thread, the office's process group and
// pipe sockets, the session's temporary directory, the cached profile
// template, and the timing of each phase. UNO only for the local context.
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <shared_mutex>
#include <string>
#include <sys/types.h>
#include <unistd.h>

namespace scrqm::office
{

// Offices and profiles to remove if the user interrupts us (one of each per
// office of a --jobs pool). A dedicated thread waits for the signals (they
// are blocked everywhere else), so the cleanup runs as ordinary code, not in
// a signal handler. Profile copies hold the lock shared, so that the
// offices of a --jobs pool copy theirs at the same time; everything else
// holds it alone.
struct Cleanup
{
    std::shared_mutex mutex;
    std::set<pid_t> groups;
    std::set<std::string> dirs;
    // The offices' pipe sockets (OSL_PIPE_*): LibreOffice makes them in /tmp
    // whatever TMPDIR says, and only removes them when it stops cleanly.
    std::set<std::string> pipes;
    // Set by the signal thread once it holds the mutex: what fails after
    // that failed because the offices were stopped, and is not reported.
    std::atomic<bool> interrupted{false};
};

Cleanup& cleanup();
void remove_tree(const std::string& dir);
void remove_pipes(const std::set<std::string>& pipes);
std::set<std::string> office_pipe_sockets(pid_t pid);
std::string instance_pipe(const rtl::OUString& profile_url);
void hold_if_interrupted();
void kill_group(pid_t group);
void wait_group(pid_t group);
void start_signal_thread();
com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>
local_context(const std::string& soffice);

bool executable(const std::string& path);
std::string find_soffice(const std::string& configured);
std::string office_binary(const std::string& soffice);
rtl::OUString file_url(const std::string& path);
std::string read_tail(const std::string& path, std::size_t max);

std::string make_temp_dir(std::string templ);
int claim_dir(const std::string& dir);
void remove_stale_sessions(const std::string& root);
void forget_temp_dir(const std::string& dir);

bool profile_cache_enabled();
std::string cache_root();
bool is_directory(const std::string& path);
void prune_templates(const std::string& root, const std::string& keep);
std::string cached_template_key(const std::string& soffice, const std::string& oxt);

// SCRQM_TIMING=1 prints each phase's wall time on stderr: where a check's
// time goes, measured on the user's own machine.
class Timer
{
public:
    Timer()
    {
        const char* e = std::getenv("SCRQM_TIMING");
        on_ = e && *e && std::strcmp(e, "0") != 0;
        if (on_)
        {
            // Since the process started (the command line's own set-up).
            std::ifstream stat("/proc/self/stat");
            std::string field;
            for (int i = 0; i < 22 && stat >> field; ++i)
            {
            }
            std::ifstream up("/proc/uptime");
            double uptime = 0;
            up >> uptime;
            const double started = std::atof(field.c_str()) / double(::sysconf(_SC_CLK_TCK));
            std::fprintf(stderr, "scrqm: timing: %-8s %6.3f s\n", "before", uptime - started);
        }
    }
    void lap(const char* phase, const std::string& note = {})
    {
        if (!on_)
            return;
        const auto now = std::chrono::steady_clock::now();
        const double s = std::chrono::duration<double>(now - last_).count();
        std::fprintf(stderr, "scrqm: timing: %-8s %6.3f s%s%s\n", phase, s,
                     note.empty() ? "" : "  ", note.c_str());
        last_ = now;
    }

private:
    bool on_ = false;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

} // namespace scrqm::office
