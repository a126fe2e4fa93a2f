#include "main_thread.hxx"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <cppuhelper/implbase1.hxx>
#include <rtl/ref.hxx>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <sys/syscall.h>
#include <unistd.h>

using namespace com::sun::star;

namespace scrqm::lo
{

namespace
{

class Job : public cppu::WeakImplHelper1<awt::XCallback>
{
public:
    explicit Job(std::function<void()> work) : work_(std::move(work)) {}

    void SAL_CALL notify(const uno::Any&) override
    {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (state_ != State::Pending)
                return; // the caller ran it itself
            state_ = State::Running;
        }
        run();
    }

    // Waits until done; runs it here if the main thread has not started it
    // within `start_limit`. A job that started is waited for to the end: a
    // long check is no hang.
    void wait(std::chrono::duration<double> start_limit)
    {
        std::unique_lock<std::mutex> lock(mutex_);
        const auto deadline =
            std::chrono::steady_clock::now() +
            std::chrono::duration_cast<std::chrono::steady_clock::duration>(start_limit);
        if (!done_.wait_until(lock, deadline, [this] { return state_ != State::Pending; }))
        {
            state_ = State::Running;
            lock.unlock();
            run();
            lock.lock();
        }
        done_.wait(lock, [this] { return state_ == State::Done; });
        if (error_)
            std::rethrow_exception(error_);
    }

private:
    void run()
    {
        std::exception_ptr error;
        try
        {
            work_();
        }
        catch (...)
        {
            error = std::current_exception();
        }
        std::lock_guard<std::mutex> lock(mutex_);
        error_ = error;
        state_ = State::Done;
        done_.notify_all();
    }

    enum class State
    {
        Pending,
        Running,
        Done,
    };
    std::function<void()> work_;
    std::mutex mutex_;
    std::condition_variable done_;
    State state_ = State::Pending;
    std::exception_ptr error_;
};

} // namespace

bool on_main_thread()
{
    return static_cast<pid_t>(syscall(SYS_gettid)) == getpid();
}

void run_on_main_thread(const uno::Reference<uno::XComponentContext>& context,
                        std::function<void()> work, double start_limit_s)
{
    if (on_main_thread())
    {
        work();
        return;
    }
    rtl::Reference<Job> job(new Job(std::move(work)));
    awt::AsyncCallback::create(context)->addCallback(job.get(), uno::Any());
    job->wait(std::chrono::duration<double>(start_limit_s));
}

} // namespace scrqm::lo
