// The command line's office: a private headless LibreOffice with a throw-away
// profile into which the built extension is installed. All document work is
// one XJob call inside that office (no paragraph-by-paragraph remote calls).
#include "convert.hxx"

#include <scrqm/formats.hxx>
#include <scrqm/office.hxx>
#include <scrqm/text_reader.hxx>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/bridge/XUnoUrlResolver.hpp>
#include <com/sun/star/connection/NoConnectException.hpp>
#include <com/sun/star/deployment/ExtensionManager.hpp>
#include <com/sun/star/deployment/XExtensionManager.hpp>
#include <com/sun/star/deployment/XPackage.hpp>
#include <com/sun/star/document/BrokenPackageRequest.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
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
#include <com/sun/star/util/XCloseable.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase3.hxx>
#include <osl/file.hxx>
#include <rtl/ref.hxx>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <ftw.h>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <sys/prctl.h>
#include <sys/stat.h>
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
// a signal handler.
struct Cleanup
{
    std::mutex mutex;
    std::set<pid_t> groups;
    std::set<std::string> dirs;
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

void kill_group(pid_t group)
{
    if (group > 0)
        ::kill(-group, SIGKILL);
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
                                   for (const pid_t g : cleanup().groups)
                                       kill_group(g);
                                   for (const pid_t g : cleanup().groups)
                                       ::waitpid(g, nullptr, 0);
                                   for (const std::string& d : cleanup().dirs)
                                       remove_tree(d);
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

// ---------------------------------------------------------------- session
class Session : public OfficeSession
{
public:
    explicit Session(const OfficeOptions& options) { start(options); }

    ~Session() override { stop(); }

    std::string run(const std::string& path, const std::string& action,
                    const NamedArgs& args) override
    {
        // No path: the action needs no document (a new one from a template).
        if (path.empty())
            return call(action, args, Reference<frame::XModel>(), path,
                        Reference<lang::XComponent>());
        const Format format = format_of(path);
        rtl::Reference<LoadHandler> handler(new LoadHandler);
        Reference<lang::XComponent> component;
        try
        {
            Reference<frame::XComponentLoader> loader(frame::Desktop::create(remote_),
                                                      UNO_QUERY_THROW);
            uno::Sequence<beans::PropertyValue> media(5);
            media[0] = prop("Hidden", uno::Any(true));
            media[1] = prop("ReadOnly", uno::Any(true));
            media[2] = prop("InteractionHandler",
                            uno::Any(Reference<task::XInteractionHandler>(handler.get())));
            media[3] = prop("MacroExecutionMode", uno::Any(sal_Int16(0))); // never
            media[4] = prop("UpdateDocMode", uno::Any(sal_Int16(0)));      // no links
            component = loader->loadComponentFromURL(file_url(path), "_blank", 0, media);
        }
        catch (const lang::DisposedException&)
        {
            throw OfficeError("LibreOffice stopped while opening the document");
        }
        catch (const uno::RuntimeException& e)
        {
            if (!alive())
                throw OfficeError("LibreOffice stopped while opening the document");
            throw ReadError(path + ": could not be opened: " + lo::to_utf8(e.Message));
        }
        catch (const uno::Exception&)
        {
            // Reported below from what the handler saw.
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
            throw ReadError(path +
                            ": corrupted or not what its name says (LibreOffice read it "
                            "as \"" +
                            filter + "\"); open it in Word or LibreOffice and save it again");
        }

        return call(action, args, model, path, component);
    }

private:
    // One ReviewAssistant call; the document (if any) is closed afterwards.
    std::string call(const std::string& action, const NamedArgs& args,
                     const Reference<frame::XModel>& model, const std::string& path,
                     const Reference<lang::XComponent>& component)
    {
        std::string json;
        try
        {
            Reference<task::XJob> job(remote_->getServiceManager()->createInstanceWithContext(
                                          "org.scrqm.ReviewAssistant", remote_),
                                      UNO_QUERY_THROW);
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
            job->execute(nv) >>= result;
            json = lo::to_utf8(result);
        }
        catch (const uno::Exception& e)
        {
            close(component);
            if (!alive())
                throw OfficeError("LibreOffice stopped while checking the document");
            throw OfficeError("the scrqm extension failed: " + lo::to_utf8(e.Message));
        }
        close(component);
        return json;
    }

    void start(const OfficeOptions& options)
    {
        const std::string soffice = find_soffice(options.soffice);
        if (!executable(soffice))
            throw OfficeError("LibreOffice was not found" +
                              (soffice.empty() ? std::string() : " at " + soffice) +
                              "; install it (sudo apt-get install libreoffice-writer) or set "
                              "SCRQM_SOFFICE to its soffice");
        if (::access(options.oxt.c_str(), R_OK) != 0)
            throw OfficeError("the extension " + options.oxt +
                              " is missing; build it with: cmake --build build");
        start_signal_thread();

        const char* tmp = std::getenv("TMPDIR");
        std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/scrqm-XXXXXX";
        {
            // Created and registered at once, so an interrupt never misses it.
            std::lock_guard<std::mutex> lock(cleanup().mutex);
            if (::mkdtemp(templ.data()) == nullptr)
                throw OfficeError(std::string("cannot create a temporary profile: ") +
                                  std::strerror(errno));
            dir_ = templ;
            cleanup().dirs.insert(dir_);
        }

        std::random_device rd;
        const std::string pipe = "scrqm_" + std::to_string(::getpid()) + "_" + std::to_string(rd());
        const std::string accept =
            "--accept=pipe,name=" + pipe + ";urp;StarOffice.ComponentContext";
        const std::string profile =
            "-env:UserInstallation=" + lo::to_utf8(file_url(dir_)) + "/profile";
        log_ = dir_ + "/office.log";
        std::vector<std::string> argv_s = {
            soffice,       "--headless",    "--invisible",          "--nologo", "--norestore",
            "--nodefault", "--nolockcheck", "--nofirststartwizard", accept,     profile};
        std::vector<char*> argv;
        for (auto& a : argv_s)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        // The office's own temporary files go inside our directory too, so
        // that removing it leaves nothing behind, even after SIGKILL.
        const std::string office_tmp = dir_ + "/tmp";
        ::mkdir(office_tmp.c_str(), 0700);
        std::vector<std::string> env_s;
        for (char** e = environ; *e; ++e)
            if (std::strncmp(*e, "TMPDIR=", 7) != 0)
                env_s.emplace_back(*e);
        env_s.push_back("TMPDIR=" + office_tmp);
        std::vector<char*> envp;
        for (auto& e : env_s)
            envp.push_back(e.data());
        envp.push_back(nullptr);

        {
            std::lock_guard<std::mutex> lock(cleanup().mutex);
            pid_ = ::fork();
            if (pid_ < 0)
                throw OfficeError(std::string("cannot start LibreOffice: ") + std::strerror(errno));
            if (pid_ == 0)
            {
                // Own process group, so that the whole office (oosplash and
                // soffice.bin) can be stopped at once.
                ::setpgid(0, 0);
                ::prctl(PR_SET_PDEATHSIG, SIGKILL);
                sigset_t none;
                sigemptyset(&none);
                pthread_sigmask(SIG_SETMASK, &none, nullptr);
                const int fd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
                if (fd >= 0)
                {
                    ::dup2(fd, 1);
                    ::dup2(fd, 2);
                }
                ::execve(argv[0], argv.data(), envp.data());
                ::_exit(127);
            }
            ::setpgid(pid_, pid_);
            cleanup().groups.insert(pid_);
        }

        try
        {
            Reference<bridge::XUnoUrlResolver> resolver =
                bridge::UnoUrlResolver::create(local_context(soffice));
            const OUString url =
                lo::to_ou("uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext");
            const auto deadline = std::chrono::steady_clock::now() +
                                  std::chrono::seconds(options.start_timeout_seconds);
            while (!remote_.is())
            {
                try
                {
                    remote_.set(resolver->resolve(url), UNO_QUERY_THROW);
                }
                catch (const connection::NoConnectException&)
                {
                    if (!alive())
                        throw OfficeError("LibreOffice exited while starting: " +
                                          read_tail(log_, 300));
                    if (std::chrono::steady_clock::now() > deadline)
                        throw OfficeError("LibreOffice did not start within " +
                                          std::to_string(options.start_timeout_seconds) + " s");
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                }
            }
            install(options.oxt);
        }
        catch (const uno::Exception& e)
        {
            stop();
            throw OfficeError("cannot talk to LibreOffice: " + lo::to_utf8(e.Message));
        }
        catch (...)
        {
            stop();
            throw;
        }
    }

    void install(const std::string& oxt)
    {
        Reference<deployment::XExtensionManager> manager =
            deployment::ExtensionManager::get(remote_);
        rtl::Reference<InstallEnvironment> env(new InstallEnvironment);
        uno::Sequence<beans::NamedValue> props(1);
        props[0].Name = "SUPPRESS_LICENSE";
        props[0].Value <<= OUString("1");
        Reference<deployment::XPackage> package =
            manager->addExtension(file_url(oxt), props, "user", Reference<task::XAbortChannel>(),
                                  Reference<ucb::XCommandEnvironment>(env.get()));
        Reference<uno::XInterface> probe = remote_->getServiceManager()->createInstanceWithContext(
            "org.scrqm.ReviewAssistant", remote_);
        if (!package.is() || !probe.is())
            throw OfficeError("the scrqm extension did not install into LibreOffice (see " + log_ +
                              ")");
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
            std::lock_guard<std::mutex> lock(cleanup().mutex);
            exited_ = true;
            return false;
        }
        return !exited_;
    }

    void stop()
    {
        if (remote_.is())
        {
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
        }
        if (pid_ > 0)
        {
            // Give it a moment to exit on its own, then make sure.
            for (int i = 0; i < 100 && alive(); ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            std::lock_guard<std::mutex> lock(cleanup().mutex);
            kill_group(pid_);
            if (!exited_)
                ::waitpid(pid_, nullptr, 0);
            cleanup().groups.erase(pid_);
            pid_ = 0;
        }
        if (!dir_.empty())
        {
            std::lock_guard<std::mutex> lock(cleanup().mutex);
            if (std::getenv("SCRQM_KEEP_PROFILE") == nullptr)
                remove_tree(dir_);
            cleanup().dirs.erase(dir_);
            dir_.clear();
        }
    }

    pid_t pid_ = 0;
    bool exited_ = false;
    std::string dir_;
    std::string log_;
    Reference<uno::XComponentContext> remote_;
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
