// The command line's --jobs runner: outcomes in the files' order whatever
// finishes first, and each worker (with the office it forks) on its own
// share of the CPUs.
#include "../../addin/cli/batch.hxx"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <map>
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

TEST(Batch, EachWorkerRunsOnItsOwnCpusWhenThereAreEnough)
{
    const std::vector<int> cpus = allowed_cpus();
    if (cpus.size() < 2)
        GTEST_SKIP() << "needs 2 CPUs to share out; this process may use " << cpus.size();
    ::unsetenv("SCRQM_PIN");
    std::mutex mutex;
    std::condition_variable both;
    unsigned arrived = 0;
    std::map<std::thread::id, std::set<int>> masks;
    run_batch<NoState, int>(
        8, 2,
        [&](std::size_t, NoState&)
        {
            std::unique_lock<std::mutex> lock(mutex);
            if (masks.emplace(std::this_thread::get_id(), thread_cpus()).second)
            {
                // Each worker's first file waits for the other worker, so
                // that both take part.
                ++arrived;
                both.notify_all();
                EXPECT_TRUE(
                    both.wait_for(lock, std::chrono::seconds(10), [&] { return arrived == 2; }))
                    << "the second worker never started";
            }
            return 0;
        },
        [](std::size_t, int&) {});
    ASSERT_EQ(masks.size(), 2U);
    const std::set<int> first = masks.begin()->second, second = masks.rbegin()->second;
    std::set<int> both_masks = first;
    both_masks.insert(second.begin(), second.end());
    EXPECT_EQ(both_masks.size(), first.size() + second.size()) << "the shares overlap";
    EXPECT_EQ(both_masks, as_set(cpus)) << "together the shares are every allowed CPU";
    EXPECT_TRUE(first == as_set(cpu_share(cpus, 0, 2)) || first == as_set(cpu_share(cpus, 1, 2)));
    // The main thread (which prints) is never pinned.
    EXPECT_EQ(thread_cpus(), as_set(cpus));

    // SCRQM_PIN=0: the scheduler places the workers.
    ::setenv("SCRQM_PIN", "0", 1);
    std::vector<std::set<int>> unpinned;
    run_batch<NoState, int>(
        4, 2,
        [&](std::size_t, NoState&)
        {
            std::lock_guard<std::mutex> lock(mutex);
            unpinned.push_back(thread_cpus());
            return 0;
        },
        [](std::size_t, int&) {});
    ::unsetenv("SCRQM_PIN");
    for (const std::set<int>& m : unpinned)
        EXPECT_EQ(m, as_set(cpus));
}

} // namespace
