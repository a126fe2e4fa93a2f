// The sealed case register: found with its passphrase, locked without it,
// refused with a wrong one or a changed byte, and a file that no list of
// names can be tested against.
#include <scrqm/check_entry.hxx>
#include <scrqm/crypto.hxx>
#include <scrqm/register.hxx>
#include <scrqm/text.hxx>

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

namespace
{

const std::vector<scrqm::RegisterEntry> kEntries = {{"Liam Carter", "Child A", "name"},
                                                    {"Zoë Smith-Jones", "Child B", "name"},
                                                    {"12 Elm Grove", "the family home", "address"}};
const std::string kPassphrase = "correct horse battery";

std::size_t matches(const scrqm::HashedRegister& reg, const std::string& text)
{
    const std::vector<scrqm::Token> tokens = scrqm::tokenize(icu::UnicodeString::fromUTF8(text));
    std::size_t n = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (const std::size_t m = reg.match(tokens, i, nullptr))
        {
            ++n;
            i += m - 1;
        }
    return n;
}

std::vector<std::string> lexicon(const char* file)
{
    std::ifstream in(std::string(SCRQM_DATA_DIR_FOR_TESTS) + "/lexicons/" + file);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#')
            out.push_back(line);
    return out;
}

} // namespace

TEST(Crypto, PrimitivesAreLibsodiums)
{
    // FIPS 180-2's example: the ignore list's stored form keeps its meaning.
    EXPECT_EQ(scrqm::sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const scrqm::SecretKey a = scrqm::SecretKey::random(), b = scrqm::SecretKey::random();
    EXPECT_NE(scrqm::keyed_hash_hex(a, "liam"), scrqm::keyed_hash_hex(b, "liam"));
    EXPECT_EQ(scrqm::keyed_hash_hex(a, "liam"), scrqm::keyed_hash_hex(a, "liam"));
    std::string plain;
    const std::string sealed = scrqm::seal(a, "secret", "header");
    EXPECT_TRUE(scrqm::open(a, sealed, "header", plain));
    EXPECT_EQ(plain, "secret");
    EXPECT_FALSE(scrqm::open(b, sealed, "header", plain));
    EXPECT_FALSE(scrqm::open(a, sealed, "other header", plain));
    std::string changed = sealed;
    changed[changed.size() / 2] ^= 1;
    EXPECT_FALSE(scrqm::open(a, changed, "header", plain));
    EXPECT_EQ(scrqm::from_hex(scrqm::to_hex("\x01\xff")), "\x01\xff");
    EXPECT_EQ(scrqm::from_hex("0g"), "");
}

TEST(SealedRegister, FoundWithThePassphrase)
{
    const std::string file = scrqm::seal_register(kEntries, kPassphrase);
    EXPECT_TRUE(scrqm::is_sealed_register(file));
    const scrqm::HashedRegister reg = scrqm::open_register(file, kPassphrase, "case.json");
    EXPECT_EQ(matches(reg, "Liam met ZOE SMITH-JONES at 12 Elm Grove."), 3u);
    const scrqm::HashedRegister::Target* target = nullptr;
    const auto tokens = scrqm::tokenize(icu::UnicodeString::fromUTF8("Carter"));
    ASSERT_EQ(reg.match(tokens, 0, &target), 1u);
    EXPECT_EQ(target->pseudonym, "Child A");
    // Sealed twice, never the same file: a new salt and nonce each time.
    EXPECT_NE(scrqm::seal_register(kEntries, kPassphrase), file);
}

// What the register dialog and Replace do: open, add or remove, seal again
// under the same salt, so the earlier pairs still match.
TEST(SealedRegister, EditedInPlaceKeepsWhatWasThere)
{
    std::string file = scrqm::edit_register("", kPassphrase,
                                            [](scrqm::HashedRegister& r) { r.add({kEntries[0]}); });
    file = scrqm::edit_register(file, kPassphrase,
                                [](scrqm::HashedRegister& r) { r.add({kEntries[1]}); });
    scrqm::HashedRegister reg = scrqm::open_register(file, kPassphrase, "case.json");
    EXPECT_EQ(matches(reg, "Liam Carter met Zoe Smith Jones."), 2u);
    file = scrqm::edit_register(file, kPassphrase,
                                [](scrqm::HashedRegister& r) { r.remove({kEntries[0]}); });
    reg = scrqm::open_register(file, kPassphrase, "case.json");
    EXPECT_EQ(matches(reg, "Liam Carter met Zoe Smith Jones."), 1u);
    EXPECT_THROW(scrqm::edit_register(file, "another passphrase", [](scrqm::HashedRegister&) {}),
                 scrqm::WrongPassphrase);
}

// A new passphrase re-seals the master key only: the forms still match, the
// old passphrase no longer opens the file, and a version 2 register (its
// master key derived from the passphrase) is carried over to version 3.
TEST(SealedRegister, PassphraseChangedKeepsTheFormsAndLocksTheOldOne)
{
    const std::string file = scrqm::seal_register(kEntries, kPassphrase);
    EXPECT_EQ(file.rfind("{\"scrqm-register\":3,", 0), 0u) << file.substr(0, 40);
    const std::string renewed =
        scrqm::change_register_passphrase(file, kPassphrase, "a brand new passphrase", "c.json");
    EXPECT_NE(renewed, file);
    EXPECT_EQ(matches(scrqm::open_register(renewed, "a brand new passphrase", "c.json"),
                      "Liam met ZOE SMITH-JONES at 12 Elm Grove."),
              3u);
    EXPECT_THROW(scrqm::open_register(renewed, kPassphrase, "c.json"), scrqm::WrongPassphrase);
    EXPECT_THROW(
        scrqm::change_register_passphrase(file, "not the passphrase", "another one!", "c.json"),
        scrqm::WrongPassphrase);
    EXPECT_THROW(scrqm::change_register_passphrase(file, kPassphrase, "short", "c.json"),
                 scrqm::DataError);
    // Version 2, made here as the scrqm before it sealed registers.
    const std::string salt(16, '\x5a');
    const std::string salt_hex = scrqm::to_hex(salt);
    const scrqm::SecretKey master =
        scrqm::SecretKey::from_passphrase(kPassphrase, salt, 2, 64u << 20);
    const std::string forms =
        scrqm::HashedRegister::from_entries(kEntries, master.derive(2, "scrqmreg")).to_json();
    const std::string ad = "scrqm-register 2 argon2id13 2 67108864 " + salt_hex;
    const std::string v2 =
        "{\"scrqm-register\":2,\"kdf\":\"argon2id13\",\"ops\":2,\"mem\":67108864,\"salt\":\"" +
        salt_hex + "\",\"box\":\"" +
        scrqm::to_hex(scrqm::seal(master.derive(1, "scrqmreg"), forms, ad)) + "\"}";
    EXPECT_EQ(matches(scrqm::open_register(v2, kPassphrase, "v2"), "Liam Carter"), 1u);
    const std::string v3 =
        scrqm::change_register_passphrase(v2, kPassphrase, "a brand new passphrase", "v2");
    EXPECT_EQ(v3.rfind("{\"scrqm-register\":3,", 0), 0u);
    EXPECT_EQ(matches(scrqm::open_register(v3, "a brand new passphrase", "v2"), "Liam Carter"), 1u);
    EXPECT_THROW(scrqm::open_register(v3, kPassphrase, "v2"), scrqm::WrongPassphrase);
}

TEST(SealedRegister, WrongPassphraseOrAChangedByteIsRefusedClearly)
{
    const std::string file = scrqm::seal_register(kEntries, kPassphrase);
    try
    {
        scrqm::open_register(file, "not the passphrase", "case.json");
        FAIL() << "opened with a wrong passphrase";
    }
    catch (const scrqm::WrongPassphrase& e)
    {
        EXPECT_EQ(std::string(e.what()),
                  "case.json: wrong passphrase for this case register (or the file was changed)");
    }
    // The cost in the header is authenticated: changed, it is refused too.
    std::string cheaper = file;
    cheaper.replace(cheaper.find("\"ops\":2"), 7, "\"ops\":1");
    EXPECT_THROW(scrqm::open_register(cheaper, kPassphrase, "x"), scrqm::WrongPassphrase);
    // A cost past the bound is refused before any work.
    std::string dear = file;
    dear.replace(dear.find("\"ops\":2"), 7, "\"ops\":99");
    EXPECT_THROW(scrqm::open_register(dear, kPassphrase, "x"), scrqm::DataError);
    std::string box = file;
    box[box.find("\"box\":\"") + 10] = box[box.find("\"box\":\"") + 10] == 'a' ? 'b' : 'a';
    EXPECT_THROW(scrqm::open_register(box, kPassphrase, "x"), scrqm::WrongPassphrase);
    EXPECT_THROW(scrqm::open_register("{\"scrqm-register\":2}", kPassphrase, "x"),
                 scrqm::DataError);
    EXPECT_THROW(scrqm::open_register("[[[[", kPassphrase, "x"), scrqm::DataError);
}

TEST(SealedRegister, PassphraseBoundsAndTheOldUnprotectedForm)
{
    EXPECT_THROW(scrqm::seal_register(kEntries, "short"), scrqm::DataError);
    EXPECT_THROW(scrqm::seal_register(kEntries, std::string(2000, 'x')), scrqm::DataError);
    const std::string old = R"({"version":1,"salt":"00ff","max_words":1,"forms":{}})";
    EXPECT_TRUE(scrqm::is_unprotected_stored_register(old));
    try
    {
        scrqm::open_register(old, kPassphrase, "case.json");
        FAIL();
    }
    catch (const scrqm::DataError& e)
    {
        EXPECT_NE(std::string(e.what()).find("older scrqm without a passphrase"),
                  std::string::npos);
    }
}

// What the old register was broken by: a list of names hashed the way a
// register used to be (SHA-256, with or without the salt beside it). None
// of our 7,800 given names and surnames, in any form, appears in the file.
TEST(SealedRegister, NoListOfNamesCanBeTestedAgainstTheFile)
{
    std::vector<std::string> names = lexicon("given-names.txt");
    const std::vector<std::string> surnames = lexicon("surnames.txt");
    names.insert(names.end(), surnames.begin(), surnames.end());
    ASSERT_GT(names.size(), 7000u);
    std::vector<scrqm::RegisterEntry> entries;
    for (std::size_t i = 0; i + 1 < 200; i += 2)
        entries.push_back({names[i] + " " + surnames[i], "Person " + std::to_string(i), "name"});
    const std::string file = scrqm::seal_register(entries, kPassphrase);
    const std::string salt = file.substr(file.find("\"salt\":\"") + 8, 32);
    std::string lower = file;
    for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::size_t tried = 0;
    for (const std::string& name : names)
    {
        const std::string folded = scrqm::fold(name);
        for (const std::string& form : {name, folded})
        {
            // A name of hex letters only ("Abe", "Dede") is in any long hex.
            if (scrqm::fold(form).find_first_not_of("0123456789abcdef -") != std::string::npos)
            {
                EXPECT_EQ(lower.find(scrqm::fold(form)), std::string::npos) << form;
            }
            for (const std::string& hash :
                 {scrqm::sha256_hex(form), scrqm::sha256_hex(salt + "\x1f" + form),
                  scrqm::sha256_hex(salt + form)})
            {
                EXPECT_EQ(file.find(hash), std::string::npos) << form;
                EXPECT_EQ(file.find(hash.substr(0, 16)), std::string::npos) << form;
                ++tried;
            }
        }
    }
    EXPECT_GT(tried, 40000u);
    // And the file still opens to the names it holds.
    EXPECT_EQ(matches(scrqm::open_register(file, kPassphrase, "x"), entries[3].real), 1u);
}

TEST(SealedRegister, CheckRequestFindsLocksOrRefuses)
{
    const std::string file = scrqm::seal_register(kEntries, kPassphrase);
    const scrqm::CheckRequest open =
        scrqm::check_request({{"Register", file}, {"Passphrase", kPassphrase}});
    ASSERT_EQ(open.hashed_registers.size(), 1u);
    EXPECT_TRUE(open.notes.empty());
    EXPECT_EQ(matches(*open.hashed_registers[0], "Liam Carter"), 1u);
    // What the command line hands on to its office opens the same way.
    const scrqm::CheckRequest again = scrqm::check_request(scrqm::check_arguments(open));
    ASSERT_EQ(again.hashed_registers.size(), 1u);

    const scrqm::CheckRequest locked = scrqm::check_request({{"Register", file}});
    EXPECT_TRUE(locked.hashed_registers.empty());
    ASSERT_EQ(locked.notes.size(), 1u);
    EXPECT_NE(locked.notes[0].find("is locked"), std::string::npos);
    EXPECT_THROW(scrqm::check_request({{"Register", file}, {"Passphrase", "wrong one!"}}),
                 scrqm::WrongPassphrase);
}
