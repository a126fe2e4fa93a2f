// Top-1 precision and recall of the marker suggester on the labelled section
// texts (tests/data/suggest/sections.txt).
//   scrqm_eval_suggest [--data DIR] [--set FILE] [--min-precision P] [--verbose]
// Precision: of the sections that get a suggestion, how many have the top
// one among their labels. Recall: of the labelled sections (not "none"), how
// many get a correct top suggestion. Exit 1 below --min-precision.
#include <scrqm/catalogue.hxx>
#include <scrqm/suggest.hxx>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace
{
struct Entry
{
    std::vector<std::string> labels; // empty: a hard negative
    std::string title, text;
    int line = 0;
};

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::vector<Entry> read_set(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::vector<Entry> out;
    std::string line;
    int n = 0;
    while (std::getline(in, line))
    {
        ++n;
        if (line.rfind("===", 0) == 0)
        {
            const auto bar = line.find('|');
            if (bar == std::string::npos)
                throw std::runtime_error(path + ":" + std::to_string(n) +
                                         ": expected LABELS | TITLE");
            Entry e;
            e.line = n;
            e.title = trim(line.substr(bar + 1));
            const std::string labels = trim(line.substr(3, bar - 3));
            std::size_t pos = 0;
            while (labels != "none" && pos <= labels.size())
            {
                auto comma = labels.find(',', pos);
                if (comma == std::string::npos)
                    comma = labels.size();
                e.labels.push_back(trim(labels.substr(pos, comma - pos)));
                pos = comma + 1;
            }
            out.push_back(std::move(e));
        }
        else if (!out.empty() && !line.empty() && line[0] != '#')
            out.back().text += line + "\n";
    }
    return out;
}
} // namespace

int main(int argc, char** argv)
{
    std::string data = SCRQM_DATA_DIR_FOR_TESTS, set = SCRQM_SUGGEST_SET;
    double min_precision = 0;
    bool verbose = false;
    for (int i = 1; i < argc; ++i)
    {
        const std::string a = argv[i];
        if (a == "--data" && i + 1 < argc)
            data = argv[++i];
        else if (a == "--set" && i + 1 < argc)
            set = argv[++i];
        else if (a == "--min-precision" && i + 1 < argc)
            min_precision = std::stod(argv[++i]);
        else if (a == "--verbose")
            verbose = true;
        else
        {
            std::fprintf(stderr, "usage: scrqm_eval_suggest [--data DIR] [--set FILE] "
                                 "[--min-precision P] [--verbose]\n");
            return 2;
        }
    }
    try
    {
        const scrqm::Catalogue cat = scrqm::load_framework(data, scrqm::kDefaultFramework);
        const scrqm::Suggester sg = scrqm::Suggester::load_for(data, cat);
        const std::vector<Entry> entries = read_set(set);
        int labelled = 0, negatives = 0, suggested = 0, correct = 0, false_on_negative = 0;
        std::vector<std::string> covered;
        for (const Entry& e : entries)
        {
            for (const std::string& l : e.labels)
                if (!cat.find(l))
                    throw std::runtime_error(set + ":" + std::to_string(e.line) +
                                             ": unknown marker " + l);
            e.labels.empty() ? ++negatives : ++labelled;
            const auto s = sg.score(e.title, e.text);
            std::string got = s.empty() ? "-" : s[0].marker;
            const bool ok =
                !s.empty() && std::find(e.labels.begin(), e.labels.end(), got) != e.labels.end();
            if (!s.empty())
                ++suggested;
            if (ok)
                ++correct;
            if (!s.empty() && e.labels.empty())
                ++false_on_negative;
            for (const std::string& l : e.labels)
                if (std::find(covered.begin(), covered.end(), l) == covered.end())
                    covered.push_back(l);
            if (verbose || (!ok && !(s.empty() && e.labels.empty())))
            {
                std::string cues;
                if (!s.empty())
                    for (const auto& h : s[0].hits)
                        cues += (cues.empty() ? "" : ", ") + h.cue + " x" +
                                std::to_string(h.count) + (h.in_title ? " (title)" : "");
                std::string want;
                for (const auto& l : e.labels)
                    want += (want.empty() ? "" : ",") + l;
                std::printf("%s line %d \"%s\": want %s, got %s %.0f [%s]\n", ok ? "ok  " : "MISS",
                            e.line, e.title.c_str(), want.empty() ? "none" : want.c_str(),
                            got.c_str(), s.empty() ? 0.0 : s[0].score, cues.c_str());
            }
        }
        const double precision = suggested ? double(correct) / suggested : 0;
        const double recall = labelled ? double(correct) / labelled : 0;
        std::printf("sections: %d (%d labelled over %zu markers, %d hard negatives), cues: %zu, "
                    "min_score %.0f\n",
                    labelled + negatives, labelled, covered.size(), negatives, sg.cue_count(),
                    sg.min_score());
        std::printf("top-1 precision: %.3f (%d of %d suggested), recall: %.3f (%d of %d "
                    "labelled); suggestions on hard negatives: %d\n",
                    precision, correct, suggested, recall, correct, labelled, false_on_negative);
        if (precision < min_precision)
        {
            std::printf("FAIL: precision below %.2f\n", min_precision);
            return 1;
        }
        return 0;
    }
    catch (const std::exception& e)
    {
        std::fprintf(stderr, "scrqm_eval_suggest: %s\n", e.what());
        return 2;
    }
}
