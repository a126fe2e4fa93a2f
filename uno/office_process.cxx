// The processes and files around the command line's office: see
// office_process.hxx.
#include "office_process.hxx"

#include "convert.hxx"

#include <scrqm/crypto.hxx>
#include <scrqm/office.hxx>

#include <cppuhelper/bootstrap.hxx>
#include <osl/file.hxx>
#include <rtl/digest.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <ftw.h>
#include <map>
#include <mutex>
#include <sstream>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace com::sun::star;
using com::sun::star::uno::Reference;
using rtl::OUString;

namespace scrqm::office
{

// ---------------------------------------------------------------- cleanup

Cleanup& cleanup()
{
    static Cleanup* c = new Cleanup; // never destroyed: the signal thread may outlive main
    return *c;
}

static int remove_entry(const char* path, const struct stat*, int, struct FTW*)
{
    ::remove(path);
    return 0;
}

void remove_tree(const std::string& dir)
{
    if (!dir.empty())
        ::nftw(dir.c_str(), remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

// Removes an office's pipe sockets once it is gone; a socket something still
// listens on is left alone.
void remove_pipes(const std::set<std::string>& pipes)
{
    for (const std::string& path : pipes)
    {
        struct stat st;
        if (::lstat(path.c_str(), &st) != 0 || !S_ISSOCK(st.st_mode) || st.st_uid != ::getuid())
            continue;
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        if (path.size() >= sizeof addr.sun_path)
            continue;
        std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
        const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const bool live =
            fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
        if (fd >= 0)
            ::close(fd);
        if (!live)
            ::unlink(path.c_str());
    }
}

// The pipe sockets (OSL_PIPE_*) process `pid` listens on, from its open
// sockets (/proc/PID/fd) and the paths they are bound to (/proc/PID/net/unix).
// LibreOffice makes them in /tmp whatever TMPDIR says (its instance pipe,
// named from a hash of the profile, and the --accept pipe) and removes them
// only when it stops cleanly, which a killed office does not.
std::set<std::string> office_pipe_sockets(pid_t pid)
{
    std::set<std::string> found;
    std::set<std::string> inodes;
    const std::string proc = "/proc/" + std::to_string(pid);
    std::error_code ec;
    for (const auto& fd : std::filesystem::directory_iterator(proc + "/fd", ec))
    {
        char target[64];
        const ssize_t n = ::readlink(fd.path().c_str(), target, sizeof target - 1);
        if (n > 9 && std::strncmp(target, "socket:[", 8) == 0)
            inodes.insert(std::string(target + 8, static_cast<std::size_t>(n) - 9));
    }
    if (inodes.empty())
        return found;
    std::ifstream net(proc + "/net/unix");
    std::string line;
    std::getline(net, line); // the header
    while (std::getline(net, line))
    {
        std::istringstream fields(line);
        std::string num, refs, protocol, flags, type, state, inode, path;
        fields >> num >> refs >> protocol >> flags >> type >> state >> inode >> path;
        if (inodes.count(inode) != 0 && path.find("/OSL_PIPE_") != std::string::npos)
            found.insert(path);
    }
    return found;
}

// The name of LibreOffice's instance pipe for a profile, as
// desktop/source/app/officeipcthread.cxx makes it (7.4): "SingleOfficeIPC_"
// and the MD5 of the profile's URL as UTF-16, each byte in hex without
// leading zero. office_pipe_sockets finds it too, once the office runs.
std::string instance_pipe(const OUString& profile_url)
{
    sal_uInt8 md5[RTL_DIGEST_LENGTH_MD5];
    if (rtl_digest_MD5(profile_url.getStr(),
                       static_cast<sal_uInt32>(profile_url.getLength()) * sizeof(sal_Unicode), md5,
                       sizeof md5) != rtl_Digest_E_None)
        return {};
    std::string name = "SingleOfficeIPC_";
    for (const sal_uInt8 b : md5)
    {
        char hex[3];
        std::snprintf(hex, sizeof hex, "%x", static_cast<unsigned>(b));
        name += hex;
    }
    return name;
}

// After an interrupt, a thread whose office call failed waits here for the
// signal thread to end the process, so that the failure (the bridge
// disposed, the office gone) is never reported.
void hold_if_interrupted()
{
    if (!cleanup().interrupted.load())
        return;
    while (true)
        std::this_thread::sleep_for(std::chrono::hours(1));
}

void kill_group(pid_t group)
{
    if (group > 0)
        ::kill(-group, SIGKILL);
}

// Waits until every process of an office's group is gone, soffice.bin as
// well as oosplash: a killed process finishes the system call it is in, so
// a profile removed before that may get a file back ('user' not empty).
// scrqm is the subreaper of its offices, so soffice.bin, orphaned when
// oosplash dies first, is its child too.
void wait_group(pid_t group)
{
    if (group <= 0)
        return;
    while (::waitpid(-group, nullptr, 0) > 0 || errno == EINTR)
    {
    }
}

void start_signal_thread()
{
    static std::once_flag once;
    std::call_once(once,
                   []
                   {
                       sigset_t set;
                       sigemptyset(&set);
                       sigaddset(&set, SIGINT);
                       sigaddset(&set, SIGTERM);
                       sigaddset(&set, SIGHUP);
                       // Threads started later (UNO's, the pool's) inherit the mask.
                       pthread_sigmask(SIG_BLOCK, &set, nullptr);
                       // The offices' soffice.bin outlives oosplash: adopt it (see
                       // wait_group).
                       ::prctl(PR_SET_CHILD_SUBREAPER, 1);
                       // `scrqm check ... | head` must not die on a closed pipe
                       // with its offices still running: writes fail instead.
                       std::signal(SIGPIPE, SIG_IGN);
                       std::thread(
                           [set]
                           {
                               int sig = 0;
                               sigwait(&set, &sig);
                               {
                                   // Held until _exit: no office starts after this.
                                   cleanup().mutex.lock();
                                   cleanup().interrupted = true;
                                   // An office still starting has made
                                   // sockets not yet recorded.
                                   for (const pid_t g : cleanup().groups)
                                       for (const std::string& p : office_pipe_sockets(g))
                                           cleanup().pipes.insert(p);
                                   for (const pid_t g : cleanup().groups)
                                       kill_group(g);
                                   for (const pid_t g : cleanup().groups)
                                       wait_group(g);
                                   for (const std::string& d : cleanup().dirs)
                                       remove_tree(d);
                                   remove_pipes(cleanup().pipes);
                               }
                               static const char msg[] =
                                   "scrqm: interrupted; the office was stopped\n";
                               (void)!::write(2, msg, sizeof msg - 1);
                               ::_exit(128 + sig);
                           })
                           .detach();
                   });
}

// One local UNO context for every office of the process: bootstrapping is
// process-wide state. Never disposed: bridges to offices still stopping may
// use it until exit.
Reference<uno::XComponentContext> local_context(const std::string& soffice)
{
    static std::mutex mutex;
    static Reference<uno::XComponentContext>* local = nullptr;
    std::lock_guard<std::mutex> lock(mutex);
    if (!local)
    {
        // A client needs the office's bootstrap file, or cppu crashes.
        char buf[PATH_MAX];
        std::string program = ::realpath(soffice.c_str(), buf) ? buf : soffice;
        program = program.substr(0, program.rfind('/'));
        ::setenv("URE_BOOTSTRAP", ("vnd.sun.star.pathname:" + program + "/fundamentalrc").c_str(),
                 0);
        local =
            new Reference<uno::XComponentContext>(cppu::defaultBootstrap_InitialComponentContext());
    }
    return *local;
}

// ---------------------------------------------------------------- helpers
bool executable(const std::string& path)
{
    return !path.empty() && ::access(path.c_str(), X_OK) == 0;
}

std::string find_soffice(const std::string& configured)
{
    if (!configured.empty())
        return configured;
    if (const char* env = std::getenv("SCRQM_SOFFICE"); env && *env)
        return env;
    for (const char* p :
         {"/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"})
        if (executable(p))
            return p;
    return {};
}

static std::string real_path(const std::string& path)
{
    char buf[PATH_MAX];
    if (::realpath(path.c_str(), buf) == nullptr)
        return path;
    return buf;
}

OUString file_url(const std::string& path)
{
    OUString url;
    osl::FileBase::getFileURLFromSystemPath(lo::to_ou(real_path(path)), url);
    return url;
}

std::string read_tail(const std::string& path, std::size_t max)
{
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string s = ss.str();
    if (s.size() > max)
        s = s.substr(s.size() - max);
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

// ---------------------------------------------------------------- profile cache
// Installing the extension into a fresh profile costs about half a second
// on every run. A profile with the extension installed (and LibreOffice's
// own first start done) is kept as a template under $XDG_CACHE_HOME/scrqm
// (or ~/.cache/scrqm), keyed by the .oxt's SHA-256 and LibreOffice's build,
// and each session copies it into its own throw-away directory: sessions,
// concurrent runs and --jobs N never share a live profile. The template is
// built by an office that never opens a document, so it holds no document
// text. SCRQM_PROFILE_CACHE=0 turns it off.
bool profile_cache_enabled()
{
    const char* e = std::getenv("SCRQM_PROFILE_CACHE");
    return !(e && std::strcmp(e, "0") == 0);
}

std::string cache_root()
{
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg && *xdg == '/')
        return std::string(xdg) + "/scrqm";
    const char* home = std::getenv("HOME");
    if (home && *home == '/')
        return std::string(home) + "/.cache/scrqm";
    return {};
}

static std::string file_bytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The .oxt's content and the office's build: a rebuilt extension or an
// upgraded LibreOffice gets a new template.
static std::string template_key(const std::string& soffice, const std::string& oxt)
{
    char buf[PATH_MAX];
    std::string program = ::realpath(soffice.c_str(), buf) ? buf : soffice;
    program = program.substr(0, program.rfind('/'));
    const std::string oxt_bytes = file_bytes(oxt);
    if (oxt_bytes.empty())
        throw std::runtime_error("cannot read " + oxt);
    // The template's own format: a new one is built when what goes into it
    // changes (2: the LibreOffice version recorded as seen).
    constexpr const char* kTemplateFormat = "2";
    return sha256_hex(oxt_bytes + '\0' + program + '\0' + file_bytes(program + "/versionrc") +
                      '\0' + kTemplateFormat)
        .substr(0, 24);
}

bool is_directory(const std::string& path)
{
    struct stat st;
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Templates of other extension builds not used for two weeks go, and so do
// day-old leftovers of builds that were killed (SIGKILL, power loss).
void prune_templates(const std::string& root, const std::string& keep)
{
    std::error_code ec;
    const auto now = std::filesystem::file_time_type::clock::now();
    const auto cutoff = now - std::chrono::hours(24 * 14);
    for (const auto& entry : std::filesystem::directory_iterator(root, ec))
    {
        const std::string name = entry.path().filename().string();
        if ((name.rfind(".build-", 0) == 0 || name.rfind(".old-", 0) == 0) &&
            entry.last_write_time(ec) < now - std::chrono::hours(24))
        {
            remove_tree(entry.path().string());
            continue;
        }
        if (name.rfind("profile-", 0) != 0 || entry.path().string() == keep ||
            !entry.is_directory(ec) || entry.last_write_time(ec) > cutoff)
            continue;
        // Renamed first, so that no run starts copying a half-removed one.
        const std::string trash = root + "/.old-" + name;
        if (::rename(entry.path().c_str(), trash.c_str()) == 0)
            remove_tree(trash);
    }
}

// What to start: soffice.bin itself, not the soffice script and its
// oosplash launcher, so that the office is our own child and dies with
// us (PR_SET_PDEATHSIG) even when scrqm is killed with SIGKILL, which
// no handler sees: oosplash's soffice.bin would outlive it. Of what
// oosplash adds (a splash screen, javaldx for Java, a restart when the
// office asks for one) only the restart is needed; launch() does it.
std::string office_binary(const std::string& soffice)
{
    char buf[PATH_MAX];
    const std::string real = ::realpath(soffice.c_str(), buf) ? buf : soffice;
    const std::string bin = real + ".bin";
    if (real.size() > 8 && real.compare(real.size() - 8, 8, "/soffice") == 0 && executable(bin))
        return bin;
    return soffice;
}

// ---------------------------------------------------------------- session directories
// A directory created and registered at once, so that an interrupt
// never misses it.
std::string make_temp_dir(std::string templ)
{
    std::lock_guard<std::shared_mutex> lock(cleanup().mutex);
    if (::mkdtemp(templ.data()) == nullptr)
        throw OfficeError("cannot create a temporary profile in " +
                          templ.substr(0, templ.rfind('/')) + ": " + std::strerror(errno));
    cleanup().dirs.insert(templ);
    return templ;
}

// Marks `dir` as in use for as long as this process lives: a lock on
// its "owner" file, which the kernel drops when the process ends,
// however it ends. Returns the descriptor holding it (or -1).
int claim_dir(const std::string& dir)
{
    const std::string tmp = dir + "/.owner";
    const int fd = ::open(tmp.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return -1;
    // Locked before it has its name, so that no run sees it unlocked.
    if (::flock(fd, LOCK_EX) != 0 || ::rename(tmp.c_str(), (dir + "/owner").c_str()) != 0)
    {
        ::close(fd);
        return -1;
    }
    return fd;
}

// What a run killed with SIGKILL left in the temporary directory: its
// profile (its office died with it: see launch) and its pipe sockets.
// A session directory whose owner lock is free belongs to no live run.
// Done once per process, before its first office starts.
void remove_stale_sessions(const std::string& root)
{
    static std::once_flag once;
    std::call_once(once,
                   [&root]
                   {
                       std::error_code ec;
                       for (const auto& entry : std::filesystem::directory_iterator(root, ec))
                       {
                           const std::string dir = entry.path().string();
                           struct stat st;
                           if (entry.path().filename().string().rfind("scrqm-", 0) != 0 ||
                               ::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) ||
                               st.st_uid != ::getuid())
                               continue;
                           const int fd =
                               ::open((dir + "/owner").c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
                           if (fd < 0)
                               continue; // being made, kept for debugging, or not ours
                           if (::flock(fd, LOCK_EX | LOCK_NB) == 0)
                           {
                               std::set<std::string> pipes;
                               std::ifstream list(dir + "/pipes");
                               for (std::string line; std::getline(list, line);)
                                   if (line.find("/OSL_PIPE_") != std::string::npos)
                                       pipes.insert(line);
                               remove_pipes(pipes);
                               remove_tree(dir);
                           }
                           ::close(fd);
                       }
                   });
}

void forget_temp_dir(const std::string& dir)
{
    std::lock_guard<std::shared_mutex> lock(cleanup().mutex);
    remove_tree(dir);
    cleanup().dirs.erase(dir);
}

// The template's key, worked out once per process: it reads and hashes
// the whole .oxt, and every office of a --jobs pool asks for it at once.
// Empty when the .oxt cannot be read.
std::string cached_template_key(const std::string& soffice, const std::string& oxt)
{
    static std::mutex mutex;
    static std::map<std::string, std::string> keys;
    std::lock_guard<std::mutex> lock(mutex);
    const std::string id = soffice + '\0' + oxt;
    const auto found = keys.find(id);
    if (found != keys.end())
        return found->second;
    std::string key;
    try
    {
        key = template_key(soffice, oxt);
    }
    catch (const std::exception&)
    {
    }
    keys.emplace(id, key);
    return key;
}

} // namespace scrqm::office
