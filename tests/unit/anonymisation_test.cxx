// The anonymisation check on small texts: each rule, and what must not fire.
#include <scrqm/anonymisation.hxx>
#include <scrqm/catalogue.hxx>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace
{

const scrqm::AnonymisationCheck& check()
{
    static const scrqm::AnonymisationCheck c(SCRQM_DATA_DIR_FOR_TESTS);
    return c;
}

std::vector<scrqm::Finding> scan(const std::vector<std::string>& lines,
                                 const scrqm::AnonymisationOptions& options = {})
{
    scrqm::Document doc;
    for (const std::string& l : lines)
    {
        doc.add(scrqm::Where::Body, l, 0);
    }
    return check().run(doc, options);
}

// "category:text" of every finding, for compact assertions.
std::vector<std::string> found(const std::vector<std::string>& lines,
                               const scrqm::AnonymisationOptions& options = {})
{
    std::vector<std::string> out;
    for (const auto& f : scan(lines, options))
        out.push_back(f.category + ":" + f.text);
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

} // namespace

TEST(Anonymisation, NhsModulus11)
{
    EXPECT_TRUE(scrqm::valid_nhs_number("9994017268"));
    EXPECT_TRUE(scrqm::valid_nhs_number("9434765919"));
    EXPECT_FALSE(scrqm::valid_nhs_number("9994017269"));
    EXPECT_FALSE(scrqm::valid_nhs_number("1234567890")); // check digit 10
    EXPECT_FALSE(scrqm::valid_nhs_number("999401726"));
}

TEST(Anonymisation, EveryDetectorExampleHolds)
{
    // Loading already refuses data whose examples fail; make sure there are
    // examples of both kinds for every pattern detector.
    std::map<std::string, std::pair<int, int>> counts;
    for (const auto& e : check().examples())
    {
        (e.should_match ? counts[e.detector].first : counts[e.detector].second)++;
        // A match example marks the span its finding covers, in its text.
        EXPECT_EQ(e.span.empty(), !e.should_match) << e.detector << ": " << e.text;
        EXPECT_NE(e.text.find(e.span), std::string::npos) << e.detector << ": " << e.text;
        EXPECT_EQ(e.text.find("[["), std::string::npos) << e.detector << ": " << e.text;
    }
    EXPECT_GE(counts.size(), 18u);
    for (const auto& [id, c] : counts)
    {
        EXPECT_GT(c.first, 0) << id;
        EXPECT_GT(c.second, 0) << id;
    }
}

TEST(Anonymisation, ExampleSpansAreCheckedOnLoad)
{
    // A copy of the data whose anonymisation.json is changed; the lexicons
    // are the real ones.
    namespace fs = std::filesystem;
    const fs::path data(SCRQM_DATA_DIR_FOR_TESTS);
    const fs::path dir = fs::path(::testing::TempDir()) / "scrqm-example-spans";
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::create_directory_symlink(data / "lexicons", dir / "lexicons");
    std::ifstream in(data / "anonymisation.json", std::ios::binary);
    std::stringstream read;
    read << in.rdbuf();
    const std::string json = read.str();
    auto error_with = [&](const std::string& from, const std::string& to)
    {
        std::string changed = json;
        const std::size_t at = changed.find(from);
        if (at == std::string::npos)
            return "not in the data: " + from;
        changed.replace(at, from.size(), to);
        std::ofstream(dir / "anonymisation.json", std::ios::binary) << changed;
        try
        {
            scrqm::AnonymisationCheck c(dir.string());
        }
        catch (const scrqm::DataError& e)
        {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(error_with("\"[[LS11 5QT]]\"", "\"[[LS11 5QT]]\""), "no error");
    // The postcode detector finds the postcode, not the whole address.
    const std::string wide =
        error_with("\"12 Elm Grove, [[NM4 7QT]]\"", "\"[[12 Elm Grove, NM4 7QT]]\"");
    EXPECT_NE(wide.find("detector \"postcode\": example \"12 Elm Grove, NM4 7QT\" is found as "
                        "\"NM4 7QT\", not as the marked \"12 Elm Grove, NM4 7QT\""),
              std::string::npos)
        << wide;
    EXPECT_NE(error_with("\"[[LS11 5QT]]\"", "\"LS11 5QT\"").find("must mark"), std::string::npos);
    EXPECT_NE(error_with("\"[[LS11 5QT]]\"", "\"[[LS11]] [[5QT]]\"").find("must mark"),
              std::string::npos);
    EXPECT_NE(error_with("\"Table 3 4AB\"", "\"[[Table 3 4AB]]\"").find("marks a span"),
              std::string::npos);
    fs::remove_all(dir);
}

TEST(Anonymisation, EveryDetectorPatternHasItsSearchWindows)
{
    // The scanner searches each pattern only where it can match, worked out
    // per pattern (kReach in addin/src/checks/anonymisation/reach.cxx). A
    // changed pattern falls back to a slower search; update the table with
    // the new pattern's reach.
    EXPECT_EQ(check().detectors_without_reach(), std::vector<std::string>{});
}

TEST(Anonymisation, PeopleInTheirForms)
{
    const auto f =
        found({"Liam was seen by the health visitor.", "The health visitor noticed Liam's bruises.",
               "Mrs Okonkwo-Bright attended the meeting.",
               "Concerns about the Carter family were raised.",
               "A letter was sent to J. Carter and to Zoë Ashworth.",
               "Social worker Jane Hughes visited, as did PC Lee and Dr Patel.",
               "Siobhán O'Connor rang the school."});
    EXPECT_TRUE(has(f, "name:Liam")) << ::testing::PrintToString(f);
    EXPECT_TRUE(has(f, "name:Liam's") || has(f, "name:Liam"));
    for (const char* expected :
         {"name:Mrs Okonkwo-Bright", "name:Carter", "name:J. Carter", "name:Zoë Ashworth",
          "professional-name:Jane Hughes", "professional-name:PC Lee", "professional-name:Dr Patel",
          "name:Siobhán O'Connor"})
        EXPECT_TRUE(has(f, expected)) << expected << ::testing::PrintToString(f);
}

TEST(Anonymisation, NotFlagged)
{
    const auto f = found({"Child A lived with Mother and Sibling 1; GP 1 saw them.",
                          "The Local Authority, Children's Social Care, the police, Ofsted and "
                          "the NSPCC were involved.",
                          "Under the Children Act 1989 and Working Together (HM Government 2015).",
                          "Research (Munro, 2011) and Reason (1997) and Brandon et al. (2012).",
                          "In March 2016 the case was closed; on a Monday in 2017 it reopened.",
                          "There was hope that she will mark the occasion; the bill was unpaid."});
    EXPECT_EQ(f, std::vector<std::string>{}) << ::testing::PrintToString(f);
}

TEST(Anonymisation, AllowAndDenyLists)
{
    scrqm::AnonymisationOptions o;
    o.allow = {"Margaret Hollis"};
    o.deny = {"Northmoor"};
    const auto f =
        found({"The lead reviewer is Margaret Hollis.", "The family lived in Northmoor."}, o);
    EXPECT_FALSE(has(f, "name:Margaret Hollis")) << ::testing::PrintToString(f);
    EXPECT_TRUE(has(f, "deny-list:Northmoor")) << ::testing::PrintToString(f);
}

TEST(Anonymisation, DatesAgesAndBirth)
{
    const auto f =
        found({"Child A was born on 14/06/2013 and seen on 3 March 2016.", "DOB: 14.06.2013",
               "She was aged 2 years and 7 months; he was 17 months old."});
    EXPECT_TRUE(has(f, "date-of-birth:14/06/2013")) << ::testing::PrintToString(f);
    EXPECT_TRUE(has(f, "date:3 March 2016"));
    EXPECT_TRUE(has(f, "date-of-birth:14.06.2013"));
    EXPECT_TRUE(has(f, "age:aged 2 years and 7 months"));
    EXPECT_TRUE(has(f, "age:17 months old"));
}

// Generalise rewrites "on 3 March 2016" as "in March 2016": the action
// carries the "on " it also replaces; "upon" and a date after other words keep
// their wording.
TEST(Anonymisation, GeneraliseADateAfterOn)
{
    const auto generalise = [](const std::string& line)
    {
        for (const scrqm::Finding& f : scan({line}))
            for (const scrqm::FixAction& a : f.fixes)
                if (f.category == "date" && a.kind == scrqm::FixKind::Generalise)
                    return a.lead_in + "|" + a.replacement;
        return std::string("none");
    };
    EXPECT_EQ(generalise("She was seen on 3 March 2016."), "on |in March 2016");
    EXPECT_EQ(generalise("On 3 March 2016 she was seen."), "On |In March 2016");
    EXPECT_EQ(generalise("She was seen by 3 March 2016."), "|March 2016");
    EXPECT_EQ(generalise("Upon 3 March 2016 she moved."), "|March 2016");
    // The lead-in is the paragraph's own ("on" and a no-break space), so
    // that the change finds it where it is.
    EXPECT_EQ(generalise("She was seen on\u00a03 March 2016."), "on\u00a0|in March 2016");
}

TEST(Anonymisation, PlacesAndInstitutions)
{
    const auto f = found({"The family lived at 12 Elm Grove, Northmoor NM4 7QT.",
                          "Child A attended St Bede's Primary School and then moved to Leeds.",
                          "She was admitted to Ward 7 at Oakfield General Hospital."});
    EXPECT_TRUE(has(f, "address:12 Elm Grove")) << ::testing::PrintToString(f);
    EXPECT_TRUE(has(f, "postcode:NM4 7QT"));
    EXPECT_TRUE(has(f, "institution:St Bede's Primary School")) << ::testing::PrintToString(f);
    EXPECT_TRUE(has(f, "place:Leeds")) << ::testing::PrintToString(f);
    EXPECT_TRUE(has(f, "institution:Ward 7"));
    EXPECT_TRUE(has(f, "institution:Oakfield General Hospital")) << ::testing::PrintToString(f);
}

TEST(Anonymisation, NumbersAndContacts)
{
    const auto f = found({"NHS number 999 401 7268 (not 999 401 7269); NI JT 48 27 93 B.",
                          "Call 07700 900123 or mum99@example.com; @jade_x99 on Instagram.",
                          "Reference CP/2016/0456; car AB12 CDE.",
                          "Mother (01632 960124) or (01632) 960 125."});
    EXPECT_TRUE(has(f, "nhs-number:999 401 7268")) << ::testing::PrintToString(f);
    // A "(" opening the sentence's aside is not the number's; an area code's is.
    EXPECT_TRUE(has(f, "phone:01632 960124")) << ::testing::PrintToString(f);
    EXPECT_TRUE(has(f, "phone:(01632) 960 125")) << ::testing::PrintToString(f);
    EXPECT_FALSE(has(f, "nhs-number:999 401 7269"));
    EXPECT_TRUE(has(f, "ni-number:JT 48 27 93 B"));
    EXPECT_TRUE(has(f, "phone:07700 900123"));
    EXPECT_TRUE(has(f, "email:mum99@example.com"));
    EXPECT_TRUE(has(f, "social-handle:@jade_x99"));
    EXPECT_TRUE(has(f, "reference-number:CP/2016/0456"));
    EXPECT_TRUE(has(f, "vehicle-registration:AB12 CDE"));
}

TEST(Anonymisation, SpecialCategoriesAndJigsaw)
{
    const auto all = scan({"Child A, aged 14 months, has cystic fibrosis; the family are of "
                           "Polish heritage and Muslim."});
    std::set<std::string> cats;
    for (const auto& f : all)
        cats.insert(f.category);
    EXPECT_TRUE(cats.count("health"));
    EXPECT_TRUE(cats.count("age"));
    EXPECT_TRUE(cats.count("religion"));
    EXPECT_TRUE(cats.count("jigsaw")) << "age + condition + origin + religion in one paragraph";
    const auto jig =
        std::find_if(all.begin(), all.end(), [](auto& f) { return f.category == "jigsaw"; });
    ASSERT_NE(jig, all.end());
    EXPECT_EQ(jig->severity, scrqm::Severity::Error);
}

TEST(Anonymisation, PseudonymConsistency)
{
    const auto f = found({"Child A was referred.", "Later Child 1 moved school.",
                          "The school saw child a daily.",
                          "Child A's sibling, referred to as "
                          "\"Sibling 1\", was older."});
    EXPECT_TRUE(has(f, "pseudonym:Child 1")) << ::testing::PrintToString(f);
    EXPECT_TRUE(has(f, "pseudonym:child a")) << ::testing::PrintToString(f);
}

TEST(Anonymisation, RegisterMatchesVariants)
{
    scrqm::AnonymisationOptions o;
    o.register_entries = {{"Zoë Smith-Jones", "Child A", "name"},
                          {"Riverside Nursery", "the nursery", "school"}};
    const auto f = found({"ZOE SMITH-JONES was seen.", "Zoe's mother, Mrs Smith Jones, called.",
                          "She went to riverside nursery."},
                         o);
    EXPECT_TRUE(has(f, "register:ZOE SMITH-JONES")) << ::testing::PrintToString(f);
    EXPECT_TRUE(has(f, "register:Zoe's") || has(f, "register:Zoe")) << ::testing::PrintToString(f);
    EXPECT_TRUE(has(f, "register:Smith Jones")) << ::testing::PrintToString(f);
    EXPECT_TRUE(has(f, "register:riverside nursery")) << ::testing::PrintToString(f);
}

TEST(Anonymisation, OffsetsAreCodePoints)
{
    const auto all = scan({"🙂🙂 Zoë rang 07700 900123."});
    const auto phone =
        std::find_if(all.begin(), all.end(), [](auto& f) { return f.category == "phone"; });
    ASSERT_NE(phone, all.end());
    EXPECT_EQ(phone->start, 12u); // each emoji is one code point (two UTF-16 units)
    EXPECT_EQ(phone->end, 24u);
    EXPECT_EQ(phone->marker, "QM14");
    EXPECT_FALSE(phone->explanation.empty());
}

TEST(Anonymisation, ScannerShortcutsFindWhatThePatternsFind)
{
    // The scanner lowers text for the requires_any words itself (ICU only
    // for capitals outside ASCII), searches each pattern in windows, and
    // counts code points on from the previous finding: each shortcut here.
    const auto all =
        scan({"Roedd y teulu yn byw yn Lôn Las, Abertawe.", "ÅSA and the family lived on Lôn Las.",
              "🙂 07700 900123 🙂🙂 mum99@example.com then Zoë.",
              "The crime reference: 12345678 was logged; log 4455AB6 too.",
              "Child A was seen first.", "The girl, known as ‘Child A’, was five."});
    std::vector<std::string> f;
    for (const auto& x : all)
        f.push_back(x.category + ":" + x.text + "@" + std::to_string(x.paragraph) + ":" +
                    std::to_string(x.start) + "-" + std::to_string(x.end));
    const auto explained = [&](std::size_t paragraph, const std::string& detector)
    {
        return std::any_of(all.begin(), all.end(),
                           [&](const scrqm::Finding& x)
                           {
                               return x.paragraph == paragraph &&
                                      x.explanation.find("[detector " + detector + "]") !=
                                          std::string::npos;
                           });
    };
    EXPECT_TRUE(explained(0, "welsh-street")) << ::testing::PrintToString(f);
    EXPECT_TRUE(explained(1, "welsh-street")) << ::testing::PrintToString(f);
    for (const char* expected :
         {"phone:07700 900123@2:2-14", "email:mum99@example.com@2:18-35", "name:Zoë@2:41-44",
          // The label ("crime reference:", "log") is the
          // cue: the span is the number.
          "reference-number:12345678@3:21-29", "reference-number:4455AB6@3:46-53",
          "pseudonym:Child A@4:0-7"})
        EXPECT_TRUE(has(f, expected)) << expected << ::testing::PrintToString(f);
}

TEST(Anonymisation, RegisterFiles)
{
    const std::string csv = ::testing::TempDir() + "/reg.csv";
    std::ofstream(csv) << "real,pseudonym,kind\n\"Carter, Liam\",Child A,name\n12 Elm Grove,the "
                          "family home,address\n";
    const auto r = scrqm::load_register(csv);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].real, "Carter, Liam");
    EXPECT_EQ(r[1].kind, "address");
    const auto j =
        scrqm::parse_register(R"({"entries":[{"real":"Liam","pseudonym":"Child A"}]})", "x");
    ASSERT_EQ(j.size(), 1u);
    EXPECT_THROW(scrqm::parse_register(R"([{"pseudonym":"Child A"}])", "x"), scrqm::DataError);
    std::remove(csv.c_str());
}
