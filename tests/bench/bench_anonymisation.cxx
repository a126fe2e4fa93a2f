// Throughput of the anonymisation scan on one core, at 30, 100 and 300
// pages (about 500 words a page), with peak memory. A benchmark, not a test:
//   build/scrqm_bench_anonymisation [data-dir]
#include <scrqm/anonymisation.hxx>
#include <scrqm/catalogue.hxx>

#include <chrono>
#include <cstdio>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace
{

// Report-like sentences: mostly ordinary prose, with an identifier now and
// then, as in a draft that has been mostly anonymised.
const char* const kSentences[] = {
    "The health visitor completed a new birth visit and noted no concerns about the home.",
    "Child A attended the nursery regularly until the spring, when attendance fell.",
    "Practitioners described the threshold document as unclear, which affected referrals.",
    "The GP saw Mother twice and recorded low mood, but no referral followed.",
    "A strategy discussion was held by the police and Children's Social Care.",
    "This finding asks the board how agencies share information about missed appointments.",
    "Social Worker 1 had a caseload of thirty-two children at the time.",
    "Research (Munro, 2011) describes how systems shape professional practice.",
    "The family moved to a new address in March 2016 and changed GP practice.",
    "Liam was seen at St Bede's Primary School on 14/06/2015 by the school nurse.",
    "Mrs Okafor telephoned 07700 900123 to report a concern about the children.",
    "The review panel met six times and agreed the terms of reference in April.",
};

long peak_rss_kb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string data = argc > 1 ? argv[1] : SCRQM_DATA_DIR_FOR_TESTS;
    try
    {
        const auto load_start = std::chrono::steady_clock::now();
        const scrqm::AnonymisationCheck check(data);
        const double load_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - load_start)
                .count();
        std::printf("data load: %.1f ms, peak memory after load: %.1f MB\n", load_ms,
                    static_cast<double>(peak_rss_kb()) / 1024.0);
        std::printf("%6s %9s %9s %10s %9s %10s %12s\n", "pages", "words", "MB", "findings",
                    "seconds", "MB/s", "peak RSS MB");
        for (int pages : {30, 100, 300})
        {
            scrqm::Document doc;
            std::size_t words = 0, bytes = 0;
            std::size_t k = 0;
            while (words < static_cast<std::size_t>(pages) * 500)
            {
                // A paragraph of four sentences.
                std::string para;
                for (int s = 0; s < 4; ++s)
                    para +=
                        std::string(kSentences[k++ % (sizeof kSentences / sizeof *kSentences)]) +
                        " ";
                for (char c : para)
                    words += c == ' ';
                bytes += para.size();
                doc.add(scrqm::Where::Body, para);
            }
            const auto start = std::chrono::steady_clock::now();
            const auto findings = check.run(doc, {});
            const double secs =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
            std::printf("%6d %9zu %9.2f %10zu %9.3f %10.1f %12.1f\n", pages, words, mb,
                        findings.size(), secs, mb / secs,
                        static_cast<double>(peak_rss_kb()) / 1024.0);
        }
    }
    catch (const std::exception& e)
    {
        std::fprintf(stderr, "bench: %s\n", e.what());
        return 2;
    }
    return 0;
}
