// Chronology: a long run of body paragraphs that each open with a date reads
// as a blow-by-blow account, which the National Panel asks reports to avoid.
#include "internal.hxx"
#include "rules.hxx"

namespace scrqm::structure
{

void check_chronology(const std::vector<const Paragraph*>& body, const StructureProfile& profile,
                      std::vector<Finding>& out)
{
    namespace R = rules::structure;
    static const std::string months =
        "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|"
        "july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|"
        "dec(?:ember)?)";
    static const Pattern date =
        compile(std::string("\\b\\d{1,2}(?:st|nd|rd|th)?\\s+") + months + "\\b|\\b" + months +
                    "\\.?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?(?:19|20)\\d\\d\\b|"
                    "\\b\\d{1,2}[/.]\\d{1,2}[/.](?:19|20)?\\d\\d\\b",
                "built-in");
    std::vector<const Paragraph*> run;
    auto flush = [&]
    {
        if (run.size() >= profile.chronology_min_run)
        {
            Finding f = structure_finding(
                R::chronology, profile.chronology_marker, run.front(),
                std::to_string(run.size()) + " dated paragraphs in a row (body paragraphs " +
                    std::to_string(run.front()->index + 1) + "-" +
                    std::to_string(run.back()->index + 1) + ") read as a blow-by-blow chronology",
                "Each of these paragraphs gives a date in its first words. The National Panel "
                "asks reports not to include blow-by-blow accounts (QM14 knowledge base): "
                "they add family detail and hide the analysis. The profile flags runs of " +
                    std::to_string(profile.chronology_min_run) + " or more.",
                "Summarise the period and keep the dates the analysis needs; a full "
                "chronology belongs in the review's working papers");
            out.push_back(std::move(f));
        }
        run.clear();
    };
    for (const Paragraph* p : body)
    {
        const std::string t = trim(p->text);
        if (t.empty())
            continue;
        if (p->outline_level > 0)
        {
            flush();
            continue;
        }
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(t);
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexMatcher> m(date->matcher(u, status));
        if (U_SUCCESS(status) && m->find(status) && m->start(status) < 40)
            run.push_back(p);
        else
            flush();
    }
    flush();
}

} // namespace scrqm::structure
