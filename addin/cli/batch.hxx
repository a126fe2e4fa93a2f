// Runs one piece of work per file on N worker threads and hands the
// outcomes back in the order the files were given, so output is the same
// whatever finishes first. Each worker owns its State (its private office,
// its check data), created lazily inside the work and destroyed on the
// worker's own thread, so an office never outlives the thread that
// started it.
#pragma once

#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <cstdlib>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace scrqm::cli
{

// The CPUs this process may run on (the calling thread's mask: call it
// before any thread of the pool is pinned).
inline std::vector<int> allowed_cpus()
{
    std::vector<int> cpus;
    cpu_set_t set;
    if (::sched_getaffinity(0, sizeof set, &set) == 0)
        for (int c = 0; c < CPU_SETSIZE; ++c)
            if (CPU_ISSET(c, &set))
                cpus.push_back(c);
    return cpus;
}

// Worker `worker`'s share of `cpus` when `workers` workers split them:
// consecutive, disjoint, sizes differing by one at most. Empty (no pinning)
// when there are fewer CPUs than workers, or one worker.
inline std::vector<int> cpu_share(const std::vector<int>& cpus, unsigned worker, unsigned workers)
{
    if (workers < 2 || worker >= workers || cpus.size() < workers)
        return {};
    return std::vector<int>(
        cpus.begin() + static_cast<std::ptrdiff_t>(worker * cpus.size() / workers),
        cpus.begin() + static_cast<std::ptrdiff_t>((worker + 1) * cpus.size() / workers));
}

// Pins the calling worker thread to its share. A worker and the office it
// starts (a forked process keeps the thread's CPU mask) hand every call back
// and forth; left to the scheduler, the pairs of a pool often share a CPU
// while another idles (13% idle on 2 cores, measured; none when pinned).
inline void pin_to_share(const std::vector<int>& cpus, unsigned worker, unsigned workers)
{
    const std::vector<int> share = cpu_share(cpus, worker, workers);
    if (share.empty())
        return;
    cpu_set_t set;
    CPU_ZERO(&set);
    for (int c : share)
        CPU_SET(c, &set);
    // A refusal (a CPU gone offline since) leaves the worker unpinned,
    // which is only slower.
    ::pthread_setaffinity_np(::pthread_self(), sizeof set, &set);
}

// SCRQM_PIN=0 leaves the workers to the scheduler: for a machine whose
// other work would crowd one worker's CPUs.
inline bool pinning_wanted()
{
    const char* e = std::getenv("SCRQM_PIN");
    return !(e && std::string(e) == "0");
}

template <class State, class Outcome>
void run_batch(std::size_t count, unsigned jobs,
               const std::function<Outcome(std::size_t, State&)>& work,
               const std::function<void(std::size_t, Outcome&)>& emit)
{
    if (jobs <= 1 || count <= 1)
    {
        State state;
        for (std::size_t i = 0; i < count; ++i)
        {
            Outcome o = work(i, state);
            emit(i, o);
        }
        return;
    }
    std::mutex mutex;
    std::condition_variable done;
    std::vector<std::optional<Outcome>> outcomes(count);
    std::vector<std::exception_ptr> failures(count);
    std::size_t next = 0;
    bool stop = false;
    const std::vector<int> cpus = pinning_wanted() ? allowed_cpus() : std::vector<int>();
    const unsigned workers = static_cast<unsigned>(std::min<std::size_t>(jobs, count));
    auto worker = [&](unsigned index)
    {
        pin_to_share(cpus, index, workers);
        State state;
        for (;;)
        {
            std::size_t i = 0;
            {
                std::lock_guard<std::mutex> lock(mutex);
                if (stop || next >= count)
                    return;
                i = next++;
            }
            std::optional<Outcome> o;
            std::exception_ptr failure;
            try
            {
                o.emplace(work(i, state));
            }
            catch (...)
            {
                failure = std::current_exception();
            }
            {
                std::lock_guard<std::mutex> lock(mutex);
                outcomes[i] = std::move(o);
                failures[i] = failure;
                if (failure)
                    stop = true;
            }
            done.notify_all();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < workers; ++t)
        threads.emplace_back(worker, t);
    std::exception_ptr failure;
    for (std::size_t i = 0; i < count && !failure; ++i)
    {
        std::unique_lock<std::mutex> lock(mutex);
        done.wait(lock, [&] { return outcomes[i].has_value() || failures[i] || stop; });
        if (!outcomes[i])
        {
            // `stop` is only set together with a recorded failure.
            for (std::size_t j = 0; j < count && !failure; ++j)
                failure = failures[j];
            break;
        }
        Outcome o = std::move(*outcomes[i]);
        outcomes[i].reset();
        lock.unlock();
        emit(i, o);
    }
    for (std::thread& t : threads)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace scrqm::cli
