// The command line's --jobs runner: outcomes in the files' order whatever
// finishes first, and each worker (with the office it forks) on its own
// share of the CPUs.
#include "../../addin/cli/batch.hxx"

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace
{

using scrqm::cli::allowed_cpus;
using scrqm::cli::cpu_share;
using scrqm::cli::pin_to_share;
using scrqm::cli::run_batch;

std::set<int> thread_cpus()
{
    std::set<int> cpus;
    cpu_set_t set;
    if (pthread_getaffinity_np(pthread_self(), sizeof set, &set) == 0)
        for (int c = 0; c < CPU_SETSIZE; ++c)
            if (CPU_ISSET(c, &set))
                cpus.insert(c);
    return cpus;
}

std::set<int> as_set(const std::vector<int>& v)
{
    return {v.begin(), v.end()};
}

struct NoState
{
};

TEST(Batch, OutcomesComeInTheFilesOrder)
{
    std::vector<std::size_t> emitted;
    run_batch<NoState, std::size_t>(
        8, 3,
        [](std::size_t i, NoState&)
        {
            // Later files finish first.
            std::this_thread::sleep_for(std::chrono::milliseconds(2 * (8 - i)));
            return i * 10;
        },
        [&](std::size_t i, std::size_t& o)
        {
            EXPECT_EQ(o, i * 10);
            emitted.push_back(i);
        });
    EXPECT_EQ(emitted, (std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6, 7}));
}

TEST(Batch, SharesSplitTheCpusWithoutOverlap)
{
    const std::vector<int> cpus = {0, 2, 3, 5, 7};
    EXPECT_EQ(cpu_share(cpus, 0, 2), (std::vector<int>{0, 2}));
    EXPECT_EQ(cpu_share(cpus, 1, 2), (std::vector<int>{3, 5, 7}));
    EXPECT_EQ(cpu_share(cpus, 0, 5), (std::vector<int>{0}));
    EXPECT_EQ(cpu_share(cpus, 4, 5), (std::vector<int>{7}));
    // Fewer CPUs than workers, or one worker: the scheduler places them.
    EXPECT_TRUE(cpu_share(cpus, 0, 6).empty());
    EXPECT_TRUE(cpu_share(cpus, 0, 1).empty());
    EXPECT_TRUE(cpu_share({}, 0, 2).empty());
}

TEST(Batch, NothingIsPinnedWithFewerCpusThanWorkers)
{
    std::thread t(
        []
        {
            const std::set<int> before = thread_cpus();
            pin_to_share({0}, 0, 2);
            EXPECT_EQ(thread_cpus(), before);
        });
    t.join();
}

TEST(Batch, EachWorkerRunsOnItsOwnCpusWhenThereAreEnough)
{
    const std::vector<int> cpus = allowed_cpus();
    ASSERT_FALSE(cpus.empty());
    std::mutex mutex;
    std::vector<std::set<int>> masks;
    run_batch<NoState, int>(
        8, 2,
        [&](std::size_t, NoState&)
        {
            std::lock_guard<std::mutex> lock(mutex);
            masks.push_back(thread_cpus());
            return 0;
        },
        [](std::size_t, int&) {});
    ASSERT_EQ(masks.size(), 8U);
    const std::set<int> all(cpus.begin(), cpus.end());
    for (const std::set<int>& m : masks)
    {
        if (cpus.size() < 2)
            EXPECT_EQ(m, all); // one CPU: nothing to share out
        else
            EXPECT_TRUE(m == as_set(cpu_share(cpus, 0, 2)) || m == as_set(cpu_share(cpus, 1, 2)))
                << "a worker ran outside its share";
    }
    // The main thread is never pinned.
    EXPECT_EQ(thread_cpus(), all);
}

} // namespace
