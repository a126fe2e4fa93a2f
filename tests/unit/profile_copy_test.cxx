// The profile template's copy: the unpacked extension's files are linked,
// everything else copied, and a file that cannot be copied stops the copy
// with an error instead of leaving a partial profile that looks complete.
#include <scrqm/profile_copy.hxx>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sys/stat.h>

namespace
{

namespace fs = std::filesystem;
using scrqm::copy_profile;
using scrqm::inside_extension;

class ProfileCopy : public ::testing::Test
{
protected:
    void SetUp() override
    {
        char dir[] = "/tmp/scrqm-profile-copy-XXXXXX";
        ASSERT_NE(::mkdtemp(dir), nullptr);
        root_ = dir;
        from_ = root_ / "template";
        fs::create_directories(from_ /
                               "user/uno_packages/cache/uno_packages/lu1.tmp_/scrqm.oxt/data");
        write(from_ / "user/uno_packages/cache/uno_packages/lu1.tmp_/scrqm.oxt/libscrqm.so", "lib");
        write(from_ / "user/uno_packages/cache/uno_packages/lu1.tmp_/scrqm.oxt/data/a.json", "{}");
        write(from_ / "user/uno_packages/cache/uno_packages/lu1.tmp_/scrqm.oxtproperties", "p");
        write(from_ / "user/registrymodifications.xcu", "<x/>");
        fs::create_symlink("registrymodifications.xcu", from_ / "user/link.xcu");
        ::chmod((from_ / "user/registrymodifications.xcu").c_str(), 0600);
    }
    void TearDown() override { fs::remove_all(root_); }

    static void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }
    static ino_t inode(const fs::path& p)
    {
        struct stat st;
        return ::lstat(p.c_str(), &st) == 0 ? st.st_ino : 0;
    }
    bool linked(const fs::path& to, const std::string& rel) const
    {
        return inode(to / rel) != 0 && inode(to / rel) == inode(from_ / rel);
    }

    fs::path root_, from_;
};

TEST_F(ProfileCopy, ExtensionFilesAreLinkedTheRestCopied)
{
    const fs::path to = root_ / "session";
    std::error_code ec;
    copy_profile(from_.string(), to.string(), true, ec);
    ASSERT_FALSE(ec) << ec.message();
    const std::string ext = "user/uno_packages/cache/uno_packages/lu1.tmp_/scrqm.oxt/";
    EXPECT_TRUE(linked(to, ext + "libscrqm.so"));
    EXPECT_TRUE(linked(to, ext + "data/a.json"));
    // Next to the extension, not inside it: LibreOffice writes such files.
    EXPECT_FALSE(linked(to, "user/uno_packages/cache/uno_packages/lu1.tmp_/scrqm.oxtproperties"));
    EXPECT_FALSE(linked(to, "user/registrymodifications.xcu"));
    EXPECT_TRUE(
        fs::exists(to / "user/uno_packages/cache/uno_packages/lu1.tmp_/scrqm.oxtproperties"));
    EXPECT_EQ(fs::status(to / "user/registrymodifications.xcu").permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_TRUE(fs::is_symlink(to / "user/link.xcu"));
    EXPECT_EQ(fs::read_symlink(to / "user/link.xcu"), "registrymodifications.xcu");
}

TEST_F(ProfileCopy, WithoutLinksEverythingIsACopy)
{
    const fs::path to = root_ / "kept";
    std::error_code ec;
    copy_profile(from_.string(), to.string(), false, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_FALSE(linked(to, "user/uno_packages/cache/uno_packages/lu1.tmp_/scrqm.oxt/libscrqm.so"));
    std::ifstream in(to / "user/uno_packages/cache/uno_packages/lu1.tmp_/scrqm.oxt/libscrqm.so");
    std::string text;
    in >> text;
    EXPECT_EQ(text, "lib");
}

TEST_F(ProfileCopy, AFileThatCannotBeCopiedIsAnError)
{
    // A FIFO is neither a directory, a link nor a regular file: copy_file
    // refuses it, as it would a file lost to a full disk.
    ASSERT_EQ(::mkfifo((from_ / "user/zz-fifo").c_str(), 0600), 0);
    std::error_code ec;
    copy_profile(from_.string(), (root_ / "session").string(), true, ec);
    EXPECT_TRUE(ec);
}

TEST_F(ProfileCopy, AMissingTemplateIsAnError)
{
    std::error_code ec;
    copy_profile((root_ / "no-such-template").string(), (root_ / "session").string(), true, ec);
    EXPECT_TRUE(ec);
}

TEST(ProfileCopyPaths, InsideExtensionMeansUnderAnOxtDirectory)
{
    EXPECT_TRUE(inside_extension("user/uno_packages/cache/uno_packages/x/scrqm.oxt/libscrqm.so"));
    EXPECT_TRUE(inside_extension("a/b.oxt/c/d.json"));
    EXPECT_FALSE(inside_extension("user/uno_packages/cache/uno_packages/x/scrqm.oxtproperties"));
    EXPECT_FALSE(inside_extension("user/b.oxt"));  // the name itself is not a directory above
    EXPECT_FALSE(inside_extension("user/.oxt/x")); // no name before the extension
    EXPECT_FALSE(inside_extension("registrymodifications.xcu"));
}

} // namespace
