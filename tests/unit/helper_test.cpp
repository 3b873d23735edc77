#include "creds/helper.hpp"

#include <catch2/catch.hpp>

using namespace dbcurl;
using namespace std::chrono_literals;

TEST_CASE("a helper that runs past its time limit is an error of its own kind, timed out") {
  ProcessRunner runner;
  const auto started = std::chrono::steady_clock::now();
  const Result<SecretString> slow = runner.run(HelperCommand{{"sh", "-c", "sleep 5"}, 200ms, "a test"});
  REQUIRE_FALSE(slow.ok());
  CHECK(slow.error().kind == ErrorKind::kTimedOut);
  CHECK(slow.error().exit_code == exit_code::kHelperFailed);
  CHECK(slow.error().message == "token helper 'sh -c sleep 5' timed out after 0.200 s (configured in a test)");
  CHECK(std::chrono::steady_clock::now() - started < 4s);

  const Result<SecretString> failed = runner.run(HelperCommand{{"sh", "-c", "exit 3"}, 5s, "a test"});
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().kind == ErrorKind::kFailed);
  CHECK(failed.error().message == "token helper 'sh -c exit 3' failed with exit code 3 (configured in a test)");
}
