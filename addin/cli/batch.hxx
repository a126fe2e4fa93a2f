// Runs one piece of work per file on N worker threads and hands the
// outcomes back in the order the files were given, so output is the same
// whatever finishes first. Each worker owns its State (its private office,
// its check data), created lazily inside the work and destroyed on the
// worker's own thread, so an office never outlives the thread that
// started it.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace scrqm::cli
{

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
    auto worker = [&]
    {
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
    for (unsigned t = 0; t < jobs && t < count; ++t)
        threads.emplace_back(worker);
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
