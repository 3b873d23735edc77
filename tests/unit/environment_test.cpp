#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "common/environment.hpp"

using namespace dbcurl;

namespace {

// Three directories, each a home curl may look in; a file is created in some.
class Homes {
 public:
  Homes() {
    std::random_device random;
    root_ = std::filesystem::temp_directory_path() / ("dbcurl-homes-" + std::to_string(random()));
    for (const char* name : {"curl_home", "xdg", "home"}) std::filesystem::create_directories(root_ / name / ".ssh");
  }
  ~Homes() { std::filesystem::remove_all(root_); }
  Homes(const Homes&) = delete;
  Homes& operator=(const Homes&) = delete;

  std::string dir(const char* name) const { return (root_ / name).string(); }
  std::string add_known_hosts(const char* name) const {
    const std::string path = dir(name) + "/.ssh/known_hosts";
    std::ofstream(path) << "host ssh-ed25519 AAAA\n";
    return path;
  }

 private:
  std::filesystem::path root_;
};

}  // namespace

TEST_CASE("known_hosts is found as curl 7.88's tool finds it: CURL_HOME, XDG_CONFIG_HOME, HOME in that order") {
  const Homes homes;
  MapEnvironment env(
      {{"CURL_HOME", homes.dir("curl_home")}, {"XDG_CONFIG_HOME", homes.dir("xdg")}, {"HOME", homes.dir("home")}});
  const std::string in_home = homes.add_known_hosts("home");
  CHECK(find_in_curl_homes(env, ".ssh/known_hosts") == in_home);
  const std::string in_xdg = homes.add_known_hosts("xdg");
  CHECK(find_in_curl_homes(env, ".ssh/known_hosts") == in_xdg);
  // curl's test 1459: CURL_HOME's known_hosts wins over HOME's.
  const std::string in_curl_home = homes.add_known_hosts("curl_home");
  CHECK(find_in_curl_homes(env, ".ssh/known_hosts") == in_curl_home);
  // An empty variable is skipped, as unset.
  env.set("CURL_HOME", "");
  CHECK(find_in_curl_homes(env, ".ssh/known_hosts") == in_xdg);
}
