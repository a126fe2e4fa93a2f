// The command line's office: a private headless LibreOffice with a throw-away
// profile into which the built extension is installed. All document work is
// one XJob call inside that office (no paragraph-by-paragraph remote calls).
#include "convert.hxx"
#include "external_links.hxx"

#include <scrqm/formats.hxx>
#include <scrqm/office.hxx>
#include <scrqm/profile_copy.hxx>
#include <scrqm/register.hxx>
#include <scrqm/text_reader.hxx>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/bridge/XUnoUrlResolver.hpp>
#include <com/sun/star/connection/NoConnectException.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/deployment/ExtensionManager.hpp>
#include <com/sun/star/deployment/XExtensionManager.hpp>
#include <com/sun/star/deployment/XPackage.hpp>
#include <com/sun/star/document/BrokenPackageRequest.hpp>
#include <com/sun/star/document/XTypeDetection.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XLoadable.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/task/DocumentMSPasswordRequest.hpp>
#include <com/sun/star/task/DocumentMSPasswordRequest2.hpp>
#include <com/sun/star/task/DocumentPasswordRequest.hpp>
#include <com/sun/star/task/DocumentPasswordRequest2.hpp>
#include <com/sun/star/task/ErrorCodeRequest.hpp>
#include <com/sun/star/task/XInteractionAbort.hpp>
#include <com/sun/star/task/XInteractionApprove.hpp>
#include <com/sun/star/task/XInteractionHandler.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/ucb/XCommandEnvironment.hpp>
#include <com/sun/star/ucb/XProgressHandler.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase3.hxx>
#include <osl/file.hxx>
#include <rtl/digest.h>
#include <rtl/ref.hxx>

#include <atomic>
#include <cerrno>
#include <chrono>
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
#include <random>
#include <set>
#include <shared_mutex>
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
using com::sun::star::uno::UNO_QUERY;
using com::sun::star::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace scrqm
{

namespace
{

// ---------------------------------------------------------------- cleanup
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

Cleanup& cleanup()
{
    static Cleanup* c = new Cleanup; // never destroyed: the signal thread may outlive main
    return *c;
}

int remove_entry(const char* path, const struct stat*, int, struct FTW*)
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

std::string real_path(const std::string& path)
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

std::string file_bytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The .oxt's content and the office's build: a rebuilt extension or an
// upgraded LibreOffice gets a new template.
std::string template_key(const std::string& soffice, const std::string& oxt)
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

beans::PropertyValue prop(const char* name, const uno::Any& value)
{
    beans::PropertyValue p;
    p.Name = OUString::createFromAscii(name);
    p.Value = value;
    return p;
}

// Approves what an unattended install must approve (the licence).
class InstallEnvironment
    : public cppu::WeakImplHelper3<ucb::XCommandEnvironment, task::XInteractionHandler,
                                   ucb::XProgressHandler>
{
public:
    Reference<task::XInteractionHandler> SAL_CALL getInteractionHandler() override { return this; }
    Reference<ucb::XProgressHandler> SAL_CALL getProgressHandler() override { return this; }
    void SAL_CALL handle(const Reference<task::XInteractionRequest>& request) override
    {
        const auto continuations = request->getContinuations();
        for (sal_Int32 i = 0; i < continuations.getLength(); ++i)
        {
            Reference<task::XInteractionApprove> approve(continuations[i], UNO_QUERY);
            if (approve.is())
            {
                approve->select();
                return;
            }
        }
    }
    void SAL_CALL push(const uno::Any&) override {}
    void SAL_CALL update(const uno::Any&) override {}
    void SAL_CALL pop() override {}
};

// Records why a document could not be loaded and aborts: a headless office
// must never wait for an answer (password prompt, repair question).
class LoadHandler : public cppu::WeakImplHelper1<task::XInteractionHandler>
{
public:
    enum class Problem
    {
        None,
        Password,
        Broken,
        Other
    };

    void SAL_CALL handle(const Reference<task::XInteractionRequest>& request) override
    {
        const uno::Any r = request->getRequest();
        if (r.isExtractableTo(cppu::UnoType<task::DocumentPasswordRequest>::get()) ||
            r.isExtractableTo(cppu::UnoType<task::DocumentPasswordRequest2>::get()) ||
            r.isExtractableTo(cppu::UnoType<task::DocumentMSPasswordRequest>::get()) ||
            r.isExtractableTo(cppu::UnoType<task::DocumentMSPasswordRequest2>::get()))
            problem = Problem::Password;
        else if (r.isExtractableTo(cppu::UnoType<document::BrokenPackageRequest>::get()) ||
                 r.isExtractableTo(cppu::UnoType<task::ErrorCodeRequest>::get()))
        {
            if (problem.load() != Problem::Password)
                problem = Problem::Broken;
        }
        else if (problem.load() == Problem::None)
            problem = Problem::Other;
        const auto continuations = request->getContinuations();
        for (sal_Int32 i = 0; i < continuations.getLength(); ++i)
        {
            Reference<task::XInteractionAbort> abort(continuations[i], UNO_QUERY);
            if (abort.is())
            {
                abort->select();
                return;
            }
        }
    }

    std::atomic<Problem> problem{Problem::None};
};

// The filter LibreOffice chose tells whether a file was what it claimed to
// be: a garbage ".docx" is otherwise opened happily as plain text.
bool filter_matches(Format format, const std::string& filter)
{
    auto has = [&](const char* s) { return filter.find(s) != std::string::npos; };
    switch (format)
    {
    case Format::Docx:
        return has("Word 2007") || has("Office Open XML") || has("Word 2010") || has("Word 2013") ||
               has("Word 2016");
    case Format::Doc:
        return has("MS Word 97") || has("MS Word 95") || has("MS WinWord");
    case Format::Odt:
    case Format::Fodt:
        return has("writer8") || has("OpenDocument") || has("StarOffice XML");
    case Format::Rtf:
        return has("Rich Text");
    default:
        return true;
    }
}

// What a filter reads, in words (never LibreOffice's internal filter name).
std::string kind_of(const std::string& filter)
{
    auto has = [&](const char* s) { return filter.find(s) != std::string::npos; };
    if (has("writer8") || has("OpenDocument") || has("StarOffice XML"))
        return "an OpenDocument text";
    if (has("Word 2007") || has("Office Open XML") || has("Word 201"))
        return "a Word .docx document";
    if (has("MS Word 9") || has("MS WinWord"))
        return "a Word 97-2003 .doc document";
    if (has("Rich Text"))
        return "an RTF document";
    if (has("HTML"))
        return "a web page (HTML)";
    if (has("Text"))
        return "plain text";
    return "another kind of file";
}

std::string kind_of(Format format)
{
    switch (format)
    {
    case Format::Docx:
        return "a Word .docx document";
    case Format::Doc:
        return "a Word 97-2003 .doc document";
    case Format::Odt:
    case Format::Fodt:
        return "an OpenDocument text";
    case Format::Rtf:
        return "an RTF document";
    default:
        return "a document";
    }
}

// ---------------------------------------------------------------- session
class Session : public OfficeSession
{
public:
    explicit Session(const OfficeOptions& options) { start(options); }

    ~Session() override { stop(); }

    std::string run(const std::string& path, const std::string& action,
                    const NamedArgs& args) override
    {
        // The previous document is closed only now, after its answer went
        // out; the last one goes down with the office.
        close_open();
        // No path: the action needs no document (a new one from a template).
        if (path.empty())
            return call(action, args, Reference<frame::XModel>(), path);
        const Format format = format_of(path);
        // Reading actions need no view: see load_model.
        if (action == "check" || action == "outline" || action == "coverage" || action == "model" ||
            action == "suggest")
        {
            Reference<frame::XModel> model = load_model(path, format);
            if (model.is())
            {
                timer_.lap("load", "model only");
                open_.set(model, UNO_QUERY);
                return call(action, args, model, path);
            }
        }
        rtl::Reference<LoadHandler> handler(new LoadHandler);
        Reference<lang::XComponent> component;
        try
        {
            Reference<frame::XComponentLoader> loader(frame::Desktop::create(remote_),
                                                      UNO_QUERY_THROW);
            component = loader->loadComponentFromURL(file_url(path), "_blank", 0,
                                                     load_arguments(handler.get()));
        }
        catch (const lang::DisposedException&)
        {
            hold_if_interrupted();
            throw OfficeError("LibreOffice stopped while opening the document");
        }
        catch (const uno::RuntimeException& e)
        {
            hold_if_interrupted();
            if (!alive())
                throw OfficeError("LibreOffice stopped while opening the document");
            throw ReadError(path + ": could not be opened: " + lo::to_utf8(e.Message));
        }
        catch (const uno::Exception&)
        {
            // Reported below from what the handler saw.
            hold_if_interrupted();
        }
        Reference<frame::XModel> model(component, UNO_QUERY);
        if (!model.is())
        {
            close(component);
            switch (handler->problem.load())
            {
            case LoadHandler::Problem::Password:
                throw ReadError(path + ": the document is password-protected; save a copy "
                                       "without the password and try again");
            case LoadHandler::Problem::Broken:
                throw ReadError(path + ": the document is corrupted; LibreOffice cannot "
                                       "read it (open it in Word or LibreOffice to repair it)");
            default:
                throw ReadError(path +
                                ": LibreOffice could not open the document (corrupted "
                                "or not a " +
                                std::string(format == Format::Docx ? "Word" : "text") +
                                " document)");
            }
        }
        std::string filter;
        const auto margs = model->getArgs();
        for (sal_Int32 i = 0; i < margs.getLength(); ++i)
            if (margs[i].Name == "FilterName")
            {
                OUString f;
                margs[i].Value >>= f;
                filter = lo::to_utf8(f);
            }
        if (!filter_matches(format, filter))
        {
            close(component);
            throw ReadError(path + ": not what its name says (LibreOffice read it as " +
                            kind_of(filter) + ", not " + kind_of(format) +
                            "); open it in Word or LibreOffice and save it again with the right "
                            "extension");
        }
        timer_.lap("load");
        open_ = component;
        return call(action, args, model, path);
    }

private:
    // No "Referer": LibreOffice takes the document's own URL as the referer
    // of what it links to, which external_links.hxx blocks; a Referer given
    // here would make type detection refuse the document itself.
    static uno::Sequence<beans::PropertyValue> load_arguments(const Reference<LoadHandler>& handler)
    {
        uno::Sequence<beans::PropertyValue> media(5);
        media[0] = prop("Hidden", uno::Any(true));
        media[1] = prop("ReadOnly", uno::Any(true));
        media[2] = prop("InteractionHandler",
                        uno::Any(Reference<task::XInteractionHandler>(handler.get())));
        media[3] = prop("MacroExecutionMode", uno::Any(sal_Int16(0))); // never
        media[4] = prop("UpdateDocMode", uno::Any(sal_Int16(0)));      // no links
        return media;
    }

    // Loads a Writer document as a bare model, with no frame and no view,
    // so that Writer lays out no pages: for a 300-page report, formatting
    // pages that nobody sees took longer than reading and checking them.
    // Returns nothing when the file is not plainly a Writer document of its
    // kind or does not load this way; the caller then loads it the usual
    // way, which also words any problem exactly as before.
    Reference<frame::XModel> load_model(const std::string& path, Format format)
    {
        Reference<lang::XComponent> component;
        try
        {
            const OUString url = file_url(path);
            Reference<lang::XMultiComponentFactory> smgr = remote_->getServiceManager();
            Reference<document::XTypeDetection> detection(
                smgr->createInstanceWithContext("com.sun.star.document.TypeDetection", remote_),
                UNO_QUERY_THROW);
            uno::Sequence<beans::PropertyValue> descriptor(1);
            descriptor[0] = prop("URL", uno::Any(url));
            const OUString type = detection->queryTypeByDescriptor(descriptor, true);
            OUString filter;
            for (sal_Int32 i = 0; i < descriptor.getLength(); ++i)
                if (descriptor[i].Name == "FilterName")
                    descriptor[i].Value >>= filter;
            Reference<container::XNameAccess> types(detection, UNO_QUERY_THROW);
            if (filter.isEmpty() && !type.isEmpty() && types->hasByName(type))
            {
                uno::Sequence<beans::PropertyValue> props;
                types->getByName(type) >>= props;
                for (sal_Int32 i = 0; i < props.getLength(); ++i)
                    if (props[i].Name == "PreferredFilter")
                        props[i].Value >>= filter;
            }
            if (filter.isEmpty() || !filter_matches(format, lo::to_utf8(filter)))
                return {};
            Reference<container::XNameAccess> filters(
                smgr->createInstanceWithContext("com.sun.star.document.FilterFactory", remote_),
                UNO_QUERY_THROW);
            OUString service;
            if (filters->hasByName(filter))
            {
                uno::Sequence<beans::PropertyValue> props;
                filters->getByName(filter) >>= props;
                for (sal_Int32 i = 0; i < props.getLength(); ++i)
                    if (props[i].Name == "DocumentService")
                        props[i].Value >>= service;
            }
            if (service != "com.sun.star.text.TextDocument")
                return {};
            rtl::Reference<LoadHandler> handler(new LoadHandler);
            component.set(smgr->createInstanceWithContext(service, remote_), UNO_QUERY_THROW);
            Reference<frame::XLoadable> loadable(component, UNO_QUERY_THROW);
            uno::Sequence<beans::PropertyValue> media = load_arguments(handler.get());
            media.realloc(media.getLength() + 2);
            media[media.getLength() - 2] = prop("URL", uno::Any(url));
            media[media.getLength() - 1] = prop("FilterName", uno::Any(filter));
            loadable->load(media);
            Reference<frame::XModel> model(component, UNO_QUERY_THROW);
            if (handler->problem.load() != LoadHandler::Problem::None)
            {
                close(component);
                return {};
            }
            return model;
        }
        catch (const uno::Exception&)
        {
            hold_if_interrupted();
            close(component);
            if (!alive())
                throw OfficeError("LibreOffice stopped while opening the document");
            return {};
        }
    }

    // One ReviewAssistant call, on the session's one instance: its check
    // data is loaded once per office, not once per file.
    std::string call(const std::string& action, const NamedArgs& args,
                     const Reference<frame::XModel>& model, const std::string& path)
    {
        std::string json;
        try
        {
            const sal_Int32 fixed = model.is() ? 3 : 1;
            uno::Sequence<beans::NamedValue> nv(static_cast<sal_Int32>(args.size()) + fixed);
            nv[0].Name = "Action";
            nv[0].Value <<= lo::to_ou(action);
            if (model.is())
            {
                nv[1].Name = "Document";
                nv[1].Value <<= model;
                nv[2].Name = "File";
                nv[2].Value <<= lo::to_ou(path);
            }
            for (std::size_t i = 0; i < args.size(); ++i)
            {
                nv[static_cast<sal_Int32>(i) + fixed].Name = lo::to_ou(args[i].first);
                nv[static_cast<sal_Int32>(i) + fixed].Value <<= lo::to_ou(args[i].second);
            }
            OUString result;
            job_->execute(nv) >>= result;
            json = lo::to_utf8(result);
        }
        catch (const uno::Exception& e)
        {
            hold_if_interrupted();
            close_open();
            if (!alive())
                throw OfficeError("LibreOffice stopped while checking the document");
            throw OfficeError("the scrqm extension failed: " + lo::to_utf8(e.Message));
        }
        timer_.lap("call", action);
        return json;
    }

    void start(const OfficeOptions& options)
    {
        soffice_ = find_soffice(options.soffice);
        if (!executable(soffice_))
            throw OfficeError("LibreOffice was not found" +
                              (soffice_.empty() ? std::string() : " at " + soffice_) +
                              "; install it (sudo apt-get install libreoffice-writer) or set "
                              "SCRQM_SOFFICE to its soffice");
        oxt_ = options.oxt;
        if (::access(oxt_.c_str(), R_OK) != 0)
            throw OfficeError("the extension " + oxt_ +
                              " is missing; build it with: cmake --build build");
        timeout_ = options.start_timeout_seconds;
        start_signal_thread();

        const char* tmp = std::getenv("TMPDIR");
        const std::string tmp_root = tmp && *tmp ? tmp : "/tmp";
        remove_stale_sessions(tmp_root);
        dir_ = make_temp_dir(tmp_root + "/scrqm-XXXXXX");
        owner_fd_ = claim_dir(dir_);
        log_ = dir_ + "/office.log";
        const std::string profile = dir_ + "/profile";
        try
        {
            std::string from;
            if (profile_cache_enabled())
                from = profile_template();
            if (!from.empty())
            {
                // Under the cleanup lock (shared with the other offices'
                // copies): an interrupt must not remove the directory while
                // files are still being copied into it.
                std::shared_lock<std::shared_mutex> lock(cleanup().mutex);
                std::error_code ec;
                // A profile kept for debugging is all copies: editing its
                // extension's data must not edit the template's.
                copy_profile(from, profile, std::getenv("SCRQM_KEEP_PROFILE") == nullptr, ec);
                if (ec)
                {
                    remove_tree(profile);
                    from.clear();
                }
                timer_.lap("profile",
                           from.empty() ? "copy failed: " + ec.message() : "copied from " + from);
            }
            launch(profile);
            timer_.lap("start");
            if (from.empty() || !probe())
            {
                install();
                timer_.lap("install");
            }
        }
        catch (const uno::Exception& e)
        {
            hold_if_interrupted();
            stop();
            throw OfficeError("cannot talk to LibreOffice: " + lo::to_utf8(e.Message));
        }
        catch (...)
        {
            hold_if_interrupted();
            stop();
            throw;
        }
    }

    // A directory created and registered at once, so that an interrupt
    // never misses it.
    static std::string make_temp_dir(std::string templ)
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
    static int claim_dir(const std::string& dir)
    {
        const std::string tmp = dir + "/.owner";
        const int fd =
            ::open(tmp.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
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
    static void remove_stale_sessions(const std::string& root)
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
                               const int fd = ::open((dir + "/owner").c_str(),
                                                     O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
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

    static void forget_temp_dir(const std::string& dir)
    {
        std::lock_guard<std::shared_mutex> lock(cleanup().mutex);
        remove_tree(dir);
        cleanup().dirs.erase(dir);
    }

    // The template's key, worked out once per process: it reads and hashes
    // the whole .oxt, and every office of a --jobs pool asks for it at once.
    // Empty when the .oxt cannot be read.
    std::string cached_template_key()
    {
        static std::mutex mutex;
        static std::map<std::string, std::string> keys;
        std::lock_guard<std::mutex> lock(mutex);
        const std::string id = soffice_ + '\0' + oxt_;
        const auto found = keys.find(id);
        if (found != keys.end())
            return found->second;
        std::string key;
        try
        {
            key = template_key(soffice_, oxt_);
        }
        catch (const std::exception&)
        {
        }
        keys.emplace(id, key);
        return key;
    }

    // The cached profile template for this .oxt and office, built on first
    // use (one office start that installs the extension and stops cleanly,
    // so that everything is on disk). Concurrent runs wait for the one that
    // builds it. Empty when there is no usable cache directory: the session
    // then installs into its fresh profile as before.
    std::string profile_template()
    {
        const std::string root = cache_root();
        std::error_code ec;
        if (root.empty() || (std::filesystem::create_directories(root, ec), ec) ||
            ::chmod(root.c_str(), 0700) != 0)
            return {};
        const std::string key = cached_template_key();
        if (key.empty())
            return {};
        const std::string ready = root + "/profile-" + key;
        if (is_directory(ready + "/user"))
        {
            ::utimensat(AT_FDCWD, ready.c_str(), nullptr, 0); // in use: not pruned
            return ready;
        }
        const int fd =
            ::open((ready + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0)
            return {};
        struct Unlock
        {
            int fd;
            ~Unlock() { ::close(fd); }
        } unlock{fd};
        if (::flock(fd, LOCK_EX) != 0)
            return {};
        if (is_directory(ready + "/user"))
            return ready; // built by another run while we waited
        const std::string build = make_temp_dir(root + "/.build-XXXXXX");
        try
        {
            launch(build + "/profile");
            timer_.lap("start", "to build the profile template");
            install();
            record_version_seen();
            terminate_cleanly();
            timer_.lap("template", "built " + ready);
        }
        catch (...)
        {
            // The office first: it would write into the directory again.
            job_.clear();
            remote_.clear();
            reap();
            forget_temp_dir(build);
            throw;
        }
        ::remove((build + "/profile/.lock").c_str());
        ::remove((build + "/profile/user/.lock").c_str());
        const bool renamed = ::rename((build + "/profile").c_str(), ready.c_str()) == 0;
        forget_temp_dir(build);
        if (!renamed)
            return {};
        prune_templates(root, ready);
        return ready;
    }

    // What to start: soffice.bin itself, not the soffice script and its
    // oosplash launcher, so that the office is our own child and dies with
    // us (PR_SET_PDEATHSIG) even when scrqm is killed with SIGKILL, which
    // no handler sees: oosplash's soffice.bin would outlive it. Of what
    // oosplash adds (a splash screen, javaldx for Java, a restart when the
    // office asks for one) only the restart is needed; launch() does it.
    static std::string office_binary(const std::string& soffice)
    {
        char buf[PATH_MAX];
        const std::string real = ::realpath(soffice.c_str(), buf) ? buf : soffice;
        const std::string bin = real + ".bin";
        if (real.size() > 8 && real.compare(real.size() - 8, 8, "/soffice") == 0 && executable(bin))
            return bin;
        return soffice;
    }

    // Starts soffice on `profile` and connects to it.
    void launch(const std::string& profile_dir)
    {
        std::random_device rd;
        const std::string pipe = "scrqm_" + std::to_string(::getpid()) + "_" + std::to_string(rd());
        const std::string accept =
            "--accept=pipe,name=" + pipe + ";urp;StarOffice.ComponentContext";
        const std::string profile = "-env:UserInstallation=" + lo::to_utf8(file_url(profile_dir));
        std::vector<std::string> argv_s = {office_binary(soffice_),
                                           "--headless",
                                           "--invisible",
                                           "--nologo",
                                           "--norestore",
                                           "--nodefault",
                                           "--nolockcheck",
                                           "--nofirststartwizard",
                                           accept,
                                           profile};
        std::vector<char*> argv;
        for (auto& a : argv_s)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        // The office's own temporary files go inside our directory too, so
        // that removing it leaves nothing behind, even after SIGKILL.
        const std::string office_tmp = dir_ + "/tmp";
        std::vector<std::string> env_s;
        for (char** e = environ; *e; ++e)
            if (std::strncmp(*e, "TMPDIR=", 7) != 0 &&
                std::strncmp(*e, "SAL_ENABLE_FILE_LOCKING=", 24) != 0)
                env_s.emplace_back(*e);
        env_s.push_back("TMPDIR=" + office_tmp);
        env_s.push_back("SAL_ENABLE_FILE_LOCKING=1"); // as the soffice script sets it
        std::vector<char*> envp;
        for (auto& e : env_s)
            envp.push_back(e.data());
        envp.push_back(nullptr);
        // The office's pipe sockets by name, known before it makes them, so
        // that a run killed while its office starts still lists them for
        // the next run: the --accept pipe and the instance pipe (osl's
        // pipe.cxx puts them in /tmp, else /var/tmp).
        const std::string uid = std::to_string(::getuid());
        const std::string instance = instance_pipe(file_url(profile_dir));
        std::set<std::string> named_pipes;
        for (const char* base : {"/tmp", "/var/tmp"})
            for (const std::string& name : {pipe, instance})
                if (!name.empty())
                    named_pipes.insert(std::string(base) + "/OSL_PIPE_" + uid + "_" + name);
        // The child may only make async-signal-safe calls: everything it
        // needs is made here.
        const pid_t parent = ::getpid();
        const int log_fd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        struct CloseLog
        {
            int fd;
            ~CloseLog()
            {
                if (fd >= 0)
                    ::close(fd);
            }
        } close_log{log_fd};

        auto spawn = [&]
        {
            // Under the cleanup lock, as everything that creates files in
            // our directory: an interrupt removes it under that lock.
            std::lock_guard<std::shared_mutex> lock(cleanup().mutex);
            ::mkdir(office_tmp.c_str(), 0700);
            exited_ = false;
            exit_code_ = -1;
            pid_ = ::fork();
            if (pid_ < 0)
                throw OfficeError(std::string("cannot start LibreOffice: ") + std::strerror(errno));
            if (pid_ == 0)
            {
                // Own process group, so that the whole office can be stopped
                // at once; killed with the thread that started it.
                ::setpgid(0, 0);
                ::prctl(PR_SET_PDEATHSIG, SIGKILL);
                if (::getppid() != parent)
                    ::_exit(127); // we died before the line above
                sigset_t none;
                sigemptyset(&none);
                pthread_sigmask(SIG_SETMASK, &none, nullptr);
                if (log_fd >= 0)
                {
                    ::dup2(log_fd, 1);
                    ::dup2(log_fd, 2);
                }
                ::execve(argv[0], argv.data(), envp.data());
                ::_exit(127);
            }
            ::setpgid(pid_, pid_);
            cleanup().groups.insert(pid_);
            record_pipes(named_pipes);
        };
        spawn();

        Reference<bridge::XUnoUrlResolver> resolver =
            bridge::UnoUrlResolver::create(local_context(soffice_));
        const OUString url =
            lo::to_ou("uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext");
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_);
        int restarts = 0;
        while (!remote_.is())
        {
            try
            {
                remote_.set(resolver->resolve(url), UNO_QUERY_THROW);
            }
            catch (const connection::NoConnectException&)
            {
                if (!alive())
                {
                    hold_if_interrupted();
                    // A fresh profile's first start ends asking for a
                    // restart (81; 79 after a crash), which oosplash would
                    // have done.
                    if ((exit_code_ == 81 || exit_code_ == 79) && restarts++ < 3)
                    {
                        reap();
                        spawn();
                        continue;
                    }
                    throw OfficeError("LibreOffice exited while starting: " + read_tail(log_, 300));
                }
                if (std::chrono::steady_clock::now() > deadline)
                    throw OfficeError("LibreOffice did not start within " +
                                      std::to_string(timeout_) + " s");
                // Short: every step waited here is time the user waits.
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        }
        {
            const std::set<std::string> found = office_pipe_sockets(pid_);
            std::lock_guard<std::shared_mutex> lock(cleanup().mutex);
            record_pipes(found);
        }
        try
        {
            lo::set_block_external_links(remote_, true);
        }
        catch (const uno::Exception& e)
        {
            throw OfficeError("cannot stop LibreOffice from fetching what documents link to: " +
                              lo::to_utf8(e.Message));
        }
    }

    // The office's pipe sockets, kept to be removed when it stops (and by
    // the next run, from the list in our directory, if we are killed).
    // `names`: found from its open sockets (see office_pipe_sockets), or
    // ours by name (the --accept pipe, before the office makes it). Under
    // the cleanup lock.
    void record_pipes(const std::set<std::string>& names)
    {
        std::ofstream list(dir_ + "/pipes", std::ios::app);
        for (const std::string& p : names)
        {
            list << p << "\n";
            pipes_.insert(p);
            cleanup().pipes.insert(p);
        }
    }

    bool probe()
    {
        job_.set(remote_->getServiceManager()->createInstanceWithContext(
                     "org.scrqm.ReviewAssistant", remote_),
                 UNO_QUERY);
        return job_.is();
    }

    void install()
    {
        Reference<deployment::XExtensionManager> manager =
            deployment::ExtensionManager::get(remote_);
        rtl::Reference<InstallEnvironment> env(new InstallEnvironment);
        uno::Sequence<beans::NamedValue> props(1);
        props[0].Name = "SUPPRESS_LICENSE";
        props[0].Value <<= OUString("1");
        Reference<deployment::XPackage> package =
            manager->addExtension(file_url(oxt_), props, "user", Reference<task::XAbortChannel>(),
                                  Reference<ucb::XCommandEnvironment>(env.get()));
        if (!package.is() || !probe())
            throw OfficeError("the scrqm extension did not install into LibreOffice (see " + log_ +
                              ")");
    }

    // Records this LibreOffice version as seen in the profile. Until a
    // profile has seen the version, every start runs LibreOffice's graphics
    // self-tests (GraphicsRenderTests: about 0.7 s of CPU and a gigabyte of
    // page faults here), which a user's office does once per upgrade.
    // Best effort: without it the office only starts more slowly.
    void record_version_seen()
    {
        try
        {
            record_version_seen_or_throw();
        }
        catch (const uno::Exception&)
        {
        }
    }

    void record_version_seen_or_throw()
    {
        Reference<lang::XMultiServiceFactory> provider(
            remote_->getServiceManager()->createInstanceWithContext(
                "com.sun.star.configuration.ConfigurationProvider", remote_),
            UNO_QUERY_THROW);
        beans::NamedValue path;
        path.Name = "nodepath";
        path.Value <<= OUString("/org.openoffice.Setup/Product");
        const uno::Any arg(path);
        const uno::Sequence<uno::Any> args(&arg, 1);
        Reference<container::XNameAccess> product(
            provider->createInstanceWithArguments(
                "com.sun.star.configuration.ConfigurationUpdateAccess", args),
            UNO_QUERY_THROW);
        OUString version;
        product->getByName("ooSetupVersion") >>= version;
        if (version.isEmpty())
            return;
        Reference<container::XNameReplace>(product, UNO_QUERY_THROW)
            ->replaceByName("ooSetupLastVersion", uno::Any(version));
        Reference<util::XChangesBatch>(product, UNO_QUERY_THROW)->commitChanges();
    }

    // Asks the office to quit and waits for it, so that its profile is
    // complete on disk (for the template).
    void terminate_cleanly()
    {
        job_.clear();
        try
        {
            Reference<frame::XDesktop2> desktop = frame::Desktop::create(remote_);
            desktop->terminate();
        }
        catch (const uno::Exception&)
        {
            // The bridge goes down with the office: expected.
        }
        remote_.clear();
        for (int i = 0; i < 1000 && alive(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        const bool clean = !alive();
        reap();
        if (!clean)
            throw OfficeError("LibreOffice did not stop after installing the extension (see " +
                              log_ + ")");
    }

    void close_open()
    {
        close(open_);
        open_.clear();
    }

    static void close(const Reference<lang::XComponent>& component)
    {
        try
        {
            Reference<util::XCloseable> closeable(component, UNO_QUERY);
            if (closeable.is())
                closeable->close(true);
            else if (component.is())
                component->dispose();
        }
        catch (const uno::Exception&)
        {
        }
    }

    bool alive()
    {
        if (pid_ <= 0)
            return false;
        int status = 0;
        const pid_t r = ::waitpid(pid_, &status, WNOHANG);
        if (r == pid_)
        {
            std::lock_guard<std::shared_mutex> lock(cleanup().mutex);
            exited_ = true;
            exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            return false;
        }
        return !exited_;
    }

    // Makes sure the office's process group is gone and reaped.
    void reap()
    {
        if (pid_ <= 0)
            return;
        std::lock_guard<std::shared_mutex> lock(cleanup().mutex);
        kill_group(pid_);
        wait_group(pid_);
        cleanup().groups.erase(pid_);
        pid_ = 0;
        remove_pipes(pipes_);
        for (const std::string& p : pipes_)
            cleanup().pipes.erase(p);
        pipes_.clear();
    }

    void stop()
    {
        timer_.lap("cli", "the command line's own work after the last call");
        const bool keep = std::getenv("SCRQM_KEEP_PROFILE") != nullptr;
        job_.clear();
        open_.clear();
        if (keep && remote_.is())
        {
            // A profile kept for debugging is left as the office writes it.
            try
            {
                terminate_cleanly();
            }
            catch (const OfficeError&)
            {
            }
        }
        // Otherwise the profile is thrown away: nothing in the office is
        // worth the time a clean shutdown takes, so it is simply stopped.
        remote_.clear();
        reap();
        if (!dir_.empty())
        {
            std::lock_guard<std::shared_mutex> lock(cleanup().mutex);
            if (!keep)
                remove_tree(dir_);
            else
                ::remove((dir_ + "/owner").c_str()); // no later run may take it
            cleanup().dirs.erase(dir_);
            dir_.clear();
        }
        if (owner_fd_ >= 0)
            ::close(owner_fd_);
        owner_fd_ = -1;
        timer_.lap("stop");
    }

    std::string soffice_;
    std::string oxt_;
    int timeout_ = 60;
    pid_t pid_ = 0;
    bool exited_ = false;
    int exit_code_ = -1;
    std::set<std::string> pipes_; // the office's OSL_PIPE_* sockets
    int owner_fd_ = -1;           // locked while dir_ is in use (see claim_dir)
    std::string dir_;
    std::string log_;
    Reference<uno::XComponentContext> remote_;
    Reference<task::XJob> job_;
    Reference<lang::XComponent> open_; // the document of the last run, still open
    Timer timer_;
};

} // namespace

void install_interrupt_cleanup()
{
    start_signal_thread();
}

bool office_supported()
{
    return true;
}

std::unique_ptr<OfficeSession> start_office(const OfficeOptions& options)
{
    return std::make_unique<Session>(options);
}

} // namespace scrqm
