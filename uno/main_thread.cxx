#include "main_thread.hxx"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <cppuhelper/implbase1.hxx>
#include <rtl/ref.hxx>

#include <chrono>
#include <condition_variable>
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
                return; // dropped by a caller that gave up waiting
            state_ = State::Running;
        }
        try
        {
            work_();
        }
        catch (...)
        {
            // Commands never throw into the office.
        }
        std::lock_guard<std::mutex> lock(mutex_);
        state_ = State::Done;
        done_.notify_all();
    }

    // Waits until done; gives up (and drops the job) if it has not started
    // within `start_limit`. A job that started is waited for to the end: a
    // long check is no hang.
    bool wait(std::chrono::duration<double> start_limit)
    {
        std::unique_lock<std::mutex> lock(mutex_);
        const auto deadline =
            std::chrono::steady_clock::now() +
            std::chrono::duration_cast<std::chrono::steady_clock::duration>(start_limit);
        if (!done_.wait_until(lock, deadline, [this] { return state_ != State::Pending; }))
        {
            state_ = State::Dropped;
            return false;
        }
        done_.wait(lock, [this] { return state_ == State::Done; });
        return true;
    }

private:
    enum class State
    {
        Pending,
        Running,
        Done,
        Dropped,
    };
    std::function<void()> work_;
    std::mutex mutex_;
    std::condition_variable done_;
    State state_ = State::Pending;
};

} // namespace

bool on_main_thread()
{
    return static_cast<pid_t>(syscall(SYS_gettid)) == getpid();
}

bool run_on_main_thread(const uno::Reference<uno::XComponentContext>& context,
                        std::function<void()> work, double start_limit_s)
{
    if (on_main_thread())
    {
        work();
        return true;
    }
    rtl::Reference<Job> job(new Job(std::move(work)));
    awt::AsyncCallback::create(context)->addCallback(job.get(), uno::Any());
    return job->wait(std::chrono::duration<double>(start_limit_s));
}

} // namespace scrqm::lo
