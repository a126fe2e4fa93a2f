// The command line's office: a private headless LibreOffice with a throw-away
// profile into which the built extension is installed. All document work is
// one XJob call inside that office (no paragraph-by-paragraph remote calls).
#include "convert.hxx"
#include "external_links.hxx"
#include "office_load.hxx"
#include "office_process.hxx"
#include "uno_helpers.hxx"

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
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/task/XInteractionApprove.hpp>
#include <com/sun/star/task/XInteractionHandler.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/ucb/XCommandEnvironment.hpp>
#include <com/sun/star/ucb/XProgressHandler.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <cppuhelper/implbase3.hxx>
#include <osl/file.hxx>
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
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <shared_mutex>
#include <sstream>
#include <sys/file.h>
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

using namespace office;

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
            close_component(component);
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
            close_component(component);
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
    // See office::load_model; a failure there is a stopped office or a
    // document that the usual load then words exactly.
    Reference<frame::XModel> load_model(const std::string& path, Format format)
    {
        try
        {
            return office::load_model(remote_, path, format);
        }
        catch (const uno::Exception&)
        {
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
        const std::string key = cached_template_key(soffice_, oxt_);
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
        const Reference<uno::XInterface> product =
            lo::config_node(remote_, "/org.openoffice.Setup/Product", true);
        OUString version;
        Reference<container::XNameAccess>(product, UNO_QUERY_THROW)->getByName("ooSetupVersion") >>=
            version;
        if (!version.isEmpty())
            lo::set_config(product, "ooSetupLastVersion", uno::Any(version));
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
        close_component(open_);
        open_.clear();
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
