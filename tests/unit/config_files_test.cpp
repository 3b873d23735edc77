#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "common/files.hpp"
#include "creds/config_files.hpp"
#include "temp_home.hpp"

using namespace dbcurl;
using dbcurl::testing::FakeHome;
using dbcurl::testing::TempHome;

namespace {

constexpr auto kShared = std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                         std::filesystem::perms::group_read | std::filesystem::perms::others_read;

// A ConfigFiles whose warnings are collected.
struct WatchedFiles {
  explicit WatchedFiles(Io io) : files(io, [this](std::string_view text) { warnings.emplace_back(text); }) {}
  std::vector<std::string> warnings;
  ConfigFiles files;
};

}  // namespace

TEST_CASE("shared_with_others: a regular file that group or others may use") {
  TempHome home;
  const DiskFileSystem disk;
  const std::string path = home.write("file", "x");
  CHECK_FALSE(disk.shared_with_others(path));  // 0600
  std::filesystem::permissions(path, kShared);
  CHECK(disk.shared_with_others(path));
  CHECK_FALSE(disk.shared_with_others(home.path("missing")));
  CHECK_FALSE(disk.shared_with_others(home.path("")));  // a directory
}

TEST_CASE("ConfigFiles warns once about a credential file others can read, through its sink") {
  FakeHome home;
  const std::string config = home.path(".databrickscfg");
  const std::string netrc = home.path(".netrc");
  home.files.write(config, "[DEFAULT]\nhost = https://h\ntoken = dapi-x\n", true);
  home.files.write(netrc, "machine h login token password dapi-y\n", true);
  WatchedFiles watched(home.io());
  REQUIRE(watched.files.databricks_config());
  REQUIRE(watched.files.netrc(netrc));
  (void)watched.files.databricks_config();
  (void)watched.files.netrc(netrc);
  REQUIRE(watched.warnings.size() == 2);
  CHECK(watched.warnings[0] == config + " holds credentials and is readable by others; run: chmod 600 " + config);
  CHECK(watched.warnings[1] == netrc + " holds credentials and is readable by others; run: chmod 600 " + netrc);
}

TEST_CASE("ConfigFiles: no warning for a private file, nor for a shared file without secrets") {
  FakeHome home;
  home.write(".netrc", "machine h login token password dapi-y\n");  // private
  home.files.write(home.path(".databrickscfg"), "[DEFAULT]\nhost = https://h\n", true);
  WatchedFiles watched(home.io());
  REQUIRE(watched.files.databricks_config());
  REQUIRE(watched.files.netrc(home.path(".netrc")));
  CHECK(watched.warnings.empty());
}

TEST_CASE("ConfigFiles warns about a shared config.toml, also one that does not parse") {
  FakeHome home;
  const std::string toml = home.path(".config/dbcurl/config.toml");
  home.files.write(toml, "this is not toml [", true);
  WatchedFiles watched(home.io());
  CHECK_FALSE(watched.files.dbcurl_config());
  REQUIRE(watched.warnings.size() == 1);
  CHECK(watched.warnings[0].starts_with(toml + " holds credentials"));
}
