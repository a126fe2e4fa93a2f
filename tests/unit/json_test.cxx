#include <scrqm/json.hxx>
#include <scrqm/result.hxx>
#include <scrqm/rules.hxx>

#include <gtest/gtest.h>

TEST(Json, EscapesControlQuotesAndKeepsUnicode)
{
    scrqm::JsonWriter w;
    w.begin_object().member("a", std::string("q\"b\\n\n\t\x01 Zoë 🙂")).end_object();
    EXPECT_EQ(w.str(), "{\"a\":\"q\\\"b\\\\n\\n\\t\\u0001 Zoë 🙂\"}");
}

TEST(Json, InvalidUtf8BecomesReplacementCharacter)
{
    std::string out;
    scrqm::JsonWriter::escape(out, std::string("a\xC3(b\xED\xA0\x80z", 8));
    EXPECT_EQ(out, "\"a\xEF\xBF\xBD(b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz\"");
}

TEST(Json, NestedContainersGetCommasRight)
{
    scrqm::JsonWriter w;
    w.begin_array().begin_object().member("x", 1).member("y", true).end_object();
    w.begin_array().value("s").null().end_array().value(0.5).end_array();
    EXPECT_EQ(w.str(), R"([{"x":1,"y":true},["s",null],0.5])");
}

TEST(Result, SharedShapeRoundTrips)
{
    scrqm::Result r;
    r.file = "report.docx";
    r.paragraphs = 12;
    scrqm::Section s;
    s.title = "Findings";
    s.level = 1;
    s.paragraph = 3;
    s.end = 9;
    s.markers = {"QM13", "QM14"};
    r.sections.push_back(s);
    scrqm::Finding f(scrqm::rule_named("anonymisation.postcode", "test"));
    f.severity = scrqm::Severity::Error;
    f.message = "Full postcode";
    f.marker = "QM14";
    f.text = "LS11 5QT";
    f.where = scrqm::Where::Footnote;
    f.paragraph = 2;
    f.start = 4;
    f.end = 12;
    f.explanation = "pattern";
    f.score = 0.95;
    r.findings.push_back(f);
    const std::string json = scrqm::to_json(r);
    EXPECT_NE(json.find(R"("summary":{"paragraphs":12,"sections":1,"findings":1,"errors":1,)"
                        R"("warnings":0,"info":0})"),
              std::string::npos)
        << json;
    const scrqm::Result back = scrqm::result_from_json(json);
    EXPECT_EQ(back.file, "report.docx");
    ASSERT_EQ(back.sections.size(), 1u);
    EXPECT_EQ(back.sections[0].markers, s.markers);
    ASSERT_EQ(back.findings.size(), 1u);
    EXPECT_EQ(back.findings[0].where, scrqm::Where::Footnote);
    EXPECT_EQ(back.findings[0].severity, scrqm::Severity::Error);
    EXPECT_EQ(back.findings[0].end, 12u);
    EXPECT_DOUBLE_EQ(back.findings[0].score, 0.95);
}

TEST(Result, ErrorObjectThrowsItsMessage)
{
    EXPECT_EQ(scrqm::error_json("boom", "f.odt"), R"({"file":"f.odt","error":"boom"})");
    try
    {
        scrqm::result_from_json(scrqm::error_json("boom"));
        FAIL();
    }
    catch (const std::runtime_error& e)
    {
        EXPECT_STREQ(e.what(), "boom");
    }
    EXPECT_THROW(scrqm::result_from_json("{not json"), std::runtime_error);
}
