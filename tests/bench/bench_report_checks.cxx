// Time of the structure and language checks on one core at 30, 100 and 300
// pages (about 500 words a page). A benchmark, not a test:
//   build/scrqm_bench_report_checks [data-dir]
#include <scrqm/language.hxx>
#include <scrqm/structure.hxx>

#include <chrono>
#include <cstdio>
#include <string>

namespace
{

const char* const kSentences[] = {
    "The health visitor completed a new birth visit and noted no concerns about the home.",
    "Practitioners described the threshold document as unclear, which affected referrals.",
    "A strategy discussion was held by the police and Children's Social Care (CSC).",
    "With hindsight the referral should have known to be urgent, and staff failed to act.",
    "This happened because the duty team had no cover at weekends.",
    "The Multi-Agency Safeguarding Hub (MASH) passed the notification to the locality team.",
};

scrqm::Document report(int pages)
{
    scrqm::Document doc;
    const char* headings[] = {"Introduction",
                              "Terms of reference",
                              "Methodology",
                              "Family involvement",
                              "Practitioner involvement",
                              "Background",
                              "Analysis",
                              "Findings",
                              "Recommendations"};
    const int paragraphs = pages * 5; // ~100 words each
    int n = 0;
    for (const char* h : headings)
    {
        doc.add(scrqm::Where::Body, h, 1);
        for (int p = 0; p < paragraphs / 9; ++p, ++n)
        {
            std::string text = std::string(h) == "Findings" && p % 4 == 0
                                   ? "Finding " + std::to_string(p / 4 + 1) + ": "
                                   : "";
            for (int s = 0; s < 6; ++s)
                text += std::string(kSentences[(n + s) % 6]) + " ";
            doc.add(scrqm::Where::Body, text);
        }
    }
    return doc;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string data = argc > 1 ? argv[1] : SCRQM_DATA_DIR_FOR_TESTS;
    scrqm::StructureCheck structure(data);
    scrqm::LanguageCheck language(data);
    for (int pages : {30, 100, 300})
    {
        const scrqm::Document doc = report(pages);
        for (const auto& [name, check] :
             {std::pair<const char*, const scrqm::Check*>{"structure", &structure},
              std::pair<const char*, const scrqm::Check*>{"language", &language}})
        {
            const auto t0 = std::chrono::steady_clock::now();
            const auto findings = check->run(doc, scrqm::CheckOptions{});
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                    .count();
            std::printf("%-9s %3d pages (%zu paragraphs): %8.1f ms, %zu findings\n", name, pages,
                        doc.paragraphs.size(), ms, findings.size());
        }
    }
    return 0;
}
