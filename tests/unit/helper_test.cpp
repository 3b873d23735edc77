#include "creds/helper.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

#include "temp_home.hpp"

using namespace dbcurl;
using namespace std::chrono_literals;
using dbcurl::testing::TempHome;

TEST_CASE("a helper that runs past its time limit is an error of its own kind, timed out") {
  const ProcessEnvironment env;
  ProcessRunner runner(env);
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

TEST_CASE("ProcessRunner looks a helper up on the PATH of its Environment, not the process's") {
  TempHome home;
  const std::string helper = home.write("bin/print-token", "#!/bin/sh\necho eyJ-helper-token\n");
  std::filesystem::permissions(helper, std::filesystem::perms::owner_all);
  home.env.set("PATH", home.path("bin"));
  ProcessRunner runner(home.env);
  HelperCommand command;
  command.argv = {"print-token"};
  const Result<SecretString> output = runner.run(command);
  REQUIRE(output.ok());
  CHECK(output->view() == "eyJ-helper-token\n");
  // sh is on the process's PATH, not on this one.
  command.argv = {"sh"};
  const Result<SecretString> missing = runner.run(command);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("was not found on PATH") != std::string::npos);
}
