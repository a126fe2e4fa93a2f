// The matching view (normalise.hxx): what it unifies, and that every span of
// the view maps back to the original text it came from.
#include <scrqm/normalise.hxx>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace
{

using scrqm::NormalisedText;

std::string utf8(const icu::UnicodeString& u)
{
    std::string s;
    u.toUTF8String(s);
    return s;
}

NormalisedText view_of(const std::string& s)
{
    return NormalisedText(icu::UnicodeString::fromUTF8(s));
}

std::string view(const std::string& s)
{
    return utf8(view_of(s).text());
}

// The original's code points [begin, end) as UTF-8.
std::string slice(const std::string& s, std::size_t begin, std::size_t end)
{
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    const int32_t b = u.moveIndex32(0, static_cast<int32_t>(begin));
    const int32_t e = u.moveIndex32(0, static_cast<int32_t>(end));
    return utf8(u.tempSubStringBetween(b, e));
}

} // namespace

TEST(Normalise, PlainTextIsItsOwnView)
{
    EXPECT_TRUE(scrqm::plain_ascii("Liam Carter, NM4 7QT"));
    EXPECT_FALSE(scrqm::plain_ascii("Zoë"));
    EXPECT_TRUE(view_of("Liam Carter, NM4 7QT").identity());
    // Letters with accents, curly quotes, a dash between words and a name in
    // another script are written as they are meant.
    for (const char* s : {"Zoë’s school", "1999 — 2001", "the review — as agreed", "Иван Петров",
                          "محمد", "王小明", "Ça va", "naïve café"})
        EXPECT_TRUE(view_of(s).identity()) << s;
}

TEST(Normalise, InvisibleCharactersAreDropped)
{
    // ZWSP, ZWNJ, ZWJ, word joiner, BOM, LRM, RLM, LRE..RLO, LRI..PDI, soft hyphen
    for (const char* mark :
         {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u200E", "\u200F", "\u202A", "\u202B",
          "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u00AD"})
        EXPECT_EQ(view(std::string("Li") + mark + "am Car" + mark + mark + "ter"), "Liam Carter")
            << mark;
}

TEST(Normalise, SpacesHyphensAndDigitsAreUnified)
{
    EXPECT_EQ(view("NM4\u00A07QT"), "NM4 7QT");                // no-break space
    EXPECT_EQ(view("NM4\u202F7QT"), "NM4 7QT");                // narrow no-break space
    EXPECT_EQ(view("943\u2009476\u20095919"), "943 476 5919"); // thin space
    EXPECT_EQ(view("020\u20077946"), "020 7946");              // figure space
    EXPECT_EQ(view("020\u20117946\u22120000"), "020-7946-0000");
    EXPECT_EQ(view("020\u20137946"), "020-7946");                        // en dash between digits
    EXPECT_EQ(view("Leeds \u2013 Bradford"), "Leeds \u2013 Bradford");   // not between words
    EXPECT_EQ(view("\uFF10\uFF17\uFF19\uFF14\uFF16"), "07946");          // fullwidth
    EXPECT_EQ(view("\u0660\u0667\u0669\u0664\u0666"), "07946");          // Arabic-Indic
    EXPECT_EQ(view("\u06F0\u06F7"), "07");                               // Extended Arabic-Indic
    EXPECT_EQ(view("\u0966\u096D"), "07");                               // Devanagari
    EXPECT_EQ(view("liam\uFF20example.org"), "liam@example.org");        // fullwidth @
    EXPECT_EQ(view("\uFF2C\uFF49\uFF41\uFF4D"), "Liam");                 // fullwidth letters
    EXPECT_EQ(view("\U0001D40B\U0001D422\U0001D41A\U0001D426"), "Liam"); // mathematical bold
}

TEST(Normalise, LatinLookalikesInMixedWordsBecomeLatin)
{
    EXPECT_EQ(view("C\u0430rter"), "Carter"); // Cyrillic a
    EXPECT_EQ(view("\u0421arter"), "Carter"); // Cyrillic capital Es
    EXPECT_EQ(view("L\u0456am"), "Liam");     // Cyrillic i
    EXPECT_EQ(view("J\u03BFnes"), "Jones");   // Greek omicron
    EXPECT_EQ(view("\u0406van"), "Ivan");     // capital stays capital
    // A word wholly in another script is a name in that script.
    EXPECT_EQ(view("\u0421\u0430\u0440"), "\u0421\u0430\u0440");
}

TEST(Normalise, SpansMapBackToTheOriginal)
{
    // "Liam" and "Carter" with a zero-width space and an RLO mark inside.
    const std::string s = "Mr Li\u200Bam \u202ECarter.";
    const NormalisedText v = view_of(s);
    ASSERT_EQ(utf8(v.text()), "Mr Liam Carter.");
    EXPECT_EQ(v.to_original(3, 7), (std::pair<std::size_t, std::size_t>(3, 8)));
    EXPECT_EQ(slice(s, 3, 8), "Li\u200Bam");
    // A dropped mark at a span's edge stays outside it.
    EXPECT_EQ(v.to_original(8, 14), (std::pair<std::size_t, std::size_t>(10, 16)));
    EXPECT_EQ(v.to_original(15, 15), (std::pair<std::size_t, std::size_t>(17, 17)));
    EXPECT_EQ(v.to_view(10), 8u);
    EXPECT_EQ(v.to_view(9), 8u); // the dropped mark: the next character
    // A ligature: both letters come from it.
    const NormalisedText lig = view_of("\uFB01ona");
    EXPECT_EQ(utf8(lig.text()), "fiona");
    EXPECT_EQ(lig.to_original(0, 1), (std::pair<std::size_t, std::size_t>(0, 1)));
    EXPECT_EQ(lig.to_original(1, 5), (std::pair<std::size_t, std::size_t>(0, 4)));
    // Code points, not UTF-16 units, on both sides.
    const NormalisedText math = view_of("\U0001D40B\U0001D422am Carter");
    EXPECT_EQ(math.to_original(5, 11), (std::pair<std::size_t, std::size_t>(5, 11)));
}

TEST(Normalise, RoundTripOfEverySpan)
{
    // Disguised texts whose view is known: each span of the view comes from
    // original text whose own view is that span. (Not so for part of a
    // ligature, or part of a mixed-script word: their view depends on the
    // whole.)
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Li\u200Bam Car\u00ADter, NM4\u00A07QT, 07\u2011946\uFF10",
         "Liam Carter, NM4 7QT, 07-9460"},
        {"\u2067\u0645\u062D\u0645\u062F\u2069 \u0660\u0661", "\u0645\u062D\u0645\u062F 01"},
        {"\uFEFF\U0001D40B\u202F\u200D\u0660", "L 0"},
        {"liam\u200B\uFF20example\u2060.org", "liam@example.org"},
    };
    for (const auto& [original, expected] : cases)
    {
        const NormalisedText v = view_of(original);
        ASSERT_EQ(utf8(v.text()), expected);
        const std::size_t n = v.length();
        for (std::size_t b = 0; b < n; ++b)
            for (std::size_t e = b + 1; e <= n; ++e)
            {
                const auto [ob, oe] = v.to_original(b, e);
                const icu::UnicodeString want =
                    v.text().tempSubStringBetween(v.text().moveIndex32(0, static_cast<int32_t>(b)),
                                                  v.text().moveIndex32(0, static_cast<int32_t>(e)));
                EXPECT_EQ(view(slice(original, ob, oe)), utf8(want))
                    << original << " [" << b << "," << e << ")";
                EXPECT_EQ(v.to_view(ob), b);
            }
    }
}

TEST(Normalise, KeysOfListsAndRegisters)
{
    EXPECT_EQ(scrqm::normalise_for_matching("Li\u200Bam Carter"), "Liam Carter");
    EXPECT_EQ(scrqm::normalise_for_matching("Liam Carter"), "Liam Carter");
}
