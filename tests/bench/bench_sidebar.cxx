// The sidebar's refresh on a 300-page report: model -> sections -> tags,
// suggestions and coverage (scrqm::analyse), the work done after each pause
// in typing. Target: <= 50 ms. Prints figures; not a timed test.
//   build/scrqm_bench_sidebar [pages]
#include <scrqm/coverage.hxx>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    const int pages = argc > 1 ? std::atoi(argv[1]) : 300;
    const std::string data = SCRQM_DATA_DIR_FOR_TESTS;
    const scrqm::Catalogue cat = scrqm::load_framework(data, scrqm::kDefaultFramework);
    const scrqm::Suggester sg = scrqm::Suggester::load_for(data, cat);

    // Paragraph texts from the labelled section set, so cues fire as in a
    // real report.
    std::vector<std::string> texts;
    {
        std::ifstream in(SCRQM_SUGGEST_SET);
        std::string line;
        while (std::getline(in, line))
            if (!line.empty() && line[0] != '#' && line.rfind("===", 0) != 0)
                texts.push_back(line);
    }
    // A page: a level-2 heading, 6 paragraphs (~450 words); a level-1
    // heading every 10 pages; a section tag every 7 pages.
    scrqm::Document doc;
    std::size_t words = 0, t = 0;
    for (int p = 0; p < pages; ++p)
    {
        if (p % 10 == 0)
            doc.add(scrqm::Where::Body, std::to_string(p / 10 + 1) + ". Part", 1);
        const std::size_t heading = doc.count(scrqm::Where::Body);
        doc.add(scrqm::Where::Body, "Section " + std::to_string(p + 1), 2);
        if (p % 7 == 0)
        {
            scrqm::Tag tag;
            tag.marker = cat.markers[static_cast<std::size_t>(p) % cat.markers.size()].id;
            tag.id = std::to_string(p);
            tag.paragraph = tag.last = heading;
            doc.tags.push_back(tag);
        }
        for (int i = 0; i < 6; ++i)
        {
            const std::string& s = texts[t++ % texts.size()];
            words += static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ') + 1);
            doc.add(scrqm::Where::Body, s + " " + s);
        }
    }
    words *= 2;
    std::vector<double> ms;
    std::size_t suggested = 0;
    for (int run = 0; run < 11; ++run)
    {
        const auto start = std::chrono::steady_clock::now();
        const scrqm::Analysis a = scrqm::analyse(doc, cat, sg);
        const auto end = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
        suggested = 0;
        for (const auto& c : a.coverage)
            suggested += c.suggested_sections.size();
    }
    std::sort(ms.begin(), ms.end());
    // A live refresh: the cache holds the previous refresh, one paragraph
    // was edited in between.
    scrqm::SuggestCache cache;
    scrqm::analyse(doc, cat, sg, &cache);
    std::vector<double> live;
    for (int run = 0; run < 11; ++run)
    {
        doc.paragraphs[static_cast<std::size_t>(run) * 97 % doc.paragraphs.size()].text +=
            " The coroner was told.";
        const auto start = std::chrono::steady_clock::now();
        const scrqm::Analysis a = scrqm::analyse(doc, cat, sg, &cache);
        const auto end = std::chrono::steady_clock::now();
        live.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::sort(live.begin(), live.end());
    std::printf("sidebar refresh (sections + tags + suggestions + coverage): %d pages, %zu "
                "paragraphs, %zu words, %zu sections' suggestions\n",
                pages, doc.paragraphs.size(), words, suggested);
    std::printf("cold: median %.1f ms, min %.1f ms, max %.1f ms over %zu runs (target <= 50 ms)\n",
                ms[ms.size() / 2], ms.front(), ms.back(), ms.size());
    std::printf("live refresh after an edit (paragraph cache): median %.1f ms, min %.1f ms, max "
                "%.1f ms (%zu cached paragraphs)\n",
                live[live.size() / 2], live.front(), live.back(), cache.size());
    return 0;
}
