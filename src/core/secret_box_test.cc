#include "core/secret_box.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/crypto.h"
#include "core/error_matchers.h"

namespace maplace::crypto {
namespace {

constexpr std::string_view kIban = "FR7630006000011234567890189";

class SecretBoxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Initialise();
    dir_ = std::filesystem::temp_directory_path() / ("secret-box-test-" + RandomToken(6));
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static SecretBox Box(std::string_view text) {
    auto box = SecretBox::FromKeyFileText(text);
    if (!box) throw std::runtime_error(box.error().message);
    return std::move(*box);
  }

  std::filesystem::path dir_;
};

TEST_F(SecretBoxTest, SealsAndOpensWithARandomNonce) {
  const SecretBox box = Box(SecretBox::NewKeyLine("k1"));
  const std::string a = box.Seal(kIban);
  const std::string b = box.Seal(kIban);

  EXPECT_NE(a, b);  // a fresh nonce each time: equal IBANs do not show as equal rows
  EXPECT_EQ(a.rfind("sb1:k1:", 0), 0u);
  EXPECT_EQ(a.find(kIban), std::string::npos);
  // 24-byte nonce + 16-byte MAC + 27 bytes = 67 bytes = 92 base64 characters.
  EXPECT_EQ(a.size(), std::string("sb1:k1:").size() + 92);
  EXPECT_EQ(box.Open(a).value(), kIban);
  EXPECT_EQ(box.Open(b).value(), kIban);
  EXPECT_EQ(box.Open(box.Seal("")).value(), "");
}

TEST_F(SecretBoxTest, AnAlteredValueFailsInsteadOfDecryptingToGarbage) {
  const SecretBox box = Box(SecretBox::NewKeyLine("k1"));
  const std::string sealed = box.Seal(kIban);
  const std::size_t payload = std::string("sb1:k1:").size();
  for (std::size_t i = payload; i + 2 < sealed.size(); ++i) {  // the last two may be padding
    std::string altered = sealed;
    altered[i] = altered[i] == 'A' ? 'B' : 'A';
    EXPECT_THAT(box.Open(altered), HasErrorCode(ErrorCode::kInternal)) << "position " << i;
  }
  EXPECT_THAT(box.Open(sealed.substr(0, sealed.size() - 4)), HasErrorCode(ErrorCode::kInternal));
  EXPECT_THAT(box.Open("sb1:k1:"), HasErrorCode(ErrorCode::kInternal));
  EXPECT_THAT(box.Open("sb2:k1:" + sealed.substr(payload)), HasErrorCode(ErrorCode::kInternal));
  EXPECT_THAT(box.Open(kIban), HasErrorCode(ErrorCode::kInternal));
}

TEST_F(SecretBoxTest, AnotherKeyUnderTheSameIdCannotOpen) {
  const SecretBox mine = Box(SecretBox::NewKeyLine("k1"));
  const SecretBox theirs = Box(SecretBox::NewKeyLine("k1"));
  auto opened = theirs.Open(mine.Seal(kIban));
  ASSERT_THAT(opened, HasErrorCode(ErrorCode::kInternal));
  EXPECT_EQ(opened.error().message.find(kIban), std::string::npos);
}

TEST_F(SecretBoxTest, RotationSealsWithTheLastKeyAndOpensWithAll) {
  const std::string k1 = SecretBox::NewKeyLine("k1");
  const SecretBox before = Box(k1);
  const std::string old_value = before.Seal(kIban);

  const SecretBox after = Box("# rotated\n" + k1 + "\n" + SecretBox::NewKeyLine("k2"));
  EXPECT_EQ(after.current_key_id(), "k2");
  EXPECT_EQ(after.Open(old_value).value(), kIban);
  EXPECT_TRUE(after.NeedsResealing(old_value));
  const std::string new_value = after.Seal(kIban);
  EXPECT_EQ(new_value.rfind("sb1:k2:", 0), 0u);
  EXPECT_FALSE(after.NeedsResealing(new_value));

  EXPECT_THAT(before.Open(new_value), HasErrorCode(ErrorCode::kFailedPrecondition));
}

TEST_F(SecretBoxTest, MalformedKeyFilesAreRefused) {
  EXPECT_THAT(SecretBox::FromKeyFileText(""), HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_THAT(SecretBox::FromKeyFileText("# only a comment\n"),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_THAT(SecretBox::FromKeyFileText("k1 c2hvcnQ=\n"),  // "short": 5 bytes
              HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_THAT(SecretBox::FromKeyFileText("K1 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"),
              HasErrorCode(ErrorCode::kFailedPrecondition));  // upper-case id
  const std::string line = SecretBox::NewKeyLine("k1");
  EXPECT_THAT(SecretBox::FromKeyFileText(line + line),
              HasErrorCode(ErrorCode::kFailedPrecondition));
  EXPECT_THROW(SecretBox::NewKeyLine("bad id"), std::invalid_argument);
}

TEST_F(SecretBoxTest, CreatesAMissingKeyFileReadableByItsOwnerOnly) {
  const auto file = dir_ / "keys" / "bank.key";
  auto box = SecretBox::OpenKeyFile(file);
  ASSERT_THAT(box, IsOk());
  EXPECT_EQ(box->current_key_id(), "k1");

  struct stat info {};
  ASSERT_EQ(::stat(file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(file.parent_path()),
                          std::filesystem::directory_iterator()),
            1);  // no temporary file left behind

  // Opening again reads the same key: what was sealed still opens.
  const std::string sealed = box->Seal(kIban);
  auto again = SecretBox::OpenKeyFile(file);
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->Open(sealed).value(), kIban);
}

TEST_F(SecretBoxTest, RefusesAKeyFileOthersCanRead) {
  std::filesystem::create_directories(dir_);
  const auto file = dir_ / "bank.key";
  std::ofstream(file) << SecretBox::NewKeyLine("k1");
  ASSERT_EQ(::chmod(file.c_str(), 0644), 0);
  EXPECT_THAT(SecretBox::OpenKeyFile(file), HasErrorCode(ErrorCode::kFailedPrecondition));
  ASSERT_EQ(::chmod(file.c_str(), 0600), 0);
  EXPECT_THAT(SecretBox::OpenKeyFile(file), IsOk());
}

TEST_F(SecretBoxTest, AMalformedKeyFileIsNotOverwritten) {
  std::filesystem::create_directories(dir_);
  const auto file = dir_ / "bank.key";
  std::ofstream(file) << "k1 not-base64\n";
  ASSERT_EQ(::chmod(file.c_str(), 0600), 0);
  EXPECT_THAT(SecretBox::OpenKeyFile(file), HasErrorCode(ErrorCode::kFailedPrecondition));
  std::ifstream in(file);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "k1 not-base64\n");
}

}  // namespace
}  // namespace maplace::crypto
